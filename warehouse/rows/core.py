"""Rows of the core tables: articles, article_sources, source_files, quarantine."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime

from transforms.problems import Problem
from transforms.records import ArticleRecord, ExtractedDocument


@dataclass(frozen=True)
class RunContext:
    run_id: str
    run_key: str  # sortable: UTC start time, then the run id; names the run's lake folder
    started_at: datetime  # UTC, naive (DuckDB TIMESTAMP)
    extractor_version: str


@dataclass(frozen=True)
class FileVersion:
    """What a run knows about one version of an input file."""

    path: str
    content_sha256: str
    size_bytes: int
    modified_ns: int
    format: str
    encoding: str | None
    article_ids: tuple[str, ...]
    quarantined_records: int


def article_row(document: ExtractedDocument, run: RunContext) -> dict:
    article = document.article
    published = article.published.range
    language = article.language
    return {
        "article_id": article.article_id,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "language": language.language,
        "language_confidence": language.confidence,
        "language_method": language.method,
        "language_alternatives": [f"{code}:{prob:.3f}" for code, prob in language.alternatives],
        "language_reason": language.reason,
        "language_declared": article.declared_language,
        "published_raw": article.published.raw,
        "published_start": published.start if published else None,
        "published_end": published.end if published else None,
        "published_precision": published.precision if published else None,
        "text": article.text,
        "char_count": len(article.text),
        "word_count": len(article.text.split()),
        "paragraph_count": len([p for p in re.split(r"\n\s*\n", article.text) if p.strip()]),
        "sentence_count": len(document.sentences),
        "metadata_json": json.dumps(article.metadata, ensure_ascii=False, sort_keys=True) if article.metadata else None,
        "first_source_path": article.source_path,
        "first_seen_run": run.run_id,
        "first_seen_at": run.started_at,
        "extractor_version": run.extractor_version,
        "extraction_status": document.extraction_status,
        "events_coverage": document.events_coverage,
    }


def article_source_row(article: ArticleRecord, content_sha256: str, run: RunContext) -> dict:
    """The row of one record an article was read from, with that record's own metadata."""
    published = article.published.range
    return {
        "article_id": article.article_id,
        "path": article.source_path,
        "record": article.record_index,
        "content_sha256": content_sha256,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "language_declared": article.declared_language,
        "published_raw": article.published.raw,
        "published_start": published.start if published else None,
        "published_end": published.end if published else None,
        "published_precision": published.precision if published else None,
        "metadata_json": _metadata_json(article.metadata),
        "first_seen_run": run.run_id,
        "first_seen_at": run.started_at,
    }


def _metadata_json(metadata: dict[str, str]) -> str | None:
    return json.dumps(metadata, ensure_ascii=False, sort_keys=True) if metadata else None


def source_file_row(version: FileVersion, run: RunContext, status: str = "current") -> dict:
    """The row of a file version seen (or found gone) by this run; first_* keep their first value."""
    return {
        "path": version.path,
        "content_sha256": version.content_sha256,
        "size_bytes": version.size_bytes,
        "modified_ns": version.modified_ns,
        "format": version.format,
        "encoding": version.encoding,
        "article_ids": list(version.article_ids),
        "quarantined_records": version.quarantined_records,
        "status": status,
        "first_seen_run": run.run_id,
        "first_seen_at": run.started_at,
        "last_seen_run": run.run_id,
        "last_seen_at": run.started_at,
    }


def quarantine_row(path: str, content_sha256: str, problem: Problem, run: RunContext) -> dict:
    return {
        "path": path,
        "content_sha256": content_sha256,
        "record": problem.record,
        "reason": problem.reason,
        "message": problem.message,
        "first_seen_run": run.run_id,
        "first_seen_at": run.started_at,
    }
