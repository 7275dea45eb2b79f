"""Helpers for the event tests: shared models, and articles with hand-made actor mentions.

The actor records here stand for what the actor stage gives (same id scheme: state:ISO3,
place:ISO3:city, person:name); the tests of the event stage must not depend on its recall.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from transforms.dates import find_dates
from transforms.dates.publication import parse_publication_date
from transforms.events import EventExtractor
from transforms.nlp import NlpPipelines, sentences_of
from transforms.records import (
    Actor,
    ActorMention,
    Agreement,
    ArticleRecord,
    DateMention,
    Event,
    ExtractedDocument,
    LanguageGuess,
    Sentence,
)


@lru_cache(maxsize=1)
def shared_nlp() -> NlpPipelines:
    return NlpPipelines()


@lru_cache(maxsize=1)
def shared_extractor() -> EventExtractor:
    return EventExtractor()


@dataclass(frozen=True)
class ActorSpec:
    actor_id: str
    name: str
    type: str
    country: str | None
    surfaces: tuple[str, ...]
    sector: str | None = None
    office: str | None = None


def state(iso3: str, name: str, *surfaces: str) -> ActorSpec:
    return ActorSpec(f"state:{iso3}", name, "state", iso3, surfaces or (name,), "GOV")


def city(iso3: str, name: str, *surfaces: str) -> ActorSpec:
    return ActorSpec(f"place:{iso3}:{name.lower()}", name, "place", iso3, surfaces or (name,))


def person(key: str, name: str, country: str, *surfaces: str, office: str | None = None) -> ActorSpec:
    return ActorSpec(f"person:{key}", name, "person", country, surfaces or (name,), "GOV", office)


def group(actor_id: str, name: str, actor_type: str, country: str | None, *surfaces: str) -> ActorSpec:
    return ActorSpec(actor_id, name, actor_type, country, surfaces or (name,))


@dataclass(frozen=True)
class Extraction:
    article: ArticleRecord
    doc: Doc
    sentences: tuple[Sentence, ...]
    dates: tuple[DateMention, ...]
    actors: tuple[Actor, ...]
    events: tuple[Event, ...]
    agreements: tuple[Agreement, ...]

    def document(self) -> ExtractedDocument:
        return ExtractedDocument(self.article, self.sentences, self.dates, self.actors, self.events, self.agreements)

    def events_of(self, event_type: str) -> list[Event]:
        return [e for e in self.events if e.event_type == event_type]

    def agreement_ids(self) -> list[str]:
        return sorted({a.agreement_id for a in self.agreements})


def extract(
    text: str, language: str, published: str | None, specs: Sequence[ActorSpec], article_id: str = "0123456789abcdef"
) -> Extraction:
    publication = parse_publication_date(published)
    article = ArticleRecord(
        article_id=article_id,
        source_path="test.txt",
        record_index=0,
        title=None,
        source=None,
        url=None,
        text=text,
        language=LanguageGuess(language, 1.0, "header"),
        published=publication,
    )
    doc = shared_nlp().parse([text], [language])[0]
    sentences = sentences_of(doc)
    dates = find_dates(text, language, publication.range, sentences)
    actors = make_actors(text, sentences, specs)
    events, agreements = shared_extractor().extract(article, doc, sentences, dates, actors)
    return Extraction(article, doc, sentences, dates, actors, events, agreements)


def make_actors(text: str, sentences: Sequence[Sentence], specs: Sequence[ActorSpec]) -> tuple[Actor, ...]:
    """Actor records for every occurrence of each spec's surfaces.

    A surface "au |Maroc" matches "au Maroc" but the mention covers "Maroc" only; a text span
    claimed by an earlier spec is not claimed again (list the more specific specs first).
    """
    actors: list[Actor] = []
    claimed: set[int] = set()
    for spec in specs:
        mentions = []
        for surface in spec.surfaces:
            prefix, _, name = surface.rpartition("|")
            pattern = rf"(?<!\w){re.escape(prefix)}({re.escape(name)})(?!\w)"
            for found in re.finditer(pattern, text):
                start, end = found.span(1)
                if claimed.intersection(range(start, end)):
                    continue
                claimed.update(range(start, end))
                sentence = next(s.index for s in sentences if s.start <= start < s.end)
                mentions.append(
                    ActorMention(
                        spec.actor_id,
                        name,
                        start,
                        end,
                        sentence,
                        spec.name,
                        "gazetteer",
                        0.9,
                        office=spec.office,
                    )
                )
        mentions.sort(key=lambda m: m.start)
        actors.append(Actor(spec.actor_id, spec.name, spec.type, spec.country, spec.sector, tuple(mentions)))
    return tuple(actors)
