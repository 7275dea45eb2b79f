"""Data-quality checks run on every new database before it is published.

Each check is a query that returns the offending rows; a check passes when it returns none.
Checks are derived from the schema where they can be — referential integrity of every table with
an article_id, start <= end for every range, ISO codes in every language and country column — so a new
table is checked without new code. Primary keys are enforced by DuckDB itself on every insert.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import duckdb
import pyarrow as pa
import pycountry

from warehouse.schema import Table, stored_tables

_RANGE_COLUMNS = (
    ("published_start", "published_end"),
    ("date_start", "date_end"),
    ("signed_start", "signed_end"),
    ("start", "end"),
)


@dataclass(frozen=True)
class CheckResult:
    name: str
    failing_rows: int
    query: str
    examples: tuple[str, ...] = ()  # a few offending rows, for the error message

    @property
    def passed(self) -> bool:
        return self.failing_rows == 0


def quality_checks() -> list[tuple[str, str]]:
    """(name, query returning offending rows) for every check the schema implies."""
    checks: list[tuple[str, str]] = []
    tables = stored_tables()
    for table in tables.values():
        checks.extend(_range_checks(table))
        checks.extend(_code_checks(table))
        if "actors" in tables and table.name != "actors":
            checks.extend(_actor_reference_checks(table))
        if {"article_id", "date_start", "modality"} <= set(table.column_names):
            checks.append(_no_unannounced_future(table))
        if "article_id" in table.column_names and table.name != "articles":  # article_sources too
            checks.append(
                (
                    f"{table.name}.article_id refers to an article",
                    f"SELECT article_id FROM {table.name} WHERE article_id NOT IN (SELECT article_id FROM articles)",
                )
            )
    return checks


def _range_checks(table: Table) -> list[tuple[str, str]]:
    columns = set(table.column_names)
    return [
        (
            f"{table.name}: {start} <= {end}",
            f'SELECT * FROM {table.name} WHERE "{start}" > "{end}"',
        )
        for start, end in _RANGE_COLUMNS
        if start in columns and end in columns
    ]


def _actor_reference_checks(table: Table) -> list[tuple[str, str]]:
    return [
        (
            f"{table.name}.{column} refers to an actor",
            f'SELECT "{column}" FROM {table.name} WHERE "{column}" NOT IN (SELECT actor_id FROM actors)',
        )
        for column in table.column_names
        if column == "actor_id" or column.endswith("_actor_id")
    ]


def _no_unannounced_future(table: Table) -> tuple[str, str]:
    """An event dated after its article was published must be marked as planned (future tense),
    unless its verb says it is done (past_tense: the header is dated before the events)."""
    done = " AND NOT coalesce(t.past_tense, false)" if "past_tense" in table.column_names else ""
    return (
        f"{table.name}: no date after publication unless planned or in the past tense",
        f"SELECT t.* FROM {table.name} AS t JOIN articles AS a USING (article_id) "
        f"WHERE t.date_start > a.published_end AND coalesce(t.modality, '') <> 'planned'{done}",
    )


def _code_checks(table: Table) -> list[tuple[str, str]]:
    """Language columns hold ISO 639-1 codes (or und); country columns ISO 3166-1 alpha-3."""
    checks = []
    for column in table.column_names:
        if column == "language" or column.endswith("_language"):
            allowed, standard = _LANGUAGE_CODES, "ISO 639-1 or und"
        elif column == "country" or column.endswith("_country"):
            allowed, standard = _COUNTRY_CODES, "ISO 3166 alpha-3"
        else:
            continue
        checks.append(
            (
                f"{table.name}.{column} is {standard}",
                f'SELECT DISTINCT "{column}" FROM {table.name} '
                f'WHERE "{column}" IS NOT NULL AND "{column}" NOT IN (SELECT code FROM {allowed})',
            )
        )
    return checks


# Reference lists the checks read, registered on the connection (read-only ones too).
_LANGUAGE_CODES, _COUNTRY_CODES = "_iso_language_codes", "_iso_country_codes"


def _reference_codes() -> dict[str, list[str]]:
    languages = {language.alpha_2 for language in pycountry.languages if hasattr(language, "alpha_2")} | {"und"}
    countries = (
        {country.alpha_3 for country in pycountry.countries}
        | {country.alpha_3 for country in pycountry.historic_countries}  # USSR, Yugoslavia, ... in old news
        | {"XKX"}  # Kosovo: user-assigned, used by the EU and most event datasets
    )
    return {_LANGUAGE_CODES: sorted(languages), _COUNTRY_CODES: sorted(countries)}


def run_checks(con: duckdb.DuckDBPyConnection, scope: Callable[[str], str] = lambda query: query) -> list[CheckResult]:
    """Every check; `scope` rewrites a check's query to run on part of its table (the rows a
    publish touched: warehouse/incremental.py), the result records the query as declared."""
    for name, codes in _reference_codes().items():
        con.register(name, pa.table({"code": codes}))
    results = []
    for name, query in quality_checks():
        ((count,),) = con.execute(f"SELECT count(*) FROM ({scope(query)})").fetchall()
        examples = con.execute(f"SELECT * FROM ({scope(query)}) LIMIT 3").fetchall() if count else []
        results.append(
            CheckResult(name, int(count), query, tuple(str(row if len(row) > 1 else row[0]) for row in examples))
        )
    for name in _reference_codes():
        con.unregister(name)
    return results
