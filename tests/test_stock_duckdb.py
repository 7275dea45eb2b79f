"""The published warehouse opens in the stock DuckDB CLI of the venv (duckdb-cli 1.5.x), which
refuses duckdb 2.0's own storage format (issue 17)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.seed_warehouse_support import seed_warehouse
from warehouse.database_file import connect_writable, stock_readable
from warehouse.layout import WarehouseLayout
from warehouse.state import schema_is_current

DUCKDB_CLI = Path(sys.executable).with_name("duckdb")  # installed by requirements.lock


@pytest.fixture(scope="module")
def warehouse(prefect_harness: None) -> Path:
    return seed_warehouse()


def cli(database: Path, query: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(DUCKDB_CLI), str(database), "-readonly", "-csv", "-c", query],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_published_warehouse_opens_in_the_duckdb_cli(warehouse: Path) -> None:
    result = cli(warehouse, "SELECT count(*) > 0 AS has_articles FROM articles")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["has_articles", "true"]
    quarantine = cli(warehouse, "SELECT path, reason, message FROM quarantine")  # the README's line
    assert quarantine.returncode == 0, quarantine.stderr


def test_duckdb_2_format_is_refused_by_the_cli_and_ours_is_not(tmp_path: Path) -> None:
    native, ours = tmp_path / "native.duckdb", tmp_path / "ours.duckdb"
    with duckdb.connect(str(native)) as con:
        con.execute("CREATE TABLE t AS SELECT 1 AS x")
        assert not stock_readable(con)
    with connect_writable(ours) as con:
        con.execute("CREATE TABLE t AS SELECT 1 AS x")
        assert stock_readable(con)
    assert cli(native, "SELECT x FROM t").returncode != 0  # what the README line met before
    assert cli(ours, "SELECT x FROM t").stdout.split() == ["x", "1"]


def test_a_warehouse_in_duckdb_2_format_is_republished(tmp_path: Path) -> None:
    """A file an older newsdesk wrote is out of date, so the next run rebuilds it even with no new input."""
    database = tmp_path / "warehouse.duckdb"
    with duckdb.connect(str(database)) as con:
        con.execute("CREATE TABLE t AS SELECT 1 AS x")
    assert not schema_is_current(WarehouseLayout.at(database))
