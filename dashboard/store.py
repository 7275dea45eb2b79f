"""Read-only access to the warehouse file, safe while a run publishes a new one.

A run never writes the published file: it builds a copy and atomically renames it over the old
one (warehouse/publish.py). So the dashboard keeps one read-only connection per *version* of the
file, recognised by its inode, size and modification time: every page render reads one version
from start to end, and the first render after a swap opens the new version.

The connection is warehouse/readonly.py's: the file ATTACHed read-only to an in-memory database
(DuckDB caches databases opened by path, so `connect(path)` after a swap would hand back the old
version), with no access to other files, the network or extensions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import streamlit as st

from dashboard.safe_text import markdown_code
from warehouse.readonly import ALIAS as _ALIAS
from warehouse.readonly import open_read_only

MARTS = ("event_timeline", "dyads_monthly", "actor_profile", "agreements_overview", "coverage")


@dataclass(frozen=True)
class FileVersion:
    """One version of the warehouse file: a swap gives a new inode."""

    path: str
    inode: int
    size: int
    modified_ns: int


@dataclass(frozen=True)
class Unavailable:
    """Why the dashboard cannot show the warehouse, and what to do about it (Markdown)."""

    title: str
    advice: str


def file_version(path: Path) -> FileVersion | None:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return FileVersion(str(path), stat.st_ino, stat.st_size, stat.st_mtime_ns)


@st.cache_resource(max_entries=2, show_spinner=False)
def _connection(version: FileVersion) -> duckdb.DuckDBPyConnection:
    return open_read_only(Path(version.path))  # attached as ALIAS, no file, network or extension access


@st.cache_data(max_entries=512, show_spinner=False)
def _frame(version: FileVersion, sql: str, params: tuple[Any, ...]) -> pd.DataFrame:
    cursor = _connection(version).cursor()  # one cursor per query: sessions run in their own threads
    try:
        cursor.execute(f"USE {_ALIAS}")
        return cursor.execute(sql, [list(value) if isinstance(value, tuple) else value for value in params]).df()
    finally:
        cursor.close()


class Warehouse:
    """Queries against one version of the warehouse; results are cached per version."""

    def __init__(self, version: FileVersion) -> None:
        self.version = version

    @property
    def path(self) -> str:
        return self.version.path

    def frame(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> pd.DataFrame:
        # Lists become tuples so the cache can hash them; _frame turns them back into lists.
        return _frame(self.version, sql, tuple(tuple(value) if isinstance(value, list) else value for value in params))

    def value(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> Any:
        frame = self.frame(sql, params)
        return None if frame.empty else frame.iat[0, 0]

    def relations(self) -> set[str]:
        frame = self.frame(
            "SELECT table_name AS name FROM duckdb_tables() WHERE database_name = current_database() "
            "UNION ALL SELECT view_name FROM duckdb_views() WHERE database_name = current_database()"
        )
        return set(frame["name"])


def open_warehouse(path: Path) -> Warehouse | Unavailable:
    """The warehouse at `path`, or why it cannot be shown."""
    version = file_version(path)
    if version is None:
        return Unavailable(
            "No warehouse yet",
            f"There is no warehouse at {markdown_code(path)}.\n\nRun `make run` first (or `newsdesk run FOLDER`), then reload this page.",
        )
    warehouse = Warehouse(version)
    try:
        relations = warehouse.relations()
    except duckdb.Error as error:
        return Unavailable(
            "The warehouse cannot be read",
            f"{markdown_code(path)} is not a readable DuckDB warehouse: {markdown_code(error)}",
        )
    missing = [name for name in ("articles", *MARTS) if name not in relations]
    if "articles" in missing:
        return Unavailable("Empty warehouse", f"{markdown_code(path)} has no articles table.\n\nRun `make run` first.")
    if missing:
        return Unavailable(
            "The warehouse predates the marts",
            f"{markdown_code(path)} has no {', '.join(f'`{name}`' for name in missing)}: it was published by an older "
            "newsdesk. The views are created at its next publish (a run with new or changed input, "
            "or a reprocess).",
        )
    if not warehouse.value("SELECT count(*) FROM articles"):
        return Unavailable("Empty warehouse", f"{markdown_code(path)} holds no articles yet.\n\nRun `make run` first.")
    return warehouse


def date_bounds(warehouse: Warehouse) -> tuple[date, date] | None:
    """First and last day anything in the warehouse refers to (events and publications)."""
    frame = warehouse.frame(
        """
        SELECT min(day) AS first, max(day) AS last FROM (
            SELECT date_start AS day FROM events UNION ALL SELECT date_end FROM events
            UNION ALL SELECT published_start FROM articles UNION ALL SELECT published_end FROM articles
        ) WHERE day IS NOT NULL
        """
    )
    if frame.empty or pd.isna(frame.at[0, "first"]):
        return None
    return pd.Timestamp(frame.at[0, "first"]).date(), pd.Timestamp(frame.at[0, "last"]).date()
