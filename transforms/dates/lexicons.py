"""Date vocabulary per language, read from `transforms/data/dates_<language>.yaml`.

A lexicon file holds, for one language: word classes (month names, weekdays, "hier", "dernier",
"début", units, number words...), each mapping a value to the forms that say it; context word
lists (what may introduce a bare year or month, what marks a quantity, a habit, a tense); and
the rules (regular-expression templates over those classes) that `transforms.dates.grammar`
compiles. `dates_common.yaml` adds the numeric rules every language shares.

Lookups go through `fold`: lower case, no accents or Arabic vowel marks, Arabic letter variants
merged (أ إ آ → ا, ة → ه, ى → ي), typographic apostrophes made plain, spaces collapsed. The
regular expressions match both the written and the folded form of every entry, so "derniere"
and "dernière", "اكتوبر" and "أكتوبر" are both found.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from transforms.data_files import DATA_DIR, load_data

SUPPORTED_LANGUAGES = ("ar", "de", "en", "es", "fr")

_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ـ": None})
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})


@dataclass(frozen=True)
class RuleSpec:
    """One rule as written in a lexicon file (compiled by `transforms.dates.grammar`)."""

    type: str  # what the match means: date, month, year, weekday, relative_period, ...
    pattern: str  # regex template; {class} or {class:group} stand for word classes
    needs: tuple[str, ...] = ()  # context checks a match must pass (see dates.grammar)
    fixed: Mapping[str, str] | None = None  # fields the rule itself supplies, e.g. direction: past


@dataclass(frozen=True)
class DateLexicon:
    language: str
    numeric_order: str  # "dmy" or "mdy": how to read 03/04/2022
    day_suffix: str  # regex for what may follow a day number: "1er", "1st", "1."
    words: Mapping[str, Mapping[str, Any]]  # class -> folded form -> value
    forms: Mapping[str, tuple[str, ...]]  # class -> every form to match (written and folded)
    context: Mapping[str, tuple[str, ...]]  # context word lists, folded
    articles: tuple[str, ...]  # articles that may sit between a context word and a date
    anchors: tuple[str, ...]  # literal rule words that may be a date's only anchor ("siècle")
    signals: Mapping[str, tuple[str, ...]]  # modifier (before/after/approximate) -> phrases
    tense: Mapping[str, tuple[str, ...]]  # future/past words and regex patterns
    rules: tuple[RuleSpec, ...]

    def value(self, word_class: str, text: str) -> Any:
        """The value of a matched form ("avant hier" → -2), or None if the class lacks it."""
        return self.words.get(word_class, {}).get(lookup_key(text))


def fold(text: str, keep_final_period: bool = False) -> str:
    """The lookup key of a word: lower case, unaccented, Arabic variants merged, one space.

    A final period is dropped ("janv." = "janv"), unless the text is the context before a date,
    where it ends a sentence and must stay ("... le mois. Août" has no month word before Août).
    """
    text = text.translate(_APOSTROPHES).casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(char for char in decomposed if unicodedata.category(char) != "Mn")
    stripped = " ".join(unicodedata.normalize("NFC", stripped).translate(_ARABIC_FOLD).split())
    return stripped if keep_final_period else stripped.rstrip(".")


def lookup_key(text: str) -> str:
    """`fold` without spaces, hyphens and apostrophes: "avant-hier", "avant hier" are one key."""
    return re.sub(r"[\s\-']", "", fold(text))


@cache
def load_lexicon(language: str) -> DateLexicon:
    """The lexicon of a supported language, merged with the shared numeric rules."""
    if language not in SUPPORTED_LANGUAGES:
        raise KeyError(f"no date lexicon for language {language!r}")
    own = _read(f"dates_{language}.yaml")
    common = _read("dates_common.yaml")
    words = {name: _invert(entries) for name, entries in own["words"].items()}
    return DateLexicon(
        language=language,
        numeric_order=own.get("numeric_order", "dmy"),
        day_suffix=own.get("day_suffix", ""),
        words={name: lookup for name, (lookup, _) in words.items()},
        forms={name: forms for name, (_, forms) in words.items()},
        context={name: _folded(items) for name, items in own.get("context", {}).items()},
        articles=_folded(own.get("articles", [])),
        anchors=tuple(sorted(own.get("anchors", []))),
        signals={name: _folded(items) for name, items in own.get("signals", {}).items()},
        tense={name: tuple(items) for name, items in own.get("tense", {}).items()},
        rules=tuple(_rule(spec) for spec in own["rules"] + common["rules"]),
    )


def _read(name: str) -> dict[str, Any]:
    data: dict[str, Any] = load_data(DATA_DIR / name)
    return data


def _invert(entries: Mapping[Any, list[str]]) -> tuple[dict[str, Any], tuple[str, ...]]:
    """value -> forms becomes folded form -> value, plus every form (written and folded) to match."""
    lookup: dict[str, Any] = {}
    forms: set[str] = set()
    for value, written in entries.items():
        for form in written:
            key = lookup_key(str(form))
            if key in lookup and lookup[key] != value:
                raise ValueError(f"date lexicon form {form!r} has two values: {lookup[key]}, {value}")
            lookup[key] = value
            folded = fold(str(form))
            forms.update({str(form), folded + ("." if str(form).endswith(".") else "")})
    # Longest first, so that "avant-hier" wins over "hier" inside one alternation.
    return lookup, tuple(sorted(forms, key=lambda form: (-len(form), form)))


def _folded(items: list[str]) -> tuple[str, ...]:
    return tuple(sorted({fold(item) for item in items}, key=lambda item: (-len(item), item)))


def _rule(spec: Mapping[str, Any]) -> RuleSpec:
    needs = spec.get("needs", ())
    return RuleSpec(
        type=spec["type"],
        pattern=spec["pattern"],
        needs=(needs,) if isinstance(needs, str) else tuple(needs),
        fixed=spec.get("fixed"),
    )


def forms_regex(forms: tuple[str, ...], whole_words: bool = True) -> str:
    """An alternation matching any of `forms` (spaces and hyphens flexible).

    With `whole_words`, a form must end at a word boundary. Date rules pass False: each rule
    ends with a boundary of its own, and a form may then continue a compound ("Dienstagabend").
    """
    return "|".join(_form_regex(form, whole_words) for form in forms)


def _form_regex(form: str, whole_words: bool) -> str:
    abbreviation = form.endswith(".")
    body = form.rstrip(".") if abbreviation else form
    pattern = re.escape(body)
    pattern = pattern.replace(r"\ ", r"\s+").replace(r"\-", r"[-\s]?").replace("'", r"'\s?")
    if abbreviation:
        pattern += r"\.?"
    if whole_words and body and (body[-1].isalnum() or body[-1] == "_"):
        pattern += r"(?!\w)"
    return pattern
