"""Killing `newsdesk run` with SIGKILL at random moments never leaves a partial warehouse, and a
program killed while writing the published file does not break the next run."""

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
from warehouse.database_file import (
    DatabaseOpenForWriting,
    UnusableWal,
    check_readable,
    copy_with_wal,
    refuse_if_open_for_writing,
    swap_in,
    wal_path,
)

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
def test_sigkill_at_random_moments_leaves_the_previous_or_the_complete_state(
    articles_folder: Path, tmp_path: Path
) -> None:
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


# --- a WAL left beside the published file by another program ---------------------------------


def die_after_writing(database: Path, statement: str) -> None:
    """What a DuckDB CLI or notebook that opened the file read-write and was killed leaves behind."""
    script = (
        "import duckdb, os, signal, sys\n"
        "con = duckdb.connect(sys.argv[1]); con.execute(sys.argv[2]); os.kill(os.getpid(), signal.SIGKILL)"
    )
    died = subprocess.run([sys.executable, "-c", script, str(database), statement], check=False)
    assert died.returncode == -signal.SIGKILL
    assert wal_path(database).exists()


def hold_open_for_writing(database: Path, read_only: bool = False) -> subprocess.Popen:
    script = (
        "import duckdb, sys, time\n"
        "con = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == 'ro'); print('open', flush=True); time.sleep(60)"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", script, str(database), "ro" if read_only else "rw"], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline() == "open\n"
    return holder


@pytest.mark.usefixtures("prefect_harness")
def test_a_run_survives_a_wal_left_by_a_killed_writer(articles_folder: Path, tmp_path: Path) -> None:
    """Issue 12 item 3: the next publish swapped a new file in beside the old WAL, and DuckDB
    refused the warehouse from then on."""
    from flows.ingest import ingest

    database = tmp_path / "w.duckdb"
    seed, rest = tmp_path / "seed", articles_folder
    seed.mkdir()
    for path in sorted(rest.glob("000_*")):
        path.rename(seed / path.name)
    ingest(inputs=[str(seed)], warehouse=str(database))
    die_after_writing(database, "CREATE TABLE notes AS SELECT 1 AS x")

    summary = ingest(inputs=[str(seed), str(rest)], warehouse=str(database))

    assert summary.published and not wal_path(database).exists()
    reference = tmp_path / "reference.duckdb"
    ingest(inputs=[str(seed)], warehouse=str(reference))
    ingest(inputs=[str(seed), str(rest)], warehouse=str(reference))
    assert content(database) == content(reference)  # a foreign table is not the code's: dropped by the rebuild


def test_a_foreign_wal_is_replayed_into_the_copy_and_leaves_with_the_swap(tmp_path: Path) -> None:
    database, copy = tmp_path / "w.duckdb", tmp_path / ".w.duckdb.run.tmp"
    with duckdb.connect(str(database)) as con:
        con.execute("CREATE TABLE t AS SELECT 1 AS x")
    die_after_writing(database, "INSERT INTO t VALUES (2)")
    published = database.read_bytes()

    with copy_with_wal(database, copy) as con:
        assert con.execute("SELECT x FROM t ORDER BY x").fetchall() == [(1,), (2,)]
        con.execute("INSERT INTO t VALUES (3)")
        con.execute("CHECKPOINT")
    assert database.read_bytes() == published and wal_path(database).exists()  # untouched until the swap

    swap_in(copy, database)
    assert not wal_path(database).exists() and not copy.exists()
    with duckdb.connect(str(database), read_only=True) as con:
        assert con.execute("SELECT x FROM t ORDER BY x").fetchall() == [(1,), (2,), (3,)]


def test_a_wal_of_an_older_file_is_refused_with_a_clear_message_before_any_change(tmp_path: Path) -> None:
    database = tmp_path / "w.duckdb"
    with duckdb.connect(str(database)) as con:
        con.execute("CREATE TABLE t AS SELECT 1 AS x")
    die_after_writing(database, "INSERT INTO t VALUES (2)")
    newer = tmp_path / "newer.duckdb"
    with duckdb.connect(str(newer)) as con:
        con.execute("CREATE TABLE t AS SELECT 3 AS x")
    os.replace(newer, database)  # what publishing did before: a new file beside the old WAL

    with pytest.raises(UnusableWal, match="w.duckdb.wal cannot be replayed .* Move it out of the way"):
        check_readable(database)
    with pytest.raises(UnusableWal):
        copy_with_wal(database, tmp_path / "copy.duckdb")
    assert wal_path(database).exists()


def test_a_program_holding_the_file_open_for_writing_stops_publishing_but_readers_do_not(tmp_path: Path) -> None:
    database = tmp_path / "w.duckdb"
    with duckdb.connect(str(database)) as con:
        con.execute("CREATE TABLE t AS SELECT 1 AS x")
    for read_only in (True, False):
        holder = hold_open_for_writing(database, read_only)
        try:
            if read_only:
                refuse_if_open_for_writing(database)
                check_readable(database)
            else:
                with pytest.raises(DatabaseOpenForWriting, match="open for writing; close it"):
                    refuse_if_open_for_writing(database)
                with pytest.raises(DatabaseOpenForWriting):
                    check_readable(database)
        finally:
            holder.kill()
            holder.wait()
