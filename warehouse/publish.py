"""Publish a run: apply its staged parts to a copy of the database, check the copy, swap it in.

The swap is the commit point. Until the final `os.replace`, the published database and the
lake's committed runs are untouched, so a crash or a failed check leaves the warehouse exactly
as it was, and readers holding the old file keep a consistent view.

A run's parts are applied as upserts:
- per-article tables (dates, mentions, events, ...): an article's rows are replaced whole when a
  run re-extracts it (the run stages a new `articles` row for it);
- other tables: one row per primary key; columns named `first_*` keep their first value, every
  other column takes the newest.
When the schema in the code no longer matches the published database (a new table or column),
the database is rebuilt by applying every committed run of the lake in order.
"""

from __future__ import annotations

import json
import os
import shutil
import traceback
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

import duckdb

from warehouse.layout import WarehouseLayout
from warehouse.parquet import write_part
from warehouse.quality import CheckResult, run_checks
from warehouse.schema import Table, build_sql, schema_sql, stored_tables


class QualityCheckFailed(RuntimeError):
    def __init__(self, failures: list[CheckResult]) -> None:
        lines = [f"{check.name}: {check.failing_rows} rows ({check.query})" for check in failures]
        super().__init__("data-quality checks failed; the warehouse was left unchanged:\n" + "\n".join(lines))
        self.failures = failures


def publish_run(layout: WarehouseLayout, run_key: str, run_row: dict, finished_at: datetime) -> dict[str, int]:
    """Apply, check and atomically publish the run; return the row count of every table.

    `run_row` is the run's `runs` row without `table_counts_json`, which is filled in here once
    the counts are known. The run row and the check results are staged like any other part.
    """
    staged = layout.staging_dir(run_key)
    temporary = layout.temporary_database(run_key)
    temporary.unlink(missing_ok=True)
    try:
        counts = _build_checked_copy(layout, temporary, staged, run_row, finished_at)
        _fsync(temporary)
        os.replace(temporary, layout.database)  # the commit point
        _fsync(layout.database.parent)
        _commit_staged_parts(layout, staged, run_key)
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
    layout: WarehouseLayout, temporary: Path, staged: Path, run_row: dict, finished_at: datetime
) -> dict[str, int]:
    with _open_copy(layout, temporary) as con:
        apply_run_parts(con, staged)
        con.execute(build_sql())
        checks = run_checks(con)
        failures = [check for check in checks if not check.passed]
        if failures:
            raise QualityCheckFailed(failures)
        _store(con, staged, "quality_checks", _check_rows(run_row["run_id"], checks, finished_at))
        counts = table_counts(con)
        counts["runs"] += 1
        _store(con, staged, "runs", [{**run_row, "table_counts_json": describe_counts(counts)}])
        con.execute("CHECKPOINT")
    return counts


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
    for run_dir in sorted(layout.runs.glob("run=*")) if layout.runs.exists() else []:
        apply_run_parts(con, run_dir)
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


def apply_run_parts(con: duckdb.DuckDBPyConnection, run_dir: Path) -> None:
    """Upsert one run's parts into the database, table by table in schema order.

    Parts are named by batch. When two batches of a run hold the same article (the same text in
    two files), the first part that holds it owns it: its rows win, the other copy is dropped.
    """
    tables = stored_tables()
    parts = {
        name: sorted(str(part) for part in (run_dir / name).glob("*.parquet"))
        for name in tables
        if (run_dir / name).is_dir()
    }
    if parts.get("articles"):
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _article_owner AS "
            f"SELECT article_id, min({_PART_NAME}) AS part FROM {_read(parts['articles'])} GROUP BY article_id"
        )
    for name, table in tables.items():
        if table.is_per_article and parts.get("articles"):
            con.execute(f"DELETE FROM {name} WHERE article_id IN (SELECT article_id FROM _article_owner)")
        if parts.get(name):
            _upsert(con, table, parts[name])
    con.execute("DROP TABLE IF EXISTS _article_owner")


_PART_NAME = "regexp_extract(filename, '[^/]+$')"


def _read(parts: list[str]) -> str:
    return f"read_parquet({_sql_list(parts)}, union_by_name = true, filename = true, file_row_number = true)"


def _upsert(con: duckdb.DuckDBPyConnection, table: Table, parts: list[str]) -> None:
    columns = ", ".join(f'"{name}"' for name in table.column_names)
    keys = ", ".join(f'"{name}"' for name in table.primary_key)
    if table.is_per_article:  # rows of the part that owns the article
        qualified = ", ".join(f'p."{name}"' for name in table.column_names)
        source = (
            f"SELECT {qualified} FROM {_read(parts)} AS p "
            f"JOIN _article_owner AS o ON p.article_id = o.article_id AND {_PART_NAME} = o.part"
        )
    else:  # the first copy of each key, in part order
        source = (
            f"SELECT {columns} FROM {_read(parts)} "
            f"QUALIFY row_number() OVER (PARTITION BY {keys} ORDER BY filename, file_row_number) = 1"
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
        name: int(con.execute(f"SELECT count(*) FROM {name}").fetchone()[0])  # type: ignore[index]
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


def _store(con: duckdb.DuckDBPyConnection, staged: Path, table_name: str, rows: list[dict]) -> None:
    """Insert rows made at publish time into the new database and stage them for the lake."""
    table = stored_tables()[table_name]
    part = write_part(table, rows, staged / table_name / "part-publish.parquet")
    columns = ", ".join(f'"{name}"' for name in table.column_names)
    con.execute(f"INSERT INTO {table_name} ({columns}) SELECT {columns} FROM read_parquet({_sql_list([str(part)])})")


def _commit_staged_parts(layout: WarehouseLayout, staged: Path, run_key: str) -> None:
    """Move this run's parts into the lake: from now on a rebuild includes them."""
    layout.runs.mkdir(parents=True, exist_ok=True)
    os.replace(staged, layout.run_dir(run_key))


def _sql_list(paths: list[str]) -> str:
    return "[" + ", ".join("'" + path.replace("'", "''") + "'" for path in paths) + "]"


def _fsync(path: Path) -> None:
    flags = os.O_RDONLY | (os.O_DIRECTORY if path.is_dir() else 0)
    descriptor = os.open(path, flags)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def recover_interrupted_runs(layout: WarehouseLayout) -> list[str]:
    """Finish or undo what runs killed mid-way left behind; return what was done.

    A staging folder whose run the published database records was published but not yet moved
    into the lake (killed right after the swap): move it. Any other staging folder, and any
    temporary database, belongs to a run that never published: remove it.
    """
    done = []
    published = _published_run_ids(layout)
    for folder in sorted(layout.staging.glob("run=*")) if layout.staging.exists() else []:
        if _staged_run_id(folder) in published:
            _commit_staged_parts(layout, folder, folder.name.removeprefix("run="))
            done.append(f"committed {folder.name}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
            done.append(f"removed {folder.name}")
    for leftover in layout.database.parent.glob(f".{layout.database.name}.*.tmp*"):
        leftover.unlink(missing_ok=True)
        done.append(f"removed {leftover.name}")
    return done


def _published_run_ids(layout: WarehouseLayout) -> set[str]:
    if not layout.database.exists():
        return set()
    with duckdb.connect(str(layout.database), read_only=True) as con:
        return {row[0] for row in con.execute("SELECT run_id FROM runs").fetchall()}


def _staged_run_id(folder: Path) -> str | None:
    run_part = folder / "runs" / "part-publish.parquet"
    if not run_part.exists():
        return None
    with duckdb.connect(":memory:") as con:
        row = con.execute(f"SELECT run_id FROM read_parquet({_sql_list([str(run_part)])})").fetchone()
    return row[0] if row else None


def describe_counts(counts: dict[str, int]) -> str:
    return json.dumps(counts, sort_keys=True)
