"""The lake works on any filesystem: here fsspec's in-memory one, which has no rename at all."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests.test_task_runners import content
from warehouse.lake import COMMIT_MARKER, Lake

pytestmark = pytest.mark.usefixtures("prefect_harness")


def test_a_lake_on_another_filesystem_gives_the_same_warehouse(articles_folder: Path, tmp_path: Path) -> None:
    from flows.ingest import ingest

    ingest(inputs=[str(articles_folder)], warehouse=str(tmp_path / "local.duckdb"))
    ingest(inputs=[str(articles_folder)], warehouse=str(tmp_path / "remote.duckdb"), lake="memory://newsdesk-test/lake")
    assert content(tmp_path / "local.duckdb") == content(tmp_path / "remote.duckdb")
    assert not (tmp_path / "remote_lake").exists()
    lake = Lake.at("memory://newsdesk-test/lake")
    committed, uncommitted = lake.run_keys()
    assert len(committed) == 1 and uncommitted == []
    assert lake.filesystem.get_file_info(f"{lake.run_folder(committed[0])}/{COMMIT_MARKER}").size > 0


def test_the_database_is_rebuilt_from_a_remote_lake(articles_folder: Path, tmp_path: Path) -> None:
    from flows.ingest import ingest

    database = tmp_path / "w.duckdb"
    ingest(inputs=[str(articles_folder)], warehouse=str(database), lake="memory://newsdesk-rebuild/lake")
    before = content(database)
    database.unlink()
    (articles_folder / "new.txt").write_text("date 2022-09-01\n\nUn nouvel article sur Alger et Madrid.", encoding="utf-8")
    ingest(inputs=[str(articles_folder)], warehouse=str(database), lake="memory://newsdesk-rebuild/lake")
    after = content(database)
    assert all(row in after["articles"] for row in before["articles"])
    with duckdb.connect(str(database), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM runs").fetchall() == [(2,)]


def test_an_uncommitted_run_is_invisible_and_removed_by_recovery(tmp_path: Path) -> None:
    from warehouse.layout import WarehouseLayout
    from warehouse.publish import recover_interrupted_runs
    from warehouse.schema import stored_tables

    layout = WarehouseLayout.at(tmp_path / "w.duckdb", "memory://newsdesk-recovery/lake")
    row = {column: None for column in stored_tables()["quarantine"].column_names} | {
        "path": "/x", "content_sha256": "", "record": -1, "reason": "empty", "message": "m",
        "first_seen_run": "r", "first_seen_at": __import__("datetime").datetime(2022, 1, 1),
    }
    layout.lake.write_part(stored_tables()["quarantine"], [row], "20220101T000000Z-dead", "00000")
    assert layout.lake.run_keys() == ([], ["20220101T000000Z-dead"])
    assert recover_interrupted_runs(layout) == ["removed run=20220101T000000Z-dead"]
    assert layout.lake.run_keys() == ([], [])


def test_writing_a_part_again_replaces_the_tables_it_no_longer_has(tmp_path: Path) -> None:
    """A retried batch that finds fewer rows must not leave its first attempt's parts behind."""
    from warehouse.layout import WarehouseLayout
    from warehouse.schema import stored_tables
    from warehouse.staging import StagingArea

    layout = WarehouseLayout.at(tmp_path / "w.duckdb")
    row = {column: None for column in stored_tables()["quarantine"].column_names} | {
        "path": "/x", "content_sha256": "", "record": -1, "reason": "empty", "message": "m",
        "first_seen_run": "r", "first_seen_at": __import__("datetime").datetime(2022, 1, 1),
    }
    staging = StagingArea(layout.lake, "20220101T000000Z-retry")
    staging.write({"quarantine": [row]}, "00000")
    assert layout.lake.part_paths("20220101T000000Z-retry").get("quarantine")
    staging.write({"quarantine": []}, "00000")
    assert not layout.lake.part_paths("20220101T000000Z-retry").get("quarantine")
