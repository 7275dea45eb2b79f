"""Calendar periods as inclusive day ranges, with their TimeML-style value.

The date rules name a period ("the week of 2022-07-19", "summer 2021", "the 1990s") and this
module turns it into a `Period`: the inclusive `DateRange` plus the TimeML value a gold file
would carry ("2022-W29", "2021-SU", "199X"). Pure calendar arithmetic, no language here.

Conventions (documented in docs/dates.md):
- seasons are meteorological: spring = March-May, summer = June-August, autumn =
  September-November, winter Y = December Y to February Y+1 (labelled by the year it starts in);
- a decade is 1990-1999 ("199X"), a century is 1900-1999 ("19XX"), as TimeML writes them;
- parts of a period (early/mid/late): a month splits in halves ("fin juin" = 16-30 June) with
  mid = days 11-20; every longer period splits in thirds; a week splits Mon-Wed / Tue-Thu / Thu-Sun.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from transforms.dates.calendar import day_range, month_range, timeml_value, year_range
from transforms.records import DateRange, Modifier, Precision

SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
PART_MODIFIERS: dict[str, Modifier] = {"early": "early", "mid": "mid", "late": "late"}


@dataclass(frozen=True)
class Period:
    """A resolved period: its days, and the TimeML value that names it."""

    span: DateRange
    value: str


def day_period(day: date) -> Period:
    return _plain(day_range(day))


def month_period(year: int, month: int) -> Period:
    return _plain(month_range(year, month))


def year_period(year: int) -> Period:
    return _plain(year_range(year))


def week_period(day: date) -> Period:
    """The ISO week (Monday to Sunday) that contains `day`."""
    monday = day - timedelta(days=day.weekday())
    return _plain(DateRange(monday, monday + timedelta(days=6), "week"))


def weekend_period(day: date) -> Period:
    """Saturday and Sunday of the ISO week that contains `day`."""
    week = week_period(day)
    saturday = week.span.start + timedelta(days=5)
    return Period(DateRange(saturday, saturday + timedelta(days=1), "week"), f"{week.value}-WE")


def quarter_period(year: int, quarter: int) -> Period:
    first = 3 * (quarter - 1) + 1
    end = month_range(year, first + 2).end
    return _plain(DateRange(date(year, first, 1), end, "quarter"))


def half_period(year: int, half: int) -> Period:
    first = 1 if half == 1 else 7
    end = month_range(year, first + 5).end
    return _plain(DateRange(date(year, first, 1), end, "half"))


def season_period(year: int, season: str) -> Period:
    """Meteorological season labelled by the year it starts in (winter 2021 = Dec 2021-Feb 2022)."""
    first = date(year, SEASON_START_MONTH[season], 1)
    last_month = add_months(first, 2)
    end = month_range(last_month.year, last_month.month).end
    return Period(DateRange(first, end, "season"), f"{year:04d}-{season}")


def decade_period(first_year: int) -> Period:
    start = first_year - first_year % 10
    return _plain(DateRange(date(start, 1, 1), date(start + 9, 12, 31), "decade"))


def century_period(first_year: int) -> Period:
    start = first_year - first_year % 100
    return _plain(DateRange(date(start, 1, 1), date(start + 99, 12, 31), "century"))


def containing(day: date, unit: str) -> Period:
    """The period of kind `unit` (day, week, weekend, month, quarter, half, year, decade) around `day`."""
    if unit == "day":
        return day_period(day)
    if unit == "week":
        return week_period(day)
    if unit == "weekend":
        return weekend_period(day)
    if unit == "month":
        return month_period(day.year, day.month)
    if unit == "quarter":
        return quarter_period(day.year, (day.month - 1) // 3 + 1)
    if unit == "half":
        return half_period(day.year, 1 if day.month <= 6 else 2)
    if unit == "year":
        return year_period(day.year)
    if unit == "decade":
        return decade_period(day.year)
    raise ValueError(f"unknown calendar unit {unit!r}")


def shift(day: date, unit: str, count: int) -> date:
    """`day` moved by `count` units (negative = back); months keep the day where they can."""
    if unit == "day":
        return day + timedelta(days=count)
    if unit in ("week", "weekend"):
        return day + timedelta(weeks=count)
    if unit == "fortnight":
        return day + timedelta(weeks=2 * count)
    if unit == "month":
        return add_months(day, count)
    if unit == "quarter":
        return add_months(day, 3 * count)
    if unit == "half":
        return add_months(day, 6 * count)
    if unit == "year":
        return add_months(day, 12 * count)
    if unit == "decade":
        return add_months(day, 120 * count)
    raise ValueError(f"unknown calendar unit {unit!r}")


def easter(year: int) -> date:
    """Easter Sunday (Gregorian calendar), by the anonymous Gregorian computus."""
    golden, century, of_century = year % 19, year // 100, year % 100
    leap_skips, leap_rest = century // 4, century % 4
    correction = (century - (century + 8) // 25 + 1) // 3
    epact = (19 * golden + century - leap_skips - correction + 15) % 30
    weekday = (32 + 2 * leap_rest + 2 * (of_century // 4) - epact - of_century % 4) % 7
    shift_back = (golden + 11 * epact + 22 * weekday) // 451
    month, day = divmod(epact + weekday - 7 * shift_back + 114, 31)
    return date(year, month, day + 1)


def holiday_day(year: int, holiday: str) -> date:
    """The day of a holiday in a year: "12-25" (fixed month-day) or "easter+1" (days from Easter)."""
    if holiday.startswith("easter"):
        return easter(year) + timedelta(days=int(holiday[len("easter") :] or 0))
    month, day = (int(part) for part in holiday.split("-"))
    return date(year, month, day)


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def part_of(span: DateRange, part: str) -> DateRange:
    """The early, mid or late part of a period, keeping the period's precision."""
    one_month = span.start.day == 1 and span.end == month_range(span.start.year, span.start.month).end
    if span.precision == "month" and one_month:
        last = span.end.day
        bounds = {"early": (1, 15), "mid": (11, 20), "late": (16, last)}[part]
        first_day, last_day = bounds
        return DateRange(span.start.replace(day=first_day), span.start.replace(day=last_day), "month")
    if span.precision == "week" and (span.end - span.start).days == 6:
        offsets = {"early": (0, 2), "mid": (1, 3), "late": (3, 6)}[part]
        return DateRange(span.start + timedelta(days=offsets[0]), span.start + timedelta(days=offsets[1]), "week")
    return _third(span, part)


def _third(span: DateRange, part: str) -> DateRange:
    """Early/mid/late thirds of a long period, cut on month boundaries when it spans months."""
    months = (span.end.year - span.start.year) * 12 + span.end.month - span.start.month + 1
    if months >= 3 and months % 3 == 0:
        third = months // 3
        index = {"early": 0, "mid": 1, "late": 2}[part]
        first = add_months(span.start, index * third)
        last_month = add_months(first, third - 1)
        return DateRange(first, month_range(last_month.year, last_month.month).end, span.precision)
    days = (span.end - span.start).days + 1
    index = {"early": 0, "mid": 1, "late": 2}[part]
    first = span.start + timedelta(days=index * days // 3)
    last = span.start + timedelta(days=(index + 1) * days // 3 - 1)
    return DateRange(first, max(first, last), span.precision)


def interval_value(span: DateRange, precision: Precision | None = None) -> str:
    """An ISO 8601 interval for a range no single TimeML value names: 2021-05-04/2021-05-23."""
    unit = precision or span.precision
    if unit == "year":
        return f"{span.start.year:04d}/{span.end.year:04d}"
    if unit == "month":
        return f"{span.start.year:04d}-{span.start.month:02d}/{span.end.year:04d}-{span.end.month:02d}"
    return f"{span.start.isoformat()}/{span.end.isoformat()}"


def _plain(span: DateRange) -> Period:
    return Period(span, timeml_value(span))
