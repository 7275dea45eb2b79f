"""Overview: what the warehouse holds, in figures and two charts, for the sidebar filters."""

from __future__ import annotations

import streamlit as st

from dashboard import charts, context
from dashboard.display import table
from dashboard.filters import Filters, agreement_condition, article_condition, event_condition
from dashboard.safe_text import markdown_code
from dashboard.store import Warehouse

# Each figure over the rows the sidebar filters keep (filters.py): articles and languages through
# article_condition, events through event_condition, agreements through agreement_condition, actors
# as those named in the kept articles. Quarantined records belong to no article: whole warehouse.
FIGURES = """
SELECT
    (SELECT count(*) FROM articles WHERE {articles}) AS "Articles",
    (SELECT count(*) FROM event_timeline WHERE {events}) AS "Events",
    (SELECT count(DISTINCT actor_id) FROM article_actors
        WHERE article_id IN (SELECT article_id FROM articles WHERE {articles})) AS "Actors",
    (SELECT count(*) FROM agreements_overview WHERE {agreements}) AS "Agreements",
    (SELECT count(DISTINCT language) FROM articles WHERE {articles}) AS "Languages",
    (SELECT count(*) FROM quarantine) AS "Quarantined records"
"""


def render(page: context.PageContext) -> None:
    warehouse = page.warehouse
    articles = article_condition(page.filters)
    events = event_condition(page.filters)
    st.title("newsdesk")
    st.caption(
        "Who did what to whom, when, where — and which agreements bind whom. "
        + (
            "Figures and charts for the sidebar filters (dates, language, country, actor, event type); "
            "quarantined records and coverage for the whole warehouse."
            if page.filters != Filters()
            else "Figures and charts for the whole warehouse; they follow the sidebar filters when you set some."
        )
    )
    _figures(warehouse, page.filters)
    _latest_run(warehouse)
    left, right = st.columns(2)
    with left:
        monthly = warehouse.frame(
            f"""
            SELECT date_trunc('month', published_start) AS month, language, count(*) AS articles
            FROM articles WHERE published_start IS NOT NULL AND {articles.sql} GROUP BY ALL ORDER BY ALL
            """,
            articles.params,
        )
        st.altair_chart(charts.articles_over_time(monthly), width="stretch")
    with right:
        types = warehouse.frame(
            f"SELECT event_type, count(*) AS events FROM event_timeline WHERE {events.sql} GROUP BY ALL ORDER BY ALL",
            events.params,
        )
        st.altair_chart(charts.counts_by(types, "event_type", "events", "Events by PLOVER type"), width="stretch")
    st.subheader("Coverage (whole warehouse)")
    _not_extracted(warehouse)
    table(warehouse.frame("SELECT * FROM coverage ORDER BY dimension, value"))


def _not_extracted(warehouse: Warehouse) -> None:
    """Say which languages get no events: their articles count zero events without being calm."""
    rows = warehouse.frame(
        """
        SELECT value AS language, events_not_extracted, events_partial
        FROM coverage WHERE dimension = 'language' AND (events_not_extracted > 0 OR events_partial > 0)
        ORDER BY value
        """
    )
    if rows.empty:
        return
    parts = [
        f"{markdown_code(row.language)}: {int(row.events_not_extracted)} not extracted"
        + (f", {int(row.events_partial)} partly" if row.events_partial else "")
        for row in rows.itertuples()
    ]
    st.warning(
        'Events are not extracted for every language, so zero events there means "not read", not '
        '"no conflict": ' + "; ".join(parts) + "."
    )


def _figures(warehouse: Warehouse, filters: Filters) -> None:
    articles, events, agreements = article_condition(filters), event_condition(filters), agreement_condition(filters)
    sql = FIGURES.format(articles=articles.sql, events=events.sql, agreements=agreements.sql)
    # The parameters in the order their placeholders appear: articles, events, articles (actors),
    # agreements, articles (languages).
    params = articles.params + events.params + articles.params + agreements.params + articles.params
    figures = warehouse.frame(sql, params).iloc[0]
    for column, (label, value) in zip(st.columns(len(figures)), figures.items()):
        column.metric(label, f"{int(value):,}")


def _latest_run(warehouse: Warehouse) -> None:
    runs = warehouse.frame("SELECT run_id, flow_name, finished_at FROM runs ORDER BY finished_at DESC LIMIT 1")
    if not runs.empty:
        run = runs.iloc[0]
        st.caption(
            f"Last published by the {markdown_code(run.flow_name)} run {markdown_code(run.run_id)} "
            f"at {run.finished_at:%Y-%m-%d %H:%M} UTC."
        )


render(context.current())
