"""Derived spellings of country names: the ways writers shorten, split or reorder the names that
CLDR and pycountry give in full.

Each rule turns one known name into other ways of writing it:
- parts of a joined name: "Saint-Pierre-et-Miquelon" -> "Saint-Pierre", "Miquelon";
  "Trinidad & Tobago" -> "Trinidad" (Arabic joins with a glued "و");
- the name without a nationality adjective at its edge: "Polynésie française" -> "Polynésie",
  "Französisch-Polynesien" -> "Polynesien";
- "Saint" written "St."/"St"/"Sankt" (and Arabic "سانت"/"سان"/"سينت");
- an official form moved behind the name, spelt out or abbreviated as reference works do:
  "Republic of Korea" -> "Korea (Republic)", "Korea (Rep.)";
- a German compound island name split: "Turks- und Caicosinseln" -> "Turks- und Caicos-Inseln";
- an Arabic island name without "جزر"/"جزيرة" when it carries the article: "جزر الكناري" -> "الكناري".

A derived name is kept only if it is not already the name of a country (the full names win:
"Samoa" stays Samoa although "American Samoa" loses its adjective) and it still contains a word
that is not a word of official forms ("Dominican Republic" does not yield "Republic").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

from transforms.actors.text import WORD_PATTERN, fold_word, is_arabic, phrase_keys

# Words joining the parts of a name ("Trinidad & Tobago", "Saint-Pierre-et-Miquelon").
PART_JOINER = regex.compile(r"\s*&\s*|\s+(?:and|et|y|e|und)\s+|-et-|-and-|\s+[-–]\s+")
# An Arabic "و" (and) glued to the next word of a name: "سانت فنسنت وجزر غرينادين".
ARABIC_PART_JOINER = regex.compile(r"\s+و(?=\p{L}{3,})|\s+[-–]\s+")
# Spellings of "Saint" that stand for each other at the start of a word group.
SAINT_GROUPS = (("saint", "st", "sankt"), ("سانت", "سان", "سينت"))
ARABIC_ISLAND_WORDS = ("جزر", "جزيرة")
MIN_ARABIC_ISLAND_NAME = 5  # letters of the folded name left after "جزر": "القمر" (the moon) is too short
MIN_ABBREVIATED_WORD = 4  # shorter form words ("du", "of", "del") are dropped, not abbreviated
ABBREVIATION_LENGTH = 3  # "République" -> "Rép.", "Democratic" -> "Dem."
GERMAN_ISLAND_SUFFIXES = ("inseln", "insel")
ROUNDS = 2  # rules apply to derived names once more ("St. Kitts & Nevis" -> "St. Kitts" -> "Saint Kitts")


@dataclass(frozen=True)
class NamingWords:
    """What the rules need to know about a language's words."""

    language: str
    demonyms: frozenset[str]  # folded single-word demonym forms of every country
    form_words: frozenset[str]  # folded words of official state names ("republique", "du", "of")
    common_words: frozenset[str] = frozenset()  # folded frequent words ("heard", "man"): no name alone


def derived_names(
    names: Iterable[tuple[str, str]], reserved: Iterable[tuple[str, ...]], words: NamingWords
) -> list[tuple[str, str]]:
    """(ISO3, derived name) pairs for (ISO3, name) pairs; `reserved` are the keys of names that
    already name a country, which no derived name may take."""
    taken = set(reserved)
    derived: set[tuple[str, str]] = set()
    current = sorted(set(names))
    for round_number in range(ROUNDS):
        found = set()
        for iso3, name in current:
            for variant in _variants(name, words, given=round_number == 0):
                keys = phrase_keys(variant)
                if keys and keys not in taken and _is_usable(keys, words):
                    found.add((iso3, variant.strip()))
        found -= derived
        derived |= found
        current = sorted(found)
    return sorted(derived)


def _is_usable(keys: tuple[str, ...], words: NamingWords) -> bool:
    """A derived name needs a word of its own, and is not a bare nationality adjective."""
    own = [key for key in keys if key not in words.form_words and not _abbreviates_form_word(key, words)]
    if not own:
        return False
    return not (len(keys) == 1 and (keys[0] in words.demonyms or keys[0] in words.common_words))


def _abbreviates_form_word(key: str, words: NamingWords) -> bool:
    """ "rep", "dem": the abbreviation of a word of official forms."""
    return len(key) <= ABBREVIATION_LENGTH and any(word.startswith(key) for word in words.form_words)


def _variants(name: str, words: NamingWords, given: bool) -> Iterator[str]:
    if given:  # cutting derived names again goes too far: "French Southern" -> "Southern"
        yield from _parts(name)
        yield from _without_demonym(name, words)
    yield from _saint_spellings(name)
    yield from _form_after_name(name, words)
    yield from _german_island_compound(name)
    yield from _without_arabic_island_word(name)


def _parts(name: str) -> Iterator[str]:
    pattern = ARABIC_PART_JOINER if is_arabic(name) else PART_JOINER
    parts = pattern.split(name)
    if len(parts) > 1:
        yield from (part.strip(" -,") for part in parts if part.strip(" -,"))


def _without_demonym(name: str, words: NamingWords) -> Iterator[str]:
    spans = list(WORD_PATTERN.finditer(name))
    if len(spans) < 2:
        return
    if fold_word(spans[0].group()) in words.demonyms:
        yield name[spans[1].start() :]
    if fold_word(spans[-1].group()) in words.demonyms and not spans[0].group().startswith("ال"):
        # An Arabic noun with the article is a common noun ("السلطة الفلسطينية" -> not "السلطة").
        yield name[: spans[-2].end()]


def _saint_spellings(name: str) -> Iterator[str]:
    spans = list(WORD_PATTERN.finditer(name))
    for span in spans:
        key = fold_word(span.group())
        for group in SAINT_GROUPS:
            if key in group:
                end = span.end() + (1 if name[span.end() : span.end() + 1] == "." else 0)
                for other in group:
                    if other != key:
                        spelled = other.capitalize() if span.group()[:1].isupper() else other
                        yield name[: span.start()] + spelled + name[end:]


def _form_after_name(name: str, words: NamingWords) -> Iterator[str]:
    """ "Republic of Korea" -> "Korea (Republic)", "Korea (Rep.)"."""
    spans = list(WORD_PATTERN.finditer(name))
    leading = 0
    while leading < len(spans) and fold_word(spans[leading].group()) in words.form_words:
        leading += 1
    if leading == 0 or leading == len(spans):
        return
    form = [span.group() for span in spans[:leading] if len(span.group()) >= MIN_ABBREVIATED_WORD]
    if not form:
        return
    rest = name[spans[leading].start() :]
    yield f"{rest} ({' '.join(form)})"
    yield f"{rest} ({' '.join(word[:ABBREVIATION_LENGTH] + '.' for word in form)})"


def _german_island_compound(name: str) -> Iterator[str]:
    """ "Turks- und Caicosinseln" -> "Turks- und Caicos-Inseln" (the stem alone may be an ordinary
    word: "Überseeinseln" is not "Übersee")."""
    spans = list(WORD_PATTERN.finditer(name))
    if not spans or is_arabic(name):
        return
    last = spans[-1]
    for suffix in GERMAN_ISLAND_SUFFIXES:
        stem = last.group()[: -len(suffix)]
        if last.group().endswith(suffix) and len(stem) >= 4:
            head = name[: last.start()] + stem
            yield f"{head}-{suffix.capitalize()}"
            return


def _without_arabic_island_word(name: str) -> Iterator[str]:
    first, _, rest = name.partition(" ")
    if first in ARABIC_ISLAND_WORDS and rest.startswith("ال"):
        if len(fold_word(rest.split(" ")[0])) >= MIN_ARABIC_ISLAND_NAME:
            yield rest
