"""The `quality_report` flow: re-run the data-quality checks on the published warehouse.

Every publish already refuses a database that fails a check; this daily report also catches
what changed outside newsdesk (a hand-edited database, a restored backup) and leaves a Prefect
artifact with the results. The flow run fails when a check fails, so alerts can hang off it.
"""

from __future__ import annotations

import duckdb
from prefect import flow
from prefect.artifacts import create_table_artifact

from newsdesk.config import warehouse_path
from warehouse.layout import WarehouseLayout
from warehouse.quality import CheckResult, run_checks


class QualityReportFailed(RuntimeError):
    pass


@flow(name="quality_report", log_prints=False)
def quality_report(warehouse: str | None = None) -> list[CheckResult]:
    layout = WarehouseLayout.at(warehouse_path(warehouse))
    if not layout.database.exists():
        raise FileNotFoundError(f"no warehouse at {layout.database}: run `newsdesk run` first")
    with duckdb.connect(str(layout.database), read_only=True) as con:
        results = run_checks(con)
    create_table_artifact(
        key="quality-report",
        table=[{"check": r.name, "passed": r.passed, "failing rows": r.failing_rows} for r in results],
        description=f"newsdesk data-quality checks on {layout.database}",
    )
    failures = [result.name for result in results if not result.passed]
    if failures:
        raise QualityReportFailed(f"{len(failures)} checks failed: {', '.join(failures)}")
    return results
