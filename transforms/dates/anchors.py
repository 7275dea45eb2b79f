"""Where a date can be: windows of text around the tokens every date expression contains.

Every date holds an anchor token: a digit, a month or weekday name, a word like "hier",
"semaine", "fin", or a literal rule word like "siècle". Running ~40 rules over the whole text
costs more than finding these tokens first and running each rule only in the windows around
them — and only in windows holding a kind of anchor the rule can contain (a weekday rule needs a
weekday; a rule made of digits needs a digit). The result is the same as scanning everything;
tests/test_dates_properties.py checks it on random text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from transforms.dates.lexicons import DateLexicon

# Word classes whose forms can anchor a date. Directions ("ce", "last"), numbers ("un", "a")
# and ordinals always come with one of these, so they are left out: they are everywhere.
ANCHOR_CLASSES = (
    "month",
    "month_abbr",
    "weekday",
    "day_word",
    "relative_day",
    "text_relative",
    "text_direction",
    "unit",
    "dual_unit",
    "period",
    "year_part",
    "part",
    "season",
    "decade_word",
    "century_word",
    "holiday",
)
DIGIT = "digit"
LITERAL = "literal"  # one of the lexicon's `anchors`, words a rule writes literally

# What a placeholder can contribute to a match, beyond its own class when that class anchors.
_PLACEHOLDER_KINDS: Mapping[str, frozenset[str]] = {
    "month": frozenset({"month", "month_abbr"}),
    "month_full": frozenset({"month"}),
    "day": frozenset({DIGIT, "day_word"}),
    "count": frozenset({DIGIT}),
    "decade": frozenset({DIGIT, "decade_word"}),
    "century": frozenset({DIGIT, "century_word", LITERAL}),
    **{digits: frozenset({DIGIT}) for digits in ("dd", "dd2", "mm", "year", "year2d", "yy", "q", "h")},
}

# A match cannot start further before its first anchor, or end further after its last one,
# than this ("la fin de l'année dernière", "du mercredi 3 avril", "13 avril prochains").
REACH_BEFORE, REACH_AFTER = 60, 80

_TOKEN = re.compile(r"\w+")
_ARABIC_CLITICS = ("و", "ف", "ب", "ل")


@dataclass(frozen=True)
class AnchorIndex:
    words: Mapping[str, frozenset[str]]  # lower-case word -> the anchor kinds it is
    prefixes: tuple[str, ...]  # weekdays, which may start a compound ("Dienstagabend")


@dataclass(frozen=True)
class Window:
    low: int
    high: int
    kinds: frozenset[str]  # the kinds of anchor inside


def anchor_index(lexicon: DateLexicon) -> AnchorIndex:
    """Every anchoring word of a language with its kinds.

    A form of several words is represented by one of its words (`_head_word`): finding it is
    enough, the window reaches the rest.
    """
    kinds: dict[str, set[str]] = defaultdict(set)
    for word_class in ANCHOR_CLASSES:
        for form in lexicon.forms.get(word_class, ()):
            kinds[_head_word(form)].add(word_class)
    for word in lexicon.anchors:
        kinds[_head_word(word)].add(LITERAL)
    kinds.pop("", None)
    prefixes = tuple(sorted({form.lower() for form in lexicon.forms.get("weekday", ())}))
    return AnchorIndex({word: frozenset(found) for word, found in kinds.items()}, prefixes)


def rule_kinds(pattern: str, placeholder_classes: Mapping[str, str], lexicon: DateLexicon) -> frozenset[str]:
    """The kinds of anchor a match of this rule may contain (one of them always is there)."""
    kinds: set[str] = set()
    for word_class in placeholder_classes.values():
        kinds |= _PLACEHOLDER_KINDS.get(word_class, frozenset())
        if word_class in ANCHOR_CLASSES:
            kinds.add(word_class)
    lowered = pattern.lower()
    if any(word.lower() in lowered for word in lexicon.anchors):
        kinds.add(LITERAL)
    return frozenset(kinds)


def anchor_windows(index: AnchorIndex, work: str) -> list[Window]:
    """The stretches of text around anchor tokens, merged, each ending at whitespace or the end
    of the text (so that a rule's final word boundary holds there)."""
    windows: list[Window] = []
    for match in _TOKEN.finditer(work):
        kinds = _kinds_of(match.group(), index)
        if not kinds:
            continue
        low = max(0, match.start() - REACH_BEFORE)
        high = _next_space(work, min(len(work), match.end() + REACH_AFTER))
        if windows and low <= windows[-1].high:
            last = windows[-1]
            windows[-1] = Window(last.low, max(last.high, high), last.kinds | kinds)
        else:
            windows.append(Window(low, high, kinds))
    return windows


def _kinds_of(token: str, index: AnchorIndex) -> frozenset[str]:
    if any(char.isdigit() for char in token):
        return frozenset({DIGIT})
    word = token.lower()
    found = index.words.get(word)
    if found is None and word[:1] in _ARABIC_CLITICS:
        found = index.words.get(word[1:])
    if found is None and word.startswith(index.prefixes):
        found = frozenset({"weekday"})
    return found or frozenset()


def _head_word(form: str) -> str:
    """The word that stands for a multi-word form: its last word of three letters or more
    ("yesterday" in "the day before yesterday", "eve" in "the eve"), else its longest."""
    parts = _TOKEN.findall(form.lower())
    long_parts = [part for part in parts if len(part) >= 3]
    if long_parts:
        return long_parts[-1]
    return max(parts, key=lambda part: (len(part), part)) if parts else ""


def _next_space(work: str, position: int) -> int:
    while position < len(work) and not work[position].isspace():
        position += 1
    return position
