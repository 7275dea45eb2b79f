"""One writer at a time: a second run refuses at once, or waits when told to (deployments)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from warehouse.layout import WarehouseLayout
from warehouse.lock import LOCK_WAIT_ENV, WarehouseBusy, WarehouseLock


@pytest.fixture()
def layout(tmp_path: Path) -> WarehouseLayout:
    return WarehouseLayout.at(tmp_path / "warehouse.duckdb")


def test_a_second_writer_is_refused_at_once_by_default(
    layout: WarehouseLayout, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(LOCK_WAIT_ENV, raising=False)
    with WarehouseLock(layout, "first"):
        started = time.monotonic()
        with pytest.raises(WarehouseBusy, match='"run_id": "first"'):
            WarehouseLock(layout, "second").__enter__()
        assert time.monotonic() - started < 1.0


def test_a_writer_told_to_wait_runs_once_the_first_is_done(
    layout: WarehouseLayout, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(LOCK_WAIT_ENV, "30")
    first = WarehouseLock(layout, "first", wait_seconds=0).__enter__()
    threading.Timer(1.0, first.__exit__, (None, None, None)).start()
    with WarehouseLock(layout, "second") as second:
        assert second.wait_seconds == 30
        assert '"run_id": "second"' in layout.lock.read_text()


def test_a_writer_that_waited_too_long_says_so(layout: WarehouseLayout) -> None:
    with WarehouseLock(layout, "first"), pytest.raises(WarehouseBusy, match="after waiting 1 s"):
        WarehouseLock(layout, "second", wait_seconds=1).__enter__()
