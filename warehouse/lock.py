"""One writer at a time: an advisory lock on `<warehouse>.duckdb.lock`.

The lock is an OS file lock (flock), so it dies with the process that holds it: a killed run
never leaves the warehouse locked. The file records who holds it, for the error message.

A run refuses at once when another holds the lock (what a person at a terminal wants to know),
unless it is told to wait: NEWSDESK_LOCK_WAIT_SECONDS, which the deployments of prefect.yaml set,
so that an ingest and a reprocess scheduled on the same warehouse queue up instead of failing.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from datetime import UTC, datetime
from types import TracebackType

from warehouse.layout import WarehouseLayout


class WarehouseBusy(RuntimeError):
    pass


LOCK_WAIT_ENV = "NEWSDESK_LOCK_WAIT_SECONDS"
_RETRY_SECONDS = 0.5


def lock_wait_seconds() -> float:
    """How long a run waits for another run's lock before giving up: 0 (refuse at once) by default."""
    return float(os.environ.get(LOCK_WAIT_ENV) or 0)


class WarehouseLock:
    def __init__(self, layout: WarehouseLayout, run_id: str, wait_seconds: float | None = None) -> None:
        self.layout = layout
        self.run_id = run_id
        self.wait_seconds = lock_wait_seconds() if wait_seconds is None else wait_seconds
        self._handle: int | None = None

    def __enter__(self) -> WarehouseLock:
        self.layout.database.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(self.layout.lock, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.wait_seconds
        while not _try_lock(handle):
            if time.monotonic() >= deadline:
                holder = os.read(handle, 4096).decode("utf-8", "replace") or "unknown"
                os.close(handle)
                waited = f" after waiting {self.wait_seconds:.0f} s" if self.wait_seconds else ""
                raise WarehouseBusy(
                    f"another newsdesk run is writing {self.layout.database} ({holder}){waited}; "
                    "wait for it to finish and run again"
                )
            time.sleep(min(_RETRY_SECONDS, max(0.0, deadline - time.monotonic())))
        os.ftruncate(handle, 0)
        started = datetime.now(UTC).isoformat(timespec="seconds")
        os.write(handle, json.dumps({"run_id": self.run_id, "pid": os.getpid(), "since": started}).encode())
        self._handle = handle
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._handle is not None:
            os.ftruncate(self._handle, 0)
            fcntl.flock(self._handle, fcntl.LOCK_UN)
            os.close(self._handle)
            self._handle = None


def _try_lock(handle: int) -> bool:
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True
