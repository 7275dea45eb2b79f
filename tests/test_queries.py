"""Every query of docs/queries.md runs against the seed warehouse and answers its question."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.seed_warehouse_support import seed_warehouse
from warehouse.readonly import open_read_only

QUERIES_PATH = REPO / "docs" / "queries.md"
_QUESTION = re.compile(r"^## (?P<title>.+?)\n(?P<body>.*?)(?=^## |\Z)", re.S | re.M)
_SQL = re.compile(r"```sql\n(?P<sql>.*?)```", re.S)


def documented_queries() -> dict[str, str]:
    """Question heading -> its SQL (exactly one sql block per question)."""
    queries = {}
    for question in _QUESTION.finditer(QUERIES_PATH.read_text(encoding="utf-8")):
        blocks = _SQL.findall(question["body"])
        assert len(blocks) == 1, f"{question['title']!r} needs exactly one sql block"
        queries[question["title"]] = blocks[0]
    return queries


QUERIES = documented_queries()


def query_about(words: str) -> str:
    (title,) = [title for title in QUERIES if words in title]
    return QUERIES[title]


def run(warehouse: Path, sql: str) -> list[dict]:
    """Rows of `sql` as `newsdesk sql` runs it: through the locked read-only connection."""
    with open_read_only(warehouse) as con:
        result = con.execute(sql)
        columns = [description[0] for description in result.description]
        return [dict(zip(columns, row)) for row in result.fetchall()]


@pytest.fixture(scope="module")
def warehouse(prefect_harness: None) -> Path:
    return seed_warehouse()


def test_the_page_answers_a_dozen_questions() -> None:
    assert len(QUERIES) >= 12


@pytest.mark.parametrize("title", list(QUERIES))
def test_every_documented_query_returns_rows(warehouse: Path, title: str) -> None:
    assert run(warehouse, QUERIES[title]), f"no rows for: {title}"


def test_morocco_agreements_name_the_partner_the_date_and_the_provisions(warehouse: Path) -> None:
    agreements = run(warehouse, query_about("agreements has Morocco signed"))
    framework = [row for row in agreements if row["signed_start"] == date(2021, 11, 1)]
    assert len(framework) == 1
    assert framework[0]["with_whom"] == ["Israel"]
    assert framework[0]["place"] == "Rabat"
    assert "intelligence cooperation" in framework[0]["provisions"]
    assert all(row["signed_start"] >= date(2020, 1, 1) for row in agreements)


def test_morocco_algeria_relations_show_conflict_in_july_2022(warehouse: Path) -> None:
    months = run(warehouse, query_about("between Morocco and Algeria"))
    july = [row for row in months if row["month"] == date(2022, 7, 1)]
    assert july and july[0]["conflict_events"] >= 1 and july[0]["goldstein_total"] < 0


def test_statements_attributed_to_a_person_come_with_their_evidence(warehouse: Path) -> None:
    statements = run(warehouse, query_about("attributed to a given person"))
    assert all("Gantz" in row["evidence"] for row in statements)


def test_the_provenance_query_finds_each_span_where_its_offsets_point(warehouse: Path) -> None:
    spans = run(warehouse, query_about("Where does each fact"))
    assert all(row["extracted"].startswith(row["span"]) for row in spans)
