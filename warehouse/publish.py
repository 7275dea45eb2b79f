"""Publish a run: apply its parts to a copy of the database, check the copy, swap it in.

The swap is the commit point. Until the final `os.replace`, the published database and the
lake's committed runs are untouched, so a crash or a failed check leaves the warehouse exactly
as it was, and readers holding the old file keep a consistent view. Right after the swap the
run's commit marker is written into the lake (recovery finishes that if the run dies between).

A run's parts are applied as upserts:
- per-article tables (dates, mentions, events, ...): an article's rows are replaced whole when a
  run re-extracts it (the run stages a new `articles` row for it); when two batches of one run
  hold the same article, the first part that holds it owns it;
- other tables: one row per primary key, the first copy in part order; columns named `first_*`
  keep their first value, every other column takes the newest.
When the schema in the code no longer matches the published database (a new table or column),
the database is rebuilt by applying every committed run of the lake in order.
"""

from __future__ import annotations

import json
import os
import shutil
import traceback
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from warehouse.lake import PART_COLUMN, ROW_COLUMN, Lake
from warehouse.layout import WarehouseLayout
from warehouse.lock import WarehouseLock
from warehouse.quality import CheckResult, run_checks
from warehouse.schema import Table, build_sql, schema_sql, stored_tables


class QualityCheckFailed(RuntimeError):
    def __init__(self, failures: list[CheckResult]) -> None:
        lines = [f"- {check.name}: {check.failing_rows} rows, e.g. {', '.join(check.examples)}" for check in failures]
        super().__init__(
            "data-quality checks failed; the warehouse was left unchanged "
            "(each check's query is in warehouse/quality.py):\n" + "\n".join(lines)
        )
        self.failures = failures


def publish_run(layout: WarehouseLayout, run_key: str, run_row: dict, finished_at: datetime) -> dict[str, int]:
    """Apply, check and atomically publish the run; return the row count of every table.

    `run_row` is the run's `runs` row; `finished_at` and `table_counts_json` are filled in here
    once they are known. The run row and the check results are stored like any other part.
    """
    temporary = layout.temporary_database(run_key)
    temporary.unlink(missing_ok=True)
    try:
        counts = _build_checked_copy(layout, temporary, run_key, run_row, finished_at)
        _fsync(temporary)
        os.replace(temporary, layout.database)  # the commit point
        _fsync(layout.database.parent)
        layout.lake.commit(run_key)
        return counts
    except BaseException as error:
        # The traceback would keep the finished frames' DuckDB objects alive for as long as the
        # error is kept (Prefect keeps it in the run state); drop their locals, keep the lines.
        traceback.clear_frames(error.__traceback__)
        raise
    finally:
        temporary.unlink(missing_ok=True)
        Path(str(temporary) + ".wal").unlink(missing_ok=True)


def _build_checked_copy(
    layout: WarehouseLayout, temporary: Path, run_key: str, run_row: dict, finished_at: datetime
) -> dict[str, int]:
    lake = layout.lake
    with _open_copy(layout, temporary) as con:
        apply_run_parts(con, lake, run_key)
        _drop_views(con)  # the build recreates the views the code declares, and only those
        con.execute(build_sql())
        checks = run_checks(con)
        failures = [check for check in checks if not check.passed]
        if failures:
            raise QualityCheckFailed(failures)
        _store(con, lake, run_key, "quality_checks", _check_rows(run_row["run_id"], checks, finished_at))
        counts = table_counts(con)
        counts["runs"] += 1
        finished = {"finished_at": finished_at, "table_counts_json": describe_counts(counts)}
        _store(con, lake, run_key, "runs", [{**run_row, **finished}])
        con.execute("CHECKPOINT")
    return counts


def _drop_views(con: duckdb.DuckDBPyConnection) -> None:
    views = [row[0] for row in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()]
    for view in views:
        con.execute(f'DROP VIEW IF EXISTS "{view}" CASCADE')


def _open_copy(layout: WarehouseLayout, temporary: Path) -> duckdb.DuckDBPyConnection:
    """A writable copy of the published database, or a rebuild from the lake if the schema moved."""
    if layout.database.exists():
        shutil.copyfile(layout.database, temporary)
        con = duckdb.connect(str(temporary))
        if _schema_matches(con):
            return con
        con.close()
        temporary.unlink()
    con = duckdb.connect(str(temporary))
    con.execute(schema_sql())
    lake = layout.lake
    committed, _ = lake.run_keys()
    for run_key in committed:
        apply_run_parts(con, lake, run_key)
    return con


def _schema_matches(con: duckdb.DuckDBPyConnection) -> bool:
    published = set(
        con.execute(
            "SELECT table_name, column_name, data_type FROM duckdb_columns() "
            "WHERE table_name IN (SELECT table_name FROM duckdb_tables() WHERE NOT internal)"
        ).fetchall()
    )
    expected = {
        (table.name, column.name, column.sql_type)
        for table in stored_tables().values()
        for column in table.columns
    }
    return published == expected


def apply_run_parts(con: duckdb.DuckDBPyConnection, lake: Lake, run_key: str) -> None:
    """Upsert one run's parts into the database, table by table in schema order."""
    tables = stored_tables()
    paths = lake.part_paths(run_key)
    if paths.get("articles"):
        con.register("_article_parts", lake.read_parts(tables["articles"], paths["articles"]))
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _article_owner AS "
            f"SELECT article_id, min({PART_COLUMN}) AS part FROM _article_parts GROUP BY article_id"
        )
        con.unregister("_article_parts")
    for name, table in tables.items():
        if table.is_per_article and paths.get("articles"):
            con.execute(f"DELETE FROM {name} WHERE article_id IN (SELECT article_id FROM _article_owner)")
        if paths.get(name):
            con.register("_parts", lake.read_parts(table, paths[name]))
            _upsert(con, table)
            con.unregister("_parts")
    con.execute("DROP TABLE IF EXISTS _article_owner")


def _upsert(con: duckdb.DuckDBPyConnection, table: Table) -> None:
    """Insert the registered `_parts` relation into `table`, updating rows whose key exists."""
    columns = ", ".join(f'"{name}"' for name in table.column_names)
    keys = ", ".join(f'"{name}"' for name in table.primary_key)
    if table.is_per_article:  # rows of the part that owns the article
        qualified = ", ".join(f'p."{name}"' for name in table.column_names)
        source = (
            f"SELECT {qualified} FROM _parts AS p "
            f"JOIN _article_owner AS o ON p.article_id = o.article_id AND p.{PART_COLUMN} = o.part"
        )
    else:  # the first copy of each key, in part order
        source = (
            f"SELECT {columns} FROM _parts "
            f"QUALIFY row_number() OVER (PARTITION BY {keys} ORDER BY {PART_COLUMN}, {ROW_COLUMN}) = 1"
        )
    updates = [
        f'"{name}" = excluded."{name}"'
        for name in table.column_names
        if name not in table.primary_key and not name.startswith("first_")
    ]
    conflict = f"ON CONFLICT ({keys}) DO UPDATE SET {', '.join(updates)}" if updates else "ON CONFLICT DO NOTHING"
    con.execute(f"INSERT INTO {table.name} ({columns}) SELECT * FROM ({source}) ORDER BY {keys} {conflict}")


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {
        name: int(con.execute(f"SELECT count(*) FROM {name}").fetchall()[0][0])
        for name in stored_tables()
    }


def _check_rows(run_id: str, checks: Iterable[CheckResult], at: datetime) -> list[dict]:
    return [
        {
            "run_id": run_id,
            "check_name": check.name,
            "passed": check.passed,
            "failing_rows": check.failing_rows,
            "query": check.query,
            "checked_at": at,
        }
        for check in checks
    ]


def _store(con: duckdb.DuckDBPyConnection, lake: Lake, run_key: str, table_name: str, rows: list[dict]) -> None:
    """Insert rows made at publish time into the new database and write them to the lake."""
    table = stored_tables()[table_name]
    lake.write_part(table, rows, run_key, "publish")
    con.register("_rows", pa.Table.from_pylist(rows, schema=table.arrow_schema()))
    columns = ", ".join(f'"{name}"' for name in table.column_names)
    con.execute(f"INSERT INTO {table_name} ({columns}) SELECT {columns} FROM _rows")
    con.unregister("_rows")


def _fsync(path: Path) -> None:
    flags = os.O_RDONLY | (os.O_DIRECTORY if path.is_dir() else 0)
    descriptor = os.open(path, flags)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


@contextmanager
def exclusive_run(layout: WarehouseLayout, run_id: str) -> Iterator[None]:
    """The warehouse for one writing run: locked, and cleared of what dead runs left before and
    after (after: this run's own parts if it failed before committing)."""
    with WarehouseLock(layout, run_id):
        recover_interrupted_runs(layout)
        try:
            yield
        finally:
            recover_interrupted_runs(layout)


def recover_interrupted_runs(layout: WarehouseLayout) -> list[str]:
    """Finish or undo what runs killed mid-way left behind; return what was done.

    An uncommitted run that the published database records was published but killed before
    its marker was written: commit it. Any other uncommitted run never published: delete its
    parts. Temporary databases are removed.
    """
    done = []
    lake = layout.lake
    published = _published_run_ids(layout)
    _, uncommitted = lake.run_keys()
    for run_key in uncommitted:
        if _run_id_of(lake, run_key) in published:
            lake.commit(run_key)
            done.append(f"committed run={run_key}")
        else:
            lake.delete_run(run_key)
            done.append(f"removed run={run_key}")
    for leftover in layout.database.parent.glob(f".{layout.database.name}.*.tmp*"):
        leftover.unlink(missing_ok=True)
        done.append(f"removed {leftover.name}")
    return done


def _published_run_ids(layout: WarehouseLayout) -> set[str]:
    if not layout.database.exists():
        return set()
    with duckdb.connect(str(layout.database), read_only=True) as con:
        return {row[0] for row in con.execute("SELECT run_id FROM runs").fetchall()}


def _run_id_of(lake: Lake, run_key: str) -> str | None:
    """The run id in a run's `runs` part, which exists only once the run got to publishing."""
    paths = lake.part_paths(run_key).get("runs")
    if not paths:
        return None
    ids = pq.read_table(paths[0], filesystem=lake.filesystem, columns=["run_id"]).column("run_id").to_pylist()
    return ids[0] if ids else None


def describe_counts(counts: dict[str, int]) -> str:
    return json.dumps(counts, sort_keys=True)
