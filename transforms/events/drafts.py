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
    recoded: bool = False  # the trigger word was re-read (figurative.py: "attack on the policy" -> criticism)
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
        text = self.tokens.doc[self.match.start : self.match.end].text
        hit = self.match.with_hit
        if hit is not None and hit.start >= self.match.end:
            text += " … " + self.tokens.doc[hit.start : hit.end].text
        return text

    @property
    def confidence(self) -> float:
        """How far to trust the mention, 0.05..0.95 (see event_mentions.confidence in
        warehouse/schema/30_events.sql): the trigger's reliability, then each role the sentence
        fills, minus what was guessed (inferred actors, an ambiguous word, a re-read figurative
        word, an act only reported by someone)."""
        score = 0.5 if self.match.is_noun else 0.6
        if self.match.with_hit is not None:
            score += 0.1  # the entry's object word was found: the reading is specific
        if self.sources:
            score += 0.15
        if self.targets:
            score += 0.05
        if self.sources and self.targets:
            score += 0.05
        if self.date.source == "text":
            score += 0.05
        if self.inferred_actors:
            score -= 0.1
        if not self.actor_ids:
            score -= 0.2
        if self.ambiguous_trigger:
            score -= 0.1
        if self.recoded:
            score -= 0.1
        if self.modality.label == "reported":
            score -= 0.05
        return round(min(0.95, max(0.05, score)), 2)

    @property
    def ambiguous_trigger(self) -> bool:
        """The trigger word, without an object word, codes events of more than one PLOVER branch
        in the lexicon ("receive", "recevoir"), or is a bare modal ("must")."""
        if self.match.with_hit is not None:
            return False
        keys = self.tokens.keys[self.match.start]
        branches = {entry.code[:2] for entry in self.tokens.lexicon.candidates(keys)}
        return len(branches) > 1 or self.match.entry.roles == "speaker"
