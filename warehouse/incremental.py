"""The build and the checks of a publish, restricted to what the run touched.

The build SQL (warehouse/build/*.sql) recomputes whole tables from the per-article tables
(`DELETE FROM actors; INSERT INTO actors ...`) and updates others (`UPDATE source_files ...`);
the checks (warehouse/quality.py) read whole tables. On a warehouse that already holds the
published state, both are redone only where the run can have changed something:

* while the run's parts are applied (`record_parts`, `record_replaced`), the keys they touch are
  recorded in a temporary table `_touched(kind, key)`: the first primary-key column of every row
  upserted, and the entity columns (the key column of each rebuilt table: actor_id, event_id,
  agreement_id) of the rows written and of the rows a re-extracted article loses;
* `build` runs the unchanged build SQL in a scratch database holding only the rows the touched
  entities are computed from (every row of the per-article tables that names one of them, their
  articles, every version of the touched source files), then replaces those entities' rows in the
  warehouse with the result; views are created in the warehouse itself. Each rebuilt table groups
  by its key (majority votes, first and last dates, counts), so an entity's row depends only on
  the rows that name it: the result is the full build's (tests/test_incremental_build.py);
  agreements are the one cross-key rule (an undated agreement folds into the dated one with the
  same type and parties), so every agreement id sharing a touched id's type and parties is
  touched too;
* `scoped_checks` runs each check on the rows of its table the run touched (the rows written,
  the entities rebuilt); the rows it did not touch passed when they were written.

Cost: in proportion to the run and to the mentions of the entities it touches (an actor named in
many articles is recomputed from all of them), not to the warehouse. A rebuild from the lake
runs the full build and the full checks.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import duckdb

from warehouse import schema
from warehouse.quality import run_checks
from warehouse.schema import Table, schema_sql, stored_tables

TOUCHED = "_touched"
_SCOPE = "_scope"
_DML = {"StatementType.INSERT", "StatementType.DELETE", "StatementType.UPDATE"}


@lru_cache(maxsize=4)
def _statements(sql: str) -> tuple[tuple[str, str], ...]:
    return tuple((str(statement.type), statement.query) for statement in duckdb.extract_statements(sql))


def _targets(kind: str) -> list[str]:
    return list(_targets_in(kind, schema.build_sql()))


@lru_cache(maxsize=8)
def _targets_in(kind: str, sql: str) -> tuple[str, ...]:
    """Tables the build statements of this kind (`DELETE FROM x;`, `UPDATE x`) write."""
    pattern = {"delete": r"^\s*DELETE\s+FROM\s+(\w+)\s*;?\s*$", "update": r"^\s*UPDATE\s+(\w+)"}[kind]
    names: list[str] = []
    for statement_type, query in _statements(sql):
        code = re.sub(r"--[^\n]*", "", query)
        match = re.search(pattern, code, flags=re.IGNORECASE | re.DOTALL)
        if statement_type.endswith(kind.upper()) and match and match.group(1) not in names:
            names.append(match.group(1))
    return tuple(names)


def _read_by_build() -> set[str]:
    """Tables named in the build's INSERT, DELETE and UPDATE statements."""
    code = " ".join(re.sub(r"--[^\n]*", "", query) for kind, query in _statements(schema.build_sql()) if kind in _DML)
    return {name for name in stored_tables() if re.search(rf"\b{name}\b", code)}


def rebuilt_tables() -> dict[str, str]:
    """Tables the build recomputes whole (`DELETE FROM x;` then INSERT), by their key column."""
    tables = stored_tables()
    return {name: tables[name].primary_key[0] for name in _targets("delete")}


def entity_columns() -> set[str]:
    return set(rebuilt_tables().values())


def start(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"CREATE OR REPLACE TEMP TABLE {TOUCHED} (kind VARCHAR, key VARCHAR)")


def tracking(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(
        con.execute(f"SELECT count(*) FROM duckdb_tables() WHERE table_name = '{TOUCHED}' AND temporary").fetchall()[0][
            0
        ]
    )


def _record(con: duckdb.DuckDBPyConnection, columns: list[str], source: str) -> None:
    if columns:
        selects = " UNION ".join(f"SELECT '{column}', \"{column}\"::VARCHAR FROM {source}" for column in columns)
        con.execute(f"INSERT INTO {TOUCHED} {selects}")


def record_replaced(con: duckdb.DuckDBPyConnection, table: Table, entities: set[str]) -> None:
    """Before a re-extracted article's rows are deleted: the entities they named."""
    columns = [column for column in table.column_names if column in entities]
    _record(con, columns, f"{table.name} WHERE article_id IN (SELECT article_id FROM _article_owner)")


def record_parts(con: duckdb.DuckDBPyConnection, table: Table, entities: set[str]) -> None:
    """The registered `_parts` of a table: their first key column and the entities they name."""
    columns = [table.primary_key[0]] + [c for c in table.column_names if c in entities and c != table.primary_key[0]]
    _record(con, columns, "_parts")


def _touched(kind: str) -> str:
    return f"(SELECT key FROM {TOUCHED} WHERE kind = '{kind}')"


def _expand_agreements(con: duckdb.DuckDBPyConnection) -> None:
    """Agreement ids that may resolve into each other (same type and parties) go together."""
    if "agreements" in rebuilt_tables() and "agreement_mentions" in stored_tables():
        con.execute(
            f"INSERT INTO {TOUCHED} SELECT DISTINCT 'agreement_id', other.agreement_id "
            "FROM agreement_mentions AS other JOIN agreement_mentions AS touched "
            "ON other.type IS NOT DISTINCT FROM touched.type AND other.parties_key IS NOT DISTINCT FROM touched.parties_key "
            f"WHERE touched.agreement_id IN {_touched('agreement_id')}"
        )


def build(con: duckdb.DuckDBPyConnection) -> None:
    """The build SQL for the touched entities only (see the module docstring); views in full."""
    _expand_agreements(con)
    tables = stored_tables()
    entities = entity_columns()
    main = '"' + con.execute("SELECT current_database()").fetchall()[0][0].replace('"', '""') + '"'
    con.execute(f"ATTACH ':memory:' AS {_SCOPE}")
    try:
        con.execute(f"USE {_SCOPE}")
        con.execute(schema_sql())
        con.execute(f"USE {main}")
        selected = []
        read = _read_by_build()
        for name, table in tables.items():
            if not table.is_per_article or name not in read:
                continue
            named = [column for column in table.column_names if column in entities]
            if named:
                where = " OR ".join(f'"{column}" IN {_touched(column)}' for column in named)
                con.execute(f"INSERT INTO {_SCOPE}.{name} SELECT * FROM {name} WHERE {where}")
                selected.append(name)
        for name in _targets("update"):
            key = tables[name].primary_key[0]
            con.execute(f'INSERT INTO {_SCOPE}.{name} SELECT * FROM {name} WHERE "{key}" IN {_touched(key)}')
        if selected:
            ids = " UNION ".join(f"SELECT article_id FROM {_SCOPE}.{name}" for name in selected)
            # Without their text, which the build does not read (the equality test would tell).
            con.execute(
                f"INSERT INTO {_SCOPE}.articles SELECT * REPLACE ('' AS text) FROM articles WHERE article_id IN ({ids})"
            )
        con.execute(f"USE {_SCOPE}")
        for _, query in _statements(schema.build_sql()):
            con.execute(query)
        con.execute(f"USE {main}")
        for name, key in rebuilt_tables().items():
            con.execute(
                f'DELETE FROM {name} WHERE "{key}" IN {_touched(key)} OR "{key}" IN (SELECT "{key}" FROM {_SCOPE}.{name})'
            )
            con.execute(f"INSERT INTO {name} SELECT * FROM {_SCOPE}.{name}")
        for name in _targets("update"):
            key = tables[name].primary_key[0]
            con.execute(f'DELETE FROM {name} WHERE "{key}" IN {_touched(key)}')
            con.execute(f"INSERT INTO {name} SELECT * FROM {_SCOPE}.{name}")
        for statement_type, query in _statements(schema.build_sql()):
            if statement_type not in _DML:  # views and their comments
                con.execute(query)
    finally:
        con.execute(f"USE {main}")
        con.execute(f"DETACH {_SCOPE}")


def code_hash() -> str:
    """What the derived rows and the checks depend on besides the data: when it changes, the next
    publish builds and checks everything."""
    from warehouse.quality import quality_checks

    text = schema.build_sql() + "\n".join(query for _, query in quality_checks())
    return hashlib.sha256(text.encode()).hexdigest()


def scoped_checks(con: duckdb.DuckDBPyConnection):  # type: ignore[no-untyped-def]
    """The quality checks, each on the rows of its table this run touched (copied once per table
    into a temporary table, so that each check does not scan the whole table again)."""
    tables = stored_tables()
    rebuilt = rebuilt_tables()
    copies: dict[str, str] = {}

    def touched_rows(table: Table) -> str:
        if table.name not in copies:
            key = "article_id" if table.is_per_article else rebuilt.get(table.name, table.primary_key[0])
            copies[table.name] = f"_checked_{table.name}"
            con.execute(
                f"CREATE OR REPLACE TEMP TABLE {copies[table.name]} AS "
                f'SELECT * FROM {table.name} WHERE "{key}" IN {_touched(key)}'
            )
        return copies[table.name]

    def scope(query: str) -> str:
        match = re.search(r"\bFROM\s+(\w+)(\s+AS\b)?", query)
        if not match or match.group(1) not in tables:
            return query
        table = tables[match.group(1)]
        alias = " AS" if match.group(2) else f" AS {table.name}"
        return query[: match.start()] + f"FROM {touched_rows(table)}{alias}" + query[match.end() :]

    try:
        return run_checks(con, scope)
    finally:
        for copy in copies.values():
            con.execute(f"DROP TABLE IF EXISTS {copy}")
