"""Compaction: fold old committed runs of the lake into one snapshot, so that a rebuild (a schema
change, a lost database file) replays a snapshot and a few runs instead of the whole history.

    newsdesk compact [--keep 2]

Under the warehouse lock, after recovery:

1. the latest committed snapshot (if any) and the committed runs it does not hold, but for the
   newest `keep`, are replayed into a scratch database, exactly as a rebuild replays them (the
   upserts of warehouse/publish.py, no build: the build runs after the replay, at every rebuild);
2. each table is written as one part under `snapshots/snapshot=<newest folded run key>/`, then the
   list of folded run keys (`_RUNS`), then `_COMMITTED`: the commit point. Until then a rebuild
   ignores the snapshot; from then on it applies the snapshot and skips the listed runs;
3. the folded run folders and older snapshots are deleted (again by the next compaction if a crash
   interrupts this: a rebuild skips them meanwhile).

The newest `keep` runs stay as they are: a standby file (warehouse/standby.py) catches up from them.
The published database is not touched: it already holds all of this.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from warehouse.database_file import connect_writable, remove_database_files
from warehouse.layout import WarehouseLayout
from warehouse.publish import apply_parts, apply_run_parts, exclusive_run
from warehouse.schema import schema_sql, stored_tables

logger = logging.getLogger(__name__)

KEEP_RUNS = 2


@dataclass(frozen=True)
class Compaction:
    snapshot: str | None  # the new snapshot's key, None if there was nothing to fold
    runs_folded: int  # runs newly folded in
    runs_left: int  # committed runs a rebuild still replays after the snapshot


def compact_lake(layout: WarehouseLayout, keep: int = KEEP_RUNS, run_id: str = "compaction") -> Compaction:
    with exclusive_run(layout, run_id):
        lake = layout.lake
        _remove_replaced(layout)
        latest = lake.latest_snapshot()
        folded_before = set(latest[1]) if latest else set()
        committed, _ = lake.run_keys()
        pending = [key for key in committed if key not in folded_before]
        to_fold = pending[: max(len(pending) - keep, 0)]
        if not to_fold:
            return Compaction(None, 0, len(pending))
        key = to_fold[-1]
        scratch = layout.database.with_name(f".{layout.database.name}.compaction.tmp")  # recovery removes it
        remove_database_files(scratch)
        try:
            with connect_writable(scratch) as con:
                con.execute(schema_sql())
                if latest is not None:
                    apply_parts(con, lake, lake.parts_under(lake.snapshot_folder(latest[0])))
                for run_key in to_fold:
                    apply_run_parts(con, lake, run_key)
                if key in lake.snapshot_keys()[1]:
                    lake.delete_snapshot(key)  # an earlier attempt that did not commit
                for name, table in stored_tables().items():
                    keys = ", ".join(f'"{column}"' for column in table.primary_key)
                    rows = con.sql(f"SELECT * FROM {name} ORDER BY {keys}").to_arrow_table()
                    if rows.num_rows:
                        lake.write_snapshot_part(key, table, rows)
            lake.commit_snapshot(key, sorted(folded_before | set(to_fold)))
        finally:
            remove_database_files(scratch)
        logger.info("folded %d runs into snapshot=%s", len(to_fold), key)
        _remove_replaced(layout)
        return Compaction(key, len(to_fold), len(pending) - len(to_fold))


def _remove_replaced(layout: WarehouseLayout) -> None:
    """Delete what the latest committed snapshot replaces (its runs, older snapshots) and
    snapshots that never committed."""
    lake = layout.lake
    committed, uncommitted = lake.snapshot_keys()
    latest = lake.latest_snapshot()
    for key in uncommitted + committed[:-1]:
        lake.delete_snapshot(key)
    if latest is not None:
        folded = set(latest[1])
        runs, _ = lake.run_keys()
        for run_key in runs:
            if run_key in folded:
                lake.delete_run(run_key)
