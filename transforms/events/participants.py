"""The actors a unit mentions, as token spans the role rules can reason about."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from transforms import syntax
from transforms.events.hyphenated import word_start
from transforms.events.units import Unit
from transforms.records import Actor, ActorMention

STATE_LIKE_TYPES = frozenset({"state", "igo"})
# Only places are locations: the actor stage types a country named as the territory where
# something happens as a place ("au Maroc" -> place:MAR) and as a state when it acts or is acted on.
PLACE_TYPES = frozenset({"place"})


@dataclass(frozen=True)
class Participant:
    actor: Actor
    mention: ActorMention
    span: Span

    @property
    def start(self) -> int:  # token indexes in the doc
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end

    @property
    def root(self) -> Token:
        """The mention's head token; for a hyphenated head ("état-major") its first part, where
        the parser attaches the word."""
        return word_start(syntax.span_root(self.span))

    @property
    def actor_id(self) -> str:
        return self.actor.actor_id


def unit_participants(unit: Unit, actors: Sequence[Actor]) -> list[Participant]:
    """Actor mentions inside the unit, one per text span (the longest wins when they nest)."""
    found: list[Participant] = []
    doc = unit.span.doc
    for actor in actors:
        for mention in actor.mentions:
            if not unit.contains(mention.start, mention.end):
                continue
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and len(span) > 0:
                found.append(Participant(actor, mention, span))
    found.sort(key=lambda p: (p.start, -(p.end - p.start), p.actor_id))
    kept: list[Participant] = []
    for participant in found:
        if kept and participant.start < kept[-1].end:
            continue  # nested in (or overlapping) a longer mention already kept
        kept.append(participant)
    return kept
