"""The `newsdesk` command line, in process."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from newsdesk.cli import app
from tests.conftest import REPO, SEED

runner = CliRunner()
DOCUMENT_SCHEMA = json.loads((REPO / "docs" / "document.schema.json").read_text(encoding="utf-8"))


def test_extract_prints_a_document_that_validates_against_the_contract() -> None:
    result = runner.invoke(app, ["extract", str(SEED)])
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.strip().split("\n")
    document = json.loads(line)
    jsonschema.validate(document, DOCUMENT_SCHEMA)
    article = document["article"]
    assert (article["language"], article["published"]["precision"]) == ("fr", "month")
    for sentence in document["sentences"]:
        assert 0 <= sentence["start"] < sentence["end"] <= len(article["text"])


def test_extract_prints_one_line_per_article_of_a_json_lines_file(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        "\n".join(
            json.dumps({"text": text, "date": "2022-03-01"})
            for text in ("The minister met his counterpart in Algiers.", "El ministro viajó a Rabat el lunes.")
        ),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["extract", str(feed)])
    documents = [json.loads(line) for line in result.stdout.strip().split("\n")]
    assert [d["article"]["record_index"] for d in documents] == [1, 2]
    for document in documents:
        jsonschema.validate(document, DOCUMENT_SCHEMA)


def test_extract_reads_standard_input() -> None:
    result = runner.invoke(
        app,
        ["extract", "-"],
        input="date 2021-11-24\n\nLe ministre est arrivé à Rabat mercredi pour une visite officielle.",
    )
    assert result.exit_code == 0
    assert json.loads(result.stdout)["article"]["published"]["start"] == "2021-11-24"


def test_extract_of_a_bad_file_says_why_and_fails(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["extract", str(empty)])
    assert result.exit_code == 1
    assert "empty" in result.stderr


def test_sql_without_a_warehouse_says_to_run_first(tmp_path: Path) -> None:
    result = runner.invoke(app, ["sql", "SELECT 1", "--warehouse", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "make run" in result.stderr


@pytest.mark.usefixtures("prefect_harness")
def test_run_then_query_then_status(articles_folder: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    result = runner.invoke(app, ["run", str(articles_folder), "--warehouse", str(warehouse)])
    assert result.exit_code == 0, result.output
    assert "published" in result.stdout
    query = runner.invoke(
        app,
        [
            "sql",
            "SELECT language, count(*) AS n FROM articles GROUP BY 1 ORDER BY 1",
            "-w",
            str(warehouse),
            "--format",
            "json",
        ],
    )
    assert {row["language"]: row["n"] for row in json.loads(query.stdout)} == {
        "ar": 1,
        "de": 1,
        "en": 2,
        "es": 1,
        "fr": 2,
    }
    csv_output = runner.invoke(
        app, ["sql", "SELECT count(*) AS n FROM articles", "-w", str(warehouse), "--format", "csv"]
    )
    assert csv_output.stdout.split() == ["n", "7"]
    status = runner.invoke(app, ["status", "-w", str(warehouse)])
    assert status.exit_code == 0 and "Latest runs" in status.stdout


@pytest.mark.usefixtures("prefect_harness")
def test_sql_is_read_only(articles_folder: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    runner.invoke(app, ["run", str(articles_folder), "--warehouse", str(warehouse)])
    result = runner.invoke(app, ["sql", "DELETE FROM articles", "-w", str(warehouse)])
    assert result.exit_code == 2
    assert "read-only" in result.stderr.lower()


def test_run_with_a_missing_input_folder_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", str(tmp_path / "nowhere"), "--warehouse", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 2
    assert "matches no file" in result.stderr
