"""The warehouse schema, read from the SQL files that define it.

`warehouse/schema/*.sql` declare the tables (with keys and a comment on every column);
`warehouse/build/*.sql` hold what is recomputed after every load (aggregates, views). Both are
applied in file-name order. Everything else — pyarrow schemas for Parquet, primary keys for
upserts, the data dictionary — is derived from them here, so there is one place to change.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import duckdb
import pyarrow as pa

SCHEMA_DIR = Path(__file__).parent / "schema"
BUILD_DIR = Path(__file__).parent / "build"

_ARROW_TYPES: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
    "VARCHAR[]": pa.list_(pa.string()),
    "INTEGER[]": pa.list_(pa.int32()),
}


@dataclass(frozen=True)
class Column:
    name: str
    sql_type: str
    nullable: bool
    comment: str


@dataclass(frozen=True)
class Table:
    name: str
    comment: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    is_view: bool = False

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    @property
    def is_per_article(self) -> bool:
        """Rows derived from one article's extraction: replaced whole when it is re-extracted."""
        names = self.column_names
        return not self.is_view and self.name != "articles" and {"article_id", "extractor_version"} <= set(names)

    def arrow_schema(self) -> pa.Schema:
        return pa.schema(
            [pa.field(column.name, arrow_type(column.sql_type), nullable=column.nullable) for column in self.columns]
        )


def arrow_type(sql_type: str) -> pa.DataType:
    try:
        return _ARROW_TYPES[sql_type]
    except KeyError:
        raise ValueError(f"column type {sql_type} is not one the warehouse allows") from None


def schema_sql() -> str:
    return _read_sql(SCHEMA_DIR)


def build_sql() -> str:
    return _read_sql(BUILD_DIR)


def _read_sql(folder: Path) -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.sql")))


@lru_cache(maxsize=1)
def tables() -> dict[str, Table]:
    """Every table (and, after the build SQL, every view) the schema declares, by name."""
    with duckdb.connect(":memory:") as con:
        con.execute(schema_sql())
        con.execute(build_sql())
        return _describe(con)


def stored_tables() -> dict[str, Table]:
    """The tables that hold data (not views), in schema order."""
    return {name: table for name, table in tables().items() if not table.is_view}


def _describe(con: duckdb.DuckDBPyConnection) -> dict[str, Table]:
    relations = con.execute(
        """
        SELECT table_name, comment, false AS is_view FROM duckdb_tables() WHERE NOT internal
        UNION ALL
        SELECT view_name, comment, true FROM duckdb_views() WHERE NOT internal
        """
    ).fetchall()
    keys = dict(
        con.execute(
            """
            SELECT table_name, constraint_column_names FROM duckdb_constraints()
            WHERE constraint_type = 'PRIMARY KEY'
            """
        ).fetchall()
    )
    result: dict[str, Table] = {}
    for name, comment, is_view in sorted(relations, key=lambda row: (row[2], _table_order(row[0]))):
        columns = con.execute(
            """
            SELECT column_name, data_type, is_nullable, coalesce(comment, '')
            FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index
            """,
            [name],
        ).fetchall()
        result[name] = Table(
            name=name,
            comment=comment or "",
            columns=tuple(Column(c, t, bool(n), doc) for c, t, n, doc in columns),
            primary_key=tuple(keys.get(name, ())),
            is_view=is_view,
        )
    return result


def _table_order(name: str) -> tuple[int, str]:
    """Tables in the order the schema files declare them, so documentation reads top-down."""
    text = schema_sql() + build_sql()
    position = text.find(f" {name} ")
    return (position if position >= 0 else len(text), name)
