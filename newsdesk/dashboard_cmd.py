"""`newsdesk dashboard`: serve the Streamlit app of dashboard/app.py on the warehouse, until Ctrl-C."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from rich.console import Console

from newsdesk.config import WAREHOUSE_ENV

APP = Path(__file__).resolve().parents[1] / "dashboard" / "app.py"

# Offline and quiet: no usage statistics, no browser opened by the server, no file watcher.
STREAMLIT_OPTIONS = {
    "server.headless": "true",
    "browser.gatherUsageStats": "false",
    "server.fileWatcherType": "none",
    "client.toolbarMode": "viewer",
}


def streamlit_command(port: int, address: str = "127.0.0.1") -> list[str]:
    """The command line that serves the dashboard on address:port."""
    options = {**STREAMLIT_OPTIONS, "server.address": address, "server.port": str(port)}
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(APP),
        *(f"--{name}={value}" for name, value in options.items()),
    ]


def run_dashboard(warehouse: Path, port: int, address: str = "127.0.0.1") -> int:
    """Serve the dashboard on the warehouse (read-only) until interrupted; return an exit code."""
    console = Console()
    if not warehouse.exists():
        console.print(
            f"[yellow]no warehouse at {warehouse} yet:[/yellow] the dashboard will say so; run `make run` first"
        )
    console.print(f"newsdesk dashboard on http://{address}:{port} — warehouse {warehouse} (read-only); Ctrl-C stops it")
    environment = {**os.environ, WAREHOUSE_ENV: str(warehouse)}
    try:
        return subprocess.call(streamlit_command(port, address), env=environment)
    except KeyboardInterrupt:
        return 0
