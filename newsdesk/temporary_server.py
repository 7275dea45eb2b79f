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

from newsdesk.serve import LOOPBACK, ServiceProcess, api_url, free_port, wait_until_healthy

_PR_SET_PDEATHSIG = 1
STOP_GRACE_SECONDS = 3.0


def api_configured() -> bool:
    """Whether Prefect is already pointed at a server (`newsdesk serve`, a test harness, Cloud)."""
    from prefect.settings import get_current_settings

    return bool(get_current_settings().api.url)


@contextmanager
def temporary_server() -> Iterator[str]:
    """Start a server on a free loopback port, point Prefect at it, and stop it on the way out."""
    from prefect.settings import PREFECT_API_AUTH_STRING, PREFECT_API_URL, temporary_settings

    port, auth = free_port(), f"newsdesk:{secrets.token_urlsafe(24)}"
    server = ServiceProcess("temporary Prefect server", _start_uvicorn(port, auth))
    try:
        wait_until_healthy(server, port)
        with temporary_settings(updates={PREFECT_API_URL: api_url(port), PREFECT_API_AUTH_STRING: auth}):
            yield api_url(port)
    finally:
        server.stop(grace=STOP_GRACE_SECONDS)


@contextmanager
def prefect_api() -> Iterator[None]:
    """The configured server if there is one, else a temporary server of this command."""
    if api_configured():
        yield
    else:
        with temporary_server():
            yield


def _start_uvicorn(port: int, auth: str) -> subprocess.Popen[bytes]:
    """Prefect's API app as Prefect's own temporary server runs it: no UI, no background services."""
    import prefect

    env = {name: value for name, value in os.environ.items() if name != "PREFECT_API_URL"}
    env.update(
        PREFECT_UI_ENABLED="0",
        PREFECT__SERVER_EPHEMERAL="1",
        PREFECT__SERVER_FINAL="1",
        PREFECT_SERVER_API_AUTH_STRING=auth,
    )
    command = [
        sys.executable, "-m", "uvicorn", "--app-dir", str(prefect.__module_path__.parent),
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
