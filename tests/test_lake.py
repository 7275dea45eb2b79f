"""The lake works on any filesystem: here fsspec's in-memory one, which has no rename at all."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from tests.test_task_runners import content
from warehouse.lake import COMMIT_MARKER, PUBLISHING_MARKER, SET_ASIDE_FOLDER, Lake

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
    (articles_folder / "new.txt").write_text(
        "date 2022-09-01\n\nUn nouvel article sur Alger et Madrid.", encoding="utf-8"
    )
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
        "path": "/x",
        "content_sha256": "",
        "record": -1,
        "reason": "empty",
        "message": "m",
        "first_seen_run": "r",
        "first_seen_at": __import__("datetime").datetime(2022, 1, 1),
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
        "path": "/x",
        "content_sha256": "",
        "record": -1,
        "reason": "empty",
        "message": "m",
        "first_seen_run": "r",
        "first_seen_at": __import__("datetime").datetime(2022, 1, 1),
    }
    staging = StagingArea(layout.lake, "20220101T000000Z-retry")
    staging.write({"quarantine": [row]}, "00000")
    assert layout.lake.part_paths("20220101T000000Z-retry").get("quarantine")
    staging.write({"quarantine": []}, "00000")
    assert not layout.lake.part_paths("20220101T000000Z-retry").get("quarantine")


# --- recovery never deletes a run that may have been published (issue 12 item 4) -------------


def quarantine_row() -> dict:
    from warehouse.schema import stored_tables

    return {column: None for column in stored_tables()["quarantine"].column_names} | {
        "path": "/x",
        "content_sha256": "",
        "record": -1,
        "reason": "empty",
        "message": "m",
        "first_seen_run": "r",
        "first_seen_at": datetime(2022, 1, 1),
    }


def staged_run(lake: Lake, run_key: str, reached_publishing: bool, marked: bool) -> None:
    """A run's folder as a dead run leaves it: parts, maybe its `runs` part, maybe `_PUBLISHING`."""
    from warehouse.schema import stored_tables

    lake.write_part(stored_tables()["quarantine"], [quarantine_row()], run_key, "00000")
    if reached_publishing:
        at = datetime(2022, 1, 1)
        run = {
            field.name: at if field.type == pa.timestamp("us") else (0 if pa.types.is_integer(field.type) else "")
            for field in stored_tables()["runs"].arrow_schema()
        } | {"run_id": f"id-{run_key}"}
        lake.write_part(stored_tables()["runs"], [run], run_key, "publish")
    if marked:
        lake.mark_publishing(run_key)


def published_database(path: Path, run_ids: list[str]) -> None:
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE runs AS SELECT unnest(?::VARCHAR[]) AS run_id", [run_ids])


@pytest.mark.parametrize("lake_location", ["local", "memory://newsdesk-recovery-rules/lake"])
def test_recovery_commits_sets_aside_or_deletes_by_what_the_run_reached(tmp_path: Path, lake_location: str) -> None:
    from warehouse.layout import WarehouseLayout
    from warehouse.publish import recover_interrupted_runs

    layout = WarehouseLayout.at(tmp_path / "w.duckdb", None if lake_location == "local" else lake_location)
    lake = layout.lake
    staged_run(lake, "1-staged", reached_publishing=False, marked=False)
    staged_run(lake, "2-checked", reached_publishing=True, marked=False)  # markers lost, or before _PUBLISHING
    staged_run(lake, "3-swapping", reached_publishing=True, marked=True)  # marker lost after the swap
    assert recover_interrupted_runs(layout) == [  # no database: the file was removed to rebuild it
        "removed run=1-staged",
        "set aside run=2-checked",
        "committed run=3-swapping",
    ]
    assert lake.run_keys() == (["3-swapping"], [])
    aside = f"{lake.root}/{SET_ASIDE_FOLDER}/run=2-checked"
    assert lake.filesystem.get_file_info(f"{aside}/runs/part-publish.parquet").size > 0
    assert lake.filesystem.get_file_info(f"{aside}/quarantine/part-00000.parquet").size > 0

    published_database(layout.database, ["id-4-published"])
    staged_run(lake, "4-published", reached_publishing=True, marked=True)
    staged_run(lake, "5-checked", reached_publishing=True, marked=False)  # died before _PUBLISHING
    staged_run(lake, "6-killed-at-swap", reached_publishing=True, marked=True)
    assert recover_interrupted_runs(layout) == [  # the database tells what was published
        "committed run=4-published",
        "removed run=5-checked",
        "set aside run=6-killed-at-swap",
    ]
    assert lake.run_keys() == (["3-swapping", "4-published"], [])


def lake_at(location: str, database: Path) -> str:
    return str(database.with_name(database.stem + "_lake")) if location == "local" else location


@pytest.mark.parametrize("location", ["local", "memory://newsdesk-lost-marker/lake"])
def test_a_published_run_that_lost_its_marker_survives_a_rebuild(
    articles_folder: Path, tmp_path: Path, location: str
) -> None:
    """The issue's reproduction: `_COMMITTED` lost (a kill after the swap, ENOSPC, a backup that
    skips `_*` files), then the database removed to rebuild it: recovery deleted the run."""
    from flows.ingest import ingest

    database, seed = tmp_path / "w.duckdb", tmp_path / "seed"
    lake_option = None if location == "local" else location
    seed.mkdir()
    for path in sorted(articles_folder.glob("000_*")):
        path.rename(seed / path.name)
    ingest(inputs=[str(seed)], warehouse=str(database), lake=lake_option)
    ingest(inputs=[str(articles_folder)], warehouse=str(database), lake=lake_option)
    before = content(database)
    lake = Lake.at(lake_at(location, database))
    committed, _ = lake.run_keys()
    lake.filesystem.delete_file(f"{lake.run_folder(committed[-1])}/{COMMIT_MARKER}")
    database.unlink()

    ingest(inputs=[str(seed)], warehouse=str(database), lake=lake_option)

    assert content(database) == before
    after, uncommitted = lake.run_keys()
    assert after[: len(committed)] == committed and uncommitted == []


def test_a_failed_swap_leaves_a_run_that_recovery_deletes(
    articles_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`_PUBLISHING` is durable before the swap; when the rename fails it is taken back, so the
    run is only staged and recovery may delete it."""
    import warehouse.publish
    from flows.ingest import ingest

    database = tmp_path / "w.duckdb"
    lake = Lake.at(lake_at("local", database))
    marked_at_swap = []

    def failing_swap(copy: Path, published: Path) -> None:
        _, uncommitted = lake.run_keys()
        marked_at_swap.extend(lake.has_marker(key, PUBLISHING_MARKER) for key in uncommitted)
        raise OSError("no rename today")

    monkeypatch.setattr(warehouse.publish, "swap_in", failing_swap)
    with pytest.raises(OSError, match="no rename today"):
        ingest(inputs=[str(articles_folder)], warehouse=str(database))
    assert marked_at_swap == [True]
    assert not database.exists() and lake.run_keys() == ([], [])
