"""Entry point of the newsdesk dashboard: `newsdesk dashboard` (or `streamlit run dashboard/app.py`).

Opens the warehouse named by $NEWSDESK_WAREHOUSE (default ./data/warehouse.duckdb) read-only,
draws the sidebar filters and runs the chosen page of dashboard/views/. Without a usable
warehouse it shows what to do instead of a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Streamlit runs this file as a script, with only dashboard/ on sys.path: make the repository
# root importable so that `dashboard.*` and `newsdesk.*` resolve from any working directory.
_REPOSITORY = str(Path(__file__).resolve().parents[1])
if _REPOSITORY not in sys.path:
    sys.path.insert(0, _REPOSITORY)

import streamlit as st  # noqa: E402

from dashboard import context  # noqa: E402
from dashboard.filters import filter_options, sidebar_filters  # noqa: E402
from dashboard.store import Unavailable, open_warehouse  # noqa: E402
from newsdesk.config import warehouse_path  # noqa: E402

PAGES = (
    ("views/overview.py", "Overview", ":material/dashboard:"),
    ("views/events.py", "Events", ":material/timeline:"),
    ("views/dyads.py", "Dyads", ":material/compare_arrows:"),
    ("views/agreements.py", "Agreements", ":material/handshake:"),
    ("views/article.py", "Article", ":material/article:"),
)


def main() -> None:
    st.set_page_config(page_title="newsdesk", page_icon=":material/newspaper:", layout="wide")
    warehouse = open_warehouse(warehouse_path())
    if isinstance(warehouse, Unavailable):
        _show_unavailable(warehouse)
        return
    filters = sidebar_filters(filter_options(warehouse))
    st.sidebar.caption(f"Warehouse (read-only): `{warehouse.path}`")
    context.share(context.PageContext(warehouse, filters))
    pages = [
        st.Page(path, title=title, icon=icon, default=index == 0)
        for index, (path, title, icon) in enumerate(PAGES)
    ]
    st.navigation(pages).run()


def _show_unavailable(problem: Unavailable) -> None:
    def no_warehouse() -> None:
        st.title("newsdesk")
        st.warning(f"**{problem.title}**")
        st.markdown(problem.advice)

    st.navigation([st.Page(no_warehouse, title="newsdesk")], position="hidden").run()


main()
