"""What the entry point hands to the page being shown: the warehouse version and the filters.

Streamlit runs a page file as a script after the entry point, in the same session; the entry point
stores the context in the session state and the page reads it back.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from dashboard.filters import Filters
from dashboard.store import Warehouse

_KEY = "newsdesk.page_context"


@dataclass(frozen=True)
class PageContext:
    warehouse: Warehouse
    filters: Filters


def share(context: PageContext) -> None:
    st.session_state[_KEY] = context


def current() -> PageContext:
    return st.session_state[_KEY]
