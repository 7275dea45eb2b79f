"""A run's time limit: past it, the run ends its process without publishing, and says so in one line.

Why a watchdog that ends the process, not Prefect's flow `timeout_seconds`: Prefect raises the
timeout in the flow's own thread, but a task thread of the ThreadPoolTaskRunner blocked in
extraction (waiting on the NLP worker) is not interrupted; the flow then waits for that thread
as it unwinds, and the run's clean-up (`exclusive_run` removing this run's staged parts) would race
with the batch still writing them. Ending the process is what Ctrl-C does (newsdesk/cli.py), and
it loses nothing: a run publishes in one atomic swap, so the warehouse keeps its last published
state; the warehouse lock is an flock and the NLP worker and the temporary Prefect server watch
this process, so all three are released when it ends; the next run's recovery removes what this
one staged.

The limit covers discovery, reading and extraction. Once publishing starts it no longer applies:
publishing costs what the data costs, not what an article does, and a rebuild from a large lake
stopped at the limit every time would never finish. The watchdog and the start of publishing
take one lock, so a run is either stopped before it publishes or publishes whole.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from types import TracebackType

RUN_SECONDS_ENV = "NEWSDESK_RUN_SECONDS"
DEFAULT_RUN_SECONDS = 6 * 3600.0
EXIT_STATUS = 124  # what timeout(1) exits with

_active: RunTimeLimit | None = None  # the limit of the run in progress in this process


def run_seconds(explicit: float | None = None) -> float | None:
    """The run's limit: `explicit`, else $NEWSDESK_RUN_SECONDS, else 6 h; 0 or less means none."""
    value = explicit if explicit is not None else float(os.environ.get(RUN_SECONDS_ENV, DEFAULT_RUN_SECONDS))
    return value if value > 0 else None


def describe(seconds: float) -> str:
    if seconds >= 3600:
        return f"{seconds / 3600:g} h"
    if seconds >= 60:
        return f"{seconds / 60:g} min"
    return f"{seconds:g} s"


def stop_process(message: str) -> None:
    """End the run now: the NLP worker first, then one line on stderr, then the process."""
    from flows.ingest import stop_extraction

    try:
        stop_extraction()
    finally:
        sys.stdout.flush()
        sys.stderr.write(message + "\n")
        sys.stderr.flush()
        os._exit(EXIT_STATUS)


class RunTimeLimit:
    """`with RunTimeLimit(seconds, "ingest"):` around a run; `entering_publish()` before it publishes."""

    def __init__(self, seconds: float | None, flow_name: str, on_expiry: Callable[[str], None] = stop_process) -> None:
        self.seconds = seconds
        self.flow_name = flow_name
        self.on_expiry = on_expiry
        self._lock = threading.Lock()
        self._disarmed = False
        self._timer: threading.Timer | None = None

    @property
    def message(self) -> str:
        limit = describe(self.seconds or 0)
        return (
            f"time limit: the {self.flow_name} run was stopped after {limit} ({RUN_SECONDS_ENV} or --time-limit) "
            "before publishing; the warehouse keeps its last published state and is unlocked"
        )

    def __enter__(self) -> RunTimeLimit:
        global _active
        if self.seconds is not None:
            self._timer = threading.Timer(self.seconds, self._expire)
            self._timer.daemon = True
            self._timer.name = "newsdesk-run-time-limit"
            self._timer.start()
        _active = self
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        global _active
        self.disarm()
        if _active is self:
            _active = None

    def disarm(self) -> None:
        """No stop from now on (waits for a stop in progress, which ends the process)."""
        with self._lock:
            self._disarmed = True
            if self._timer is not None:
                self._timer.cancel()

    def _expire(self) -> None:
        with self._lock:
            if not self._disarmed:
                self._disarmed = True
                self.on_expiry(self.message)


def entering_publish() -> None:
    """Called as a run starts publishing: the limit of the run in progress stops applying."""
    if _active is not None:
        _active.disarm()
