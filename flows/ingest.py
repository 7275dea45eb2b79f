"""The `ingest` flow: article files in, a published warehouse out.

    discover → process batches (read → extract → stage Parquet) → publish (load + checks) → summary

Tasks work on batches of files, never on single documents, and batches are independent: one
task reads, extracts and stages a batch where it runs, so only a small summary comes back. On the
default runner three threads take turns (two batches are extracted at once, one in each NLP
worker process of the pool, while the third thread reads or stages a batch); on a Dask cluster
they run side by side (`task_runner="dask"`), and give the same warehouse either way. Nothing is visible to readers
until `publish` swaps in the new database, so a failure anywhere leaves the warehouse as it was.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.futures import PrefectFuture
from prefect.runtime import flow_run
from prefect.states import State

import newsdesk
from flows import progress
from flows.batches import BatchReading, deleted_files, read_batch, split_unchanged, unchanged_files
from flows.extraction_worker import COMPLETE, shared_worker, stop_shared_worker
from flows.runners import task_runner_for
from flows.summary import FOUND, RunSummary, found_counts, undated_ids, undated_warning
from flows.time_limit import RunTimeLimit, entering_publish, run_seconds
from newsdesk.config import DEFAULT_BATCH_SIZE, DEFAULT_INPUTS, lake_location, max_file_bytes, warehouse_path
from newsdesk.inputs import FoundFile, discover_files
from transforms.pipeline import EXTRACTOR_VERSION
from transforms.problems import Problem
from transforms.reading import file_format
from transforms.records import ArticleRecord, ExtractedDocument
from warehouse.layout import WarehouseLayout
from warehouse.publish import exclusive_run, publish_run
from warehouse.rows import document_rows
from warehouse.rows.core import RunContext, quarantine_row
from warehouse.staging import StagingArea
from warehouse.state import KnownState, read_known_state, run_checks_of, schema_is_current

# Batches in flight at once: twice the task slots of a local 2-worker Dask cluster (2 threads
# each), so that a slot that frees finds the next batch already queued while the flow collects the
# oldest; few enough that memory stays flat (a queued batch is a list of file names).
BATCHES_IN_FLIGHT = 8


@dataclass(frozen=True)
class StagedBatch:
    """What the driver needs to know of a batch once its parts are written."""

    file_counts: Counter[str]
    new_articles: dict[str, str]  # article id → language
    quarantine_reasons: Counter[str]
    found: Counter[str] = field(default_factory=Counter)  # actors, events, agreements, dates extracted
    undated: frozenset[str] = frozenset()  # new article ids without a publication date


# Models load once per NLP process, in child processes that an article cannot take down with it
# (flows/extraction_worker.py): a pool of two on the default runner, one per Dask worker.
# `newsdesk run` starts the first early, while Prefect's server starts (newsdesk/cli.py).
# Cached: `shared_extractor.cache_clear()` forgets it.
shared_extractor = shared_worker


def after_transient_error(task: object, task_run: object, state: State) -> bool:
    """Whether to retry discovery: not when an input is missing or unreadable, which a retry
    one second later cannot change (the run fails at once, with the reason in its artifact)."""
    return not isinstance(state.data, (FileNotFoundError, NotADirectoryError, PermissionError))


@task(retries=2, retry_delay_seconds=1, retry_condition_fn=after_transient_error)
def discover(inputs: list[str], layout: WarehouseLayout) -> list[FoundFile]:
    return discover_files(inputs, exclude=[folder for folder in [layout.local_lake_folder] if folder])


def stop_extraction() -> None:
    """Kill this process's NLP workers, if it started any (Ctrl-C: stop now, not after the batch)."""
    stop_shared_worker()


def after_io_error(task: object, task_run: object, state: State) -> bool:
    """Whether to retry a batch: only when reading or writing failed (a full disk, a network
    file system or object store that hiccuped). Extraction is deterministic: it would fail again."""
    return isinstance(state.data, OSError)


@task(retries=2, retry_delay_seconds=1, retry_condition_fn=after_io_error)
def process_batch(
    files: list[FoundFile], known: KnownState, max_bytes: int, run: RunContext, staging: StagingArea, part: str
) -> StagedBatch:
    """Read, extract and stage one batch where the task runs: articles and their rows never travel
    between workers, only the small summary does. A retry reads the files again and replaces the
    batch's parts."""
    reading = read_batch(files, known, max_bytes, run)
    return stage_documents(staging, reading, extract_documents(reading), run, part)


@task(retries=2, retry_delay_seconds=1, retry_condition_fn=after_io_error)
def stage(staging: StagingArea, reading: BatchReading, run: RunContext, part: str) -> StagedBatch:
    """Stage rows that need no extraction (deleted and unchanged files)."""
    return stage_documents(staging, reading, [], run, part)


def extract_documents(reading: BatchReading) -> list[ExtractedDocument]:
    return shared_extractor().extract_batch(reading.articles) if reading.articles else []


def stage_documents(
    staging: StagingArea, reading: BatchReading, documents: list[ExtractedDocument], run: RunContext, part: str
) -> StagedBatch:
    rows: dict[str, list[dict]] = {name: list(values) for name, values in reading.rows.items()}
    for document in documents:
        for table, table_rows in document_rows(document, run).items():
            rows.setdefault(table, []).extend(table_rows)
    rows["quarantine"].extend(set_aside_rows(reading, documents, run))
    staging.write(rows, part)
    return StagedBatch(
        file_counts=reading.file_counts,
        new_articles={d.article.article_id: d.article.language.language for d in documents},
        quarantine_reasons=Counter(row["reason"] for row in rows["quarantine"]),
        found=found_counts(documents),
        undated=frozenset(undated_ids(documents)),
    )


def set_aside_rows(reading: BatchReading, documents: list[ExtractedDocument], run: RunContext) -> list[dict]:
    """A quarantine row for each article that extraction set aside (stored, but with no rows)."""
    digests = {row["path"]: row["content_sha256"] for row in reading.rows.get("source_files", [])}
    return [
        quarantine_row(
            document.article.source_path,
            digests.get(document.article.source_path, ""),
            Problem(document.extraction_status, document.extraction_message or "", _record_of(document.article)),  # type: ignore[arg-type]
            run,
        )
        for document in documents
        if document.extraction_status != COMPLETE
    ]


def _record_of(article: ArticleRecord) -> int:
    """The quarantine's record number: the JSON record, or -1 for a text file (the whole file)."""
    return -1 if file_format(article.source_path) == "text" else article.record_index


@task
def publish(layout: WarehouseLayout, run: RunContext, run_row: dict) -> dict[str, int]:
    entering_publish()  # a run that got here publishes whole (flows/time_limit.py)
    return publish_run(layout, run.run_key, run_row, finished_at=utc_now())


@flow(name="ingest", log_prints=False, task_runner=task_runner_for("default"))  # type: ignore[arg-type]
def ingest(
    inputs: list[str] | None = None,
    warehouse: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_bytes: int | None = None,
    lake: str | None = None,
    time_limit: float | None = None,
) -> RunSummary:
    """Read article files from `inputs` (folders, files or globs; default seeds/) into the warehouse.

    `lake` places the Parquet lake elsewhere than beside the database (a folder or a URI).
    `time_limit` (seconds; default $NEWSDESK_RUN_SECONDS or 6 h) ends a run that has not started
    publishing by then: the process exits (status 124) and the warehouse is left as it was.
    """
    inputs = list(inputs or DEFAULT_INPUTS)
    layout = WarehouseLayout.at(warehouse_path(warehouse), lake_location(lake))
    run = run_context()
    summary = RunSummary(run.run_id, str(layout.database), published=False)
    try:
        with RunTimeLimit(run_seconds(time_limit), "ingest"), exclusive_run(layout, run.run_id):
            _ingest_batches(layout, run, inputs, batch_size, max_bytes or max_file_bytes(), summary)
    except Exception as error:
        report_failure("ingest", error)
        raise
    summarise("ingest", summary)
    return summary


def with_task_runner(name: str = "default", address: str | None = None, workers: int | None = None):
    """The ingest flow bound to a task runner: "default" (in process) or "dask" (see flows/runners.py)."""
    return ingest.with_options(task_runner=task_runner_for(name, address, workers))  # type: ignore[arg-type]


def _ingest_batches(
    layout: WarehouseLayout, run: RunContext, inputs: list[str], batch_size: int, max_bytes: int, summary: RunSummary
) -> None:
    logger = get_run_logger()
    known = read_known_state(layout)
    files = discover(inputs, layout)
    unchanged, to_read = split_unchanged(files, known)
    batches = [to_read[start : start + batch_size] for start in range(0, len(to_read), batch_size)]
    logger.info("%d files (%d unchanged) in %d batches from %s", len(files), len(unchanged), len(batches), inputs)
    staging = StagingArea(layout.lake, run.run_key)
    in_flight: list[PrefectFuture] = []
    done = 0
    for number, batch in enumerate(batches):
        batch_known = known.restricted_to([found.path for found in batch])  # what a worker needs of it
        in_flight.append(process_batch.submit(batch, batch_known, max_bytes, run, staging, part=f"{number:05d}"))
        while len(in_flight) >= BATCHES_IN_FLIGHT or (number == len(batches) - 1 and in_flight):
            _tally(summary, in_flight.pop(0).result())
            done += 1
            progress.report(len(unchanged) + min(done * batch_size, len(to_read)), len(files))
    summary.files["seen"] = len(files)
    gone = deleted_files(known, files, inputs, run)
    if gone.rows["source_files"]:
        _tally(summary, stage(staging, gone, run, part="deleted"))
    changed = summary.files["new"] or summary.files["changed"] or summary.files["deleted"]
    publishing = bool(changed) or not schema_is_current(layout)  # else nothing would change but last-seen
    if publishing and unchanged:  # record that this run saw them
        _tally(summary, stage(staging, unchanged_files(unchanged, known, run), run, part="unchanged"))
    else:
        summary.files["unchanged"] += len(unchanged)
    if publishing:
        parameters = {
            "inputs": inputs,
            "warehouse": str(layout.database),
            "lake": layout.lake_location,
            "batch_size": batch_size,
            "max_bytes": max_bytes,
        }
        summary.table_counts = publish(layout, run, run_row("ingest", run, summary, parameters))
        summary.checks = run_checks_of(layout, run.run_id)
        summary.published = True
        logger.info("published %s: %s", layout.database, summary.table_counts)


def _tally(summary: RunSummary, staged: StagedBatch) -> None:
    summary.files.update(staged.file_counts)
    for article_id, language in staged.new_articles.items():
        summary.languages.setdefault(article_id, language)
    summary.quarantine_reasons.update(staged.quarantine_reasons)
    summary.found.update(staged.found)
    summary.undated.update(staged.undated)


def run_context() -> RunContext:
    started = utc_now()
    run_id = flow_run.get_id() or "local"
    return RunContext(
        run_id=run_id,
        run_key=f"{started:%Y%m%dT%H%M%S%fZ}-{run_id[:8]}",
        started_at=started,
        extractor_version=EXTRACTOR_VERSION,
    )


def run_row(flow_name: str, run: RunContext, summary: RunSummary, parameters: dict) -> dict:
    """The run's `runs` row, but for the table counts that publishing fills in."""
    return {
        "run_id": run.run_id,
        "flow_name": flow_name,
        "parameters_json": json.dumps(parameters, sort_keys=True),
        "code_version": newsdesk.code_version(),
        "extractor_version": run.extractor_version,
        "started_at": run.started_at,
        "finished_at": None,  # set when the run publishes
        "status": "completed",
        "files_seen": summary.files["seen"],
        "files_new": summary.files["new"],
        "files_changed": summary.files["changed"],
        "files_unchanged": summary.files["unchanged"],
        "files_quarantined": summary.files["quarantined"],
        "files_deleted": summary.files["deleted"],
        "articles_new": summary.articles_new,
        "articles_extracted": summary.articles_extracted or summary.articles_new,
    }


def summarise(flow_name: str, summary: RunSummary) -> None:
    files = summary.files
    lines = [
        f"# newsdesk {flow_name} run `{summary.run_id}`",
        "",
        f"Warehouse: `{summary.warehouse}` ({'published' if summary.published else 'unchanged: nothing new'})",
        "",
        "| files seen | new | changed | unchanged | deleted | quarantined | new articles |",
        "|---:|---:|---:|---:|---:|---:|---:|",
        f"| {files['seen']} | {files['new']} | {files['changed']} | {files['unchanged']} "
        f"| {files['deleted']} | {files['quarantined']} | {summary.articles_new} |",
    ]
    if summary.articles_extracted:
        lines += ["", f"Articles re-extracted from stored text: {summary.articles_extracted}"]
    if summary.found:
        lines += ["", "| found in the new articles | " + " | ".join(FOUND) + " |", "|---|" + "---:|" * len(FOUND)]
        lines += ["| | " + " | ".join(str(summary.found[kind]) for kind in FOUND) + " |"]
    if undated_warning(summary):
        lines += ["", f"**Warning:** {undated_warning(summary)}"]
    if summary.languages:
        lines += ["", "| language | new articles |", "|---|---:|"]
        lines += [f"| {code} | {count} |" for code, count in sorted(summary.language_counts.items())]
    if summary.quarantine_reasons:
        lines += ["", "| quarantine reason | records |", "|---|---:|"]
        lines += [f"| {reason} | {count} |" for reason, count in sorted(summary.quarantine_reasons.items())]
    if summary.checks:
        failing = sum(1 for _, passed, _ in summary.checks if not passed)
        lines += ["", f"Data-quality checks: {len(summary.checks) - failing} passed, {failing} failed", ""]
        lines += ["| check | passed | failing rows |", "|---|---|---:|"]
        lines += [f"| {name} | {'yes' if passed else 'NO'} | {rows} |" for name, passed, rows in summary.checks]
    create_markdown_artifact(
        markdown="\n".join(lines), key=f"{flow_name}-summary", description=f"newsdesk {flow_name} run"
    )


def report_failure(flow_name: str, error: BaseException) -> None:
    """Put why a run failed where the Prefect UI shows it (its logs and a markdown artifact), not
    only in the worker's terminal."""
    reason = f"{type(error).__name__}: {error}"
    get_run_logger().error("%s run failed: %s", flow_name, reason)
    create_markdown_artifact(
        markdown=f"# newsdesk {flow_name} run failed\n\n```\n{reason}\n```\n\nThe warehouse keeps its last published state.",
        key=f"{flow_name}-failure",
        description=f"why the newsdesk {flow_name} run failed",
    )


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
