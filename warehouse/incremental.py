"""The build and the checks of a publish, restricted to what the run brought, at a cost that does
not grow with the warehouse.

The build SQL (warehouse/build/*.sql) recomputes whole tables from the per-article tables
(`DELETE FROM actors; INSERT INTO actors ...`) and updates others (`UPDATE source_files ...`);
the checks (warehouse/quality.py) read whole tables. On a warehouse that already holds the
published state (a standby file or a copy, built and checked by the code that runs now), both
are redone only where the runs applied can have changed something:

* while the runs' parts are applied (warehouse/publish.py), the rows each upsert writes are kept
  in temporary tables `_delta_<table>` (`capture`: the current version of every row the runs
  wrote; rows of a re-extracted article are dropped with it), and the keys the parts name in
  `_touched(kind, key)` (`record_parts`): the first primary-key column of every row and the
  *entity* columns (the key column of each rebuilt table: actor_id, event_id, agreement_id).
  The entities named by the rows a re-extracted article loses go to `_lost(kind, key)`
  (`record_replaced`). Parts of the rebuilt tables themselves are not applied: the build
  recomputes those rows from the per-article tables.
* `build` runs the unchanged build SQL in a scratch in-memory database. Its per-article tables
  hold the runs' rows (`_delta_*`) and, for the entities that need them (`_full`), every other
  row naming them; its articles are those rows' articles (without their text). An entity's row
  is then recomputed from its rows, or *merged* (`MERGEABLE`):
  - merged: tables whose every value column is a count, a sum, a minimum or a maximum over the
    articles naming the key (actor_variants, actor_aliases, actor_offices). The runs' rows give
    partial rows, which are added to the published rows of the same keys. Exact because the runs'
    articles are not among those the published rows count (an article stored before and
    re-extracted lost its rows first, and the entities they named are recomputed in full).
    actors is computed from actor_variants alone, so an actor's row costs a few variant rows,
    whatever the number of articles naming it;
  - recomputed in full (the `_full` entities): entities that lost rows (re-extracted articles),
    and entities of a table that cannot be merged (events, agreements) that existed before the
    runs. Those read every row naming them (a filtered scan of the per-article tables): an event
    or agreement reported again costs in proportion to its mentions, a re-extraction in proportion
    to the mentions of the entities the article named. A new entity (an event id the published
    `events` does not hold: `VOUCHED`) has no rows but the runs'.
  The result replaces those entities' rows in the warehouse; views are not recreated (the code
  that made them is the code that runs: `code_hash`). Each rebuilt table groups by its key, so
  this is the full build's result (tests/test_incremental_build.py compares them); agreements,
  which fold an undated id into the dated one with the same type and parties, take every id
  sharing a touched id's type and parties, and are always recomputed in full.
* `scoped_checks` runs each check on the rows the runs wrote to its table (`_delta_<table>`,
  the rebuilt rows included); the tables a check refers to (articles, actors) are narrowed to
  the rows those rows name. The rows not written passed when they were written.

A rebuild from the lake runs the full build and the full checks.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Set as AbstractSet
from functools import lru_cache

import duckdb
import pyarrow as pa

from warehouse import schema
from warehouse.quality import run_checks
from warehouse.schema import Table, stored_tables

TOUCHED = "_touched"
LOST = "_lost"
FULL = "_full"
_SCOPE = "_scope"
_DML = {"StatementType.INSERT", "StatementType.DELETE", "StatementType.UPDATE"}
_LITERAL_KEYS = 2000  # up to this many keys, a lookup by key is written as a list (DuckDB then uses the key's index)

# Rebuilt tables maintained by merging: value column -> how two partial rows combine. Every other
# column is part of the row's key. Only counts over the articles naming the key, sums, minimums
# and maximums belong here (see the module docstring).
MERGEABLE: dict[str, dict[str, str]] = {
    "actor_variants": {"article_count": "sum", "mention_count": "sum", "first_seen": "min", "last_seen": "max"},
    "actor_aliases": {"mention_count": "sum", "article_count": "sum", "first_seen": "min", "last_seen": "max"},
    "actor_offices": {"first_seen": "min", "last_seen": "max", "article_count": "sum"},
}
# Entity column -> the rebuilt table that has a row for every value its per-article rows name (so
# an id it lacks has no stored rows yet). Agreements have none: an undated id folds into another.
VOUCHED: dict[str, str] = {"event_id": "events"}


@lru_cache(maxsize=4)
def _statements(sql: str) -> tuple[tuple[str, str], ...]:
    return tuple((str(statement.type), statement.query) for statement in duckdb.extract_statements(sql))


def _code(query: str) -> str:
    return re.sub(r"--[^\n]*", "", query)


def _targets(kind: str) -> list[str]:
    return list(_targets_in(kind, schema.build_sql()))


@lru_cache(maxsize=8)
def _targets_in(kind: str, sql: str) -> tuple[str, ...]:
    """Tables the build statements of this kind (`DELETE FROM x;`, `UPDATE x`) write."""
    pattern = {"delete": r"^\s*DELETE\s+FROM\s+(\w+)\s*;?\s*$", "update": r"^\s*UPDATE\s+(\w+)"}[kind]
    names: list[str] = []
    for statement_type, query in _statements(sql):
        match = re.search(pattern, _code(query), flags=re.IGNORECASE | re.DOTALL)
        if statement_type.endswith(kind.upper()) and match and match.group(1) not in names:
            names.append(match.group(1))
    return tuple(names)


def _insert_target(query: str) -> str | None:
    match = re.match(r"\s*INSERT\s+INTO\s+(\w+)", _code(query), flags=re.IGNORECASE)
    return match.group(1) if match else None


def _named_tables(query: str) -> set[str]:
    code = _code(query)
    return {name for name in stored_tables() if re.search(rf"\b{name}\b", code)}


def _read_by_build() -> frozenset[str]:
    return _read_by(schema.build_sql())


@lru_cache(maxsize=4)
def _read_by(sql: str) -> frozenset[str]:
    """Tables named in the build's INSERT, DELETE and UPDATE statements."""
    names: set[str] = set()
    for kind, query in _statements(sql):
        if kind in _DML:
            names |= _named_tables(query)
    return frozenset(names)


def _views_read_by_build() -> frozenset[str]:
    return _views_read_by(schema.build_sql())


@lru_cache(maxsize=4)
def _views_read_by(sql: str) -> frozenset[str]:
    """The build's CREATE VIEW statements whose view a build INSERT, DELETE or UPDATE reads."""
    statements = _statements(sql)
    dml = " ".join(_code(query) for kind, query in statements if kind in _DML)
    views = set()
    for kind, query in statements:
        match = re.match(r"\s*CREATE\s+(?:OR\s+REPLACE\s+)?VIEW\s+(\w+)", _code(query), flags=re.IGNORECASE)
        if kind.endswith("CREATE") and match and re.search(rf"\b{match.group(1)}\b", dml):
            views.add(query)
    return frozenset(views)


def rebuilt_tables() -> dict[str, str]:
    """Tables the build recomputes whole (`DELETE FROM x;` then INSERT), by their key column."""
    tables = stored_tables()
    return {name: tables[name].primary_key[0] for name in _targets("delete")}


def entity_columns() -> set[str]:
    return set(rebuilt_tables().values())


def merged_entities() -> frozenset[str]:
    """Entity columns whose rebuilt tables are all merged, or computed from rebuilt tables only:
    a touched entity of these is never recomputed from all its rows unless it lost some."""
    return _merged_entities(schema.build_sql())


@lru_cache(maxsize=4)
def _merged_entities(sql: str) -> frozenset[str]:
    tables = stored_tables()
    reads: dict[str, set[str]] = {}
    for _, query in _statements(sql):
        target = _insert_target(query)
        if target is not None:
            reads.setdefault(target, set()).update(_named_tables(query) - {target})
    merged = set()
    for entity in entity_columns():
        targets = [name for name, key in rebuilt_tables().items() if key == entity]
        if all(
            name in MERGEABLE or not any(tables[read].is_per_article for read in reads.get(name, ()))
            for name in targets
        ):
            merged.add(entity)
    return frozenset(merged)


def start(con: duckdb.DuckDBPyConnection) -> None:
    """Track what the parts applied from here on touch and write (see the module docstring).

    The work is small from here on (statements over the runs' rows, lookups by key): one DuckDB
    thread. A second one costs more in hand-offs than it saves, and much more when the machine is
    busy (docs/scaling.md)."""
    con.execute("SET threads = 1")
    con.execute(f"CREATE OR REPLACE TEMP TABLE {TOUCHED} (kind VARCHAR, key VARCHAR)")
    con.execute(f"CREATE OR REPLACE TEMP TABLE {LOST} (kind VARCHAR, key VARCHAR)")
    for name in stored_tables():
        con.execute(f"CREATE OR REPLACE TEMP TABLE {_delta(name)} AS SELECT * FROM {name} LIMIT 0")


def tracking(con: duckdb.DuckDBPyConnection) -> bool:
    rows = con.execute(f"SELECT count(*) FROM duckdb_tables() WHERE table_name = '{TOUCHED}' AND temporary").fetchall()
    return bool(rows[0][0])


def _delta(name: str) -> str:
    return f"temp.main._delta_{name}"


def _record(con: duckdb.DuckDBPyConnection, into: str, columns: list[str], source: str) -> None:
    if columns:
        selects = " UNION ".join(f"SELECT '{column}', \"{column}\"::VARCHAR FROM {source}" for column in columns)
        con.execute(f"INSERT INTO {into} {selects}")


def record_replaced(con: duckdb.DuckDBPyConnection, table: Table, entities: set[str]) -> None:
    """Before a re-extracted article's rows are deleted: the entities they named are touched and
    lost (recomputed from all their rows); rows a run of this publish wrote for it are dropped."""
    columns = [column for column in table.column_names if column in entities]
    source = f"{table.name} WHERE article_id IN (SELECT article_id FROM _article_owner)"
    _record(con, TOUCHED, columns, source)
    _record(con, LOST, columns, source)
    con.execute(f"DELETE FROM {_delta(table.name)} WHERE article_id IN (SELECT article_id FROM _article_owner)")


def record_parts(con: duckdb.DuckDBPyConnection, table: Table, entities: set[str]) -> None:
    """The registered `_parts` of a table: their first key column and the entities they name."""
    columns = [table.primary_key[0]] + [c for c in table.column_names if c in entities and c != table.primary_key[0]]
    _record(con, TOUCHED, columns, "_parts")


def capture(con: duckdb.DuckDBPyConnection, table: Table, rows: pa.Table) -> None:
    """Keep the rows an upsert wrote (its RETURNING rows) as the current version of those keys."""
    delta = _delta(table.name)
    con.register("_returned", rows)
    try:
        if not table.is_per_article:  # an older version of the same key, written by an earlier run
            match = " AND ".join(f'd."{key}" = r."{key}"' for key in table.primary_key)
            con.execute(f"DELETE FROM {delta} AS d WHERE EXISTS (SELECT 1 FROM _returned AS r WHERE {match})")
        con.execute(f"INSERT INTO {delta} SELECT * FROM _returned")
    finally:
        con.unregister("_returned")


def _touched(kind: str, table: str = TOUCHED) -> str:
    return f"(SELECT key FROM {table} WHERE kind = '{kind}')"


def key_list(con: duckdb.DuckDBPyConnection, query: str) -> str:
    """`query` (one column) as a SQL list of literals when short, so that a filter on a table's
    one-column primary key (or another indexed column) becomes an index lookup instead of a scan;
    else the subquery. Only for such columns: on others a long list is slower than the subquery."""
    rows = con.execute(f"SELECT DISTINCT * FROM ({query}) LIMIT {_LITERAL_KEYS + 1}").fetchall()
    if len(rows) > _LITERAL_KEYS:
        return f"({query})"
    if not rows:
        return "(NULL)"
    return "(" + ", ".join("'" + str(row[0]).replace("'", "''") + "'" for row in rows) + ")"


def _expand_agreements(con: duckdb.DuckDBPyConnection) -> None:
    """Agreement ids that may resolve into each other (same type and parties) go together."""
    if "agreements" not in rebuilt_tables() or "agreement_mentions" not in stored_tables():
        return
    if con.execute(f"SELECT count(*) FROM {TOUCHED} WHERE kind = 'agreement_id'").fetchall()[0][0]:
        con.execute(
            f"INSERT INTO {TOUCHED} SELECT DISTINCT 'agreement_id', other.agreement_id "
            "FROM agreement_mentions AS other JOIN agreement_mentions AS touched "
            "ON other.type IS NOT DISTINCT FROM touched.type AND other.parties_key IS NOT DISTINCT FROM touched.parties_key "
            f"WHERE touched.agreement_id IN {_touched('agreement_id')}"
        )


def _select_full(con: duckdb.DuckDBPyConnection) -> None:
    """`_full(kind, key)`: the entities recomputed from every row naming them."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE {FULL} AS SELECT DISTINCT kind, key FROM {LOST}")
    merged = merged_entities()
    for entity in sorted(entity_columns() - merged):
        vouched = VOUCHED.get(entity)
        if vouched is None:  # every touched id
            con.execute(f"INSERT INTO {FULL} SELECT DISTINCT kind, key FROM {TOUCHED} WHERE kind = '{entity}'")
        else:  # the touched ids that had rows before the runs (an index lookup in the vouching table)
            keys = key_list(con, f"SELECT key FROM {TOUCHED} WHERE kind = '{entity}'")
            con.execute(
                f'INSERT INTO {FULL} SELECT DISTINCT \'{entity}\', "{entity}" FROM {vouched} WHERE "{entity}" IN {keys}'
            )


def build(con: duckdb.DuckDBPyConnection) -> None:
    """The build SQL for the touched entities only (see the module docstring)."""
    _expand_agreements(con)
    _select_full(con)
    tables = stored_tables()
    rebuilt = rebuilt_tables()
    entities = entity_columns()
    main = '"' + con.execute("SELECT current_database()").fetchall()[0][0].replace('"', '""') + '"'
    con.execute(f"ATTACH ':memory:' AS {_SCOPE}")
    try:
        needed = _read_by_build() | set(rebuilt) | set(_targets("update")) | {"articles"}
        for name in tables:
            if name in needed:  # no constraints: writing to the warehouse checks them
                con.execute(f"CREATE TABLE {_SCOPE}.{name} AS SELECT * FROM {name} LIMIT 0")
        full_rows = _scope_per_article_rows(con, needed - {"articles"}, entities)
        _scope_articles(con, needed, full_rows)
        for name in _targets("update"):  # every version of the paths the runs saw (an index lookup)
            key = tables[name].primary_key[0]
            keys = key_list(con, f"SELECT key FROM {TOUCHED} WHERE kind = '{key}'")
            con.execute(f'INSERT INTO {_SCOPE}.{name} SELECT * FROM {name} WHERE "{key}" IN {keys}')
        con.execute(f"USE {_SCOPE}")
        for statement_type, query in _statements(schema.build_sql()):
            if statement_type in _DML or query in _views_read_by_build():  # no comments, no marts
                con.execute(query)
            target = _insert_target(query) if statement_type in _DML else None
            if target in MERGEABLE:
                _merge(con, main, tables[target], rebuilt[target])
        con.execute(f"USE {main}")
        for name, key in rebuilt.items():
            if name in MERGEABLE:
                _write_merged(con, tables[name], key)
                continue
            keys = key_list(
                con, f"SELECT key FROM {TOUCHED} WHERE kind = '{key}' UNION SELECT \"{key}\" FROM {_SCOPE}.{name}"
            )
            con.execute(f'DELETE FROM {name} WHERE "{key}" IN {keys}')
            con.execute(f"INSERT INTO {name} SELECT * FROM {_SCOPE}.{name}")
        for name in _targets("update"):
            key = tables[name].primary_key[0]
            keys = key_list(con, f"SELECT key FROM {TOUCHED} WHERE kind = '{key}'")
            con.execute(f'DELETE FROM {name} WHERE "{key}" IN {keys}')
            con.execute(f"INSERT INTO {name} SELECT * FROM {_SCOPE}.{name}")
        for name in [*rebuilt, *_targets("update")]:  # the rows written, for the checks
            con.execute(f"DELETE FROM {_delta(name)}")
            con.execute(
                f"INSERT INTO {_delta(name)} SELECT * FROM {_SCOPE}.{name} AS s WHERE {_written(tables[name], 's')}"
            )
    finally:
        con.execute(f"USE {main}")
        con.execute(f"DETACH {_SCOPE}")


def _scope_per_article_rows(con: duckdb.DuckDBPyConnection, names: AbstractSet[str], entities: set[str]) -> bool:
    """Copy the runs' rows of the per-article tables the build reads into the scratch database,
    and every other row naming an entity of `_full`; return whether any such row was wanted."""
    full_kinds = {row[0] for row in con.execute(f"SELECT DISTINCT kind FROM {FULL}").fetchall()}
    wanted = False
    for name, table in stored_tables().items():
        if not table.is_per_article or name not in names:
            continue
        con.execute(f"INSERT INTO {_SCOPE}.{name} SELECT * FROM {_delta(name)}")
        named = [column for column in table.column_names if column in entities and column in full_kinds]
        if named:  # a filtered scan: only for re-extractions and entities reported again
            wanted = True
            where = " OR ".join(f'"{column}" IN {_touched(column, FULL)}' for column in named)
            con.execute(  # the runs' articles: their rows are all in the delta
                f"INSERT INTO {_SCOPE}.{name} SELECT * FROM {name} "
                f"WHERE ({where}) AND article_id NOT IN (SELECT article_id FROM {_delta('articles')})"
            )
    return wanted


def _scope_articles(con: duckdb.DuckDBPyConnection, names: AbstractSet[str], full_rows: bool) -> None:
    """The articles of the scratch rows, without their text (the build does not read it: the
    equality test would tell): the runs' own from `_delta_articles`, the others looked up."""
    scoped = [name for name, table in stored_tables().items() if table.is_per_article and name in names]
    if not scoped:
        return
    ids = " UNION ".join(f"SELECT article_id FROM {_SCOPE}.{name}" for name in scoped)
    con.execute(
        f"INSERT INTO {_SCOPE}.articles SELECT * REPLACE ('' AS text) FROM {_delta('articles')} "
        f"WHERE article_id IN ({ids})"
    )
    if full_rows:
        con.execute(
            f"INSERT INTO {_SCOPE}.articles SELECT * REPLACE ('' AS text) FROM articles "
            f"WHERE article_id IN ({ids}) AND article_id NOT IN (SELECT article_id FROM {_SCOPE}.articles)"
        )


def _merge(con: duckdb.DuckDBPyConnection, main: str, table: Table, entity: str) -> None:
    """In the scratch database: add the published rows of the touched entities not in `_full` to
    the partial rows the runs' rows gave (the current database is the scratch one). Which rows
    the runs' rows add to is kept for `_write_merged` in `_merged_<table>(key..., changed,
    published)`."""
    operations = MERGEABLE[table.name]
    types = {column.name: column.sql_type for column in table.columns}
    group = ", ".join(f'"{name}"' for name in table.column_names if name not in operations)
    values = ", ".join(f'{operations[name]}("{name}")::{types[name]} AS "{name}"' for name in operations)
    grown = f"(SELECT key FROM {TOUCHED} WHERE kind = '{entity}' EXCEPT SELECT key FROM {FULL} WHERE kind = '{entity}')"
    columns = ", ".join(f'"{name}"' for name in table.column_names)
    keys = ", ".join(f'"{name}"' for name in table.primary_key)
    published = f'SELECT * FROM {main}.main.{table.name} WHERE "{entity}" IN {grown}'
    if table.name not in _read_by_others():  # only the published rows of the keys the runs add to
        published = f"SELECT * FROM ({published}) SEMI JOIN {table.name} AS p USING ({keys})"
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE _merging AS SELECT {group}, {values}, "
        "bool_or(_computed) AS _changed, bool_or(NOT _computed) AS _published FROM ("
        f"SELECT *, true AS _computed FROM {table.name} UNION ALL SELECT *, false FROM ({published})"
        f") GROUP BY {group}"
    )
    con.execute(f"DELETE FROM {table.name}")
    con.execute(f"INSERT INTO {table.name} SELECT {columns} FROM _merging")
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {_merged(table.name)} AS SELECT {keys}, _changed, _published FROM _merging"
    )
    con.execute("DROP TABLE _merging")


def _read_by_others() -> frozenset[str]:
    """Rebuilt tables another build statement reads (actors reads actor_variants): the scratch
    database must hold all their rows of an entity."""
    return _read_by_others_in(schema.build_sql())


@lru_cache(maxsize=4)
def _read_by_others_in(sql: str) -> frozenset[str]:
    read = set()
    for kind, query in _statements(sql):
        target = _insert_target(query) if kind in _DML else None
        if target is not None:
            read |= _named_tables(query) - {target}
    return frozenset(read)


def _merged(name: str) -> str:
    return f"temp.main._merged_{name}"


def _write_merged(con: duckdb.DuckDBPyConnection, table: Table, entity: str) -> None:
    """Write a merged table's scratch rows to the warehouse: the rows of the `_full` entities
    replace theirs; of the others, a published row the runs added to is updated in place (no
    index work: the key does not change), a new one inserted, the rest left alone."""
    keys = table.primary_key
    match = " AND ".join(f's."{key}" = m."{key}"' for key in keys)
    values = ", ".join(f'"{name}" = s."{name}"' for name in table.column_names if name not in keys)
    rows = f"{_SCOPE}.{table.name} AS s JOIN {_merged(table.name)} AS m ON {match}"
    con.execute(f"DELETE FROM {table.name} WHERE \"{entity}\" IN (SELECT key FROM {FULL} WHERE kind = '{entity}')")
    into = " AND ".join(f't."{key}" = s."{key}"' for key in keys)
    con.execute(
        f"UPDATE {table.name} AS t SET {values} FROM (SELECT s.* FROM {rows} WHERE m._changed AND m._published) AS s "
        f"WHERE {into}"
    )
    con.execute(f"INSERT INTO {table.name} SELECT s.* FROM {rows} WHERE m._changed AND NOT m._published")


def _written(table: Table, alias: str) -> str:
    """A condition on `alias` (a scratch row of a rebuilt table): the build wrote it."""
    if table.name not in MERGEABLE:
        return "true"
    match = " AND ".join(f'm."{key}" = {alias}."{key}"' for key in table.primary_key)
    return f"EXISTS (SELECT 1 FROM {_merged(table.name)} AS m WHERE {match} AND m._changed)"


def code_hash() -> str:
    """What the derived rows and the checks depend on besides the data: when it changes, the next
    publish builds and checks everything."""
    from warehouse.quality import quality_checks

    text = (
        schema.build_sql()
        + "\n".join(query for _, query in quality_checks())
        + repr(sorted((name, sorted(spec.items())) for name, spec in MERGEABLE.items()))
        + repr(sorted(VOUCHED.items()))
    )
    return hashlib.sha256(text.encode()).hexdigest()


def scoped_checks(con: duckdb.DuckDBPyConnection):  # type: ignore[no-untyped-def]
    """The quality checks, each on the rows this publish wrote to its table (`_delta_<table>`);
    a table the check refers to (articles in `article_id NOT IN (SELECT article_id FROM
    articles)`) is narrowed to the rows whose key the written rows name."""
    tables = stored_tables()
    narrowed: dict[str, str] = {}

    def written(name: str) -> str:
        return _delta(name)

    def referenced(name: str) -> str:
        if name not in narrowed:
            key = tables[name].primary_key[0]
            sources = [
                f'SELECT "{column}" FROM {_delta(other)}'
                for other, table in tables.items()
                if other != name
                for column in table.column_names
                if column == key or column.endswith(f"_{key}")
            ]
            narrowed[name] = f"_referenced_{name}"
            keys = key_list(con, " UNION ".join(sources)) if sources else "(NULL)"
            con.execute(
                f'CREATE OR REPLACE TEMP TABLE {narrowed[name]} AS SELECT * FROM {name} WHERE "{key}" IN {keys}'
            )
        return narrowed[name]

    def scope(query: str) -> str:
        first = re.search(r"\bFROM\s+(\w+)", query)
        if not first or first.group(1) not in tables:
            return query
        checked = first.group(1)
        mentioned = [m.group(1) for m in re.finditer(r"\b(?:FROM|JOIN)\s+(\w+)", query) if m.group(1) in tables]
        if mentioned.count(checked) > 1:  # a check comparing rows of one table: on all of them
            return query

        def replace(match: re.Match[str]) -> str:
            name = match.group(2)
            if name not in tables:
                return match.group(0)
            relation = written(name) if name == checked else referenced(name)
            alias = "" if match.group(3) else f" AS {name}"
            return f"{match.group(1)} {relation}{alias}{match.group(3) or ''}"

        return re.sub(r"\b(FROM|JOIN)\s+(\w+)(\s+AS\b)?", replace, query)

    try:
        return run_checks(con, scope)
    finally:
        for copy in narrowed.values():
            con.execute(f"DROP TABLE IF EXISTS {copy}")
