"""What a matched date expression means: its fields read, then resolved to a range of days.

`parse` reads the named groups of a rule match into a `Parsed` (day, month, year, weekday,
direction, part, unit, count...). `resolve` turns it into a `Resolution` (range, TimeML value,
modifier, kind, anchor) the way an analyst reads news:

- an expression that names its year is absolute ("19 juillet 2022", "2020-12-01");
- one that lacks it is read against the publication date (the anchor). A bare month, season,
  quarter or weekday is the most recent one not after publication, unless its own words
  ("prochain", "next") or the clause's tense point forward. A day and month without a year
  ("le 16 juillet") takes the nearest such day when the clause gives no tense, and the year in
  which the named weekday fits when one is given ("dimanche 29 août");
- parts of a period narrow the range and set the modifier ("fin juin" = 16-30 June, late);
- when the publication date is itself a range (only the month is known), the expression is
  resolved against its first and its last day and the result is the union: relative
  expressions become ranges, never made-up days.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from transforms.dates.calendar import timeml_value
from transforms.dates.grammar import Candidate
from transforms.dates.lexicons import DateLexicon, fold
from transforms.dates.periods import (
    PART_MODIFIERS,
    Period,
    add_months,
    century_period,
    containing,
    day_period,
    decade_period,
    half_period,
    holiday_day,
    interval_value,
    month_period,
    part_of,
    quarter_period,
    season_period,
    shift,
    weekend_period,
    year_period,
)
from transforms.dates.tense import Direction
from transforms.records import DateKind, DateRange, Modifier

ABSOLUTE_TYPES = {"date", "month", "year", "season", "year_part", "numeric", "holiday"}
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


@dataclass(frozen=True)
class Parsed:
    """The fields of one date expression, as its words give them (no anchor applied yet)."""

    type: str
    day: int | None = None
    month: int | None = None
    year: int | None = None  # under 100 when written with two digits ("octobre 98")
    day2: int | None = None  # the second date of a pair ("du 21 octobre au 12 janvier 2016")
    month2: int | None = None
    year2: int | None = None
    weekday2: int | None = None
    weekday: int | None = None  # ISO: Monday = 1
    offset: int | None = None  # days from the anchor ("hier" = -1, "le lendemain" = 1)
    unit: str | None = None  # day, week, weekend, month, quarter, half, year, decade
    count: int | None = None
    direction: str | None = None  # past, next or this, when the expression says so
    part: str | None = None  # early, mid, late, earlier, later
    season: str | None = None  # SP, SU, FA, WI
    ordinal: int | None = None  # "premier trimestre" = 1; -1 = the last one
    decade: int | None = None  # 1990, or 90 when written short
    century: int | None = None  # ordinal century: 20 for "XXe siècle"
    first: int | None = None  # the two leading numbers of 03/04/2022, order still unknown
    second: int | None = None
    month_first: bool = False  # the language writes 04/03/2022 for 3 April (US English)
    holiday: str | None = None  # "12-25", or "easter+1" for days counted from Easter


@dataclass(frozen=True)
class Resolution:
    span: DateRange
    value: str
    modifier: Modifier | None
    kind: DateKind
    anchor: str | None


# --- reading the fields ---------------------------------------------------------------------


def parse(candidate: Candidate, lexicon: DateLexicon) -> Parsed:
    groups = {name: text for name, (text, _, _) in candidate.groups.items()}
    fields: dict[str, object] = {"type": candidate.rule.spec.type}
    for name, text in groups.items():
        word_class = candidate.rule.group_classes[name]
        # "direction__after" fills `direction` too: one field may be written in two places.
        for field, value in _read_field(name.split("__")[0], word_class, text, lexicon).items():
            fields.setdefault(field, value)
    for name, value in (candidate.rule.spec.fixed or {}).items():
        fields[name] = int(value) if name in ("offset", "count", "ordinal") else value
    if fields["type"] == "numeric":
        fields["month_first"] = lexicon.numeric_order == "mdy"
    return Parsed(**fields)  # type: ignore[arg-type]


def _read_field(name: str, word_class: str, text: str, lexicon: DateLexicon) -> dict[str, object]:
    if word_class in ("day", "dd", "dd2"):
        return {name: _leading_int(text) or lexicon.value("day_word", text)}
    if word_class in ("month", "month_full", "mm"):
        value = _leading_int(text) or lexicon.value("month", text)
        return {name: value or lexicon.value("month_abbr", text)}
    if word_class in ("year", "yy"):
        return {name: int(text)}
    if word_class in ("q", "h"):
        return {"ordinal": int(text)}
    if word_class == "year2d":
        short = int(text.lstrip("'"))
        return {"year" if name == "short_year" else name: short}
    if word_class == "count":
        return {"count": _leading_int(text) or lexicon.value("number", text)}
    if word_class == "decade":
        return {"decade": _leading_int(text) or lexicon.value("decade_word", text)}
    if word_class == "century":
        return {"century": _century_number(text, lexicon)}
    if word_class in ("relative_day", "text_relative", "text_direction"):
        return {"offset": _int_or_none(lexicon.value(word_class, text))}
    if word_class == "holiday":
        return {"holiday": lexicon.value(word_class, text)}
    if word_class in ("unit", "period", "year_part", "dual_unit"):
        return {"unit": lexicon.value(word_class, text)}
    if word_class == "ordinal":
        return {"ordinal": _leading_int(text) or _int_or_none(lexicon.value("ordinal", text))}
    return {name: lexicon.value(word_class, text)}


def _int_or_none(value: object) -> int | None:
    return int(value) if isinstance(value, (int, str)) else None


def _leading_int(text: str) -> int | None:
    match = re.match(r"\d+", text)
    return int(match.group()) if match else None


def _century_number(text: str, lexicon: DateLexicon) -> int | None:
    roman = re.match(r"[IVXL]+", text.upper())
    if roman and not text[:1].isdigit() and fold(text) not in lexicon.words.get("century_word", {}):
        total = 0
        values = [_ROMAN[char] for char in roman.group()]
        for index, value in enumerate(values):
            total += -value if index + 1 < len(values) and values[index + 1] > value else value
        return total
    return _leading_int(text) or lexicon.value("century_word", text)


# --- resolving ------------------------------------------------------------------------------


def is_absolute(parsed: Parsed) -> bool:
    if parsed.type in ("decade", "century", "year_range"):
        return True
    return parsed.type in ABSOLUTE_TYPES and parsed.year is not None


def resolve(parsed: Parsed, anchor: DateRange | None, tense: Direction | None) -> Resolution | None:
    """The range an expression stands for, or None when it cannot be resolved (or is invalid)."""
    try:
        if is_absolute(parsed):
            period = _narrowed_at(parsed, _pivot_day(anchor), tense)
            return _finish(parsed, period, "absolute", None) if period else None
        if anchor is None or parsed.type == "text_relative":
            return None
        period = _resolve_over(parsed, anchor, tense)
    except ValueError:  # 31 February, day 0, a range that ends before it starts...
        return None
    if period is None:
        return None
    return _finish(parsed, period, "relative_publication", timeml_value(anchor))


def text_offset(parsed: Parsed) -> tuple[str, int]:
    """The unit and signed count a text-relative expression moves by: "la veille" = (day, -1)."""
    if parsed.offset is not None:
        return parsed.unit or "day", parsed.offset
    sign = -1 if parsed.direction == "past" else 1
    return parsed.unit or "day", sign * (parsed.count if parsed.count is not None else 1)


def needs_day_anchor(parsed: Parsed) -> bool:
    """ "le lendemain" needs a day before it; "l'année suivante" can follow any date."""
    return text_offset(parsed)[0] == "day"


def resolve_from_text(parsed: Parsed, anchor: Resolution) -> Resolution | None:
    """A date given relative to another date in the text ("le lendemain", "two weeks later")."""
    unit, offset = text_offset(parsed)
    if unit == "day" and anchor.span.start != anchor.span.end:
        return None
    period = containing(shift(anchor.span.start, unit, offset), unit)
    return Resolution(period.span, period.value, None, "relative_text", anchor.value)


def resolve_text_fallback(parsed: Parsed, anchor: DateRange | None) -> Resolution | None:
    """Without a date to follow, "la semaine suivante" reads as "la semaine prochaine" and
    "three weeks later" as "in three weeks"; "le lendemain" of nothing is left out."""
    unit, offset = text_offset(parsed)
    if unit == "day" or anchor is None or offset == 0:
        return None
    direction = "next" if offset > 0 else "past"
    return resolve(Parsed("offset", unit=unit, count=abs(offset), direction=direction), anchor, None)


def _finish(parsed: Parsed, period: Period, kind: DateKind, anchor_value: str | None) -> Resolution:
    modifier = PART_MODIFIERS.get(parsed.part or "")
    return Resolution(period.span, period.value, modifier, kind, anchor_value)


def _narrowed_at(parsed: Parsed, today: date, tense: Direction | None) -> Period | None:
    """The period resolved on one anchor day, narrowed to the part the words name.

    "fin juin" keeps the value of June and spans 16-30 June; "earlier this year" spans from
    1 January to the day before `today`; "later this month" from the day after to the end.
    """
    period = _resolve_at(parsed, today, tense)
    if period is None or parsed.part is None:
        return period
    if parsed.part in PART_MODIFIERS:
        return Period(part_of(period.span, parsed.part), period.value)
    span = period.span
    if parsed.part == "earlier":
        end = min(span.end, today - timedelta(days=1))
        return Period(DateRange(span.start, end, span.precision), period.value) if end >= span.start else None
    start = max(span.start, today + timedelta(days=1))
    return Period(DateRange(start, span.end, span.precision), period.value) if start <= span.end else None


def _resolve_over(parsed: Parsed, anchor: DateRange, tense: Direction | None) -> Period | None:
    """Resolve against the first and last day of the anchor; a range when they disagree."""
    first = _narrowed_at(parsed, anchor.start, tense)
    if anchor.start == anchor.end or first is None:
        return first
    last = _narrowed_at(parsed, anchor.end, tense)
    if last is None or last == first:
        return last
    span = DateRange(min(first.span.start, last.span.start), max(first.span.end, last.span.end), anchor.precision)
    return Period(span, interval_value(span, "day"))


def _pivot_day(anchor: DateRange | None) -> date:
    """The day two-digit years and decades are read against: publication, else 2030-01-01."""
    return anchor.end if anchor is not None else date(2030, 1, 1)


def _resolve_at(parsed: Parsed, today: date, tense: Direction | None) -> Period | None:
    resolver = _RESOLVERS.get(parsed.type)
    if resolver is None:
        raise KeyError(f"no resolver for date rule type {parsed.type!r}")
    return resolver(_with_full_years(parsed, today), today, tense)


def _with_full_years(parsed: Parsed, today: date) -> Parsed:
    """Expand two-digit years: the latest century that puts them at most ten years ahead."""
    changes: dict[str, Any] = {}
    if parsed.year is not None and parsed.year < 100:
        changes["year"] = _full_year(parsed.year, today.year)
    if parsed.year2 is not None and parsed.year2 < 100:
        base = changes.get("year", parsed.year)
        changes["year2"] = (base // 100) * 100 + parsed.year2 if isinstance(base, int) else None
    return replace(parsed, **changes) if changes else parsed


def _full_year(short: int, reference_year: int) -> int:
    candidate = (reference_year // 100) * 100 + short
    return candidate if candidate <= reference_year + 10 else candidate - 100


# --- one resolver per rule type: (parsed, anchor day, tense) -> Period ----------------------


def _date(parsed: Parsed, today: date, tense: Direction | None) -> Period | None:
    if parsed.day is None or parsed.month is None:
        return None
    if parsed.year is not None:
        return day_period(date(parsed.year, parsed.month, parsed.day))
    return day_period(_day_without_year(parsed.day, parsed.month, parsed.weekday, today, parsed.direction or tense))


def _numeric(parsed: Parsed, today: date, tense: Direction | None) -> Period | None:
    """03/04/2022: day first unless the language writes month first (an over-12 field decides)."""
    first, second = parsed.first, parsed.second
    if first is None or second is None:
        return None
    if first > 12:
        day, month = first, second
    elif second > 12:
        day, month = second, first
    else:
        day, month = (second, first) if parsed.month_first else (first, second)
    return _date(replace(parsed, type="date", day=day, month=month), today, tense)


def _day_without_year(day: int, month: int, weekday: int | None, today: date, direction: str | None) -> date:
    options = []
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue
    if not options:
        raise ValueError(f"no year has day {day} of month {month}")
    if weekday is not None:
        fitting = [option for option in options if option.isoweekday() == weekday]
        if fitting:
            return min(fitting, key=lambda option: (abs((option - today).days), option > today))
    return _pick(options, lambda option: (option, option), today, direction, nearest=True)


def _pick(options, bounds: Callable, today: date, direction: str | None, nearest: bool = False):  # type: ignore[no-untyped-def]
    """Choose among candidate occurrences: most recent started (past), first not ended (next)."""
    if direction == "next":
        later = [option for option in options if bounds(option)[1] >= today]
        return min(later, key=lambda option: bounds(option)[0])
    if direction == "past" or not nearest:
        earlier = [option for option in options if bounds(option)[0] <= today]
        return max(earlier, key=lambda option: bounds(option)[0])
    return min(options, key=lambda option: (_distance(bounds(option), today), bounds(option)[0] > today))


def _distance(bounds: tuple[date, date], today: date) -> int:
    start, end = bounds
    return 0 if start <= today <= end else min(abs((start - today).days), abs((end - today).days))


def _month(parsed: Parsed, today: date, tense: Direction | None) -> Period | None:
    if parsed.month is None:
        return None
    if parsed.year is not None:
        return month_period(parsed.year, parsed.month)
    options = [month_period(year, parsed.month) for year in (today.year - 1, today.year, today.year + 1)]
    return _choose_period(options, parsed, today, tense)


def _choose_period(options: list[Period], parsed: Parsed, today: date, tense: Direction | None) -> Period:
    """Pick the occurrence of a yearly period (month, season, quarter) the text means."""
    if parsed.direction == "this":
        around = [option for option in options if option.span.start <= today <= option.span.end]
        return around[0] if around else next(o for o in options if o.span.start.year == today.year)
    explicit = parsed.direction in ("past", "next")

    def bounds(option: Period) -> tuple[date, date]:
        span = part_of(option.span, parsed.part) if parsed.part in PART_MODIFIERS else option.span
        return span.start, span.end

    if explicit and parsed.direction == "past":  # "l'été dernier": one that is over
        over = [option for option in options if bounds(option)[1] < today]
        return max(over, key=lambda option: bounds(option)[0])
    if explicit:  # "juin prochain": one still to come
        coming = [option for option in options if bounds(option)[0] > today]
        return min(coming, key=lambda option: bounds(option)[0])
    return _pick(options, bounds, today, tense or "past")


def _year(parsed: Parsed, today: date, tense: Direction | None) -> Period | None:
    return year_period(parsed.year) if parsed.year is not None else None


def _year_range(parsed: Parsed, today: date, tense: Direction | None) -> Period | None:
    if parsed.year is None or parsed.year2 is None or not 0 < parsed.year2 - parsed.year <= 100:
        return None
    span = DateRange(date(parsed.year, 1, 1), date(parsed.year2, 12, 31), "year")
    return Period(span, interval_value(span))


def _weekday_day(parsed: Parsed, today: date, tense: Direction | None) -> Period | None:
    """ "mardi 11": the 11th, within three months of publication, that falls on a Tuesday."""
    if parsed.weekday is None or parsed.day is None:
        return None
    options = []
    for months in range(-3, 4):
        first = add_months(today.replace(day=1), months)
        try:
            day = first.replace(day=parsed.day)
        except ValueError:
            continue
        if day.isoweekday() == parsed.weekday:
            options.append(day)
    if not options:
        return None
    return day_period(_pick(options, lambda option: (option, option), today, tense, nearest=True))


def _holiday(parsed: Parsed, today: date, tense: Direction | None) -> Period | None:
    """ "Noël 2021", "à Pâques", "Easter Monday": the holiday's day in the year the text means."""
    if parsed.holiday is None:
        return None
    if parsed.year is not None:
        return day_period(holiday_day(parsed.year, parsed.holiday))
    options = [holiday_day(year, parsed.holiday) for year in (today.year - 1, today.year, today.year + 1)]
    direction = parsed.direction or tense
    if direction in ("past", "next") and parsed.direction is not None:  # "Noël dernier": one that is over
        options = [o for o in options if (o < today if direction == "past" else o > today)]
    return day_period(_pick(options, lambda option: (option, option), today, direction, nearest=True))


def _relative_day(parsed: Parsed, today: date, tense: Direction | None) -> Period | None:
    return day_period(today + timedelta(days=parsed.offset or 0))


def _weekday(parsed: Parsed, today: date, tense: Direction | None) -> Period | None:
    if parsed.weekday is None:
        return None
    back = (today.isoweekday() - parsed.weekday) % 7
    ahead = (parsed.weekday - today.isoweekday()) % 7
    if parsed.direction == "past":  # "mardi dernier": strictly before
        return day_period(today - timedelta(days=back or 7))
    if parsed.direction == "next":  # "mardi prochain": strictly after
        return day_period(today + timedelta(days=ahead or 7))
    if parsed.direction == "this":  # "ce dimanche": in the week of publication
        return day_period(today + timedelta(days=parsed.weekday - today.isoweekday()))
    if tense == "next":
        return day_period(today + timedelta(days=ahead))
    return day_period(today - timedelta(days=back))


def _relative_period(parsed: Parsed, today: date, tense: Direction | None) -> Period | None:
    unit, direction = parsed.unit, parsed.direction or "this"
    if unit is None:
        return None
    if unit == "weekend":
        return _weekend(today, direction, tense)
    step = {"past": -1, "next": 1, "this": 0}[direction]
    return containing(shift(today, unit, step), unit)


def _weekend(today: date, direction: str, tense: Direction | None) -> Period:
    is_weekend = today.weekday() >= 5
    if direction == "past":
        return weekend_period(today - timedelta(days=7))
    if direction == "next":
        return weekend_period(today + timedelta(days=7) if is_weekend else today)
    if tense == "past" and not is_weekend:  # "ce week-end, ils se sont rendus..." said on a Tuesday
        return weekend_period(today - timedelta(days=7))
    return weekend_period(today)


def _offset(parsed: Parsed, today: date, tense: Direction | None) -> Period | None:
    if parsed.unit is None:
        return None
    count = parsed.count if parsed.count is not None else 1
    sign = -1 if parsed.direction == "past" else 1
    unit = "week" if parsed.unit == "weekend" else parsed.unit
    if unit == "fortnight":
        return containing(shift(today, "week", 2 * sign * count), "week")
    return containing(shift(today, unit, sign * count), unit)


def _season(parsed: Parsed, today: date, tense: Direction | None) -> Period | None:
    if parsed.season is None:
        return None
    if parsed.year is not None:
        return season_period(parsed.year, parsed.season)
    options = [
        season_period(year, parsed.season) for year in (today.year - 2, today.year - 1, today.year, today.year + 1)
    ]
    return _choose_period(options, parsed, today, tense)


def _year_part(parsed: Parsed, today: date, tense: Direction | None) -> Period | None:
    if parsed.ordinal is None or parsed.unit not in ("quarter", "half"):
        return None
    count = 4 if parsed.unit == "quarter" else 2
    index = count if parsed.ordinal == -1 else parsed.ordinal
    if not 1 <= index <= count:
        return None
    make = quarter_period if parsed.unit == "quarter" else half_period
    if parsed.year is not None:
        return make(parsed.year, index)
    options = [make(year, index) for year in (today.year - 1, today.year, today.year + 1)]
    return _choose_period(options, parsed, today, tense)


def _decade(parsed: Parsed, today: date, tense: Direction | None) -> Period | None:
    if parsed.decade is None or parsed.decade % 10:
        return None
    if parsed.decade >= 1000:
        return decade_period(parsed.decade)
    start = (today.year // 100) * 100 + parsed.decade
    return decade_period(start if start + 9 < today.year else start - 100)


def _century(parsed: Parsed, today: date, tense: Direction | None) -> Period | None:
    if parsed.century is None or not 1 <= parsed.century <= 22:
        return None
    return century_period((parsed.century - 1) * 100)


_RESOLVERS: dict[str, Callable[[Parsed, date, Direction | None], Period | None]] = {
    "date": _date,
    "weekday_day": _weekday_day,
    "holiday": _holiday,
    "numeric": _numeric,
    "month": _month,
    "year": _year,
    "year_range": _year_range,
    "relative_day": _relative_day,
    "weekday": _weekday,
    "relative_period": _relative_period,
    "offset": _offset,
    "season": _season,
    "year_part": _year_part,
    "decade": _decade,
    "century": _century,
}
