"""A warehouse built once per test session from seeds/ and tests/fixtures/articles.

The tests of docs/queries.md, of `newsdesk export` and of the dashboard read it (read-only). It is
built by the real ingest flow, so it needs the Prefect test harness: use the `seed_warehouse`
fixture pattern below in a test module.

    @pytest.fixture(scope="module")
    def warehouse(prefect_harness: None) -> Path:
        return seed_warehouse()
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

from tests.conftest import FIXTURES, REPO

SEED_INPUTS = (REPO / "seeds", FIXTURES / "articles")


@lru_cache(maxsize=1)
def seed_warehouse() -> Path:
    from flows.ingest import ingest

    folder = Path(tempfile.mkdtemp(prefix="newsdesk-seed-warehouse-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    warehouse = folder / "warehouse.duckdb"
    summary = ingest(inputs=[str(path) for path in SEED_INPUTS], warehouse=str(warehouse))
    assert summary.published, "the seed warehouse was not published"
    return warehouse
