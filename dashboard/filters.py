"""The sidebar filters, and what each one means for each mart, as SQL conditions.

`Filters` is plain data; the `*_condition` functions turn it into a WHERE clause with parameters
for one mart (pure, tested without Streamlit); `sidebar_filters` draws the widgets. An empty
selection means "everything", and the date range is only applied once the user narrows it, so
undated rows are not hidden by default.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from dashboard.store import Warehouse, date_bounds
from transforms.events.crosswalk import PLOVER_TYPES


@dataclass(frozen=True)
class Filters:
    start: date | None = None
    end: date | None = None
    languages: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()


@dataclass(frozen=True)
class Condition:
    """A WHERE clause (without the keyword) and its parameters, in order."""

    sql: str = "true"
    params: tuple[Any, ...] = field(default_factory=tuple)


Part = tuple[str, tuple[Any, ...]]  # one condition and its parameters


def _combine(parts: list[Part]) -> Condition:
    if not parts:
        return Condition()
    return Condition(
        " AND ".join(f"({sql})" for sql, _ in parts), tuple(value for _, values in parts for value in values)
    )


def _overlap(filters: Filters, first_day: str, last_day: str) -> list[Part]:
    """Rows whose [first_day, last_day] range overlaps the chosen dates."""
    parts: list[Part] = []
    if filters.start:
        parts.append((f"{last_day} >= ?", (filters.start,)))
    if filters.end:
        parts.append((f"{first_day} <= ?", (filters.end,)))
    return parts


def event_condition(filters: Filters) -> Condition:
    """Over event_timeline: dates overlap; reported in a language; a participant's or the place's
    country; a participant; the type."""
    parts = _overlap(filters, "coalesce(date_start, first_published)", "coalesce(date_end, last_published)")
    if filters.languages:
        parts.append(("list_has_any(languages, ?)", (list(filters.languages),)))
    if filters.countries:
        countries = "list_concat(source_countries, target_countries, [location_country])"
        parts.append((f"list_has_any({countries}, ?)", (list(filters.countries),)))
    if filters.actors:
        parts.append(("list_has_any(list_concat(source_ids, target_ids), ?)", (list(filters.actors),)))
    if filters.event_types:
        parts.append(("list_contains(?, event_type)", (list(filters.event_types),)))
    return _combine(parts)


def agreement_condition(filters: Filters) -> Condition:
    """Over agreements_overview: signature date (else mention dates) overlaps; mentioned in a
    language; a party's country; a party or signatory. Event types do not apply."""
    parts = _overlap(filters, "coalesce(signed_start, first_mentioned)", "coalesce(signed_end, last_mentioned)")
    if filters.languages:
        parts.append(("list_has_any(languages, ?)", (list(filters.languages),)))
    if filters.countries:
        parts.append(("list_has_any(party_countries, ?)", (list(filters.countries),)))
    if filters.actors:
        parts.append(("list_has_any(list_concat(party_ids, signatory_ids), ?)", (list(filters.actors),)))
    return _combine(parts)


def article_condition(filters: Filters) -> Condition:
    """Over articles: published in the range; in a language; naming an actor of a country; naming
    an actor; reporting an event of a type."""
    parts = _overlap(filters, "published_start", "published_end")
    if filters.languages:
        parts.append(("list_contains(?, language)", (list(filters.languages),)))
    if filters.countries:
        named = "SELECT article_id FROM article_actors WHERE list_contains(?, country)"
        parts.append((f"article_id IN ({named})", (list(filters.countries),)))
    if filters.actors:
        named = "SELECT article_id FROM article_actors WHERE list_contains(?, actor_id)"
        parts.append((f"article_id IN ({named})", (list(filters.actors),)))
    if filters.event_types:
        reported = "SELECT article_id FROM event_mentions WHERE list_contains(?, event_type)"
        parts.append((f"article_id IN ({reported})", (list(filters.event_types),)))
    return _combine(parts)


def dyad_condition(filters: Filters) -> Condition:
    """Over dyads_monthly: the month overlaps the range; either side's country. Languages and
    actors do not apply; event types choose the counted columns instead (dyad_event_count)."""
    parts = _overlap(filters, "month", "last_day(month)")
    if filters.countries:
        countries = list(filters.countries)
        parts.append(("list_contains(?, source_country) OR list_contains(?, target_country)", (countries, countries)))
    return _combine(parts)


# The PLOVER types dyads_monthly has a count column for (its column names are these, lower-cased).
DYAD_TYPE_COLUMNS = PLOVER_TYPES


def dyad_event_count(filters: Filters) -> str:
    """SQL for the number of events of the chosen types in a dyads_monthly row (all when none)."""
    if not filters.event_types:
        return "events"
    columns = [f'"{kind.lower()}"' for kind in filters.event_types if kind in DYAD_TYPE_COLUMNS]
    return " + ".join(columns) if columns else "0"


@dataclass(frozen=True)
class FilterOptions:
    """What can be chosen in this warehouse."""

    bounds: tuple[date, date] | None
    languages: list[str]
    countries: dict[str, str]  # ISO3 -> label
    actors: dict[str, str]  # actor id -> label
    event_types: list[str]


def filter_options(warehouse: Warehouse) -> FilterOptions:
    countries = warehouse.frame(
        """
        SELECT country, coalesce(any_value(name) FILTER (WHERE type = 'state'), country) AS name
        FROM actors WHERE country IS NOT NULL GROUP BY country ORDER BY name
        """
    )
    actors = warehouse.frame("SELECT actor_id, name, type FROM actor_profile ORDER BY mention_count DESC, name")
    return FilterOptions(
        bounds=date_bounds(warehouse),
        languages=list(warehouse.frame("SELECT DISTINCT language FROM articles ORDER BY 1")["language"]),
        countries={row.country: f"{row.name} ({row.country})" for row in countries.itertuples()},
        actors={row.actor_id: f"{row.name} ({row.type})" for row in actors.itertuples()},
        event_types=list(warehouse.frame("SELECT DISTINCT event_type FROM events ORDER BY 1")["event_type"]),
    )


def sidebar_filters(options: FilterOptions) -> Filters:
    """Draw the filter widgets in the sidebar and return what is chosen."""
    sidebar = st.sidebar
    sidebar.header("Filters")
    start = end = None
    if options.bounds:
        first, last = options.bounds
        chosen = sidebar.date_input("Dates", value=(first, last), min_value=first, max_value=last, key="dates")
        days = [pd.Timestamp(day).date() for day in (chosen if isinstance(chosen, (list, tuple)) else [chosen])]
        if days and days[0] > first:
            start = days[0]
        if len(days) == 2 and days[1] < last:
            end = days[1]
    languages = sidebar.multiselect("Language", options.languages, key="languages")
    countries = sidebar.multiselect(
        "Country",
        list(options.countries),
        format_func=options.countries.get,  # type: ignore[arg-type]
        key="countries",
    )
    actors = sidebar.multiselect("Actor", list(options.actors), format_func=options.actors.get, key="actors")  # type: ignore[arg-type]
    event_types = sidebar.multiselect("Event type", options.event_types, key="event_types")
    return Filters(start, end, tuple(languages), tuple(countries), tuple(actors), tuple(event_types))
