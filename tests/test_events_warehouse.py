"""Event and agreement rows fit the schema, and the build merges mentions across articles."""

from __future__ import annotations

from datetime import datetime

import duckdb
import pyarrow as pa
import pytest

from tests.events_support import Extraction, extract, state
from warehouse.rows import events as event_rows
from warehouse.rows.core import RunContext, article_row
from warehouse.schema import build_sql, schema_sql, stored_tables

RUN = RunContext("run-1", "20220601T000000-run-1", datetime(2022, 6, 1), "test")
FRENCH = "Le Maroc et la Mauritanie ont signé un accord-cadre en janvier 2022 à Rabat."
ENGLISH = "Morocco and Mauritania signed a framework agreement in January 2022."
UNDATED = "The framework agreement between Morocco and Mauritania covers intelligence sharing."


@pytest.fixture(scope="module")
def articles() -> list[Extraction]:
    french_specs = [state("MAR", "Maroc"), state("MRT", "Mauritanie")]
    english_specs = [state("MAR", "Morocco"), state("MRT", "Mauritania")]
    return [
        extract(FRENCH, "fr", "2022-06-01", french_specs, article_id="aaaaaaaaaaaaaaaa"),
        extract(ENGLISH, "en", "2022-06-02", english_specs, article_id="bbbbbbbbbbbbbbbb"),
        extract(UNDATED, "en", "2022-06-03", english_specs, article_id="cccccccccccccccc"),
    ]


def _warehouse(extractions: list[Extraction]) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    con.execute(schema_sql())
    tables = stored_tables()
    for extraction in extractions:
        document = extraction.document()
        _insert(con, tables["articles"], [article_row(document, RUN)])
        for name, rows in event_rows.rows(document).items():
            _insert(con, tables[name], [{**row, "extractor_version": "test"} for row in rows])
    con.execute(build_sql())
    return con


def _insert(con: duckdb.DuckDBPyConnection, table, rows: list[dict]) -> None:
    if not rows:
        return
    arrow_rows = pa.Table.from_pylist(rows, schema=table.arrow_schema())
    con.register("incoming", arrow_rows)
    con.execute(f"INSERT INTO {table.name} SELECT * FROM incoming")
    con.unregister("incoming")


@pytest.mark.parametrize("table", ["event_mentions", "event_actors", "agreement_mentions", "agreement_parties"])
def test_rows_have_exactly_the_columns_of_their_table(articles: list[Extraction], table: str) -> None:
    expected = set(stored_tables()[table].column_names) - {"extractor_version"}
    rows = event_rows.rows(articles[0].document())[table]
    assert rows
    assert all(set(row) == expected for row in rows)


def test_event_actor_rows_point_at_the_mention_in_the_sentence(articles: list[Extraction]) -> None:
    rows = event_rows.rows(articles[0].document())["event_actors"]
    assert {(r["actor_id"], r["role"], r["actor_text"]) for r in rows} == {
        ("state:MAR", "source", "Maroc"),
        ("state:MRT", "source", "Mauritanie"),
    }


def test_the_same_signing_reported_in_two_languages_is_one_event(articles: list[Extraction]) -> None:
    con = _warehouse(articles)
    rows = con.execute(
        "SELECT event_type, num_mentions, num_articles, date_precision FROM events WHERE cameo_code = '057'"
    ).fetchall()
    assert rows == [("AGREE", 2, 2, "month")]


def test_an_undated_mention_folds_into_the_dated_agreement(articles: list[Extraction]) -> None:
    con = _warehouse(articles)
    rows = con.execute(
        "SELECT type, parties, num_articles, len(merged_ids), status, signed_start, provisions FROM agreements"
    ).fetchall()
    assert len(rows) == 1
    agreement_type, parties, num_articles, merged, status, signed_start, provisions = rows[0]
    assert (agreement_type, parties, num_articles, merged) == ("framework_agreement", ["state:MAR", "state:MRT"], 3, 2)
    assert (status, signed_start.isoformat(), provisions) == ("signed", "2022-01-01", ["intelligence cooperation"])


def test_agreement_parties_name_both_states(articles: list[Extraction]) -> None:
    rows = event_rows.rows(articles[0].document())["agreement_parties"]
    assert sorted((r["actor_id"], r["role"]) for r in rows) == [("state:MAR", "party"), ("state:MRT", "party")]
