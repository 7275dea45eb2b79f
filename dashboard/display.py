"""Tables as the dashboard shows them: dates as dates (DuckDB DATE arrives as a pandas timestamp)."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st


def table(frame: pd.DataFrame, container: Any = st, **column_config: Any) -> None:
    """A full-width table without the index; timestamp columns shown as YYYY-MM-DD unless configured."""
    config = {
        name: st.column_config.DateColumn(name, format="YYYY-MM-DD")
        for name in frame.columns
        if pd.api.types.is_datetime64_any_dtype(frame[name])
    }
    container.dataframe(frame, hide_index=True, width="stretch", column_config={**config, **column_config})
