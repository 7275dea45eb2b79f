"""Events: over time by type, on the Goldstein scale, and as a table with their evidence."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, context
from dashboard.display import table
from dashboard.filters import event_condition

COLUMNS = """
    date_start, date_end, date_precision, event_type, source_names, target_names, location, evidence,
    quad_class_name, goldstein, cameo_code, mode, modality, negated, confidence, num_articles, languages,
    article_id, event_id
"""


def render(page: context.PageContext) -> None:
    st.title("Events")
    condition = event_condition(page.filters)
    events = page.warehouse.frame(
        f"SELECT {COLUMNS} FROM event_timeline WHERE {condition.sql} ORDER BY date_start NULLS LAST, event_id",
        condition.params,
    )
    if events.empty:
        st.info("No event matches the filters.")
        return
    figures = st.columns(3)
    figures[0].metric("Events", len(events))
    figures[1].metric("Reports (event × article)", int(events["num_articles"].sum()))
    figures[2].metric("Types", events["event_type"].nunique())
    dated = _with_labels(events[events["date_start"].notna()])
    st.altair_chart(charts.events_over_time(dated), width="stretch")
    st.altair_chart(charts.goldstein_over_time(dated[dated["goldstein"].notna()]), width="stretch")
    st.subheader("Event list")
    table(
        events,
        evidence=st.column_config.TextColumn("evidence", width="large"),
        confidence=st.column_config.NumberColumn(format="%.2f"),
    )


def _with_labels(events: pd.DataFrame) -> pd.DataFrame:
    """Sources and targets as plain text, for tooltips."""
    labelled = events.copy()
    labelled["sources"] = labelled["source_names"].map(lambda names: ", ".join(names))
    labelled["targets"] = labelled["target_names"].map(lambda names: ", ".join(names))
    return labelled


render(context.current())
