"""Data-quality checks run on every new database before it is published.

Each check is a query that returns the offending rows; a check passes when it returns none.
Checks are derived from the schema where they can be (referential integrity of every per-article
table, start <= end for every range), so a new table is checked without new code.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

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

    @property
    def passed(self) -> bool:
        return self.failing_rows == 0


def quality_checks() -> list[tuple[str, str]]:
    """(name, query returning offending rows) for every check the schema implies."""
    checks: list[tuple[str, str]] = [
        (
            "articles.language is ISO 639-1 or und",
            "SELECT article_id FROM articles WHERE NOT regexp_full_match(language, '[a-z]{2}|und')",
        ),
    ]
    for table in stored_tables().values():
        checks.extend(_range_checks(table))
        if table.is_per_article:
            checks.append(
                (
                    f"{table.name}.article_id refers to an article",
                    f"SELECT article_id FROM {table.name} "
                    "WHERE article_id NOT IN (SELECT article_id FROM articles)",
                )
            )
    return checks


def _range_checks(table: Table) -> list[tuple[str, str]]:
    columns = set(table.column_names)
    return [
        (
            f'{table.name}: {start} <= {end}',
            f'SELECT * FROM {table.name} WHERE "{start}" > "{end}"',
        )
        for start, end in _RANGE_COLUMNS
        if start in columns and end in columns
    ]


def run_checks(con: duckdb.DuckDBPyConnection) -> list[CheckResult]:
    results = []
    for name, query in quality_checks():
        (count,) = con.execute(f"SELECT count(*) FROM ({query})").fetchone()  # type: ignore[misc]
        results.append(CheckResult(name, int(count), query))
    return results
