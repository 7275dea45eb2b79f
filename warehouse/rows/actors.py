"""Rows of the per-article actor tables (mentions, article_actors) for one extracted article.

The cross-article tables (actors, actor_aliases, actor_offices) are rebuilt in SQL by
warehouse/build/20_actors.sql.
"""

from __future__ import annotations

from transforms.records import Actor, ActorMention, ExtractedDocument


def rows(document: ExtractedDocument) -> dict[str, list[dict]]:
    article_id = document.article.article_id
    return {
        "mentions": [_mention_row(article_id, mention) for actor in document.actors for mention in actor.mentions],
        "article_actors": [_article_actor_row(article_id, actor) for actor in document.actors],
    }


def _mention_row(article_id: str, mention: ActorMention) -> dict:
    return {
        "article_id": article_id,
        "start": mention.start,
        "end": mention.end,
        "sentence": mention.sentence,
        "actor_id": mention.actor_id,
        "text": mention.text,
        "normalized": mention.normalized,
        "rule": mention.rule,
        "confidence": mention.confidence,
        "title": mention.title,
        "office": mention.office,
    }


def _article_actor_row(article_id: str, actor: Actor) -> dict:
    return {
        "article_id": article_id,
        "actor_id": actor.actor_id,
        "name": actor.name,
        "type": actor.type,
        "country": actor.country,
        "sector": actor.sector,
        "mention_count": len(actor.mentions),
        "aliases": sorted({alias for _, alias in actor.aliases}),
        "offices": list(actor.offices),
    }
