"""Dates in languages newsdesk has no rules for: dateparser, explicit absolute dates only.

dateparser's `search_dates` knows month names in some 200 locales, but it also reads stray
words and bare numbers as dates and resolves relative words against the clock. So only what
it reads with a year written in digits *and* a month (or day, month and year) is kept:
"19 luglio 2022", "novembre 2021", "2022-07-19". Bare years, weekdays and relative words are
left out. The publication date is not used. Mentions carry method="dateparser", kind "absolute".
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from datetime import datetime
from functools import cache

from transforms.dates.calendar import day_range, month_range, timeml_value
from transforms.records import DateMention, DateRange, Sentence

# A fixed "now": relative words must not depend on the day the pipeline runs.
_FIXED_NOW = datetime(2000, 1, 1)
_SETTINGS = {"RELATIVE_BASE": _FIXED_NOW, "REQUIRE_PARTS": ["year", "month"], "PREFER_DAY_OF_MONTH": "first"}


_YEAR_IN_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)")


def fallback_dates(text: str, language: str, sentences: Sequence[Sentence]) -> tuple[DateMention, ...]:
    from dateparser.search import search_dates

    languages = [language] if _dateparser_knows(language) else None
    mentions: list[DateMention] = []
    for first, last in _passages_with_a_year(text, sentences, language if languages else None):
        position = first
        for substring, _ in search_dates(text[first:last], languages=languages, settings=_SETTINGS) or []:
            start = text.find(substring, position, last)
            if start < 0:
                continue
            position = start + len(substring)
            mention = _mention(text, start, position, languages, sentences)
            if mention is not None:
                mentions.append(mention)
    return tuple(sorted(mentions, key=lambda mention: (mention.start, mention.end)))


def _passages_with_a_year(text: str, sentences: Sequence[Sentence], language: str | None) -> list[tuple[int, int]]:
    """The parts of the text that may hold a date kept: each sentence that writes a year in
    digits, with its neighbours (a splitter may end a sentence inside a date: "3. července 2022",
    "2022 r. w"), when a month is named in the language or written in digits beside the year.
    dateparser's search is slow, so the rest of the text is not searched. Touching parts merge."""
    spans = sorted((sentence.start, sentence.end) for sentence in sentences) or [(0, len(text))]
    month_names = _month_names(language) if language else None
    passages: list[tuple[int, int]] = []
    for index, (start, end) in enumerate(spans):
        if not _YEAR_IN_DIGITS.search(text, start, end):
            continue
        first, last = spans[max(index - 1, 0)][0], spans[min(index + 1, len(spans) - 1)][1]
        window = text[first:last]
        if month_names is not None and not (_NUMERIC_MONTH.search(window) or month_names.search(_fold(window))):
            continue
        if passages and first <= passages[-1][1]:
            passages[-1] = (passages[-1][0], max(passages[-1][1], last))
        else:
            passages.append((first, last))
    return passages


# Digits beside a year ("19.07.2022", "2022-07", "7/2022", "2022年7月"): a month may be written so.
_NUMERIC_MONTH = re.compile(r"\d[\s./\-年]{0,2}\d{4}(?!\d)|(?<!\d)\d{4}[\s./\-年]{0,2}\d")


@cache
def _month_names(language: str) -> re.Pattern[str] | None:
    """Every name of a month dateparser knows in the language (full, abbreviated, inflected),
    casefolded, as one pattern; None if it knows none (then every passage with a year is searched)."""
    from dateparser.languages.loader import default_loader

    info = default_loader.get_locale(language).info
    names = {_fold(str(name)) for month in _MONTHS for name in info.get(month, ()) if str(name).strip()}
    if not names:
        return None
    return re.compile("|".join(re.escape(name) for name in sorted(names, key=len, reverse=True)))


def _fold(text: str) -> str:
    """What dateparser reads alike: case, accents and other marks ("ΜΑΪΟΥ", "cervence", an alef
    without its madda; dateparser's own normalisation), Persian and Arabic kaf and yeh."""
    from dateparser.utils import normalize_unicode

    return normalize_unicode(text.casefold()).translate(_LETTER_FORMS)


_LETTER_FORMS = str.maketrans({"ک": "ك", "ی": "ي", "ى": "ي", "ە": "ه"})
_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)


def _mention(
    text: str, start: int, end: int, languages: list[str] | None, sentences: Sequence[Sentence]
) -> DateMention | None:
    start = _trim_leading_words(text, start, end, languages)
    span = _explicit_range(text[start:end], languages)
    if span is None:
        return None
    return DateMention(
        text=text[start:end],
        start=start,
        end=end,
        sentence=_sentence_index(sentences, start),
        value=timeml_value(span),
        date_start=span.start,
        date_end=span.end,
        precision=span.precision,
        modifier=None,
        kind="absolute",
        anchor=None,
        method="dateparser",
    )


def _explicit_range(substring: str, languages: list[str] | None) -> DateRange | None:
    """The day or month the substring names, if it writes the year in digits and a month.

    dateparser also "finds" relative words ("ieri") and fills their year from its clock: a
    four-digit year in the text, equal to the year read, is what makes a date explicit here.
    """
    years = {int(found) for found in _YEAR_IN_DIGITS.findall(substring)}
    if not years:
        return None
    data = _parser(tuple(languages) if languages else None).get_date_data(substring)
    parts = set(data.parts or ())
    if data.date_obj is None or not {"year", "month"} <= parts or data.date_obj.year not in years:
        return None
    found = data.date_obj.date()
    if "day" in parts:
        return day_range(found)
    return month_range(found.year, found.month)


def _trim_leading_words(text: str, start: int, end: int, languages: list[str] | None) -> int:
    """Drop leading words (prepositions such as "Em", "Nel") that do not change the date."""
    whole = _explicit_range(text[start:end], languages)
    while True:
        space = text.find(" ", start, end)
        if space < 0 or whole is None:
            return start
        shorter = _explicit_range(text[space + 1 : end], languages)
        if shorter != whole:
            return start
        start = space + 1


def _sentence_index(sentences: Sequence[Sentence], offset: int) -> int:
    ordered = sorted(sentences, key=lambda sentence: sentence.start)
    position = bisect.bisect_right([sentence.start for sentence in ordered], offset) - 1
    return ordered[position].index if ordered and position >= 0 else 0


@cache
def _dateparser_knows(language: str) -> bool:
    from dateparser.languages.loader import default_loader

    return language in default_loader.get_locale_map()


@cache
def _parser(languages: tuple[str, ...] | None):  # type: ignore[no-untyped-def]
    from dateparser.date import DateDataParser

    return DateDataParser(languages=list(languages) if languages else None, settings=_SETTINGS)
