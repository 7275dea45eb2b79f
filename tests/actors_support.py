"""Shared helpers for the actor tests: one resolver and one set of spaCy pipelines per session."""

from __future__ import annotations

import functools
import hashlib
from datetime import date

from transforms.actors import ActorResolver
from transforms.nlp import NlpPipelines, sentences_of
from transforms.records import Actor, ArticleRecord, DateRange, LanguageGuess, PublishedDate


@functools.lru_cache(maxsize=1)
def resolver() -> ActorResolver:
    return ActorResolver()


@functools.lru_cache(maxsize=1)
def pipelines() -> NlpPipelines:
    return NlpPipelines()


def article(text: str, language: str, published: date | None = None) -> ArticleRecord:
    day_range = DateRange(published, published, "day") if published else None
    return ArticleRecord(
        article_id=hashlib.sha256(text.encode()).hexdigest()[:16],
        source_path="test.txt",
        record_index=0,
        title=None,
        source=None,
        url=None,
        text=text,
        language=LanguageGuess(language, 1.0, "header"),
        published=PublishedDate(published.isoformat() if published else None, day_range),
    )


def resolve(text: str, language: str, published: date | None = None) -> tuple[Actor, ...]:
    record = article(text, language, published)
    doc = pipelines().parse([text], [language])[0]
    return resolver().resolve(record, doc, sentences_of(doc))


def by_id(actors: tuple[Actor, ...]) -> dict[str, Actor]:
    return {actor.actor_id: actor for actor in actors}


def ids_of(text: str, language: str, published: date | None = None) -> set[str]:
    return {actor.actor_id for actor in resolve(text, language, published)}


def mention_of(actors: tuple[Actor, ...], surface: str):
    """The mention written exactly `surface`, and its actor."""
    for actor in actors:
        for mention in actor.mentions:
            if mention.text == surface:
                return actor, mention
    raise AssertionError(f"no mention {surface!r} among {[m.text for a in actors for m in a.mentions]}")
