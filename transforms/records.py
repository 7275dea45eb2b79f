"""Typed records that the transforms produce: the document contract in Python form.

Every record that points into an article carries `start`/`end` character offsets into the
article's stored (NFC-normalised) text and the index of the sentence it sits in, so that each
warehouse row can be traced back to the sentence it came from.

The JSON form of these records (``newsdesk extract``) is specified in
``docs/document.schema.json``; the warehouse form in ``warehouse/schema.sql``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Precision = Literal["day", "week", "month", "quarter", "season", "half", "year", "decade", "century"]
Modifier = Literal["early", "mid", "late", "approximate", "before", "after"]
DateKind = Literal["absolute", "relative_publication", "relative_text"]
LanguageMethod = Literal["langdetect", "script", "lexicon", "header", "und"]


@dataclass(frozen=True)
class DateRange:
    """An inclusive range of days and how precisely it is known (ACLED-style precision)."""

    start: date
    end: date
    precision: Precision

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError(f"date range starts after it ends: {self.start} > {self.end}")


@dataclass(frozen=True)
class PublishedDate:
    """The publication date as the source gave it (`raw`) and as newsdesk reads it (`range`)."""

    raw: str | None
    range: DateRange | None


@dataclass(frozen=True)
class LanguageGuess:
    """Which language a text is in, how sure we are, and how we decided."""

    language: str  # ISO 639-1, or "und" when it cannot be decided
    confidence: float
    method: LanguageMethod
    alternatives: tuple[tuple[str, float], ...] = ()
    reason: str | None = None  # why "und", or what overrode langdetect


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int


@dataclass(frozen=True)
class DateMention:
    """A date expression found in an article, resolved to an inclusive range of days."""

    text: str
    start: int
    end: int
    sentence: int
    value: str  # TimeML-style value: "2022-07-19", "2022-07", "2021", "2022-W29", "2022-SU"
    date_start: date
    date_end: date
    precision: Precision
    modifier: Modifier | None
    kind: DateKind
    anchor: str | None  # ISO date/range the expression was resolved against, if relative
    method: str = "rules"  # "rules" or "dateparser" (fallback for unsupported languages)


@dataclass(frozen=True)
class ActorMention:
    """One place in the text that names (or stands for) an actor."""

    actor_id: str
    text: str
    start: int
    end: int
    sentence: int
    normalized: str
    rule: str  # gazetteer | ner | pattern | coreference | fuzzy | metonymy | demonym | epithet
    confidence: float
    title: str | None = None
    office: str | None = None


@dataclass(frozen=True)
class Actor:
    actor_id: str
    name: str
    type: str  # state|person|organization|military|armed_group|media|igo|civilians|place
    country: str | None  # ISO 3166-1 alpha-3
    sector: str | None  # GOV, MIL, REB, MED, IGO, BUS, CVL, ...
    mentions: tuple[ActorMention, ...] = ()
    aliases: tuple[tuple[str, str], ...] = ()  # (language, alias)
    offices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Event:
    event_id: str
    event_type: str  # one of the 16 PLOVER types
    mode: str | None
    context: str | None
    cameo_code: str | None
    quad_class: int | None
    goldstein: float | None
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    date_start: date | None
    date_end: date | None
    date_precision: Precision | None
    date_source: Literal["text", "publication"] | None
    location: str | None
    location_country: str | None
    evidence: str
    sentence: int
    start: int
    end: int
    trigger: str
    negated: bool = False
    modality: str | None = None  # asserted | planned | proposed | reported
    reported_by: str | None = None
    confidence: float = 0.5
    past_tense: bool = False  # the trigger is written in a past tense: asserted whatever its date


@dataclass(frozen=True)
class Agreement:
    agreement_id: str
    name: str
    normalized_name: str
    type: str
    domain: str | None
    parties: tuple[str, ...]
    signatories: tuple[str, ...]
    signed_start: date | None
    signed_end: date | None
    signed_precision: Precision | None
    place: str | None
    status: str
    provisions: tuple[str, ...]
    notes: tuple[str, ...]
    evidence: str
    sentence: int
    start: int
    end: int
    signing_event_id: str | None = None
    # Rule score 0.05..0.95 (see agreement_mentions.confidence in warehouse/schema/30_events.sql).
    confidence: float = 0.5


@dataclass(frozen=True)
class ArticleRecord:
    """One article as read from a file: text and metadata, before any extraction."""

    article_id: str
    source_path: str
    record_index: int  # position of the article inside its file (0 for a plain text file)
    title: str | None
    source: str | None
    url: str | None
    text: str
    language: LanguageGuess
    published: PublishedDate
    metadata: dict[str, str] = field(default_factory=dict)
    declared_language: str | None = None  # as the header/JSON gave it, before normalisation


@dataclass(frozen=True)
class ExtractedDocument:
    """Everything newsdesk knows about one article: the document contract."""

    article: ArticleRecord
    sentences: tuple[Sentence, ...] = ()
    dates: tuple[DateMention, ...] = ()
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    # "complete", or why extraction set the article aside (extraction_crashed, _timeout, _memory,
    # _failed): the text and language are kept, the stages above stay empty.
    extraction_status: str = "complete"
    # Whether the event stage reads this article's language (EventExtractor.coverage): "full" (event
    # and agreement lexicons), "partial" (one of them), "none" (no events or agreements extracted,
    # which says nothing about whether any happened); None when extraction did not run.
    events_coverage: str | None = None
    extraction_message: str | None = None
