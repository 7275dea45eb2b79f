"""The Prefect API server of one `newsdesk run` or `reprocess`, owned by that command.

Prefect would start such a temporary server by itself, but as a plain child: Ctrl-C in the
terminal reaches it first (the flow then fails on a dead API and retries for a minute), and a
SIGKILL of the command (the OOM killer, a scheduler) leaves it running for ever. Started here
instead, it lives in its own session (terminal signals reach only the command, which stops it),
dies with the command even when the command is killed (Linux parent-death signal), and takes only
requests that carry a random auth string known to this command.
"""

from __future__ import annotations

import ctypes
import os
import secrets
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from newsdesk.serve import LOOPBACK, ServiceProcess, api_url, free_port, wait_until_healthy

_PR_SET_PDEATHSIG = 1
STOP_GRACE_SECONDS = 3.0


def api_configured() -> bool:
    """Whether Prefect is already pointed at a server (`newsdesk serve`, a test harness, Cloud)."""
    from prefect.settings import get_current_settings

    return bool(get_current_settings().api.url)


@dataclass
class StartingServer:
    """A temporary server spawned ahead of time (`start_early`), not yet known to be healthy."""

    server: ServiceProcess
    port: int
    auth: str


def start_early() -> StartingServer | None:
    """Spawn the temporary server now, before Prefect is imported in this process, so that it
    boots while the command imports Prefect and the NLP worker loads its models. None when the
    environment already names a server; `prefect_api(early)` stops it if a Prefect profile does."""
    if os.environ.get("PREFECT_API_URL"):
        return None
    port, auth = free_port(), f"newsdesk:{secrets.token_urlsafe(24)}"
    return StartingServer(ServiceProcess("temporary Prefect server", _start_uvicorn(port, auth)), port, auth)


@contextmanager
def temporary_server(early: StartingServer | None = None) -> Iterator[str]:
    """Start a server on a free loopback port (or take the one `start_early` spawned), point
    Prefect at it, and stop it on the way out."""
    from prefect.settings import PREFECT_API_AUTH_STRING, PREFECT_API_URL, temporary_settings

    if early is None:
        port, auth = free_port(), f"newsdesk:{secrets.token_urlsafe(24)}"
        server = ServiceProcess("temporary Prefect server", _start_uvicorn(port, auth))
    else:
        server, port, auth = early.server, early.port, early.auth
    try:
        wait_until_healthy(server, port)
        with temporary_settings(updates={PREFECT_API_URL: api_url(port), PREFECT_API_AUTH_STRING: auth}):
            yield api_url(port)
    finally:
        server.stop(grace=STOP_GRACE_SECONDS)


@contextmanager
def prefect_api(early: StartingServer | None = None) -> Iterator[None]:
    """The configured server if there is one, else a temporary server of this command (the
    one spawned by `start_early`, if given)."""
    if api_configured():
        if early is not None:
            early.server.stop(grace=STOP_GRACE_SECONDS)
        yield
    else:
        with temporary_server(early):
            yield


def _start_uvicorn(port: int, auth: str) -> subprocess.Popen[bytes]:
    """Prefect's API app as Prefect's own temporary server runs it: no UI, no background services."""
    from importlib.util import find_spec

    prefect_folder = Path(find_spec("prefect").origin).parent  # type: ignore[arg-type,union-attr]  # without importing it
    env = {name: value for name, value in os.environ.items() if name != "PREFECT_API_URL"}
    env.update(
        PREFECT_UI_ENABLED="0",
        PREFECT__SERVER_EPHEMERAL="1",
        PREFECT__SERVER_FINAL="1",
        PREFECT_SERVER_API_AUTH_STRING=auth,
    )
    command = [
        sys.executable, "-m", "uvicorn", "--app-dir", str(prefect_folder.parent),
        "--factory", "prefect.server.api.server:create_app", "--host", LOOPBACK, "--port", str(port),
        "--log-level", "error", "--lifespan", "on",
    ]  # fmt: skip
    parent = os.getpid()
    return subprocess.Popen(
        command, env=env, stdin=subprocess.DEVNULL, start_new_session=True,
        preexec_fn=lambda: _die_with(parent),
    )  # fmt: skip


def _die_with(parent: int) -> None:
    """In the child, before it runs: be killed when the parent dies (Linux), or now if it has."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)
