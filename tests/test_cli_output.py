"""What a newcomer meets at the command line (issue 17, items 1 and 2): choices that are checked,
`--version`, `-` for standard output, a `sql` table that fits the terminal and shows types and
NULL, more output formats, and a `status` readable at 80 columns."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from newsdesk import cli
from newsdesk.cli import app
from warehouse.schema import build_sql, schema_sql

runner = CliRunner()
WIDE = "SELECT 'x' AS a, NULL::VARCHAR AS b, '' AS c, ['state:ISR', 'state:MAR'] AS ids, " + ", ".join(
    f"{n} AS column_{n}" for n in range(30)
)


@pytest.fixture()
def warehouse(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "warehouse.duckdb"
    path.parent.mkdir()
    with duckdb.connect(str(path)) as con:
        con.execute(schema_sql())
        con.execute(build_sql())
        con.execute(
            "INSERT INTO quarantine VALUES ('" + "deep/" * 30 + "bad.txt', '', -1, 'empty', 'no bytes', 'run-1', now())"
        )
        con.execute(
            "INSERT INTO runs VALUES ('0b6a5f1e-1111-2222-3333-444455556666', 'ingest', '{}', '0.1.0', '0.4.0', ?, ?,"
            " 'completed', 12, 10, 1, 1, 1, 0, 9, 9, ?)",
            [
                datetime(2024, 5, 2, 9, 0),
                datetime(2024, 5, 2, 9, 3),
                json.dumps({"articles": 9, "events": 21, "actors": 14, "agreements": 2}),
            ],
        )
    return path


@pytest.fixture(autouse=True)
def eighty_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli.console, "width", 80)


def invoke(*arguments: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(arguments))


@pytest.mark.parametrize(
    "arguments",
    [
        ["sql", "SELECT 1", "--format", "yaml"],
        ["extract", "-", "--format", "nonsense"],
        ["extract", "-", "--input-format", "xml"],
        ["export", "coverage", "--format", "xml"],
        ["eval", "nonsense", "x"],
        ["run", "--task-runner", "ray"],
    ],
)
def test_an_invalid_choice_is_refused_with_exit_2(arguments: list[str]) -> None:
    result = invoke(*arguments)
    assert result.exit_code == 2
    assert "is not one of" in result.output


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("newsdesk 0.")


def test_sql_table_fits_the_width_with_types_null_and_elided_columns(warehouse: Path) -> None:
    result = invoke("sql", WIDE, "-w", str(warehouse))
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "varchar" in lines[2] and "│ NULL" in lines[4]  # the type row, then NULL as NULL
    assert "…" in lines[1] and "34 columns (" in lines[-1]  # the columns that do not fit are left out, and said so


@pytest.mark.parametrize(
    ("format", "expected"),
    [
        ("csv", 'a,b,c,ids\nx,,,"[""state:ISR"",""state:MAR""]"\n'),
        (
            "json",
            '[\n  {\n    "a": "x",\n    "b": null,\n    "c": "",\n    "ids": [\n      "state:ISR",\n      "state:MAR"\n    ]\n  }\n]\n',
        ),
        ("markdown", '| a | b | c | ids |\n|---|---|---|---|\n| x | NULL |  | ["state:ISR","state:MAR"] |\n'),
    ],
)
def test_sql_formats(warehouse: Path, format: str, expected: str) -> None:
    result = invoke(
        "sql",
        "SELECT 'x' AS a, NULL::VARCHAR AS b, '' AS c, ['state:ISR', 'state:MAR'] AS ids",
        "-w",
        str(warehouse),
        "--format",
        format,
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == expected


def test_sql_parquet_needs_out_and_keeps_types(warehouse: Path, tmp_path: Path) -> None:
    out = tmp_path / "result.parquet"
    result = invoke("sql", WIDE, "-w", str(warehouse), "--format", "parquet", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert pq.read_table(out).column("ids").to_pylist() == [["state:ISR", "state:MAR"]]


def test_sql_out_refuses_the_warehouse(warehouse: Path) -> None:
    result = invoke("sql", "SELECT 1", "-w", str(warehouse), "--format", "csv", "--out", str(warehouse))
    assert result.exit_code == 2
    assert "refusing to write" in result.stderr


def test_status_fits_80_columns_and_names_the_flow_and_totals(warehouse: Path) -> None:
    result = invoke("status", "-w", str(warehouse))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80, result.stdout
    assert any("0b6a5f1e" in line and "ingest" in line and "2024-05-02 09:03" in line for line in lines)
    assert "Warehouse: 9 articles, 21 events, 14 actors, 2 agreements" in result.stdout
    assert "bad.txt" not in result.stdout or "empty" in result.stdout  # the quarantine is listed


@pytest.mark.usefixtures("prefect_harness")
def test_run_says_it_is_loading_then_counts_what_it_found_and_warns_about_undated(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "dated.txt").write_text(
        "date 2021-11-24\n\nMorocco and Israel signed a defence agreement in Rabat on Wednesday.\n", encoding="utf-8"
    )
    (folder / "undated.txt").write_text(
        "The Israeli defence minister met his Moroccan counterpart in Rabat.\n", encoding="utf-8"
    )
    result = invoke("run", str(folder), "-w", str(tmp_path / "w.duckdb"))
    assert result.exit_code == 0, result.output
    assert cli.STARTING in result.stderr  # no live bar outside a terminal: said once, before the wait
    found = result.stdout[result.stdout.index("Found in the new articles") :]
    assert all(kind in found for kind in ("actors", "events", "agreements", "dates"))
    assert "1 new article had no publication date" in result.stderr
