"""A run with nothing to do, answered before Prefect, the NLP worker or any model starts.

`newsdesk run` asks `unchanged_run` first. Under the run lock, and after the same readability
check and recovery as a run (warehouse/publish.py:exclusive_run), it does what the ingest flow
does first — read the known state, discover the inputs, split off the files whose size and
modification time are unchanged (flows/batches.py), look for deleted files and an outdated
schema — and when the flow would publish nothing it stops there: nothing is read, extracted,
staged or published, and every table stays byte-identical, as before. Otherwise it returns None
and the ingest flow runs as usual (it does the same checks again under its own lock).

Such a run is recorded in the run log beside the database, `<warehouse>.duckdb.runs.jsonl`, one
JSON line per run (run id, times, inputs, file counts, code version): a no-change run never wrote
to the warehouse (nothing in `runs` either), so the log is where it leaves a trace, without
starting a Prefect server to record a flow run.
"""

from __future__ import annotations

import json
import os
import uuid
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from flows.batches import deleted_files, split_unchanged
from flows.summary import RunSummary
from newsdesk.config import lake_location, warehouse_path
from newsdesk.inputs import discover_files
from warehouse.layout import WarehouseLayout
from warehouse.publish import exclusive_run
from warehouse.rows.core import RunContext
from warehouse.state import read_known_state, schema_is_current

RUN_LOG_SUFFIX = ".runs.jsonl"


def run_log_path(database: Path) -> Path:
    return database.with_name(database.name + RUN_LOG_SUFFIX)


def unchanged_run(inputs: list[str], warehouse: str | None = None, lake: str | None = None) -> RunSummary | None:
    """The summary of a run that has nothing to do (and its line in the run log), or None when
    the ingest flow must run: a new, changed or deleted file, or a schema to upgrade."""
    layout = WarehouseLayout.at(warehouse_path(warehouse), lake_location(lake))
    if not layout.database.exists():  # a first run, or a database to rebuild from the lake
        return None
    started = datetime.now(UTC)
    run_id = str(uuid.uuid4())
    with exclusive_run(layout, run_id):
        known = read_known_state(layout)
        files = discover_files(inputs, exclude=[folder for folder in [layout.local_lake_folder] if folder])
        unchanged, to_read = split_unchanged(files, known)
        if to_read or not schema_is_current(layout):
            return None
        context = RunContext(run_id, f"{started:%Y%m%dT%H%M%S%fZ}-{run_id[:8]}", started.replace(tzinfo=None), "")
        if deleted_files(known, files, inputs, context).rows["source_files"]:
            return None
        summary = RunSummary(
            run_id, str(layout.database), published=False, files=Counter(seen=len(files), unchanged=len(unchanged))
        )
        _log(layout.database, summary, inputs, started)
    return summary


def _log(database: Path, summary: RunSummary, inputs: list[str], started: datetime) -> None:
    from newsdesk import code_version

    line = {
        "run_id": summary.run_id,
        "flow_name": "ingest",
        "started_at": started.isoformat(timespec="microseconds"),
        "finished_at": datetime.now(UTC).isoformat(timespec="microseconds"),
        "outcome": "unchanged",
        "inputs": inputs,
        "files_seen": summary.files["seen"],
        "files_unchanged": summary.files["unchanged"],
        "code_version": code_version(),
        "pid": os.getpid(),
    }
    with open(run_log_path(database), "a", encoding="utf-8") as log:
        log.write(json.dumps(line, sort_keys=True) + "\n")
