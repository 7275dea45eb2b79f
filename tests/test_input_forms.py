"""The header forms people write give the article its publication date (issue 17: README,
"Input files"), read the way a run reads a file."""

from __future__ import annotations

import json
from datetime import date

import pytest

from flows.summary import RunSummary, found_counts, undated_ids, undated_warning
from transforms.reading import read_articles

BODY = "Le ministre marocain des Affaires étrangères a reçu mercredi son homologue israélien à Rabat."
MAX_BYTES = 1 << 20


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("a.txt", f"date 2023-05-02\n\n{BODY}"),  # the seeds' form
        ("b.txt", f"date 2023-05-02\n{BODY}"),  # alone on the first line, the body right after
        ("c.txt", f"Date: 2023-05-02\nTitle: Visite à Rabat\n\n{BODY}"),
        ("d.txt", f"Date: 2023-05-02T10:15:00Z\n\n{BODY}"),  # ISO timestamps
        ("e.txt", f"Published: 2023-05-02 10:15:00+02:00\n\n{BODY}"),
        ("f.txt", f"DATE 2 May 2023\n\n{BODY}"),
        ("g.json", json.dumps({"title": "Visite", "date": "2023-05-02T10:15:00Z", "text": BODY})),
        ("h.jsonl", json.dumps({"published_at": "2023-05-02", "body": BODY}) + "\n"),
        ("i.json", json.dumps([{"published": "2023-05-02", "content": BODY}])),
    ],
)
def test_every_documented_header_form_gives_the_publication_date(name: str, content: str) -> None:
    reading = read_articles(name, content.encode("utf-8"), MAX_BYTES)
    assert not reading.problems
    [article] = reading.articles
    assert article.published.range is not None and article.published.range.start == date(2023, 5, 2)
    assert article.text.strip() == BODY


def test_an_article_without_a_date_is_read_and_counted_undated() -> None:
    [article] = read_articles("undated.txt", BODY.encode("utf-8"), MAX_BYTES).articles
    assert article.published.range is None

    class Document:  # the two fields the summary reads of an ExtractedDocument
        def __init__(self, article: object) -> None:
            self.article, self.dates, self.actors, self.events, self.agreements = article, [1, 2], [1], [], []

    documents = [Document(article)]
    summary = RunSummary(
        "run", "w.duckdb", published=True, undated=undated_ids(documents), found=found_counts(documents)
    )
    assert summary.found == {"actors": 1, "events": 0, "agreements": 0, "dates": 2}
    warning = undated_warning(summary)
    assert warning is not None and warning.startswith("1 new article had no publication date")
    assert undated_warning(RunSummary("run", "w.duckdb", published=True)) is None


def test_the_prefect_artifact_counts_what_was_found_and_warns_about_undated_articles(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import flows.ingest

    written: list[str] = []
    monkeypatch.setattr(flows.ingest, "create_markdown_artifact", lambda markdown, **_: written.append(markdown))
    summary = RunSummary("run", "w.duckdb", published=True, undated={"a1", "a2"})
    summary.found.update({"actors": 5, "events": 3, "agreements": 1, "dates": 7})
    flows.ingest.summarise("ingest", summary)
    assert "| found in the new articles | actors | events | agreements | dates |" in written[0]
    assert "| | 5 | 3 | 1 | 7 |" in written[0]
    assert "**Warning:** 2 new articles had no publication date" in written[0]
