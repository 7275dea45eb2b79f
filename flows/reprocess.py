"""The `reprocess` flow: rebuild the derived tables from the stored articles.

When the extraction code changes (`transforms.pipeline.EXTRACTOR_VERSION`), articles whose rows
were made by another version are re-extracted from the text stored in the warehouse — never
re-read from their source files — and their dates, actors, events and agreements replaced. The
result is the same as a fresh run over the same files.
"""

from __future__ import annotations

from prefect import flow, get_run_logger, task
from prefect.task_runners import ThreadPoolTaskRunner

from flows.batches import BatchReading
from flows.ingest import (
    RunSummary,
    StagedBatch,
    after_io_error,
    extract_documents,
    publish,
    run_context,
    run_row,
    stage_documents,
    summarise,
)
from flows.time_limit import RunTimeLimit, run_seconds
from newsdesk.config import DEFAULT_BATCH_SIZE, lake_location, warehouse_path
from transforms.pipeline import EXTRACTOR_VERSION
from warehouse.layout import WarehouseLayout
from warehouse.publish import exclusive_run
from warehouse.rows.core import RunContext
from warehouse.staging import StagingArea
from warehouse.state import article_ids_to_reprocess, run_checks_of, stored_articles


@task(retries=2, retry_delay_seconds=1, retry_condition_fn=after_io_error)
def reextract_batch(
    layout: WarehouseLayout, article_ids: list[str], staging: StagingArea, run: RunContext, part: str
) -> StagedBatch:
    """Extract stored articles again (from the warehouse's text) and stage their rows."""
    reading = BatchReading(articles=stored_articles(layout, article_ids))
    return stage_documents(staging, reading, extract_documents(reading), run, part)


@flow(name="reprocess", log_prints=False, task_runner=ThreadPoolTaskRunner(max_workers=1))  # type: ignore[arg-type]
def reprocess(
    warehouse: str | None = None,
    all_articles: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    lake: str | None = None,
    time_limit: float | None = None,
) -> RunSummary:
    """Re-extract stored articles made by another extractor version (or all of them); `time_limit`
    as for ingest (flows/time_limit.py)."""
    logger = get_run_logger()
    layout = WarehouseLayout.at(warehouse_path(warehouse), lake_location(lake))
    run = run_context()
    summary = RunSummary(run.run_id, str(layout.database), published=False)
    with RunTimeLimit(run_seconds(time_limit), "reprocess"), exclusive_run(layout, run.run_id):
        ids = article_ids_to_reprocess(layout, EXTRACTOR_VERSION, all_articles)
        logger.info("%d articles to re-extract with extractor %s", len(ids), EXTRACTOR_VERSION)
        staging = StagingArea(layout.lake, run.run_key)
        for number, start in enumerate(range(0, len(ids), batch_size)):
            staged = reextract_batch(layout, ids[start : start + batch_size], staging, run, part=f"{number:05d}")
            summary.articles_extracted += len(staged.new_articles)
        if summary.articles_extracted:
            parameters = {
                "warehouse": str(layout.database),
                "lake": layout.lake_location,
                "all_articles": all_articles,
                "batch_size": batch_size,
            }
            summary.table_counts = publish(layout, run, run_row("reprocess", run, summary, parameters))
            summary.checks = run_checks_of(layout, run.run_id)
            summary.published = True
    summarise("reprocess", summary)
    return summary
