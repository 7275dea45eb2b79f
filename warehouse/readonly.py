"""The one way newsdesk opens the warehouse for reading: read-only, sandboxed and locked.

`newsdesk sql`, `newsdesk status`, `newsdesk export` and the dashboard all read through
`open_read_only`. The database file is ATTACHed READ_ONLY to an in-memory DuckDB, which is then
closed to the outside world before any query runs:

* `enable_external_access = false`: no other file, URL or database can be read, written or
  attached (`read_text('/etc/shadow')`, `COPY ... TO 'data/warehouse.duckdb'`, `ATTACH` of a
  hard link READ_WRITE all fail). Tables and views stored inside the attached file still read
  as usual: no newsdesk view reads a path.
* no extension is installed or loaded, automatically or by `INSTALL`/`LOAD` (a URL in a query
  cannot make DuckDB download httpfs);
* `lock_configuration = true`: a query cannot `SET` any of this back.

ATTACH rather than `duckdb.connect(path)`: DuckDB caches databases opened by path within a
process, so a second `connect(path)` after a run swapped the file in would hand back the old
version, and one with another configuration would fail.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

ALIAS = "warehouse"

# Settings given when the in-memory database starts: extensions never come from the network.
_STARTUP = {
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
}


def open_read_only(database: Path, output: Path | None = None, locked: bool = True) -> duckdb.DuckDBPyConnection:
    """A connection whose default catalog is `database`, attached read-only.

    `output`: the one file queries may write (`export` copies into its temporary file); every
    other path stays closed. `locked=False` (`newsdesk sql --unsafe`) keeps the warehouse
    read-only but leaves file, network and extension access as DuckDB has them by default.
    """
    con = duckdb.connect(":memory:", config=dict(_STARTUP) if locked else {})
    try:
        con.execute(f"ATTACH {_literal(database)} AS {ALIAS} (READ_ONLY)")
        con.execute(f"USE {ALIAS}")
        if locked:
            _lock(con, output)
    except BaseException:
        con.close()
        raise
    return con


def _lock(con: duckdb.DuckDBPyConnection, output: Path | None) -> None:
    if output is not None:
        con.execute("SET allowed_paths = ?", [[str(output)]])
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")


def _literal(path: Path) -> str:
    """`path` as a SQL string literal (ATTACH takes no parameters)."""
    return "'" + str(path).replace("'", "''") + "'"
