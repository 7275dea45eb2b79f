"""The same flow on a local 2-worker Dask cluster gives the same warehouse as the default runner."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.usefixtures("prefect_harness")

# Columns that name or time the run itself, which differ between any two runs.
RUN_COLUMNS = {"first_seen_run", "first_seen_at", "last_seen_run", "last_seen_at", "run_id", "checked_at"}
RUN_TABLES = {"runs", "quality_checks"}


def content(warehouse: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        snapshot = {}
        for (table,) in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall():
            if table in RUN_TABLES:
                continue
            columns = [
                f'"{name}"'
                for (name,) in con.execute(
                    "SELECT column_name FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index", [table]
                ).fetchall()
                if name not in RUN_COLUMNS
            ]
            snapshot[table] = con.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY ALL").fetchall()
        return snapshot


def test_dask_runner_gives_the_same_warehouse_as_the_default_runner(articles_folder: Path, tmp_path: Path) -> None:
    from flows.ingest import with_task_runner

    (articles_folder / "copy-of-seed.txt").write_bytes((articles_folder / "000_667dec259b500af9.txt").read_bytes())
    default = with_task_runner("default")(
        inputs=[str(articles_folder)], warehouse=str(tmp_path / "a.duckdb"), batch_size=2
    )
    dask = with_task_runner("dask", workers=2)(
        inputs=[str(articles_folder)], warehouse=str(tmp_path / "b.duckdb"), batch_size=2
    )
    assert default.articles_new == dask.articles_new == 7
    assert content(tmp_path / "a.duckdb") == content(tmp_path / "b.duckdb")


def test_an_article_in_two_batches_is_stored_once(articles_folder: Path, tmp_path: Path) -> None:
    from flows.ingest import with_task_runner

    (articles_folder / "zz-copy-of-seed.txt").write_bytes((articles_folder / "000_667dec259b500af9.txt").read_bytes())
    summary = with_task_runner("default")(
        inputs=[str(articles_folder)], warehouse=str(tmp_path / "w.duckdb"), batch_size=1
    )
    assert summary.articles_new == 7
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        ((path,),) = con.execute(
            "SELECT first_source_path FROM articles WHERE text LIKE 'Le rapprochement%'"
        ).fetchall()
    assert path.endswith("000_667dec259b500af9.txt")  # the first file in path order owns it
