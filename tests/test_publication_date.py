from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.dates.publication import parse_publication_date


@pytest.mark.parametrize(
    ("raw", "start", "end", "precision"),
    [
        ("2022-07", date(2022, 7, 1), date(2022, 7, 31), "month"),
        ("2022-07-19", date(2022, 7, 19), date(2022, 7, 19), "day"),
        ("2022-07-19T23:30:00-05:00", date(2022, 7, 19), date(2022, 7, 19), "day"),
        ("2022-07-19 08:00:00Z", date(2022, 7, 19), date(2022, 7, 19), "day"),
        ("Tue, 19 Jul 2022 10:00:00 +0200", date(2022, 7, 19), date(2022, 7, 19), "day"),
        ("19 juillet 2022", date(2022, 7, 19), date(2022, 7, 19), "day"),
        ("July 19, 2022", date(2022, 7, 19), date(2022, 7, 19), "day"),
        ("19. Juli 2022", date(2022, 7, 19), date(2022, 7, 19), "day"),
        ("19 de julio de 2022", date(2022, 7, 19), date(2022, 7, 19), "day"),
        ("07/2022", date(2022, 7, 1), date(2022, 7, 31), "month"),
        ("19/07/2022", date(2022, 7, 19), date(2022, 7, 19), "day"),
        ("2022", date(2022, 1, 1), date(2022, 12, 31), "year"),
        ("février 2024", date(2024, 2, 1), date(2024, 2, 29), "month"),
        ("1658224800", date(2022, 7, 19), date(2022, 7, 19), "day"),
        (1658224800, date(2022, 7, 19), date(2022, 7, 19), "day"),
    ],
)
def test_publication_date_formats(raw: object, start: date, end: date, precision: str) -> None:
    published = parse_publication_date(raw)
    assert published.range is not None
    assert (published.range.start, published.range.end, published.range.precision) == (start, end, precision)
    assert published.raw == str(raw)


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_missing_publication_date_is_none(raw: object) -> None:
    assert parse_publication_date(raw).range is None


@pytest.mark.parametrize("raw", ["hier", "bientôt", "2022-13-45", "12345"])
def test_unreadable_publication_date_keeps_the_raw_string(raw: str) -> None:
    published = parse_publication_date(raw)
    assert published.range is None
    assert published.raw == raw


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_iso_day_round_trips(day: date) -> None:
    span = parse_publication_date(day.isoformat()).range
    assert span is not None and span.start == span.end == day


@given(st.datetimes(min_value=datetime(1995, 1, 1), max_value=datetime(2090, 1, 1)))
def test_epoch_seconds_give_the_utc_day(moment: datetime) -> None:
    aware = moment.replace(tzinfo=UTC)
    span = parse_publication_date(int(aware.timestamp())).range
    assert span is not None and span.start == aware.date()


@given(st.text(max_size=40))
def test_any_string_gives_an_ordered_range_or_none(raw: str) -> None:
    span = parse_publication_date(raw).range
    assert span is None or span.start <= span.end
