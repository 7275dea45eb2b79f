"""Rows of the `dates` table for one extracted article: one row per date mention."""

from __future__ import annotations

from transforms.records import DateMention, ExtractedDocument


def rows(document: ExtractedDocument) -> dict[str, list[dict]]:
    article_id = document.article.article_id
    return {"dates": [_date_row(article_id, mention) for mention in document.dates]}


def _date_row(article_id: str, mention: DateMention) -> dict:
    return {
        "article_id": article_id,
        "start": mention.start,
        "end": mention.end,
        "sentence": mention.sentence,
        "text": mention.text,
        "value": mention.value,
        "date_start": mention.date_start,
        "date_end": mention.date_end,
        "precision": mention.precision,
        "modifier": mention.modifier,
        "kind": mention.kind,
        "anchor": mention.anchor,
        "method": mention.method,
    }
