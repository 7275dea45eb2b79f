"""Dyads: a country x country matrix of who acts towards whom, from dyads_monthly."""

from __future__ import annotations

import streamlit as st

from dashboard import charts, context
from dashboard.display import table
from dashboard.filters import dyad_condition, dyad_event_count


def render(page: context.PageContext) -> None:
    st.title("Dyads")
    st.caption(
        "Events between countries (dyads_monthly): each event counts once per source country and target "
        "country of its actors; a meeting (no target) counts once per pair of participants' countries. "
        "Negated events are left out. Language and actor filters do not apply here."
    )
    filters = page.filters
    condition = dyad_condition(filters)
    count = dyad_event_count(filters)
    dyads = page.warehouse.frame(
        f"""
        SELECT source_country, target_country,
            sum({count}) AS events,
            sum(verbal_cooperation + material_cooperation) AS cooperation,
            sum(verbal_conflict + material_conflict) AS conflict,
            round(sum(goldstein_sum) / sum(events), 2) AS goldstein_mean
        FROM dyads_monthly WHERE {condition.sql}
        GROUP BY ALL HAVING sum({count}) > 0 ORDER BY ALL
        """,
        condition.params,
    )
    if dyads.empty:
        st.info("No dyad matches the filters.")
        return
    measure = st.radio(
        "Colour by", ["events", "goldstein_mean"], horizontal=True, key="dyad_measure",
        format_func={"events": "number of events", "goldstein_mean": "mean Goldstein (red conflict, blue cooperation)"}.get,
    )
    st.altair_chart(charts.dyad_matrix(dyads, measure), width="content")
    st.subheader("Month by month")
    monthly = page.warehouse.frame(
        f"SELECT * FROM dyads_monthly WHERE {condition.sql} AND {count} > 0 ORDER BY month, source_country, target_country",
        condition.params,
    )
    table(monthly, month=st.column_config.DateColumn("month", format="YYYY-MM"))


render(context.current())
