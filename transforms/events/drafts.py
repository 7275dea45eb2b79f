"""An event mention while it is being read: trigger, coding, roles, date, modality.

Drafts are mutable so that article-level rules (anaphora, signing events, same-event collapse)
can complete them before they become frozen `Event` records.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from transforms.events.crosswalk import Coding
from transforms.events.dating import EventDate
from transforms.events.matching import TriggerMatch
from transforms.events.modality import Modality
from transforms.events.participants import Participant
from transforms.events.tokens import UnitTokens


@dataclass
class EventDraft:
    match: TriggerMatch
    tokens: UnitTokens
    coding: Coding
    sources: list[str]
    targets: list[str]
    location: Participant | None
    date: EventDate
    modality: Modality
    negated: bool
    inferred_actors: bool = False
    same_as: EventDraft | None = None  # an anaphoric mention ("cette visite") of an earlier event
    event_id: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def actor_ids(self) -> set[str]:
        return set(self.sources) | set(self.targets)

    @property
    def event_type(self) -> str:
        return self.coding.event_type

    @property
    def sentence(self) -> int:
        return self.tokens.unit.sentence

    @property
    def char_start(self) -> int:
        return self.tokens.token(self.match.start).idx

    @property
    def char_end(self) -> int:
        last = self.tokens.token(self.match.end - 1)
        return last.idx + len(last)

    @property
    def trigger_text(self) -> str:
        text = self.tokens.doc[self.match.start: self.match.end].text
        hit = self.match.with_hit
        if hit is not None and hit.start >= self.match.end:
            text += " … " + self.tokens.doc[hit.start: hit.end].text
        return text

    @property
    def confidence(self) -> float:
        score = 0.5 if self.match.is_noun else 0.6
        if self.match.with_hit is not None:
            score += 0.1
        if self.sources:
            score += 0.15
        if self.targets:
            score += 0.05
        if self.date.source == "text":
            score += 0.05
        if self.inferred_actors:
            score -= 0.1
        if not self.actor_ids:
            score -= 0.2
        return round(min(0.95, max(0.05, score)), 2)
