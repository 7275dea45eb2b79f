"""When an event happened: the date mention that belongs to its trigger, else the publication date.

Preference order, all within the trigger's unit:
  1. (parsed languages) a date mention inside the trigger's syntactic subtree ("reçu le 19 juillet",
     "une guérilla lancée en novembre 2020"), nearest first;
  2. a date mention in the trigger's clause, nearest first;
  3. any date mention of the unit, nearest first.
(Parsed languages) a date that the parse hangs on a noun other than the trigger ("à la suite des
élections de dimanche 17 juin, X a soutenu …") dates that noun's thing or event: it is skipped.
A date after the trigger, past the opener of another clause ("…, adding that X had done it in
2019", "qui", "الذي"), dates that clause's own act and is skipped (an opener right after the
trigger starts a clause about the trigger itself and keeps its date).
A date inside a reporting tail (", the ministry said on Monday") is skipped for an announced act
("will meet"): it dates the statement, and the act comes after it.
Otherwise the publication date, flagged `date_source = "publication"`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from transforms import syntax
from transforms.events.matching import TriggerMatch
from transforms.events.modality import is_announced
from transforms.events.tokens import UnitTokens
from transforms.records import DateMention, Precision, PublishedDate


@dataclass(frozen=True)
class EventDate:
    start: date | None
    end: date | None
    precision: Precision | None
    source: str | None  # "text" | "publication" | None
    mention: DateMention | None = None
    attached: bool = False  # the mention is in the trigger's syntactic subtree
    distance: int | None = None  # characters between trigger and date mention


NO_DATE = EventDate(None, None, None, None)


def event_date(
    match: TriggerMatch,
    tokens: UnitTokens,
    dates: Sequence[DateMention],
    published: PublishedDate,
) -> EventDate:
    mention = pick_date_mention(match, tokens, dates)
    if mention is None:
        return from_publication(published)
    trigger_char = tokens.token(match.start).idx
    attached = tokens.unit.has_parse and any(
        start <= mention.start < end for start, end in _subtree_chars(match, tokens)
    )
    return EventDate(
        mention.date_start,
        mention.date_end,
        mention.precision,
        "text",
        mention,
        attached=attached,
        distance=min(abs(mention.start - trigger_char), abs(mention.end - trigger_char)),
    )


def from_mention(mention: DateMention) -> EventDate:
    return EventDate(mention.date_start, mention.date_end, mention.precision, "text", mention)


def from_publication(published: PublishedDate) -> EventDate:
    if published.range is None:
        return NO_DATE
    span = published.range
    return EventDate(span.start, span.end, span.precision, "publication")


def pick_date_mention(match: TriggerMatch, tokens: UnitTokens, dates: Sequence[DateMention]) -> DateMention | None:
    in_unit = [d for d in dates if tokens.unit.contains(d.start, d.end) and can_date_an_event(d, tokens)]
    if in_unit and tokens.reporting_tails and is_announced(match, tokens):
        # "X will meet Y in Nairobi, the ministry said on Monday": the tail's date is when it was
        # said; an announced act happens later, so that date is not the act's.
        in_unit = [d for d in in_unit if not _in_reporting_tail(d, tokens)]
    in_unit = [d for d in in_unit if not _in_later_subordinate(d, tokens, match)]
    if not in_unit:
        return None
    trigger_char = tokens.token(match.start).idx

    def distance(mention: DateMention) -> int:
        return min(abs(mention.start - trigger_char), abs(mention.end - trigger_char))

    if tokens.unit.has_parse:
        in_unit = [d for d in in_unit if not _dates_a_noun(d, tokens, match)]
        if not in_unit:
            return None
        subtree = _subtree_chars(match, tokens)
        inside = [d for d in in_unit if any(start <= d.start < end for start, end in subtree)]
        if inside:
            return min(inside, key=lambda d: (distance(d), d.start))
    clause_start, clause_end = tokens.clause_bounds(match.start)
    low = tokens.token(clause_start).idx
    high = tokens.token(clause_end - 1).idx + len(tokens.token(clause_end - 1))
    in_clause = [d for d in in_unit if low <= d.start < high]
    pool = in_clause or in_unit
    return min(pool, key=lambda d: (distance(d), d.start))


def _in_later_subordinate(mention: DateMention, tokens: UnitTokens, match: TriggerMatch) -> bool:
    """A date after the trigger, past the opener of another clause ("que", "that", "which", "qui",
    "الذي", "أن"), dates that clause's own act: "Rajoy pidió el apoyo …, dijo tras recordar que el
    Consejo no ha sido renovado desde 1998", "X condemned the raid, which the army had announced for
    Monday". An opener right after the trigger, or one word after it, starts a clause about the
    trigger itself ("the attack that killed three on Monday", "l'attentat qui a fait trois morts
    lundi", "the raid there which …"): its date stays."""
    span = tokens.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.start < match.end:
        return False
    openers = tokens.clause_openers  # read once per unit: a unit may be one endless line
    low, high = bisect_left(openers, match.end), bisect_left(openers, span.start)
    if high == low:
        return False
    return high - low > 1 or len(tokens.word_indexes(match.end, openers[low])) > 1


def _in_reporting_tail(mention: DateMention, tokens: UnitTokens) -> bool:
    span = tokens.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and tokens.in_reporting_tail(span.start)


def _dates_a_noun(mention: DateMention, tokens: UnitTokens, match: TriggerMatch) -> bool:
    """The parse attaches the date expression, as a whole, to a noun other than the trigger:
    "les élections de dimanche 17 juin", "le sommet du 3 mars" (a nominal modifier, not an
    adverbial of a verb); "sa rencontre de décembre 2006" still dates the trigger "rencontre"."""
    span = tokens.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    inside = range(span.start, span.end)
    heads = [syntax.head(t) for t in span if syntax.head(t).i not in inside]
    if len(heads) != 1:
        return False
    link = next(t for t in span if syntax.head(t).i not in inside)
    if match.start <= heads[0].i < match.end:
        return False
    return heads[0].pos_ in {"NOUN", "PROPN"} and syntax.dep(link) in {"nmod", "nmod:poss"}


def _subtree_chars(match: TriggerMatch, tokens: UnitTokens) -> list[tuple[int, int]]:
    head = tokens.token(match.start)
    return [(token.idx, token.idx + len(token)) for token in syntax.subtree(head)]


def can_date_an_event(mention: DateMention, tokens: UnitTokens) -> bool:
    """Date mentions that never give an event's date (issue 13):
    - a century ("datant du XVe siècle", "the 19th century"): it dates a thing, not an act;
    - a goal or deadline ("à l'horizon 2025", "d'ici 2030", "by 2025", "by the end of the year"):
      a horizon marker ends right before it."""
    if mention.precision == "century":
        return False
    markers = tokens.lexicon.cues.horizon_markers
    if not markers:
        return True
    span = tokens.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return True
    first = span.start
    for phrase in markers:
        for start in range(max(tokens.first, first - len(phrase) - 1), first):
            if tokens.match_at(start, phrase) in {first, first - 1} and tokens.match_at(start, phrase) is not None:
                stop = tokens.match_at(start, phrase)
                if stop == first or (stop == first - 1 and tokens.lower(first - 1) in {"la", "le", "l'", "the"}):
                    return False
    return True
