"""A file's bytes → articles and problems: publication dates that are wrong are recorded, not kept."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from hypothesis import given
from hypothesis import strategies as st

from transforms.reading import read_articles

BODY = "Le ministre marocain a reçu son homologue espagnol à Rabat pour parler de coopération."
WRITTEN = datetime(2024, 3, 10, 12, tzinfo=UTC)
WRITTEN_NS = int(WRITTEN.timestamp() * 1e9)


def test_a_bad_date_header_is_a_problem_and_the_article_is_kept_undated_with_its_title() -> None:
    reading = read_articles("/in/a.txt", f"Date: 2022-13-45\nTitle: Sommet\n\n{BODY}".encode(), 10_000, WRITTEN_NS)
    (article,) = reading.articles
    assert (article.title, article.published.raw, article.published.range) == ("Sommet", "2022-13-45", None)
    assert [(p.reason, p.record) for p in reading.problems] == [("bad_header", 1)]


def test_a_date_after_the_file_was_written_is_a_problem_and_not_the_publication_date() -> None:
    reading = read_articles("/in/a.txt", f"Title: Sommet\nDate: 2090-01-01\n\n{BODY}".encode(), 10_000, WRITTEN_NS)
    (article,) = reading.articles
    assert article.published.range is None and article.published.raw is None
    assert article.metadata == {"date_rejected": "2090-01-01"}
    assert [(p.reason, p.record) for p in reading.problems] == [("future_date", 2)]


def test_json_records_are_checked_one_by_one() -> None:
    records = [
        {"text": BODY, "date": "2024-03-11"},
        {"text": BODY + " Deux.", "date": "2099-12-31"},
        {"text": BODY + " Trois.", "date": "hier"},
    ]
    data = "\n".join(json.dumps(record) for record in records).encode()
    reading = read_articles("/in/a.jsonl", data, 10_000, WRITTEN_NS)
    assert [a.published.range is not None for a in reading.articles] == [True, False, False]
    assert [(p.reason, p.record) for p in reading.problems] == [("future_date", 2), ("bad_header", 3)]


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2200, 12, 31)))
def test_a_publication_date_is_kept_exactly_when_it_is_at_most_two_days_after_the_file(day: date) -> None:
    reading = read_articles("/in/a.txt", f"date {day.isoformat()}\n\n{BODY}".encode(), 10_000, WRITTEN_NS)
    (article,) = reading.articles
    kept = (day - WRITTEN.date()).days <= 2
    assert (article.published.range is not None) is kept
    assert [p.reason for p in reading.problems] == ([] if kept else ["future_date"])


def test_without_a_modification_time_no_date_is_judged_in_the_future() -> None:
    (article,) = read_articles("<stdin>.txt", f"date 2090-01-01\n\n{BODY}".encode(), 10_000).articles
    assert article.published.range is not None


def test_an_oversized_file_reports_its_real_size() -> None:
    reading = read_articles("/in/a.txt", b"x" * 101, 100, WRITTEN_NS, size=5_000_000)
    assert [p.message for p in reading.problems] == ["the file is 5,000,000 bytes, over the 100-byte limit"]
