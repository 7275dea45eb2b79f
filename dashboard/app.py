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
from dashboard.safe_text import markdown_code  # noqa: E402
from dashboard.store import Unavailable, open_warehouse  # noqa: E402
from newsdesk.config import warehouse_path  # noqa: E402

# Emoji icons only: the browser draws an emoji favicon from a data: URL, while Streamlit fetches
# a :material/...: favicon (the app's, or the page's when it is shown) from a font CDN.
PAGE_ICON = "📰"
PAGES = (
    ("views/overview.py", "Overview", "📊"),
    ("views/events.py", "Events", "📅"),
    ("views/dyads.py", "Dyads", "🔀"),
    ("views/agreements.py", "Agreements", "🤝"),
    ("views/article.py", "Article", "📄"),
)


def main() -> None:
    st.set_page_config(page_title="newsdesk", page_icon=PAGE_ICON, layout="wide")
    warehouse = open_warehouse(warehouse_path())
    if isinstance(warehouse, Unavailable):
        _show_unavailable(warehouse)
        return
    filters = sidebar_filters(filter_options(warehouse))
    st.sidebar.caption(f"Warehouse (read-only): {markdown_code(warehouse.path)}")
    context.share(context.PageContext(warehouse, filters))
    pages = [
        st.Page(path, title=title, icon=icon, default=index == 0) for index, (path, title, icon) in enumerate(PAGES)
    ]
    st.navigation(pages).run()


def _show_unavailable(problem: Unavailable) -> None:
    def no_warehouse() -> None:
        st.title("newsdesk")
        st.warning(f"**{problem.title}**")
        st.markdown(problem.advice)

    st.navigation([st.Page(no_warehouse, title="newsdesk")], position="hidden").run()


main()
