"""Which way an incomplete date points: past or future, read from the words around it.

"fin mars" or "mardi" give no year or week; news mostly reports the past, so they resolve to the
most recent one, unless the clause speaks of the future ("sera signé en juin", "will meet on
Tuesday", "سوف"). The nearest tense marker in the sentence (within a window of characters)
decides. Markers are word lists and a few suffix patterns per language (lexicon `tense`); this
is a cheap stand-in for a tagger's verb tense, and it is wrong when the nearest marker belongs
to another clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from transforms.dates.lexicons import forms_regex, load_lexicon

Direction = Literal["past", "next"]
WINDOW = 120  # characters either side of the date that may hold its verb


@dataclass(frozen=True)
class TenseMarkers:
    future: re.Pattern[str]
    past: re.Pattern[str]


@cache
def tense_markers(language: str) -> TenseMarkers:
    tense = load_lexicon(language).tense
    return TenseMarkers(
        future=_markers(tense.get("future", ()), tense.get("future_patterns", ())),
        past=_markers(tense.get("past", ()), tense.get("past_patterns", ())),
    )


def tense_near(language: str, work: str, start: int, end: int, bounds: tuple[int, int]) -> Direction | None:
    """ "next" or "past" after the tense marker nearest to work[start:end], inside `bounds`."""
    markers = tense_markers(language)
    low, high = _clause(work, max(bounds[0], start - WINDOW), min(bounds[1], end + WINDOW), start, end)
    best: tuple[int, Direction] | None = None
    pairs: tuple[tuple[Direction, re.Pattern[str]], ...] = (("past", markers.past), ("next", markers.future))
    for direction, pattern in pairs:
        for match in pattern.finditer(work, low, high):
            if match.start() < end and match.end() > start:
                continue  # inside the date itself ("mardi dernier" is handled by the rule)
            distance = start - match.end() if match.end() <= start else match.start() - end
            if match.end() <= start and _BOUND.fullmatch(work, match.end(), start):
                # "scheduled for Friday", "prévue pour vendredi", "prévue vendredi": the marker
                # governs the date through at most one preposition, whatever verb comes after.
                distance = -1
            if best is None or distance < best[0]:
                best = (distance, direction)
    return best[1] if best else None


_BOUND = re.compile(r"\s+(?:\w{1,4}\s+)?(?:(?:le|la|les|the|this|ce|cette)\s+)?")


def _clause(work: str, low: int, high: int, start: int, end: int) -> tuple[int, int]:
    """Narrow the window to the sentence around the date, even when no sentences were given."""
    before = _SENTENCE_END.search(work[low:start][::-1])
    after = _SENTENCE_END_FORWARD.search(work, end, high)
    return (start - before.start() if before else low), (after.start() + 1 if after else high)


_SENTENCE_END = re.compile(r"\s[.!?؟]")  # reversed text: whitespace, then the mark
_SENTENCE_END_FORWARD = re.compile(r"[.!?؟](?=\s)")


def _markers(words: tuple[str, ...], patterns: tuple[str, ...]) -> re.Pattern[str]:
    parts = [f"(?<!\\w)(?:{forms_regex(tuple(sorted(words, key=len, reverse=True)))})"] if words else []
    parts += [f"(?<!\\w)(?:{pattern})(?!\\w)" for pattern in patterns]
    return re.compile("|".join(parts) or r"(?!)", re.IGNORECASE)
