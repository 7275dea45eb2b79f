"""Date mentions become rows of the `dates` table with exactly its columns and types."""

from __future__ import annotations

from datetime import date

import pyarrow as pa

from transforms.dates import find_dates
from transforms.dates.publication import parse_publication_date
from transforms.records import ArticleRecord, ExtractedDocument, LanguageGuess
from warehouse.rows.dates import rows
from warehouse.schema import stored_tables

TEXT = "Le général a été reçu le 19 juillet 2022. Fin mars, une délégation était venue."


def _document() -> ExtractedDocument:
    published = parse_publication_date("2022-07")
    article = ArticleRecord(
        article_id="0123456789abcdef",
        source_path="/tmp/article.txt",
        record_index=0,
        title=None,
        source=None,
        url=None,
        text=TEXT,
        language=LanguageGuess("fr", 0.99, "langdetect"),
        published=published,
    )
    return ExtractedDocument(article=article, dates=find_dates(TEXT, "fr", published.range, ()))


def test_rows_have_the_columns_of_the_dates_table_but_the_version() -> None:
    table = stored_tables()["dates"]
    expected = set(table.column_names) - {"extractor_version"}
    produced = rows(_document())["dates"]
    assert len(produced) == 2
    assert all(set(row) == expected for row in produced)


def test_rows_fit_the_arrow_schema_derived_from_the_sql() -> None:
    schema = stored_tables()["dates"].arrow_schema()
    produced = [{**row, "extractor_version": "test"} for row in rows(_document())["dates"]]
    table = pa.Table.from_pylist(produced, schema=schema)
    assert table.column("date_start").to_pylist() == [date(2022, 7, 19), date(2022, 3, 16)]


def test_rows_point_back_into_the_article_text() -> None:
    for row in rows(_document())["dates"]:
        assert TEXT[row["start"] : row["end"]] == row["text"]
        assert row["article_id"] == "0123456789abcdef"


def test_the_primary_key_is_article_and_span() -> None:
    assert stored_tables()["dates"].primary_key == ("article_id", "start", "end")
