"""The warehouse schema is the single source of truth; what is derived from it stays in step."""

from __future__ import annotations

import pyarrow as pa
import pytest

from warehouse.dictionary import DICTIONARY_PATH, render_dictionary
from warehouse.schema import stored_tables, tables


def test_every_table_and_column_is_documented() -> None:
    undocumented = [
        f"{table.name}.{column.name}"
        for table in stored_tables().values()
        for column in table.columns
        if not column.comment.strip()
    ]
    assert undocumented == []
    assert all(table.comment for table in tables().values())


def test_every_stored_table_has_a_primary_key() -> None:
    assert [name for name, table in stored_tables().items() if not table.primary_key] == []


def test_arrow_schemas_follow_the_sql_types() -> None:
    schema = stored_tables()["articles"].arrow_schema()
    assert schema.field("published_start").type == pa.date32()
    assert schema.field("language_alternatives").type == pa.list_(pa.string())
    assert not schema.field("article_id").nullable


def test_per_article_tables_are_those_with_an_extractor_version() -> None:
    assert not stored_tables()["articles"].is_per_article
    assert not stored_tables()["runs"].is_per_article


def test_the_data_dictionary_matches_the_schema() -> None:
    assert DICTIONARY_PATH.read_text(encoding="utf-8") == render_dictionary(), "run `newsdesk docs`"


@pytest.mark.parametrize("table", sorted(stored_tables()))
def test_the_data_dictionary_lists_every_column(table: str) -> None:
    text = DICTIONARY_PATH.read_text(encoding="utf-8")
    for column in stored_tables()[table].columns:
        assert f"| `{column.name}` |" in text
