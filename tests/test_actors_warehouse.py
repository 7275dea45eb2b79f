"""Actor rows match the warehouse schema and aggregate across articles in SQL."""

from __future__ import annotations

from datetime import date, datetime

import duckdb

from tests.actors_support import article, pipelines, resolver
from transforms.nlp import sentences_of
from transforms.records import ExtractedDocument
from warehouse.rows import actors as actor_rows
from warehouse.rows import document_rows
from warehouse.rows.core import RunContext
from warehouse.schema import build_sql, schema_sql, stored_tables

RUN = RunContext("run-1", "20220801T000000-run-1", datetime(2022, 8, 1), "test")


def _document(text: str, language: str, published: date) -> ExtractedDocument:
    record = article(text, language, published)
    doc = pipelines().parse([text], [language])[0]
    sentences = sentences_of(doc)
    return ExtractedDocument(record, sentences, actors=resolver().resolve(record, doc, sentences))


def _load(documents: list[ExtractedDocument]) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    con.execute(schema_sql())
    for document in documents:
        for table, rows in document_rows(document, RUN).items():
            for row in rows:
                columns = ", ".join(f'"{column}"' for column in row)
                con.execute(f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
    con.execute(build_sql())
    return con


def test_row_keys_are_the_table_columns() -> None:
    document = _document("Le général Kochavi a été reçu à Rabat par le Maroc.", "fr", date(2022, 7, 19))
    tables = stored_tables()
    for table, rows in actor_rows.rows(document).items():
        assert rows
        expected = set(tables[table].column_names) - {"extractor_version"}
        assert all(set(row) == expected for row in rows), table


def test_actors_aggregate_across_articles_and_languages() -> None:
    french = _document(
        "Le Maroc et Israël ont signé un accord. Le royaume chérifien s'en félicite.", "fr", date(2022, 7, 1)
    )
    english = _document("Morocco welcomed the decision, the Moroccan government said.", "en", date(2022, 8, 3))
    con = _load([french, english])
    row = con.execute(
        "SELECT name, type, country, first_seen, last_seen, article_count, mention_count FROM actors WHERE actor_id = 'state:MAR'"
    ).fetchone()
    assert row == ("Morocco", "state", "MAR", date(2022, 7, 1), date(2022, 8, 3), 2, 4)
    aliases = con.execute(
        "SELECT language, alias FROM actor_aliases WHERE actor_id = 'state:MAR' ORDER BY ALL"
    ).fetchall()
    assert ("fr", "royaume chérifien") in aliases and ("en", "Morocco") in aliases


def test_offices_are_dated_by_the_articles_that_give_them() -> None:
    document = _document("Le ministre israélien de la Défense Benny Gantz est arrivé.", "fr", date(2022, 7, 1))
    con = _load([document])
    offices = con.execute(
        "SELECT office, first_seen FROM actor_offices WHERE actor_id = 'person:benny-gantz' ORDER BY office"
    ).fetchall()
    assert ("Minister of Defence of Israel", date(2022, 7, 1)) in offices
    assert ("ministre israélien de la Défense", date(2022, 7, 1)) in offices


def test_the_same_articles_give_the_same_ids_on_every_run() -> None:
    text = "Washington a salué l'alliance entre Rabat et Tel-Aviv, selon Maroc Hebdo."
    first = {row["actor_id"] for row in actor_rows.rows(_document(text, "fr", date(2022, 7, 1)))["article_actors"]}
    second = {row["actor_id"] for row in actor_rows.rows(_document(text, "fr", date(2022, 7, 1)))["article_actors"]}
    assert first == second == {"state:USA", "state:MAR", "state:ISR", "media:maroc-hebdo"}
