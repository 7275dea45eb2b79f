"""Settings read from the environment, and the offline, quiet Prefect set-up.

`configure_prefect()` must run before Prefect is imported: Prefect reads its settings once.
"""

from __future__ import annotations

import os
from pathlib import Path

WAREHOUSE_ENV = "NEWSDESK_WAREHOUSE"
LAKE_ENV = "NEWSDESK_LAKE"
MAX_FILE_BYTES_ENV = "NEWSDESK_MAX_FILE_BYTES"
DEFAULT_WAREHOUSE = Path("data") / "warehouse.duckdb"
DEFAULT_INPUTS = ("seeds",)
DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024
DEFAULT_BATCH_SIZE = 64

# Offline and quiet: a temporary local Prefect server, no telemetry, a project-local home, and a
# startup timeout that survives a cold 2-core machine.
PREFECT_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "300",
    "PREFECT_SERVER_ALLOW_EPHEMERAL_MODE": "true",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_CLOUD_ENABLE_ORCHESTRATION_TELEMETRY": "false",
}


def warehouse_path(explicit: str | Path | None = None) -> Path:
    """--warehouse, else $NEWSDESK_WAREHOUSE, else ./data/warehouse.duckdb.

    A path ending in .duckdb names the database; any other path names its folder.
    """
    chosen = Path(explicit or os.environ.get(WAREHOUSE_ENV) or DEFAULT_WAREHOUSE).expanduser().resolve()
    return chosen if chosen.suffix == ".duckdb" else chosen / "warehouse.duckdb"


def lake_location(explicit: str | None = None) -> str | None:
    """--lake, else $NEWSDESK_LAKE, else None (the folder beside the database)."""
    return explicit or os.environ.get(LAKE_ENV) or None


def max_file_bytes() -> int:
    return int(os.environ.get(MAX_FILE_BYTES_ENV, DEFAULT_MAX_FILE_BYTES))


def configure_prefect(home: Path | None = None, verbose: bool = False) -> None:
    """Set Prefect's environment defaults (explicit user settings win)."""
    os.environ.setdefault("PREFECT_HOME", str((home or Path.cwd() / ".prefect").resolve()))
    for name, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(name, value)
    if verbose:
        os.environ["PREFECT_LOGGING_LEVEL"] = "INFO"
