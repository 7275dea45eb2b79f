"""Settings read from the environment, and the offline, quiet Prefect set-up.

`configure_prefect()` must run before Prefect is imported: Prefect reads its settings once.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

WAREHOUSE_ENV = "NEWSDESK_WAREHOUSE"
LAKE_ENV = "NEWSDESK_LAKE"
MAX_FILE_BYTES_ENV = "NEWSDESK_MAX_FILE_BYTES"
# NLP worker processes of `newsdesk run` (default runner) and `newsdesk extract`: each holds the
# models (0.5-1 GB resident) and extracts one batch at a time, so two use two cores for twice the
# memory. Default: min(2, CPUs), 1 in a Dask worker (Dask scales by worker processes).
NLP_PROCESSES_ENV = "NEWSDESK_NLP_PROCESSES"
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


def nlp_processes(in_dask_worker: bool = False) -> int:
    """$NEWSDESK_NLP_PROCESSES (everywhere, Dask workers included), else 1 in a Dask worker and
    min(2, CPUs) elsewhere: the default stops at two because each process costs its own memory
    (and the model load) and the run's own process needs a share of the cores too."""
    chosen = os.environ.get(NLP_PROCESSES_ENV, "").strip()
    if not chosen:
        return 1 if in_dask_worker else min(2, os.cpu_count() or 1)
    if not chosen.isdigit() or int(chosen) < 1:
        raise ValueError(f"{NLP_PROCESSES_ENV} must be a whole number of processes, 1 or more (got {chosen!r})")
    return int(chosen)


def configure_prefect(home: Path | None = None, verbose: bool = False) -> None:
    """Set Prefect's environment defaults (explicit user settings win).

    A client of the server `newsdesk serve` runs on this machine (PREFECT_API_URL on the
    loopback) gets that server's auth string from the Prefect home, unless one is set already.
    """
    os.environ.setdefault("PREFECT_HOME", str((home or Path.cwd() / ".prefect").resolve()))
    for name, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(name, value)
    if verbose:
        os.environ["PREFECT_LOGGING_LEVEL"] = "INFO"
    auth = read_serve_auth(Path(os.environ["PREFECT_HOME"]))
    if auth and is_loopback_url(os.environ.get("PREFECT_API_URL", "")):
        os.environ.setdefault("PREFECT_API_AUTH_STRING", auth)


# --- the auth string of `newsdesk serve` -----------------------------------------------------

SERVE_AUTH_FILE = "serve-auth"  # in the Prefect home, mode 0600


def serve_auth_path(home: Path) -> Path:
    return home / SERVE_AUTH_FILE


def read_serve_auth(home: Path) -> str | None:
    """The auth string `newsdesk serve` stored in `home`, if any."""
    try:
        return serve_auth_path(home).read_text(encoding="utf-8").strip() or None
    except (FileNotFoundError, NotADirectoryError):
        return None


def is_loopback_url(url: str) -> bool:
    """Whether `url` names this machine: only such a server may receive the local auth string."""
    host = urlsplit(url).hostname or ""
    return host == "localhost" or host == "::1" or host.startswith("127.")
