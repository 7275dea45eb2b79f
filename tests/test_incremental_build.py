"""Publishing on a standby file, building and checking only what a run touched, gives the tables a
full rebuild from the lake gives (warehouse/standby.py, warehouse/incremental.py)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from warehouse import standby
from warehouse.layout import WarehouseLayout
from warehouse.publish import QualityCheckFailed, exclusive_run, publish_run
from warehouse.schema import stored_tables
from warehouse.staging import StagingArea

REPO = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("bench_incremental", REPO / "bench" / "bench_incremental.py")
bench = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(bench)  # type: ignore[union-attr]


def snapshot(database: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(database), read_only=True) as con:
        names = [row[0] for row in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()]
        return {name: con.execute(f"SELECT * FROM {name} ORDER BY ALL").fetchall() for name in names}


def reextracted(rows: dict[str, list[dict]], shift: int) -> dict[str, list[dict]]:
    """The same articles extracted again, finding other actors (old ones lose their mentions)."""

    def other(actor: str) -> str:
        return bench.actor_id((int(actor.rsplit("-", 1)[1]) + shift) % bench.ACTORS)

    changed = {}
    for table, table_rows in rows.items():
        if table in ("actors", "actor_aliases") or table in ("article_actors", "mentions", "event_actors"):
            changed[table] = [{**row, "actor_id": other(row["actor_id"])} for row in table_rows]
        else:
            changed[table] = table_rows
    return changed


def agreement_rows(numbers: range, run_id: str, at: datetime) -> dict[str, list[dict]]:
    """Articles mentioning agreements: an undated mention folds into the dated one of its parties."""
    rows = bench.synthetic_rows(numbers, run_id, at)
    tables = stored_tables()
    for index, article in enumerate(rows["articles"]):
        dated = index % 2 == 0
        signed = article["published_start"] - timedelta(days=3) if dated else None
        mention = {column: None for column in tables["agreement_mentions"].column_names} | {
            "article_id": article["article_id"],
            "agreement_id": f"agreement-{index % 3}-{'d' if dated else 'u'}",
            "name": "accord",
            "normalized_name": "accord",
            "type": "treaty",
            "domain": "trade",
            "parties": [bench.actor_id(1), bench.actor_id(2)],
            "parties_key": f"{index % 3}",
            "signatories": [],
            "signed_start": signed,
            "signed_end": signed,
            "signed_precision": "day" if dated else None,
            "place": None,
            "status": "signed",
            "provisions": [],
            "notes": [],
            "evidence": "accord signé",
            "sentence": 1,
            "start": 5,
            "end": 11,
            "extractor_version": bench.EXTRACTOR,
        }
        rows.setdefault("agreement_mentions", []).append(mention)
    return rows


class Runs:
    def __init__(self, database: Path, lake: str | None = None) -> None:
        self.layout = WarehouseLayout.at(database, lake)
        self.count = 0

    def publish(self, rows: dict[str, list[dict]] | None = None, numbers: range | None = None) -> None:
        self.count += 1
        at = datetime(2024, 1, 1) + timedelta(hours=self.count)
        run_id = f"{self.count:08d}-test"
        run_key = f"{at:%Y%m%dT%H%M%S%fZ}-{run_id[:8]}"
        if rows is None:
            assert numbers is not None
            rows = bench.synthetic_rows(numbers, run_id, at)
        run_row = {column: 0 for column in stored_tables()["runs"].column_names} | {
            "run_id": run_id,
            "flow_name": "ingest",
            "parameters_json": "{}",
            "code_version": "test",
            "extractor_version": bench.EXTRACTOR,
            "started_at": at,
            "finished_at": None,
            "status": "completed",
            "table_counts_json": None,
        }
        with exclusive_run(self.layout, run_id):
            StagingArea(self.layout.lake, run_key).write(rows, "00000")
            publish_run(self.layout, run_key, run_row, at + timedelta(minutes=1))


def rebuilt(lake: str, tmp_path: Path) -> dict[str, list[tuple]]:
    tmp_path.mkdir(parents=True, exist_ok=True)
    """The tables a full rebuild from the lake gives (what a schema change or a lost file does)."""
    from warehouse.publish import _drop_views, _open_copy  # noqa: PLC2701
    from warehouse.schema import build_sql

    layout = WarehouseLayout.at(tmp_path / "rebuilt.duckdb", lake)
    con, scoped = _open_copy(layout, layout.database)
    assert not scoped
    with con:
        _drop_views(con)
        con.execute(build_sql())
        con.execute("CHECKPOINT")
    return snapshot(layout.database)


def test_runs_built_on_standbys_give_the_tables_of_a_full_rebuild(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    runs = Runs(tmp_path / "w.duckdb")
    runs.publish(numbers=range(0, 40))
    runs.publish(numbers=range(40, 80))  # copies: the first swap retires the file for the next
    caplog.set_level("INFO", logger="warehouse.publish")
    runs.publish(rows=agreement_rows(range(80, 92), "00000003-test", datetime(2024, 1, 1, 3)))
    again = bench.synthetic_rows(range(0, 10), "00000004-test", datetime(2024, 1, 1, 4))
    runs.publish(rows=reextracted(again, shift=7))  # re-extracted: some actors lose every mention
    runs.publish(rows=agreement_rows(range(92, 100), "00000005-test", datetime(2024, 1, 1, 5)))
    assert sum("built on standby" in message for message in caplog.messages) == 3

    published = snapshot(runs.layout.database)
    assert published == rebuilt(runs.layout.lake_location, tmp_path)
    assert len(published["agreements"]) >= 3 and len(published["articles"]) == 100


def test_a_standby_held_open_by_a_reader_is_not_written(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    runs = Runs(tmp_path / "w.duckdb")
    runs.publish(numbers=range(0, 5))
    runs.publish(numbers=range(5, 10))
    (retired,) = tmp_path.glob(".w.duckdb.*.standby")
    before = retired.read_bytes()
    script = "import duckdb, sys, time; c = duckdb.connect(sys.argv[1], read_only=True); print('open', flush=True); time.sleep(60)"
    for holder_in_this_process in (True, False):
        caplog.clear()
        caplog.set_level("INFO", logger="warehouse.publish")
        if holder_in_this_process:
            holder = duckdb.connect(str(retired), read_only=True)
        else:
            process = subprocess.Popen([sys.executable, "-c", script, str(retired)], stdout=subprocess.PIPE, text=True)
            assert process.stdout is not None and process.stdout.readline() == "open\n"
        try:
            assert standby.lock_holder(retired) in ({os.getpid()} if holder_in_this_process else {process.pid})
            runs.publish(numbers=range(10 + 5 * holder_in_this_process, 15 + 5 * holder_in_this_process))
            assert not any(retired.name in message for message in caplog.messages)  # a newer one may be
            assert retired.exists() and retired.read_bytes() == before  # the reader's version is untouched
        finally:
            if holder_in_this_process:
                holder.close()
            else:
                process.kill()
                process.wait()
    caplog.clear()
    runs.publish(numbers=range(20, 25))  # let go: the newest free standby is used again
    assert any("built on standby" in message for message in caplog.messages)
    assert snapshot(runs.layout.database) == rebuilt(runs.layout.lake_location, tmp_path)


def test_a_foreign_write_to_the_published_file_makes_the_next_run_copy_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    runs = Runs(tmp_path / "w.duckdb")
    runs.publish(numbers=range(0, 5))
    runs.publish(numbers=range(5, 10))
    with duckdb.connect(str(runs.layout.database)) as con:  # what the published file is not for
        con.execute("UPDATE articles SET title = 'edited by hand' WHERE title = 'Article 3'")
    caplog.set_level("INFO", logger="warehouse.publish")
    runs.publish(numbers=range(10, 15))
    assert not any("built on standby" in message for message in caplog.messages)
    with duckdb.connect(str(runs.layout.database), read_only=True) as con:  # kept until a rebuild, as before
        assert con.execute("SELECT count(*) FROM articles WHERE title = 'edited by hand'").fetchall() == [(1,)]


def test_a_scoped_check_still_fails_on_the_rows_a_run_brings(tmp_path: Path) -> None:
    runs = Runs(tmp_path / "w.duckdb")
    runs.publish(numbers=range(0, 5))
    runs.publish(numbers=range(5, 10))
    rows = bench.synthetic_rows(range(10, 12), "bad", datetime(2024, 2, 1))
    rows["mentions"][0]["actor_id"] = "nobody"  # refers to no actor
    with pytest.raises(QualityCheckFailed, match="mentions.actor_id refers to an actor"):
        runs.publish(rows=rows)
    before = snapshot(runs.layout.database)
    runs.publish(numbers=range(12, 14))  # the failed run left the warehouse and a usable standby
    assert len(snapshot(runs.layout.database)["articles"]) == len(before["articles"]) + 2


def test_standby_files_not_recorded_are_removed_by_recovery(tmp_path: Path) -> None:
    from warehouse.publish import recover_interrupted_runs

    runs = Runs(tmp_path / "w.duckdb")
    runs.publish(numbers=range(0, 5))
    runs.publish(numbers=range(5, 10))
    stray = standby.standby_path(runs.layout, "20990101T000000000000Z-crashed")
    os.link(runs.layout.database, stray)  # a crash between the hard link and the swap
    assert standby.lock_holder(stray) is None
    assert f"removed {stray.name}" in recover_interrupted_runs(runs.layout)
    assert runs.layout.database.exists() and not stray.exists()
    (kept,) = tmp_path.glob(".w.duckdb.*.standby")
    assert standby.Signature.of(kept) is not None


# --- compaction (warehouse/compaction.py) ------------------------------------------------------


def compaction_scenario(tmp_path: Path, lake: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fold runs into a snapshot, with crashes before and after its commit point: a rebuild from
    the lake gives the published tables every time, and publishing carries on."""
    from warehouse import compaction
    from warehouse.lake import Lake

    runs = Runs(tmp_path / "w.duckdb", lake)
    for start in range(0, 50, 10):
        runs.publish(numbers=range(start, start + 10))
    runs.publish(rows=reextracted(bench.synthetic_rows(range(0, 5), "00000006-test", datetime(2024, 1, 1, 6)), shift=3))
    lake_location = runs.layout.lake_location
    store = Lake.at(lake_location)
    expected = snapshot(runs.layout.database)

    def failing(*args: object) -> None:
        raise OSError("killed before the snapshot's commit")

    with monkeypatch.context() as patch:  # dies with every part written but no _COMMITTED
        patch.setattr(Lake, "commit_snapshot", failing)
        with pytest.raises(OSError, match="killed before"):
            compaction.compact_lake(runs.layout)
    assert store.snapshot_keys()[0] == [] and len(store.run_keys()[0]) == 6
    assert rebuilt(lake_location, tmp_path / "a") == expected

    with monkeypatch.context() as patch:  # dies after the commit, before deleting the folded runs
        patch.setattr(compaction, "_remove_replaced", lambda layout: None)
        done = compaction.compact_lake(runs.layout)
    assert (done.runs_folded, done.runs_left) == (4, 2)
    assert len(store.run_keys()[0]) == 6 and len(store.snapshot_keys()[0]) == 1
    assert rebuilt(lake_location, tmp_path / "b") == expected  # the snapshot and the 2 runs after it

    assert compaction.compact_lake(runs.layout).runs_folded == 0  # tidies up, folds nothing new
    assert len(store.run_keys()[0]) == 2 and store.snapshot_keys() == ([done.snapshot], [])
    runs.publish(numbers=range(50, 60))  # on a standby, catching up from the runs kept
    runs.publish(numbers=range(60, 70))
    assert compaction.compact_lake(runs.layout).runs_folded == 2  # a second snapshot replaces the first
    assert len(store.snapshot_keys()[0]) == 1 and len(store.run_keys()[0]) == 2
    assert rebuilt(lake_location, tmp_path / "c") == snapshot(runs.layout.database)


def test_compaction_keeps_a_rebuild_identical_and_is_crash_safe(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compaction_scenario(tmp_path, None, monkeypatch)
