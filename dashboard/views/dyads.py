"""Dyads: a country x country matrix of who acts towards whom, from dyads_monthly."""

from __future__ import annotations

import streamlit as st

from dashboard import charts, context
from dashboard.display import table
from dashboard.dyad_cells import dyad_cells_sql
from dashboard.filters import dyad_condition, dyad_event_count


def render(page: context.PageContext) -> None:
    st.title("Dyads")
    st.caption(
        "Events between countries (dyads_monthly): an event with a target counts once per source "
        "country and target country of its actors (**directed**, row → column). A **reciprocal** event "
        "(a meeting, a joint statement: participants, no target) has no direction: it counts once per "
        "pair of participants' countries, in *both* cells of the pair. Negated events are left out. "
        "Language and actor filters do not apply here."
    )
    filters = page.filters
    condition = dyad_condition(filters)
    count = dyad_event_count(filters)
    sql, params = dyad_cells_sql(filters)
    dyads = page.warehouse.frame(sql, params)
    if dyads.empty:
        st.info("No dyad matches the filters.")
        return
    measure = st.radio(
        "Colour by",
        list(charts.DYAD_MEASURES),
        horizontal=True,
        key="dyad_measure",
        format_func={**charts.DYAD_MEASURES, "goldstein_mean": "mean Goldstein (red conflict, blue cooperation)"}.get,
    )
    st.altair_chart(charts.dyad_matrix(dyads, measure), width="content")
    st.subheader("Month by month")
    monthly = page.warehouse.frame(
        f"SELECT * FROM dyads_monthly WHERE {condition.sql} AND {count} > 0 ORDER BY month, source_country, target_country",
        condition.params,
    )
    st.caption(
        "As dyads_monthly files them: a reciprocal event is in the row of its pair's alphabetically first "
        "country only (`reciprocal_events` of `events`), so add both rows of a pair for the relation."
    )
    table(monthly, month=st.column_config.DateColumn("month", format="YYYY-MM"))


render(context.current())
