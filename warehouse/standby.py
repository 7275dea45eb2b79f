"""Standby files: earlier published files, brought up to date by the next run instead of a copy.

Publishing never writes the published file in place (readers hold it open, and DuckDB lets no
other process open a file while one writes it): a run builds a new file and renames it over the
old one. Building it by copying the published file costs time in proportion to the warehouse.
So the file a swap replaces is kept, under a second name, as a *standby*:

    <name>.duckdb                        the published file (inode P)
    .<name>.duckdb.<run key>.standby     an earlier published file, as it was published
    .<name>.duckdb.files.json            the signature (inode, size, mtime) of each of those files

The next run takes the newest standby that no process holds open, renames it to its temporary
file, applies the lake runs the standby lacks (those the published file has and it does not:
usually one), then its own run, and swaps it in: work in proportion to the runs, not to the
warehouse. A standby is used only when every one of these holds, else the run copies the
published file as before:

- its signature is the one recorded when it was retired (nobody wrote to it since), no WAL is
  beside it, and it is not the published file itself (a hard link left by a crash);
- no process holds it open (`lock_holder`: DuckDB keeps a POSIX lock on every file it opens,
  shared for readers; readers of the previous version, such as a dashboard, keep it until they
  let go, which is why two standbys are kept);
- the published file is unchanged since its swap (its signature, no WAL beside it): a foreign
  writer's changes are kept by the copy, and would be lost on a standby;
- the standby's runs are all in the published file, and the ones it lacks are the newest
  committed runs of the lake, in order (none compacted away);
- for a publish that builds and checks only what its runs touch: the standby was published by
  the code that runs now (its derived rows and views are that code's; the manifest records the
  code of each file).

The signatures are written after each swap, atomically; a crash anywhere leaves at worst a file
that is not recorded or does not match, which is not used and is removed by recovery.
"""

from __future__ import annotations

import fcntl
import json
import os
import struct
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse.database_file import fsync, wal_path
from warehouse.layout import WarehouseLayout

STANDBYS_KEPT = 2  # the previous version may still be open (the dashboard keeps two); the one before is not
_SUFFIX = ".standby"


@dataclass(frozen=True)
class Signature:
    inode: int
    size: int
    modified_ns: int

    @classmethod
    def of(cls, path: Path) -> Signature | None:
        try:
            stat = path.stat()
        except FileNotFoundError:
            return None
        return cls(stat.st_ino, stat.st_size, stat.st_mtime_ns)


def manifest_path(layout: WarehouseLayout) -> Path:
    return layout.database.with_name(f".{layout.database.name}.files.json")


def standby_path(layout: WarehouseLayout, run_key: str) -> Path:
    """Where the file a run replaces is kept (named after the run that retired it)."""
    return layout.database.with_name(f".{layout.database.name}.{run_key}{_SUFFIX}")


def _read_manifest(layout: WarehouseLayout) -> tuple[Signature | None, dict[str, Signature]]:
    data = _manifest(layout)
    try:
        published = Signature(*data["published"]) if data.get("published") else None
        return published, {name: Signature(*signature) for name, signature in data.get("standbys", {}).items()}
    except (ValueError, TypeError, KeyError):
        return None, {}


def _manifest(layout: WarehouseLayout) -> dict:
    try:
        data = json.loads(manifest_path(layout).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def code_recorded(layout: WarehouseLayout, code: str) -> bool:
    """Whether the last swap was made by code that derives and checks rows as `code` does."""
    return _manifest(layout).get("code") == code


def standby_codes(layout: WarehouseLayout) -> dict[str, str]:
    """The code (incremental.code_hash) each standby was derived and checked by when published."""
    codes = _manifest(layout).get("standby_codes", {})
    return {name: code for name, code in codes.items() if isinstance(code, str)} if isinstance(codes, dict) else {}


def _write_manifest(
    layout: WarehouseLayout,
    published: Signature | None,
    standbys: dict[str, Signature],
    code: str | None = None,
    codes: dict[str, str] | None = None,
) -> None:
    path = manifest_path(layout)
    temporary = path.with_name(path.name + ".new")
    data = {
        "published": [published.inode, published.size, published.modified_ns] if published else None,
        "standbys": {name: [s.inode, s.size, s.modified_ns] for name, s in sorted(standbys.items())},
        "code": code,
        "standby_codes": {name: value for name, value in sorted((codes or {}).items()) if name in standbys},
    }
    with open(temporary, "w", encoding="utf-8") as handle:
        json.dump(data, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    fsync(path.parent)


def lock_holder(path: Path) -> int | None:
    """The pid of a process holding the file open (this one) or a POSIX lock on it (another: DuckDB
    locks every file it opens), 0 if unknown, None if none does. Linux only (/proc, open file
    description locks); elsewhere the file counts as held: never write what may be read."""
    if not hasattr(fcntl, "F_OFD_GETLK") or not os.path.isdir("/proc/self/fd"):
        return 0
    if _open_here(path):  # checked first: closing a descriptor of a file drops every POSIX lock
        return os.getpid()  # this process holds on it, a DuckDB reader's included
    descriptor = os.open(path, os.O_RDONLY)
    try:
        layout = "hhqqi4x"  # struct flock: type, whence, start, len, pid
        query = struct.pack(layout, fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0)
        kind, _, _, _, pid = struct.unpack(layout, fcntl.fcntl(descriptor, fcntl.F_OFD_GETLK, query))
    finally:
        os.close(descriptor)  # no lock of this process's to drop: it has the file open nowhere else
    return None if kind == fcntl.F_UNLCK else pid


def _open_here(path: Path) -> bool:
    """Whether this process has the file open (Linux: /proc/self/fd)."""
    target = path.stat()
    for name in os.listdir("/proc/self/fd"):
        try:
            opened = os.stat(f"/proc/self/fd/{name}")
        except OSError:
            continue
        if (opened.st_dev, opened.st_ino) == (target.st_dev, target.st_ino):
            return True
    return False


def published_is_pristine(layout: WarehouseLayout) -> bool:
    """Whether the published file is exactly as the last swap left it (no foreign write since)."""
    recorded, _ = _read_manifest(layout)
    return recorded is not None and Signature.of(layout.database) == recorded and not wal_path(layout.database).exists()


def run_ids(con: duckdb.DuckDBPyConnection, catalog: str | None = None) -> set[str]:
    table = f'"{catalog}".runs' if catalog else "runs"
    return {row[0] for row in con.execute(f"SELECT run_id FROM {table}").fetchall()}


def published_run_ids(layout: WarehouseLayout) -> set[str]:
    """Run ids of the published file, read through an ATTACH (a `connect(path)` could hand back a
    version of the file this process opened before the last swap)."""
    with duckdb.connect(":memory:") as con:
        con.execute(f"ATTACH '{_quoted(layout.database)}' AS published (READ_ONLY)")
        return run_ids(con, "published")


def usable_standbys(layout: WarehouseLayout, code: str | None = None) -> list[Path]:
    """Standby files that may be brought up to date, newest first (see the module docstring);
    with `code`, only those published by that code (their derived rows are that code's)."""
    if not published_is_pristine(layout):
        return []
    _, recorded = _read_manifest(layout)
    codes = standby_codes(layout)
    published = Signature.of(layout.database)
    usable = []
    for name, signature in sorted(recorded.items(), reverse=True):
        path = layout.database.with_name(name)
        current = Signature.of(path)
        if (
            (code is None or codes.get(name) == code)
            and current == signature
            and published is not None
            and current.inode != published.inode
            and not wal_path(path).exists()
            and lock_holder(path) is None
        ):
            usable.append(path)
    return usable


def take(standby: Path, temporary: Path) -> None:
    """Make the standby the run's temporary file (so a crash leaves it to be removed, not reused)."""
    os.replace(standby, temporary)


def retire(layout: WarehouseLayout, run_key: str) -> Path | None:
    """Before the swap: keep the published file under a standby name (a hard link), if it is
    exactly as published; return that name. Until the swap both names are the published file,
    which is why a standby that is the published file is never used."""
    if not published_is_pristine(layout):
        return None
    target = standby_path(layout, run_key)
    target.unlink(missing_ok=True)
    os.link(layout.database, target)
    return target


def record_swap(layout: WarehouseLayout, retired: Path | None, code: str | None = None) -> None:
    """After the swap: record the new published file (made by `code`) and the standbys kept,
    each with the code that made it; remove the others."""
    _, recorded = _read_manifest(layout)
    codes = standby_codes(layout)
    standbys = {name: signature for name, signature in recorded.items() if layout.database.with_name(name).exists()}
    if retired is not None and (signature := Signature.of(retired)) is not None:
        standbys[retired.name] = signature
        previous = _manifest(layout).get("code")  # the code that made the file just retired
        if isinstance(previous, str):
            codes[retired.name] = previous
    kept = dict(sorted(standbys.items(), reverse=True)[:STANDBYS_KEPT])
    _write_manifest(layout, Signature.of(layout.database), kept, code, codes)
    for name in set(standbys) - set(kept):
        layout.database.with_name(name).unlink(missing_ok=True)


def forget(layout: WarehouseLayout) -> None:
    """The published file was made otherwise (no database, or a rebuild by hand): drop every standby."""
    remove_unrecorded(layout, keep_recorded=False)


def remove_unrecorded(layout: WarehouseLayout, keep_recorded: bool = True) -> list[str]:
    """Recovery: remove standby files the manifest does not vouch for (left by a crash between
    the hard link and the manifest, or written to since); return their names."""
    _, recorded = _read_manifest(layout)
    removed = []
    for path in layout.database.parent.glob(f".{layout.database.name}.*{_SUFFIX}"):
        if keep_recorded and Signature.of(path) == recorded.get(path.name):
            continue
        path.unlink(missing_ok=True)
        wal_path(path).unlink(missing_ok=True)
        removed.append(f"removed {path.name}")
    return removed


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")
