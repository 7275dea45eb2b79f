"""The published database file and the write-ahead log other programs may leave beside it.

newsdesk never writes the published file in place: it copies it, builds on the copy and swaps
the copy in. The file is meant to be opened read-only (`duckdb -readonly`, `read_only=True`).
A program that opens it read-write anyway and dies (the DuckDB CLI killed, a crashed notebook)
leaves `<database>.wal`, its changes not yet checkpointed into the file. DuckDB replays such a
WAL only into the file it was written for: beside a newly swapped-in file it refuses to open
anything. So publishing replays a foreign WAL into its copy (copying the file and its WAL
together), and removes the WAL before the swap: no new file ever sits beside an old WAL.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from pathlib import Path

import duckdb

from warehouse.lock import WarehouseBusy

# The storage format published files are written in. duckdb 2.0 writes format 69 by default,
# which the DuckDB CLI on PyPI (duckdb-cli 1.5.x) and every 1.x client refuse to open; written
# as v1.5.0 the file opens in them and in duckdb 2.0 alike (tests/test_read_only.py).
STORAGE_COMPATIBILITY = "v1.5.0"

READ_ONLY_HINT = (
    "the published warehouse is read-only: open it with `duckdb -readonly` or `duckdb.connect(path, read_only=True)`"
)


class DatabaseOpenForWriting(WarehouseBusy):
    """Another program holds the published file open read-write (DuckDB's exclusive lock)."""


class UnusableWal(RuntimeError):
    """A WAL beside the published file that DuckDB cannot replay into it."""


def wal_path(database: Path) -> Path:
    return database.with_name(database.name + ".wal")


def remove_database_files(database: Path) -> None:
    database.unlink(missing_ok=True)
    wal_path(database).unlink(missing_ok=True)


def refuse_if_open_for_writing(database: Path) -> None:
    """Raise if a live process holds the file open read-write: its WAL could grow while we copy,
    and whatever it writes after the swap would land beside the new file.

    DuckDB takes a POSIX record lock on the file, exclusive for read-write and shared for
    read-only, so a shared lock we cannot get means a writer; readers never stop a run.
    """
    try:
        descriptor = os.open(database, os.O_RDONLY)
    except FileNotFoundError:
        return
    try:
        fcntl.lockf(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        raise DatabaseOpenForWriting(
            f"another program has {database} open for writing; close it and run again ({READ_ONLY_HINT})"
        ) from None
    finally:
        os.close(descriptor)  # also releases the probe's lock


def check_readable(database: Path) -> None:
    """Raise a clear error, before a run changes anything, if the published file cannot be read:
    open by a writer, or beside a WAL that does not belong to it. A missing file is fine."""
    if not database.exists():
        return
    refuse_if_open_for_writing(database)
    try:
        with duckdb.connect(str(database), read_only=True) as con:  # replays a WAL in memory only
            con.execute("SELECT 1")
    except duckdb.Error as error:
        if wal_path(database).exists() and "WAL" in str(error):
            raise _unusable(database, error) from None
        raise


# Rows per row group while newsdesk writes. In the STORAGE_COMPATIBILITY format a checkpoint
# rewrites the last row group of every table a publish appended to: with DuckDB's default (122,880
# rows) that was the whole `articles` table, texts included, of a warehouse of 100,000 articles, at
# every publish; with 8,192 rows, up to 8,192 articles (0.05-0.06 s of CPU). With 2,048 it is at
# most 2,048 rows, and a table whose last group (written with a larger size) holds more gets a new
# group instead (docs/scaling.md, "Publishing at a cost independent of the warehouse").
ROW_GROUP_SIZE = 2048


def connect_writable(path: Path) -> duckdb.DuckDBPyConnection:
    """A read-write connection whose default catalog is the file, attached with ROW_GROUP_SIZE;
    a new file is written in the STORAGE_COMPATIBILITY format (an existing file keeps the format
    it has: see `stock_readable`)."""
    con = duckdb.connect(":memory:")
    try:
        literal = "'" + str(path).replace("'", "''") + "'"
        # STORAGE_VERSION only for a new file: DuckDB refuses to lower an existing file's version.
        version = "" if path.exists() else f"STORAGE_VERSION '{STORAGE_COMPATIBILITY}', "
        con.execute(f"ATTACH {literal} AS warehouse ({version}ROW_GROUP_SIZE {ROW_GROUP_SIZE})")
        con.execute("USE warehouse")
    except BaseException:
        con.close()
        raise
    return con


def stock_readable(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the connection's database file is in the STORAGE_COMPATIBILITY format (a file that
    an older newsdesk wrote in duckdb 2.0's own format is rebuilt rather than copied)."""
    # fetchall, not fetchone: duckdb 2.0 refuses further work on a connection with an unread result.
    rows = con.execute(
        "SELECT tags['storage_version'] FROM duckdb_databases() WHERE database_name = current_database()"
    ).fetchall()
    return rows == [(f"{STORAGE_COMPATIBILITY}+",)]


def copy_with_wal(database: Path, copy: Path) -> duckdb.DuckDBPyConnection:
    """A writable connection to a copy of `database`, holding whatever a foreign WAL beside it
    adds: the WAL is copied too and DuckDB replays and checkpoints it into the copy, leaving the
    published file and its WAL untouched until the swap."""
    remove_database_files(copy)
    shutil.copyfile(database, copy)
    wal = wal_path(database)
    if not wal.exists():
        return connect_writable(copy)
    shutil.copyfile(wal, wal_path(copy))
    try:
        con = connect_writable(copy)
    except duckdb.Error as error:
        raise _unusable(database, error) from None
    con.execute("CHECKPOINT")
    return con


def swap_in(copy: Path, database: Path) -> None:
    """Replace `database` by the finished, fsynced `copy`, and remove the old file's WAL first.

    The WAL goes (durably) before the rename: its changes are in the copy already, and a WAL
    left beside the new file would make DuckDB refuse it. A crash in between leaves the old file
    without its foreign, never-checkpointed changes: consistent, as of its last checkpoint.
    """
    wal = wal_path(database)
    if wal.exists():
        refuse_if_open_for_writing(database)  # a writer that came back since the copy
        wal.unlink()
        fsync(database.parent)
    os.replace(copy, database)
    fsync(database.parent)


def _unusable(database: Path, error: duckdb.Error) -> UnusableWal:
    wal = wal_path(database)
    return UnusableWal(
        f"{wal} cannot be replayed into {database} (DuckDB: {error}). It was left by a program that "
        f"wrote to an earlier version of the file; its changes cannot be recovered. Move it out of "
        f"the way and run again ({READ_ONLY_HINT})."
    )


def fsync(path: Path) -> None:
    """fsync a file, or a folder (so the entries renamed or removed in it are durable)."""
    flags = os.O_RDONLY | (os.O_DIRECTORY if path.is_dir() else 0)
    descriptor = os.open(path, flags)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
