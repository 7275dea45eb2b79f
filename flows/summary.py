"""What a run reports: kept apart from flows/ingest.py so that a run with nothing to do can
report without importing Prefect (flows/precheck.py)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class RunSummary:
    run_id: str
    warehouse: str
    published: bool
    files: Counter[str] = field(default_factory=Counter)
    languages: dict[str, str] = field(default_factory=dict)  # new article id → language
    quarantine_reasons: Counter[str] = field(default_factory=Counter)
    table_counts: dict[str, int] = field(default_factory=dict)
    checks: list[tuple[str, bool, int]] = field(default_factory=list)  # (check, passed, failing rows)
    articles_extracted: int = 0  # set by reprocess: articles whose derived rows were rebuilt
    found: Counter[str] = field(default_factory=Counter)  # dates, actors, events, agreements in the new articles
    undated: set[str] = field(default_factory=set)  # new article ids with no publication date

    @property
    def articles_new(self) -> int:
        return len(self.languages)

    @property
    def language_counts(self) -> Counter[str]:
        return Counter(self.languages.values())


FOUND = ("actors", "events", "agreements", "dates")


def found_counts(documents: list) -> Counter[str]:
    """What extraction found in `documents` (ExtractedDocument), by kind (mentions, per article)."""
    return Counter({kind: sum(len(getattr(document, kind)) for document in documents) for kind in FOUND})


def undated_ids(documents: list) -> set[str]:
    """Articles without a publication date: their relative dates ("mercredi") cannot be resolved."""
    return {document.article.article_id for document in documents if document.article.published.range is None}


def undated_warning(summary: RunSummary) -> str | None:
    """The run summary's warning about undated articles, or None when every new article has a date."""
    if not summary.undated:
        return None
    count = len(summary.undated)
    return (
        f"{count} new article{'s' if count != 1 else ''} had no publication date: relative dates "
        f'("on Wednesday", "last month") in them stay unresolved. Give each a `Date:` header or '
        f'a "date"/"published" key (README, "Input files"); '
        f'newsdesk sql "SELECT source_path FROM articles WHERE published_start IS NULL" lists them.'
    )
