"""Event and agreement ids: stable, order-free, and bucketed the documented way."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from transforms.events.identity import (
    agreement_key,
    date_bucket,
    event_key,
    stable_id,
)

actor_ids = st.lists(
    st.sampled_from(["state:MAR", "state:ISR", "person:a", "igo:un", "state:USA"]), min_size=1, max_size=4
)
days = st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31))


@given(actor_ids, st.randoms())
def test_the_event_key_ignores_actor_order_and_repeats(actors: list[str], random) -> None:
    shuffled = list(actors) + list(actors)
    random.shuffle(shuffled)
    assert event_key("CONSULT", actors, "2022-07", False, "a", 1) == event_key(
        "CONSULT", shuffled, "2022-07", False, "b", 9
    )


@given(days, st.sampled_from(["day", "week", "month"]))
def test_fine_dates_fall_in_their_month(day: date, precision: str) -> None:
    assert date_bucket(day, precision) == f"{day.year:04d}-{day.month:02d}"


@given(days, st.sampled_from(["quarter", "season", "half", "year"]))
def test_coarse_dates_fall_in_their_year(day: date, precision: str) -> None:
    assert date_bucket(day, precision) == f"{day.year:04d}"


def test_an_undated_mention_has_no_bucket() -> None:
    assert date_bucket(None, None) == "undated"


def test_events_without_participants_never_merge_across_sentences() -> None:
    assert event_key("PROTEST", [], "2022-07", False, "a", 1) != event_key("PROTEST", [], "2022-07", False, "a", 2)


def test_a_negated_event_is_not_the_event_itself() -> None:
    assert event_key("SUPPORT", ["state:GHA"], "undated", True, "a", 1) != event_key(
        "SUPPORT", ["state:GHA"], "undated", False, "a", 1
    )


@given(st.text(min_size=1, max_size=40))
def test_ids_are_prefixed_sixteen_hex_digits(key: str) -> None:
    identifier = stable_id("ev", key)
    assert identifier.startswith("ev_") and len(identifier) == 19
    int(identifier[3:], 16)


def test_agreement_keys_depend_on_type_parties_and_bucket() -> None:
    base = agreement_key("framework_agreement", ["state:ISR", "state:MAR"], "2021-11", "a", 1)
    assert base == agreement_key("framework_agreement", ["state:MAR", "state:ISR"], "2021-11", "b", 7)
    assert base != agreement_key("cooperation_agreement", ["state:ISR", "state:MAR"], "2021-11", "a", 1)
    assert base != agreement_key("framework_agreement", ["state:ISR", "state:MAR"], "2022-03", "a", 1)
