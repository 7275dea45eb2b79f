"""Normalise the publication date a header or a JSON field carries into a day range.

Formats: ISO dates and timestamps ("2022-07-19", "2022-07-19T10:00:00+02:00"), partial ISO
("2022-07", "2022"), "07/2022", "19/07/2022", RFC 2822 ("Tue, 19 Jul 2022 10:00:00 +0200"),
epoch seconds (number or digit string), and written dates in many languages ("19 juillet 2022",
"July 19, 2022") through dateparser. A timestamp keeps the calendar day it was written in.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache

from transforms.dates.calendar import day_range, month_range, year_range
from transforms.records import DateRange, PublishedDate

_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_YEAR = re.compile(r"^(\d{4})$")
_MONTH_SLASH_YEAR = re.compile(r"^(\d{1,2})[/.](\d{4})$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")
_EPOCH = re.compile(r"^\d{9,11}(?:\.\d+)?$")

# Epoch seconds outside this window are more likely ids or quantities than timestamps.
_EPOCH_MIN = datetime(1990, 1, 1, tzinfo=UTC).timestamp()
_EPOCH_MAX = datetime(2100, 1, 1, tzinfo=UTC).timestamp()


def parse_publication_date(raw: object) -> PublishedDate:
    """Read a raw publication date (string or number); `range` is None when it cannot be read."""
    if raw is None:
        return PublishedDate(None, None)
    text = str(raw).strip()
    if not text:
        return PublishedDate(None, None)
    return PublishedDate(text, _parse(text))


def _parse(text: str) -> DateRange | None:
    for parser in (_parse_numeric, _parse_epoch, _parse_rfc2822, _parse_written):
        try:
            found = parser(text)
        except (ValueError, OverflowError):
            found = None
        if found is not None:
            return found
    return None


def _parse_numeric(text: str) -> DateRange | None:
    if match := _ISO_DAY.match(text):
        year, month, day = map(int, match.groups())
        return day_range(date(year, month, day))
    if match := _ISO_MONTH.match(text):
        year, month = map(int, match.groups())
        return month_range(year, month)
    if match := _YEAR.match(text):
        return year_range(int(match.group(1)))
    if match := _MONTH_SLASH_YEAR.match(text):
        month, year = map(int, match.groups())
        return month_range(year, month)
    if match := _DAY_MONTH_YEAR.match(text):
        # News outside the US writes day first; a first field over 12 settles it either way.
        first, second, year = map(int, match.groups())
        day, month = (first, second) if first > 12 or second <= 12 else (second, first)
        return day_range(date(year, month, day))
    return None


def _parse_epoch(text: str) -> DateRange | None:
    if not _EPOCH.match(text):
        return None
    seconds = float(text)
    if not _EPOCH_MIN <= seconds < _EPOCH_MAX:
        return None
    return day_range(datetime.fromtimestamp(seconds, tz=UTC).date())


def _parse_rfc2822(text: str) -> DateRange | None:
    if not re.search(r"\d{1,2} [A-Za-z]{3} \d{4}", text):
        return None
    try:
        return day_range(parsedate_to_datetime(text).date())
    except (TypeError, IndexError):
        return None


def _parse_written(text: str) -> DateRange | None:
    """Dates written in words ("19 juillet 2022", "July 2022"), in any language dateparser knows."""
    if not re.search(r"\d{4}", text):
        return None  # without a year the publication date would be a guess
    data = _date_parser().get_date_data(text)
    if data.date_obj is None:
        return None
    found = data.date_obj.date()
    if data.period == "year":
        return year_range(found.year)
    if data.period == "month":
        return month_range(found.year, found.month)
    return day_range(found)


@lru_cache(maxsize=1)
def _date_parser():  # type: ignore[no-untyped-def]
    from dateparser.date import DateDataParser

    return DateDataParser(
        settings={
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_TIME_AS_PERIOD": False,
            "RELATIVE_BASE": datetime(2000, 1, 1),  # deterministic; a year is always required
        }
    )
