"""Triggers that do not report the act their word names (issue 13).

Patterns covered, each read from cue lists in `transforms/data/events_<lang>.yaml`:
  - a combat word used figuratively: a modifier right before or after it ("an uphill fight",
    "a price war", "the war of words", "la guerre des prix", "une bataille juridique") -> no event;
  - a combat word aimed at a problem, not at an enemy ("the fight against inflation", "la lutte
    contre la corruption") -> no event;
  - a combat word aimed at a policy, a plan, a statement ("the U.S. attack on Japan's fiscal
    policy", "a attaqué la réforme") -> criticism (CAMEO 111, ACCUSE), not ASSAULT;
  - "agree that …" states an opinion, not an agreement ("officials agreed that the plan was
    flawed") -> no event.
The object is looked for in the few words after the trigger, up to the first punctuation mark, so
"attacked the town, ruining the plan" stays an attack.
"""

from __future__ import annotations

from typing import Literal

from transforms.events.matching import TriggerMatch
from transforms.events.tokens import UnitTokens

OBJECT_WINDOW = 6  # words after the trigger where its object is looked for
COMBAT_TYPES = frozenset({"ASSAULT", "FIGHT"})
AGREE_CODES = frozenset({"030"})

Reading = Literal["drop", "criticism"]


def figurative_reading(match: TriggerMatch, tokens: UnitTokens, event_type: str) -> Reading | None:
    """"drop" when the trigger reports no event, "criticism" when it is verbal, else None."""
    cues = tokens.lexicon.cues
    if event_type in COMBAT_TYPES:
        if _modified(match, tokens):
            return "drop"
        end = _object_window_end(match, tokens)
        if cues.figurative_objects and tokens.find(cues.figurative_objects, match.end, end) is not None:
            return "drop"
        if cues.criticised_objects and tokens.find(cues.criticised_objects, match.end, end) is not None:
            return "criticism"
        return None
    if match.entry.code in AGREE_CODES and cues.opinion_complements and not match.entry.with_phrases:
        following = tokens.word_indexes(match.end, match.end + 2)
        if following and any(tokens.match_at(following[0], phrase) for phrase in cues.opinion_complements):
            return "drop"
    return None


def _modified(match: TriggerMatch, tokens: UnitTokens) -> bool:
    """A figurative modifier ends on the word before the trigger or starts on the word after it."""
    modifiers = tokens.lexicon.cues.figurative_modifiers
    if not modifiers:
        return False
    previous = tokens.previous_word(match.start)
    if previous is not None:
        for phrase in modifiers:
            start = previous - len(phrase) + 1
            if start >= tokens.first and tokens.match_at(start, phrase) == previous + 1:
                return True
    following = tokens.word_indexes(match.end, match.end + 2)
    return bool(following) and any(tokens.match_at(following[0], phrase) for phrase in modifiers)


def _object_window_end(match: TriggerMatch, tokens: UnitTokens) -> int:
    end = match.end
    for index in tokens.word_indexes(match.end, tokens.last):
        token = tokens.token(index)
        if token.is_punct and token.text not in {"'", "’", "-"}:
            return index
        end = index + 1
        if len(tokens.word_indexes(match.end, end)) >= OBJECT_WINDOW:
            break
    return end
