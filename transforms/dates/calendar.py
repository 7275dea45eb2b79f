"""Calendar arithmetic on inclusive day ranges (pure helpers shared by the date transforms)."""

from __future__ import annotations

import calendar
from datetime import date

from transforms.records import DateRange


def day_range(day: date) -> DateRange:
    return DateRange(day, day, "day")


def month_range(year: int, month: int) -> DateRange:
    last = calendar.monthrange(year, month)[1]
    return DateRange(date(year, month, 1), date(year, month, last), "month")


def year_range(year: int) -> DateRange:
    return DateRange(date(year, 1, 1), date(year, 12, 31), "year")


def timeml_value(span: DateRange) -> str:
    """The TimeML-style value of a range: 2022-07-19, 2022-07, 2022, 202X, ..."""
    if span.precision == "day":
        return span.start.isoformat()
    if span.precision == "month":
        return f"{span.start.year:04d}-{span.start.month:02d}"
    if span.precision == "year":
        return f"{span.start.year:04d}"
    if span.precision == "decade":
        return f"{span.start.year // 10:03d}X"
    if span.precision == "century":
        return f"{span.start.year // 100:02d}XX"
    if span.precision == "week":
        iso_year, iso_week, _ = span.start.isocalendar()
        return f"{iso_year:04d}-W{iso_week:02d}"
    if span.precision == "quarter":
        return f"{span.start.year:04d}-Q{(span.start.month - 1) // 3 + 1}"
    if span.precision == "half":
        return f"{span.start.year:04d}-H{1 if span.start.month <= 6 else 2}"
    return f"{span.start.isoformat()}/{span.end.isoformat()}"
