"""One writer at a time: an advisory lock on `<warehouse>.duckdb.lock`.

The lock is an OS file lock (flock), so it dies with the process that holds it: a killed run
never leaves the warehouse locked. The file records who holds it, for the error message.
"""

from __future__ import annotations

import fcntl
import json
import os
from datetime import UTC, datetime
from types import TracebackType

from warehouse.layout import WarehouseLayout


class WarehouseBusy(RuntimeError):
    pass


class WarehouseLock:
    def __init__(self, layout: WarehouseLayout, run_id: str) -> None:
        self.layout = layout
        self.run_id = run_id
        self._handle: int | None = None

    def __enter__(self) -> WarehouseLock:
        self.layout.database.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(self.layout.lock, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(handle, 4096).decode("utf-8", "replace") or "unknown"
            os.close(handle)
            raise WarehouseBusy(
                f"another newsdesk run is writing {self.layout.database} ({holder}); "
                "wait for it to finish and run again"
            ) from None
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
