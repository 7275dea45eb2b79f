"""Extracted documents → the JSON document contract (docs/document.schema.json)."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime
from typing import Any

from transforms.records import Agreement, ArticleRecord, ExtractedDocument


def document_json(document: ExtractedDocument) -> dict[str, Any]:
    return {
        "article": article_json(document.article),
        "sentences": [_plain(sentence) for sentence in document.sentences],
        "dates": [_plain(item) for item in document.dates],
        "actors": [_plain(item) for item in document.actors],
        "events": [_plain(item) for item in document.events],
        "agreements": agreements_json(document.agreements),
        "extraction": {"status": document.extraction_status, "message": document.extraction_message},
        "events_coverage": document.events_coverage,
    }


# What differs from one place an agreement is named to the next; the rest is the agreement's own.
MENTION_FIELDS = ("name", "evidence", "sentence", "start", "end", "signing_event_id", "confidence")


def agreements_json(mentions: tuple[Agreement, ...] | list[Agreement]) -> list[dict[str, Any]]:
    """One entry per agreement the article names, like actors: the mentions sharing an agreement_id
    are one agreement (the stage already merged their attributes), shown at its first mention,
    with every place it is named under `mentions`. An analyst counting an article's agreements
    must not count "the agreement" referring back as another one (the warehouse keeps every
    mention in agreement_mentions)."""
    by_agreement: dict[str, list[Agreement]] = {}
    for mention in sorted(mentions, key=lambda m: (m.start, m.end, m.agreement_id)):
        by_agreement.setdefault(mention.agreement_id, []).append(mention)
    entries = []
    for group in by_agreement.values():
        entry = _plain(group[0])
        entry["signing_event_id"] = next((m.signing_event_id for m in group if m.signing_event_id), None)
        entry["confidence"] = max(m.confidence for m in group)
        entry["mentions"] = [{name: _plain(getattr(m, name)) for name in MENTION_FIELDS} for m in group]
        entries.append(entry)
    return entries


def article_json(article: ArticleRecord) -> dict[str, Any]:
    published = article.published.range
    language = article.language
    return {
        "article_id": article.article_id,
        "source_path": article.source_path,
        "record_index": article.record_index,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "language": language.language,
        "language_confidence": round(language.confidence, 4),
        "language_method": language.method,
        "language_alternatives": [{"language": code, "probability": round(p, 4)} for code, p in language.alternatives],
        "language_reason": language.reason,
        "published": {
            "raw": article.published.raw,
            "start": published.start.isoformat() if published else None,
            "end": published.end.isoformat() if published else None,
            "precision": published.precision if published else None,
        },
        "metadata": article.metadata,
        "text": article.text,
    }


def dumps(document: ExtractedDocument, indent: int | None = None) -> str:
    return json.dumps(document_json(document), ensure_ascii=False, indent=indent)


def _plain(value: Any) -> Any:
    """Dataclasses → dicts, tuples → lists, dates → ISO strings, recursively."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: _plain(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value
