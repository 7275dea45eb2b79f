"""The dashboard's charts, as Altair specifications built from query results (no Streamlit here)."""

from __future__ import annotations

import altair as alt
import pandas as pd

# Cooperation in blues, conflict in reds: the usual reading of the quad classes, and the only
# meaning blue and red have on any chart (counts use a neutral purple, types their class's colour).
QUAD_COLOURS = {
    "verbal cooperation": "#6baed6",
    "material cooperation": "#2171b5",
    "verbal conflict": "#fc9272",
    "material conflict": "#cb181d",
}
QUAD_SCALE = alt.Scale(domain=list(QUAD_COLOURS), range=list(QUAD_COLOURS.values()))
COUNT_SCHEME = "purples"
# Months in UTC with their year ("Nov 2020"): a local-time axis put 1 Nov 2020 in October west of
# Greenwich, and a label without its year read as the wrong year.
MONTH_FORMAT = "%b %Y"

_COUNT_AXIS = alt.Axis(format="d", tickMinStep=1)  # counts: whole numbers only


def events_over_time(events: pd.DataFrame) -> alt.Chart:
    """Stacked monthly bars of events by quad class (rows: date_start, quad_class_name, event_type, event_id)."""
    return (
        alt.Chart(events, title="Events per month, by quad class")
        .mark_bar()
        .encode(
            x=alt.X(
                "utcyearmonth(date_start):T",
                title="month the event happened (first possible day)",
                axis=alt.Axis(format=MONTH_FORMAT, formatType="utc"),
            ),
            y=alt.Y("count(event_id):Q", title="events", axis=_COUNT_AXIS),
            color=alt.Color("quad_class_name:N", title="quad class", scale=QUAD_SCALE),
            tooltip=[
                alt.Tooltip("utcyearmonth(date_start):T", title="month", format=MONTH_FORMAT),
                alt.Tooltip("quad_class_name:N", title="quad class"),
                alt.Tooltip("event_type:N", title="type"),
                alt.Tooltip("count(event_id):Q", title="events"),
            ],
        )
    )


def goldstein_over_time(events: pd.DataFrame) -> alt.Chart:
    """One dot per event: when, how cooperative (Goldstein), which quad class."""
    return (
        alt.Chart(events, title="Cooperation and conflict (Goldstein scale)")
        .mark_circle(size=90, opacity=0.8)
        .encode(
            x=alt.X(
                "date_start:T",
                title="event date (first possible day)",
                scale=alt.Scale(type="utc"),
                axis=alt.Axis(format=MONTH_FORMAT, formatType="utc"),
            ),
            y=alt.Y("goldstein:Q", title="Goldstein", scale=alt.Scale(domain=[-10, 10])),
            color=alt.Color("quad_class_name:N", title="quad class", scale=QUAD_SCALE),
            tooltip=["event_type:N", "sources:N", "targets:N", "date_start:T", "goldstein:Q", "evidence:N"],
        )
    )


# What the dyad matrix can colour a cell by: a column of dyad_cells_sql's result, and its legend title.
DYAD_MEASURES = {
    "events": "events (directed + reciprocal)",
    "directed": "directed events (row → column)",
    "reciprocal": "reciprocal events (both ways)",
    "goldstein_mean": "mean Goldstein",
}


def dyad_matrix(dyads: pd.DataFrame, measure: str) -> alt.LayerChart:
    """Country (rows) x country (columns) heat map of dashboard/dyad_cells.py's cells: a reciprocal
    event (a meeting: no direction) is in both cells of its pair, never under an alphabetical
    direction. `measure` is a key of DYAD_MEASURES (goldstein_mean on a diverging scale); each cell
    writes its count, the measure's when it is a count, else all its events."""
    diverging = measure == "goldstein_mean"
    scale = alt.Scale(scheme="redblue", domain=[-10, 10]) if diverging else alt.Scale(scheme=COUNT_SCHEME)  # type: ignore[arg-type]
    base = alt.Chart(
        dyads, title="Who acts towards whom (row country → column country; reciprocal events both ways)"
    ).encode(
        x=alt.X("target_country:N", title="towards (target country, or other participant)", sort="ascending"),
        y=alt.Y("source_country:N", title="from (source country, or participant)", sort="ascending"),
    )
    cells = base.mark_rect().encode(
        color=alt.Color(f"{measure}:Q", title=DYAD_MEASURES[measure], scale=scale),
        tooltip=[
            alt.Tooltip("source_country:N", title="from"),
            alt.Tooltip("target_country:N", title="towards"),
            alt.Tooltip("directed:Q", title="directed events (from → towards)"),
            alt.Tooltip("reciprocal:Q", title="reciprocal events (both ways: meetings, joint statements)"),
            alt.Tooltip("events:Q", title="events (directed + reciprocal)"),
            alt.Tooltip("cooperation:Q", title="cooperation events"),
            alt.Tooltip("conflict:Q", title="conflict events"),
            alt.Tooltip("goldstein_mean:Q", title="mean Goldstein", format=".2f"),
        ],
    )
    labels = base.mark_text(fontSize=13).encode(text=alt.Text(f"{'events' if diverging else measure}:Q"))
    return (cells + labels).properties(height=alt.Step(36), width=alt.Step(48))


def articles_over_time(coverage: pd.DataFrame) -> alt.Chart:
    """Monthly bars of articles by language (rows: month as a date, language, articles)."""
    return (
        alt.Chart(coverage, title="Articles per publication month, by language")
        .mark_bar()
        .encode(
            x=alt.X(
                "utcyearmonth(month):O", title="publication month", axis=alt.Axis(format=MONTH_FORMAT, formatType="utc")
            ),
            y=alt.Y("sum(articles):Q", title="articles", axis=_COUNT_AXIS),
            color=alt.Color("language:N", title="language"),
            tooltip=[
                alt.Tooltip("utcyearmonth(month):T", title="month", format=MONTH_FORMAT),
                "language:N",
                "sum(articles):Q",
            ],
        )
    )


def counts_by(frame: pd.DataFrame, category: str, count: str, title: str) -> alt.Chart:
    """Horizontal bars: one per value of `category`, longest first."""
    return (
        alt.Chart(frame, title=title)
        .mark_bar()
        .encode(
            y=alt.Y(f"{category}:N", sort="-x", title=None),
            x=alt.X(f"{count}:Q", title=count.replace("_", " "), axis=_COUNT_AXIS),
            tooltip=[f"{category}:N", f"{count}:Q"],
        )
    )
