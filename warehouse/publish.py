"""Publish a run: apply its parts to a copy of the database, check the copy, swap it in.

The swap is the commit point. Until the final `os.replace`, the published database and the
lake's committed runs are untouched, so a crash or a failed check leaves the warehouse exactly
as it was, and readers holding the old file keep a consistent view. In order:

1. bring a standby file up to date (an earlier published file: standby.py), or else copy the
   published file (with any WAL a foreign writer left, replayed: database_file.py); apply the
   run's parts, build and check what the runs touched (incremental.py), checkpoint and fsync;
2. write the run's `runs` part, then its `_PUBLISHING` marker (durably): the run may be
   published from here on;
3. remove the old file's WAL, keep the old file as a standby (hard link), swap the copy in;
4. write the `_COMMITTED` marker.

Recovery (before and after every run) finishes or undoes what a dead run left: see
`recover_interrupted_runs`. It never deletes a run that may have been published.

A run's parts are applied as upserts:
- per-article tables (dates, mentions, events, ...): an article's rows are replaced whole when a
  run re-extracts it (the run stages a new `articles` row for it); when two batches of one run
  hold the same article, the first part that holds it owns it;
- other tables: one row per primary key, the first copy in part order; columns named `first_*`
  keep their first value, every other column takes the newest.
When the schema in the code no longer matches the published database (a new table or column),
the database is rebuilt from the lake: its latest snapshot (compaction.py), then every committed
run the snapshot does not hold, in order.
"""

from __future__ import annotations

import json
import logging
import traceback
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from warehouse import incremental, standby
from warehouse.database_file import (
    check_readable,
    connect_writable,
    copy_with_wal,
    fsync,
    refuse_if_open_for_writing,
    remove_database_files,
    stock_readable,
    swap_in,
)
from warehouse.lake import PART_COLUMN, PUBLISHING_MARKER, ROW_COLUMN, Lake
from warehouse.layout import WarehouseLayout
from warehouse.lock import WarehouseLock
from warehouse.quality import CheckResult, run_checks
from warehouse.schema import Table, build_sql, schema_sql, stored_tables

logger = logging.getLogger(__name__)


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
    remove_database_files(temporary)
    try:
        refuse_if_open_for_writing(layout.database)
        counts, runs_rows = _build_checked_copy(layout, temporary, run_key, run_row, finished_at)
        fsync(temporary)
        # Only now that the copy is complete: a `runs` part then means the run is about to swap.
        layout.lake.write_part(stored_tables()["runs"], runs_rows, run_key, "publish")
        _swap(layout, temporary, run_key)
        layout.lake.commit(run_key)
        return counts
    except BaseException as error:
        # The traceback would keep the finished frames' DuckDB objects alive for as long as the
        # error is kept (Prefect keeps it in the run state); drop their locals, keep the lines.
        traceback.clear_frames(error.__traceback__)
        raise
    finally:
        remove_database_files(temporary)


def _swap(layout: WarehouseLayout, temporary: Path, run_key: str) -> None:
    """Swap the copy in, announced by `_PUBLISHING` so that recovery, if the run dies before its
    `_COMMITTED` marker and the database is lost too, knows the run may have been published."""
    layout.lake.mark_publishing(run_key)
    retired = standby.retire(layout, run_key)  # the file being replaced, kept for the next run
    try:
        swap_in(temporary, layout.database)  # the commit point
    except BaseException:
        if temporary.exists():  # the rename did not happen: the run is only staged after all
            layout.lake.unmark_publishing(run_key)
            if retired is not None:
                retired.unlink(missing_ok=True)
        raise
    try:
        standby.record_swap(layout, retired, incremental.code_hash())
    except OSError as error:  # the next run copies the file instead: nothing is lost
        logger.warning("could not record the standby files (%s); the next run copies the database", error)


def _build_checked_copy(
    layout: WarehouseLayout, temporary: Path, run_key: str, run_row: dict, finished_at: datetime
) -> tuple[dict[str, int], list[dict]]:
    """Build and check the copy; return its table counts and its `runs` row, which is in the copy
    but not yet in the lake."""
    lake = layout.lake
    con, scoped = _open_copy(layout, temporary)
    with con:
        apply_run_parts(con, lake, run_key)
        if scoped:  # the published state plus runs: build and check what they touched; the views
            incremental.build(con)  # are those of the code that runs (incremental.code_hash)
            checks = incremental.scoped_checks(con)
        else:
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
        runs_rows = [{**run_row, **finished}]
        _insert(con, "runs", runs_rows)
        con.execute("CHECKPOINT")
    return counts, runs_rows


def _drop_views(con: duckdb.DuckDBPyConnection) -> None:
    views = [row[0] for row in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()]
    for view in views:
        con.execute(f'DROP VIEW IF EXISTS "{view}" CASCADE')


def _open_copy(layout: WarehouseLayout, temporary: Path) -> tuple[duckdb.DuckDBPyConnection, bool]:
    """A writable copy of the published database, or a rebuild from the lake if the schema moved;
    and whether the run may build and check only what it touches (warehouse/incremental.py: the
    copy holds the published state, derived and checked by the code that runs now)."""
    if layout.database.exists():
        scoped = standby.code_recorded(layout, incremental.code_hash())
        con = _standby_brought_up_to_date(layout, temporary, scoped)
        if con is not None:
            return con, scoped
        con = copy_with_wal(layout.database, temporary)
        if _is_current(con):
            if scoped:
                incremental.start(con)
            return con, scoped
        con.close()
        remove_database_files(temporary)
    con = connect_writable(temporary)
    con.execute(schema_sql())
    replay_lake(con, layout.lake)
    return con, False


def replay_lake(con: duckdb.DuckDBPyConnection, lake: Lake) -> None:
    """Apply the lake's history to an empty database: its latest snapshot (compaction.py), then
    every committed run the snapshot does not hold, in order."""
    snapshot = lake.latest_snapshot()
    folded: set[str] = set()
    if snapshot is not None:
        apply_parts(con, lake, lake.parts_under(lake.snapshot_folder(snapshot[0])))
        folded = set(snapshot[1])
    committed, _ = lake.run_keys()
    for run_key in committed:
        if run_key not in folded:
            apply_run_parts(con, lake, run_key)


def _standby_brought_up_to_date(
    layout: WarehouseLayout, temporary: Path, track: bool
) -> duckdb.DuckDBPyConnection | None:
    """The newest usable standby file (warehouse/standby.py) as the run's temporary file, with the
    committed runs it lacks applied: the published file's tables at a cost that does not grow with
    the warehouse. None when no standby qualifies (the run copies the published file instead)."""
    candidates = standby.usable_standbys(layout, incremental.code_hash() if track else None)
    if not candidates:
        return None
    published = standby.published_run_ids(layout)
    for candidate in candidates:  # newest first
        standby.take(candidate, temporary)
        con = connect_writable(temporary)  # an existing file keeps its storage format
        try:
            behind = _runs_behind(layout.lake, standby.run_ids(con), published) if _is_current(con) else None
            if behind is not None:
                if track:
                    incremental.start(con)
                for run_key in behind:
                    apply_run_parts(con, layout.lake, run_key)
                logger.info("built on standby %s, %d run(s) behind", candidate.name, len(behind))
                return con
        except BaseException:
            con.close()
            raise
        con.close()
        remove_database_files(temporary)
    return None


def _runs_behind(lake: Lake, have: set[str], published: set[str]) -> list[str] | None:
    """The keys of the committed runs a file holding the runs `have` lacks to hold `published`,
    oldest first; None unless they are exactly the newest committed runs of the lake."""
    missing = published - have
    if not have <= published:
        return None
    committed, _ = lake.run_keys()
    behind: list[str] = []
    for run_key in reversed(committed):
        if len(behind) == len(missing):
            break
        if _run_id_of(lake, run_key) not in missing:
            return None  # compacted away, put back by hand, or not in the published file
        behind.append(run_key)
    return list(reversed(behind)) if len(behind) == len(missing) else None


def _is_current(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether a database file can be built on: the code's schema, in the published format."""
    return _schema_matches(con) and stock_readable(con)


def _schema_matches(con: duckdb.DuckDBPyConnection) -> bool:
    published = set(
        con.execute(
            "SELECT table_name, column_name, data_type FROM duckdb_columns() "
            "WHERE table_name IN (SELECT table_name FROM duckdb_tables() WHERE NOT internal)"
        ).fetchall()
    )
    expected = {
        (table.name, column.name, column.sql_type) for table in stored_tables().values() for column in table.columns
    }
    return published == expected


def apply_run_parts(con: duckdb.DuckDBPyConnection, lake: Lake, run_key: str) -> None:
    """Upsert one run's parts into the database, table by table in schema order."""
    apply_parts(con, lake, lake.part_paths(run_key))


def apply_parts(con: duckdb.DuckDBPyConnection, lake: Lake, paths: dict[str, list[str]]) -> None:
    """Upsert parts (by table name, as `Lake.parts_under` gives them), table by table."""
    tables = stored_tables()
    track = incremental.tracking(con)
    entities = incremental.entity_columns() if track else set()
    rebuilt = set(incremental.rebuilt_tables()) if track else set()
    if paths.get("articles"):
        con.register("_article_parts", lake.read_parts(tables["articles"], paths["articles"]))
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _article_owner AS "
            f"SELECT article_id, min({PART_COLUMN}) AS part FROM _article_parts GROUP BY article_id"
        )
        con.unregister("_article_parts")
    # Per-article rows exist only for stored articles: when the run stores none again (new
    # articles only, the usual case), no per-article table needs to be searched.
    replacing = bool(paths.get("articles")) and bool(
        con.execute(
            f"SELECT count(*) FROM articles WHERE article_id IN {incremental.key_list(con, 'SELECT article_id FROM _article_owner')}"
        ).fetchall()[0][0]
    )
    for name, table in tables.items():
        if table.is_per_article and replacing:
            if track:
                incremental.record_replaced(con, table, entities)
            con.execute(f"DELETE FROM {name} WHERE article_id IN (SELECT article_id FROM _article_owner)")
        if paths.get(name) and name not in rebuilt:  # rebuilt tables: recomputed by the build
            con.register("_parts", lake.read_parts(table, paths[name]))
            if track:
                incremental.record_parts(con, table, entities)
            written = _upsert(con, table, returning=track)
            if written is not None:
                incremental.capture(con, table, written)
            con.unregister("_parts")
    con.execute("DROP TABLE IF EXISTS _article_owner")


def _upsert(con: duckdb.DuckDBPyConnection, table: Table, returning: bool = False) -> pa.Table | None:
    """Insert the registered `_parts` relation into `table`, updating rows whose key exists;
    with `returning`, return the rows written (inserted or updated, as stored)."""
    columns = ", ".join(f'"{name}"' for name in table.column_names)
    keys = ", ".join(f'"{name}"' for name in table.primary_key)
    partition = ", ".join(f'p."{name}"' for name in table.primary_key)
    first_copy = f"QUALIFY row_number() OVER (PARTITION BY {partition} ORDER BY p.{PART_COLUMN}, p.{ROW_COLUMN}) = 1"
    qualified = ", ".join(f'p."{name}"' for name in table.column_names)
    if table.is_per_article:  # rows of the part that owns the article, the first copy of each key
        source = (
            f"SELECT {qualified} FROM _parts AS p "
            f"JOIN _article_owner AS o ON p.article_id = o.article_id AND p.{PART_COLUMN} = o.part {first_copy}"
        )
    else:  # the first copy of each key, in part order
        source = f"SELECT {qualified} FROM _parts AS p {first_copy}"
    updates = [
        f'"{name}" = excluded."{name}"'
        for name in table.column_names
        if name not in table.primary_key and not name.startswith("first_")
    ]
    conflict = f"ON CONFLICT ({keys}) DO UPDATE SET {', '.join(updates)}" if updates else "ON CONFLICT DO NOTHING"
    insert = f"INSERT INTO {table.name} ({columns}) SELECT * FROM ({source}) ORDER BY {keys}"
    tail = " RETURNING *" if returning else ""

    def run(sql: str) -> pa.Table | None:
        if returning:  # con.sql runs a statement with side effects at once, and keeps its rows
            return con.sql(sql + tail).to_arrow_table()
        con.execute(sql)
        return None

    # Most keys are new (new articles, new file versions; a re-extracted article's rows were
    # deleted above): a plain insert, which looks each key up in the table's index, where an
    # upsert (duckdb 2.0 runs it as a MERGE) joins the whole table. A key that exists makes it
    # fail whole and undone, and the upsert runs instead.
    try:
        return run(insert)
    except duckdb.ConstraintException:
        return run(f"{insert} {conflict}")


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {name: int(con.execute(f"SELECT count(*) FROM {name}").fetchall()[0][0]) for name in stored_tables()}


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
    lake.write_part(stored_tables()[table_name], rows, run_key, "publish")
    _insert(con, table_name, rows)


def _insert(con: duckdb.DuckDBPyConnection, table_name: str, rows: list[dict]) -> None:
    table = stored_tables()[table_name]
    con.register("_rows", pa.Table.from_pylist(rows, schema=table.arrow_schema()))
    columns = ", ".join(f'"{name}"' for name in table.column_names)
    con.execute(f"INSERT INTO {table_name} ({columns}) SELECT {columns} FROM _rows")
    con.unregister("_rows")


@contextmanager
def exclusive_run(layout: WarehouseLayout, run_id: str) -> Iterator[None]:
    """The warehouse for one writing run: locked, readable (else a clear error before any change),
    and cleared of what dead runs left before and after (after: this run's own parts if it
    failed before committing)."""
    with WarehouseLock(layout, run_id):
        check_readable(layout.database)
        recover_interrupted_runs(layout)
        try:
            yield
        finally:
            recover_interrupted_runs(layout)


def recover_interrupted_runs(layout: WarehouseLayout) -> list[str]:
    """Finish or undo what runs killed mid-way left behind; return what was done.

    Each run without a `_COMMITTED` marker is committed, set aside or deleted (`_recover_run`).
    Temporary databases are removed.
    """
    lake = layout.lake
    published = _published_run_ids(layout)
    _, uncommitted = lake.run_keys()
    done = [_recover_run(lake, run_key, published) for run_key in uncommitted]
    done += standby.remove_unrecorded(layout, keep_recorded=published is not None)
    for leftover in layout.database.parent.glob(f".{layout.database.name}.*.tmp*"):
        leftover.unlink(missing_ok=True)
        done.append(f"removed {leftover.name}")
    return done


def _recover_run(lake: Lake, run_key: str, published: set[str] | None) -> str:
    """Commit, set aside or delete one uncommitted run; `published` holds the run ids of the
    published database, None when there is no database.

    - The database records the run: it was swapped in, only its marker is missing. Commit.
    - No database to ask (removed to rebuild it) and the run wrote `_PUBLISHING`: it may have
      been swapped into the lost file, and it is complete and checked. Commit.
    - It may have been published but neither rule settles it: `_PUBLISHING` but not in the
      database (killed between the marker and the rename, or a database restored from an older
      copy), or, with no database, a `runs` part without `_PUBLISHING` (markers lost, e.g. by a
      backup that skips `_*` files, or written by an older newsdesk). Set it aside with a
      warning: never delete what may have been published.
    - Anything else never reached the swap: no published database can hold it. Delete it.
    """
    reached_swap = lake.has_marker(run_key, PUBLISHING_MARKER)
    run_id = _run_id_of(lake, run_key)
    if (published is not None and run_id in published) or (published is None and reached_swap):
        lake.commit(run_key)
        return f"committed run={run_key}"
    if reached_swap or (published is None and run_id is not None):
        where = lake.set_aside(run_key)
        logger.warning(
            "run=%s got to publishing but cannot be confirmed as published; set aside at %s, not "
            "deleted. To keep it, move it back under runs/ with an empty _COMMITTED file in it.",
            run_key,
            where,
        )
        return f"set aside run={run_key}"
    lake.delete_run(run_key)
    return f"removed run={run_key}"


def _published_run_ids(layout: WarehouseLayout) -> set[str] | None:
    """The runs the published database holds; None when there is no database file."""
    if not layout.database.exists():
        return None
    with duckdb.connect(str(layout.database), read_only=True) as con:
        return {row[0] for row in con.execute("SELECT run_id FROM runs").fetchall()}


def _run_id_of(lake: Lake, run_key: str) -> str | None:
    """The run id in a run's `runs` part, written once the run's copy is complete and checked."""
    paths = lake.part_paths(run_key).get("runs")
    if not paths:
        return None
    ids = pq.read_table(paths[0], filesystem=lake.filesystem, columns=["run_id"]).column("run_id").to_pylist()
    return ids[0] if ids else None


def describe_counts(counts: dict[str, int]) -> str:
    return json.dumps(counts, sort_keys=True)
