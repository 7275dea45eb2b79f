"""Find every date expression in an article and resolve it to a range of days.

    find_dates(text, language, published, sentences) -> (DateMention, ...)

French, English, Spanish, German and Arabic are read with rules and lexicons written for them
(`transforms/data/dates_<lang>.yaml`, compiled by `dates.grammar`, resolved by
`dates.resolution`); any other language falls back to dateparser for explicit absolute dates
only (`dates.fallback`, method "dateparser").

The steps, for a supported language:
1. match every rule on a working copy of the text (Arabic digits and typographic marks made
   plain, offsets unchanged), keeping matches that pass their context checks;
2. resolve each match: absolute ones on their own, relative ones against the publication date
   (the anchor), pointing back or forward as their words or the clause's tense say; a pair
   ("du 21 octobre au 12 janvier 2016") gives two mentions that share what one omits;
3. keep the longest resolvable matches so that no two overlap;
4. resolve dates given relative to another date ("le lendemain", "two weeks later") against
   the nearest earlier date in the text;
5. add the modifier a signal word gives ("avant", "since", "vers").

Without a publication date, expressions that need one ("hier", "fin mars", "le 6 mai") are
left out — a mention always carries a real range — and absolute ones are still found.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace

from transforms.dates.fallback import fallback_dates
from transforms.dates.grammar import Candidate, Grammar, candidates, grammar_for, signal_before, working_copy
from transforms.dates.lexicons import SUPPORTED_LANGUAGES
from transforms.dates.resolution import (
    Parsed,
    Resolution,
    is_absolute,
    needs_day_anchor,
    parse,
    resolve,
    resolve_from_text,
    resolve_text_fallback,
)
from transforms.dates.tense import tense_near
from transforms.records import DateMention, DateRange, Sentence

TEXT_ANCHOR_SENTENCES = 2  # how far back "le lendemain" may look for the date it follows


@dataclass(frozen=True)
class _Found:
    """One resolvable (or text-relative, still pending) expression at a place in the text."""

    start: int
    end: int
    rule_index: int
    match_length: int  # length of the whole rule match (a pair's is longer than each date)
    parsed: Parsed
    resolution: Resolution | None  # None: relative to another date, resolved in step 4
    after_connector: bool = False  # second date of a pair: "au", "bis" before it is no signal


@dataclass(frozen=True)
class _Context:
    """What resolving a match needs besides the match itself."""

    grammar: Grammar
    work: str
    published: DateRange | None
    locator: _SentenceLocator


def find_dates(
    text: str, language: str, published: DateRange | None, sentences: Sequence[Sentence]
) -> tuple[DateMention, ...]:
    """Date mentions sorted by start offset; each span slices `text` to the mention's text."""
    if not text.strip():
        return ()
    if language not in SUPPORTED_LANGUAGES:
        return fallback_dates(text, language, sentences)
    grammar = grammar_for(language)
    context = _Context(grammar, working_copy(text), published, _SentenceLocator(sentences, len(text)))
    found = [item for candidate in candidates(grammar, context.work) for item in _resolved(candidate, context)]
    mentions = []
    for item in _with_text_anchors(_without_overlaps(found), context):
        if item.resolution is None:
            continue
        modifier = item.resolution.modifier
        if modifier is None and not item.after_connector:
            modifier = signal_before(grammar, context.work, item.start)  # type: ignore[assignment]
        mentions.append(_mention(text, item, replace(item.resolution, modifier=modifier), context.locator))
    return tuple(mentions)


def _resolved(candidate: Candidate, context: _Context) -> list[_Found]:
    parsed = parse(candidate, context.grammar.lexicon)
    index, length = candidate.rule.index, candidate.end - candidate.start
    if parsed.type == "pair":
        return _resolved_pair(candidate, parsed, context)
    if parsed.type in ("text_relative", "not_a_date"):
        # Text-relative dates are resolved in step 4; "not_a_date" spans ("du lundi au vendredi",
        # a habit) take part in the overlap choice so that no shorter date is read inside them.
        return [_Found(candidate.start, candidate.end, index, length, parsed, None)]
    resolution = _resolve_in_context(parsed, candidate.start, candidate.end, context)
    return [_Found(candidate.start, candidate.end, index, length, parsed, resolution)] if resolution else []


def _resolve_in_context(parsed: Parsed, start: int, end: int, context: _Context) -> Resolution | None:
    tense = None
    if not is_absolute(parsed) and context.published is not None:
        bounds = context.locator.bounds(start)
        tense = tense_near(context.grammar.lexicon.language, context.work, start, end, bounds)
    return resolve(parsed, context.published, tense)


def _resolved_pair(candidate: Candidate, parsed: Parsed, context: _Context) -> list[_Found]:
    """Two dates joined by "et", "au", "to", "-": each its own mention, sharing what one omits.

    "les 9 et 23 avril" lends the month to 9; "du 21 octobre au 12 janvier 2016" lends the
    year to 21 October, which is then the year before 2016 whatever the publication date; "May 4-23" lends the
    month forward. The second date is resolved first and the first takes its year from it.
    """
    groups = candidate.groups
    first_end = max(groups[name][2] for name in ("weekday", "day", "month", "year") if name in groups)
    second_start = min(groups[name][1] for name in ("weekday2", "day2", "month2", "year2") if name in groups)
    month = parsed.month or parsed.month2
    second = Parsed(
        "date" if parsed.day2 is not None else "month",
        day=parsed.day2,
        month=parsed.month2 or parsed.month,
        year=parsed.year2 if parsed.year2 is not None else parsed.year,
        weekday=parsed.weekday2,
        direction=parsed.direction,
    )
    second_resolution = _resolve_in_context(second, second_start, candidate.end, context)
    if second_resolution is None or month is None:
        return []
    first = Parsed("date" if parsed.day is not None else "month", day=parsed.day, month=month, weekday=parsed.weekday)
    year = parsed.year
    if year is None:  # the year of the second date, or the one before for "décembre à février"
        end = second_resolution.span.end
        year = end.year - 1 if (month, parsed.day or 1) > (end.month, end.day) else end.year
    first_resolution = resolve(replace(first, year=year), context.published, None)
    if first_resolution is None or first_resolution.span.start > second_resolution.span.end:
        return []
    if parsed.year is None and second_resolution.kind != "absolute":
        first_resolution = replace(first_resolution, kind=second_resolution.kind, anchor=second_resolution.anchor)
    index, length = candidate.rule.index, candidate.end - candidate.start
    return [
        _Found(candidate.start, first_end, index, length, first, first_resolution),
        _Found(second_start, candidate.end, index, length, second, second_resolution, after_connector=True),
    ]


def _without_overlaps(found: list[_Found]) -> list[_Found]:
    """Keep the longest expressions so that no two kept ones overlap.

    Ties go to the expression read as part of a longer match (the "18 novembre" of "du 18
    novembre au 19 décembre 2015" carries the year), then to the earlier rule.
    """
    ranked = sorted(found, key=lambda item: (-(item.end - item.start), -item.match_length, item.rule_index, item.start))
    kept: list[_Found] = []
    taken: list[tuple[int, int]] = []
    for item in ranked:
        position = bisect.bisect_left(taken, (item.start, item.end))
        before = taken[position - 1] if position > 0 else None
        after = taken[position] if position < len(taken) else None
        if (before is None or before[1] <= item.start) and (after is None or item.end <= after[0]):
            taken.insert(position, (item.start, item.end))
            kept.append(item)
    return sorted(kept, key=lambda item: (item.start, item.end))


def _with_text_anchors(kept: list[_Found], context: _Context) -> list[_Found]:
    """Resolve "le lendemain", "l'année suivante", "two days later" against the date they follow.

    The anchor is the nearest earlier resolved date within TEXT_ANCHOR_SENTENCES sentences (a
    single day for day offsets). Without one, period offsets fall back on the publication date
    ("la semaine suivante" = next week) and day offsets are dropped.
    """
    result: list[_Found] = []
    last_any: tuple[int, Resolution] | None = None  # (sentence, resolution)
    last_day: tuple[int, Resolution] | None = None
    for item in kept:
        sentence = context.locator.index(item.start)
        if item.resolution is None and item.parsed.type == "text_relative":
            anchor = last_day if needs_day_anchor(item.parsed) else last_any
            if anchor is not None and sentence - anchor[0] <= TEXT_ANCHOR_SENTENCES:
                resolution = resolve_from_text(item.parsed, anchor[1])
            else:
                resolution = resolve_text_fallback(item.parsed, context.published)
            item = replace(item, resolution=resolution)
        result.append(item)
        if item.resolution is not None:
            last_any = (sentence, item.resolution)
            if item.resolution.span.start == item.resolution.span.end:
                last_day = (sentence, item.resolution)
    return result


def _mention(text: str, item: _Found, resolution: Resolution, locator: _SentenceLocator) -> DateMention:
    return DateMention(
        text=text[item.start : item.end],
        start=item.start,
        end=item.end,
        sentence=locator.index(item.start),
        value=resolution.value,
        date_start=resolution.span.start,
        date_end=resolution.span.end,
        precision=resolution.span.precision,
        modifier=resolution.modifier,
        kind=resolution.kind,
        anchor=resolution.anchor,
    )


class _SentenceLocator:
    """Which sentence an offset falls in (the whole text is sentence 0 when none are given)."""

    def __init__(self, sentences: Sequence[Sentence], length: int) -> None:
        ordered = sorted(sentences, key=lambda sentence: sentence.start)
        self._sentences = ordered or [Sentence(0, 0, length)]
        self._starts = [sentence.start for sentence in self._sentences]

    def _at(self, offset: int) -> Sentence:
        position = bisect.bisect_right(self._starts, offset) - 1
        return self._sentences[max(position, 0)]

    def index(self, offset: int) -> int:
        return self._at(offset).index

    def bounds(self, offset: int) -> tuple[int, int]:
        sentence = self._at(offset)
        return sentence.start, sentence.end
