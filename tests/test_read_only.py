"""`newsdesk sql` and every read-only reader open the warehouse read-only, sandboxed and locked.

The queries are the ones of the adversarial review (issue 12, item 5): each used to read or
write outside the warehouse. The warehouse here is a small DuckDB file with the real schema,
so no Prefect run is needed.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from newsdesk.cli import app
from warehouse.readonly import open_read_only
from warehouse.schema import build_sql, schema_sql

runner = CliRunner()


@pytest.fixture()
def warehouse(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "warehouse.duckdb"
    path.parent.mkdir()
    with duckdb.connect(str(path)) as con:
        con.execute(schema_sql())
        con.execute(build_sql())
        con.execute("INSERT INTO quarantine VALUES ('bad.txt', '', -1, 'empty', 'no bytes', 'run-1', now())")
    return path


@pytest.fixture()
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "shadow"
    path.write_text("root:$6$secret-hash:19000:0:99999:7:::\n", encoding="utf-8")
    return path


def sql(warehouse: Path, query: str, *options: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["sql", query, "-w", str(warehouse), "--format", "csv", *options])


def quarantined_paths(warehouse: Path) -> list[str]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return [row[0] for row in con.execute("SELECT path FROM quarantine").fetchall()]


def test_sql_reads_the_tables_and_views_stored_in_the_warehouse(warehouse: Path) -> None:
    result = sql(warehouse, "SELECT (SELECT path FROM quarantine) AS path, (SELECT count(*) FROM coverage) AS views")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1].startswith("bad.txt,")


def test_sql_cannot_read_another_file(warehouse: Path, secret: Path) -> None:
    result = sql(warehouse, f"SELECT content FROM read_text('{secret}')")
    assert result.exit_code == 2
    assert "disabled by configuration" in result.stderr
    assert "secret-hash" not in result.output


def test_sql_cannot_copy_over_the_warehouse(warehouse: Path) -> None:
    result = sql(warehouse, f"COPY (SELECT 1) TO '{warehouse}' (FORMAT csv)")
    assert result.exit_code == 2
    assert quarantined_paths(warehouse) == ["bad.txt"]


def test_sql_cannot_write_a_file(warehouse: Path, tmp_path: Path) -> None:
    result = sql(warehouse, f"COPY (SELECT 1) TO '{tmp_path / 'out.csv'}' (FORMAT csv)")
    assert result.exit_code == 2
    assert not (tmp_path / "out.csv").exists()


def test_sql_cannot_attach_a_hard_link_of_the_warehouse_for_writing(warehouse: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.duckdb"
    os.link(warehouse, link)
    result = sql(warehouse, f"ATTACH '{link}' AS w (READ_WRITE); DELETE FROM w.quarantine")
    assert result.exit_code == 2
    assert quarantined_paths(warehouse) == ["bad.txt"]


def test_sql_with_a_url_neither_downloads_nor_loads_an_extension(warehouse: Path) -> None:
    result = sql(warehouse, "SELECT * FROM read_csv('https://example.invalid/data.csv')")
    assert result.exit_code == 2
    assert "disabled by configuration" in result.stderr


@pytest.mark.parametrize(
    "setting", ["enable_external_access = true", "lock_configuration = false", "autoinstall_known_extensions = true"]
)
def test_sql_cannot_undo_the_sandbox(warehouse: Path, setting: str) -> None:
    result = sql(warehouse, f"SET {setting}")
    assert result.exit_code == 2
    assert "locked" in result.stderr


def test_sql_cannot_change_the_warehouse(warehouse: Path) -> None:
    result = sql(warehouse, "DELETE FROM quarantine")
    assert result.exit_code == 2
    assert "read-only" in result.stderr
    assert quarantined_paths(warehouse) == ["bad.txt"]


def test_sql_unsafe_may_read_other_files_but_not_change_the_warehouse(warehouse: Path, secret: Path) -> None:
    assert "secret-hash" in sql(warehouse, f"SELECT content FROM read_text('{secret}')", "--unsafe").stdout
    assert sql(warehouse, "DELETE FROM quarantine", "--unsafe").exit_code == 2
    assert quarantined_paths(warehouse) == ["bad.txt"]


def test_status_reads_through_the_locked_connection(warehouse: Path) -> None:
    result = runner.invoke(app, ["status", "-w", str(warehouse)])
    assert result.exit_code == 0, result.output
    assert "bad.txt" in result.stdout


def test_a_locked_connection_writes_only_the_output_it_was_given(warehouse: Path, tmp_path: Path) -> None:
    allowed, other = tmp_path / "allowed.csv", tmp_path / "other.csv"
    with open_read_only(warehouse, output=allowed) as con:
        con.execute(f"COPY (SELECT path FROM quarantine) TO '{allowed}' (FORMAT csv)")
        with pytest.raises(duckdb.PermissionException):
            con.execute(f"COPY (SELECT path FROM quarantine) TO '{other}' (FORMAT csv)")
    assert allowed.read_text(encoding="utf-8").split() == ["path", "bad.txt"]
    assert not other.exists()
