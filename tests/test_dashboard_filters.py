"""The sidebar filters as SQL: each condition keeps exactly the rows its meaning says."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from dashboard.filters import (
    Condition,
    Filters,
    agreement_condition,
    article_condition,
    dyad_condition,
    dyad_event_count,
    event_condition,
)
from tests.seed_warehouse_support import seed_warehouse


@pytest.fixture(scope="module")
def con(prefect_harness: None) -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect(str(seed_warehouse()), read_only=True)
    yield connection
    connection.close()


NO_CONDITION = Condition()


def keys(con: duckdb.DuckDBPyConnection, sql: str, condition: Condition = NO_CONDITION) -> set:
    return {row[0] for row in con.execute(f"{sql} WHERE {condition.sql}", list(condition.params)).fetchall()}


def test_no_filter_is_no_condition() -> None:
    for condition in (event_condition, agreement_condition, article_condition, dyad_condition):
        assert condition(Filters()) == Condition("true", ())


def test_a_country_keeps_events_with_a_participant_or_place_there(con: duckdb.DuckDBPyConnection) -> None:
    kept = keys(con, "SELECT event_id FROM event_timeline", event_condition(Filters(countries=("ESP",))))
    rows = con.execute(
        "SELECT event_id, source_countries, target_countries, location_country FROM event_timeline"
    ).fetchall()
    expected = {event for event, sources, targets, place in rows if "ESP" in [*sources, *targets, place]}
    assert kept == expected and kept


def test_an_actor_keeps_events_it_takes_part_in(con: duckdb.DuckDBPyConnection) -> None:
    kept = keys(con, "SELECT event_id FROM event_timeline", event_condition(Filters(actors=("state:DZA",))))
    expected = keys(
        con, "SELECT event_id FROM events", Condition("list_contains(list_concat(sources, targets), 'state:DZA')")
    )
    assert kept == expected and kept


def test_dates_keep_events_whose_range_overlaps(con: duckdb.DuckDBPyConnection) -> None:
    window = Filters(start=date(2022, 3, 20), end=date(2022, 6, 20))
    kept = keys(con, "SELECT event_id FROM event_timeline", event_condition(window))
    rows = con.execute("SELECT event_id, date_start, date_end FROM events").fetchall()
    assert kept == {event for event, first, last in rows if first <= window.end and last >= window.start}


def test_filters_combine_with_and(con: duckdb.DuckDBPyConnection) -> None:
    both = Filters(countries=("MAR",), event_types=("CONSULT",))
    kept = keys(con, "SELECT event_id FROM event_timeline", event_condition(both))
    by_country = keys(con, "SELECT event_id FROM event_timeline", event_condition(Filters(countries=("MAR",))))
    by_type = keys(con, "SELECT event_id FROM event_timeline", event_condition(Filters(event_types=("CONSULT",))))
    assert kept == by_country & by_type and kept


def test_an_actor_keeps_agreements_it_is_party_to_or_signed(con: duckdb.DuckDBPyConnection) -> None:
    kept = keys(
        con,
        "SELECT agreement_id FROM agreements_overview",
        agreement_condition(Filters(actors=("person:benny-gantz",))),
    )
    expected = keys(
        con,
        "SELECT agreement_id FROM agreements",
        Condition("list_contains(signatories, 'person:benny-gantz') OR list_contains(parties, 'person:benny-gantz')"),
    )
    assert kept == expected and kept


def test_an_event_type_keeps_articles_reporting_one(con: duckdb.DuckDBPyConnection) -> None:
    kept = keys(con, "SELECT article_id FROM articles", article_condition(Filters(event_types=("SANCTION",))))
    assert kept == keys(con, "SELECT article_id FROM event_mentions", Condition("event_type = 'SANCTION'"))


def test_a_language_keeps_articles_in_it(con: duckdb.DuckDBPyConnection) -> None:
    kept = keys(con, "SELECT article_id FROM articles", article_condition(Filters(languages=("fr", "ar"))))
    assert kept == keys(con, "SELECT article_id FROM articles", Condition("language IN ('fr', 'ar')"))


def test_a_country_keeps_dyads_on_either_side(con: duckdb.DuckDBPyConnection) -> None:
    condition = dyad_condition(Filters(countries=("ESP",), start=date(2022, 1, 1)))
    kept = con.execute(
        f"SELECT source_country, target_country, month FROM dyads_monthly WHERE {condition.sql}", list(condition.params)
    ).fetchall()
    assert kept and all("ESP" in (source, target) and month >= date(2022, 1, 1) for source, target, month in kept)


def test_event_types_choose_the_dyad_columns_to_count() -> None:
    assert dyad_event_count(Filters()) == "events"
    assert dyad_event_count(Filters(event_types=("ACCUSE", "CONSULT"))) == '"accuse" + "consult"'
    assert dyad_event_count(Filters(event_types=("NOT_A_TYPE",))) == "0"
