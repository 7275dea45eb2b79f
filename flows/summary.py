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

    @property
    def articles_new(self) -> int:
        return len(self.languages)

    @property
    def language_counts(self) -> Counter[str]:
        return Counter(self.languages.values())
