"""A run has a time limit: past it the run stops without publishing, releases the warehouse lock
and says so in one line (flows/time_limit.py), even while a batch is stuck in extraction."""

from __future__ import annotations

import fcntl
import os
import subprocess
import threading
import time
from pathlib import Path

import pytest

from flows.time_limit import EXIT_STATUS, RunTimeLimit, entering_publish, run_seconds
from tests.conftest import REPO, SEED
from tests.test_poison_articles import NEWSDESK, _all_gone, _children, _command


def test_the_limit_comes_from_the_option_then_the_environment_then_six_hours(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSDESK_RUN_SECONDS", raising=False)
    assert run_seconds() == 6 * 3600
    monkeypatch.setenv("NEWSDESK_RUN_SECONDS", "90")
    assert run_seconds() == 90
    assert run_seconds(5) == 5
    assert run_seconds(0) is None  # 0: no limit


def test_the_watchdog_stops_a_run_past_its_limit_and_not_one_that_publishes() -> None:
    stopped: list[str] = []
    with RunTimeLimit(0.2, "ingest", on_expiry=stopped.append):
        time.sleep(1)
    assert len(stopped) == 1 and stopped[0].startswith("time limit: the ingest run was stopped after 0.2 s")

    publishing: list[str] = []
    with RunTimeLimit(0.3, "ingest", on_expiry=publishing.append):
        entering_publish()  # from here the run publishes whole
        time.sleep(0.8)
    assert publishing == []

    finished: list[str] = []
    with RunTimeLimit(0.3, "ingest", on_expiry=finished.append):
        pass
    time.sleep(0.6)
    assert finished == [] and not any(t.name == "newsdesk-run-time-limit" for t in threading.enumerate())


def test_a_run_stuck_in_extraction_stops_at_its_limit_and_unlocks_the_warehouse(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "seed.txt").write_bytes(SEED.read_bytes())
    (folder / "hang.txt").write_text("date 2001-05-04\n\nThis one says POISON-HANG.\n", encoding="utf-8")
    env = {
        **os.environ, "PYTHONPATH": str(REPO), "NEWSDESK_EXTRACTOR_FACTORY": "tests.worker_support:PoisonExtractor",
        "NEWSDESK_ARTICLE_SECONDS": "3600",  # the article's own limit would set it aside long after the run's
    }  # fmt: skip
    env.pop("PREFECT_API_URL", None)
    warehouse = tmp_path / "w.duckdb"
    run = subprocess.Popen(
        [str(NEWSDESK), "run", str(folder), "-w", str(warehouse), "--time-limit", "10"],
        env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip
    workers: list[int] = []
    deadline = time.monotonic() + 240
    while run.poll() is None and time.monotonic() < deadline:  # note the NLP worker while it hangs
        workers += [pid for pid in _children(run.pid) if "extraction_worker" in _command(pid) and pid not in workers]
        time.sleep(0.2)
    try:
        _, stderr = run.communicate(timeout=60)
    finally:
        if run.poll() is None:
            os.killpg(run.pid, 9)
    assert run.returncode == EXIT_STATUS, stderr
    assert stderr.strip().splitlines()[-1] == (
        "time limit: the ingest run was stopped after 10 s (NEWSDESK_RUN_SECONDS or --time-limit) before "
        "publishing; the warehouse keeps its last published state and is unlocked"
    )
    assert workers, "the run never got to extraction"
    assert _all_gone(workers, within=10)
    assert not warehouse.exists()  # nothing was published
    lock = os.open(tmp_path / "w.duckdb.lock", os.O_RDWR)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # the next run can take the warehouse
    finally:
        os.close(lock)
