"""Killing `newsdesk run` with SIGKILL at random moments never leaves a partial warehouse."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests.test_task_runners import content

KILLS = 3
RUN_TIMEOUT_SECONDS = 240


def newsdesk_run(folder: Path, warehouse: Path, home: Path) -> subprocess.Popen:
    env = {**os.environ, "PREFECT_HOME": str(home), "NEWSDESK_WAREHOUSE": str(warehouse)}
    return subprocess.Popen(
        [sys.executable, "-m", "newsdesk.cli", "run", str(folder), "--batch-size", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, so the kill reaches every child
    )


def kill_group(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait(timeout=30)


def completed_run(folder: Path, warehouse: Path, home: Path) -> None:
    process = newsdesk_run(folder, warehouse, home)
    try:
        _, stderr = process.communicate(timeout=RUN_TIMEOUT_SECONDS)
    finally:
        kill_group(process)
    assert process.returncode == 0, stderr.decode()


def reference_state(folders: list[Path], warehouse: Path) -> dict[str, list[tuple]]:
    """The same runs in process, uninterrupted: what a completed run must give."""
    from flows.ingest import ingest

    for folder in folders:
        ingest(inputs=[str(folder)], warehouse=str(warehouse), batch_size=2)
    return content(warehouse)


def run_count(warehouse: Path) -> int:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute("SELECT count(*) FROM runs").fetchone()[0]  # type: ignore[index]


def lake_run_folders(warehouse: Path) -> int:
    return len(list((warehouse.with_name(warehouse.stem + "_lake") / "runs").glob("run=*")))


@pytest.mark.usefixtures("prefect_harness")
def test_sigkill_at_random_moments_leaves_the_previous_or_the_complete_state(articles_folder: Path, tmp_path: Path) -> None:
    warehouse, home = tmp_path / "w.duckdb", tmp_path / "prefect"
    first, second = articles_folder, tmp_path / "second"
    second.mkdir()
    for index in range(12):
        (second / f"note-{index:02d}.txt").write_text(
            f"date 2022-0{1 + index % 9}-1{index % 10}\n\nNote {index}: le ministre a reçu à Rabat "
            f"une délégation venue d'Alger pour la {index + 1}e réunion de la commission mixte.",
            encoding="utf-8",
        )
    completed_run(first, warehouse, home)
    before = content(warehouse)

    both = tmp_path / "both"
    both.mkdir()
    for source in (first, second):
        for path in source.iterdir():
            (both / f"{source.name}-{path.name}").write_bytes(path.read_bytes())
    complete = reference_state([first, both], tmp_path / "reference.duckdb")

    chooser = random.Random(20221119)
    for attempt in range(KILLS):
        process = newsdesk_run(both, warehouse, home)
        delay = chooser.uniform(2.0, 16.0)
        started = time.monotonic()
        while time.monotonic() - started < delay and process.poll() is None:
            time.sleep(0.05)
        kill_group(process)
        state = content(warehouse)
        assert state in (before, complete), f"kill {attempt} after {delay:.1f}s left a partial warehouse"
        assert lake_run_folders(warehouse) <= run_count(warehouse) + 1
        if state == complete:
            break

    completed_run(both, warehouse, home)
    assert content(warehouse) == complete
    assert lake_run_folders(warehouse) == run_count(warehouse)
