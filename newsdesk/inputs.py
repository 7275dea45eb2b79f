"""Finding and reading input files (the I/O edge of ingestion)."""

from __future__ import annotations

import fnmatch
import glob
import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePath


@dataclass(frozen=True)
class FoundFile:
    path: str  # absolute
    size_bytes: int
    modified_ns: int


def discover_files(inputs: Iterable[str | Path], exclude: Iterable[Path] = ()) -> list[FoundFile]:
    """Every regular, non-hidden file under the inputs (folders, files or glob patterns), sorted.

    Raises FileNotFoundError naming any input that matches nothing, so a typo is not a silent
    empty run.
    """
    excluded = [Path(path).resolve() for path in exclude]
    found: dict[str, FoundFile] = {}
    for given in inputs:
        matches = _expand(str(given))
        if not matches:
            raise FileNotFoundError(f"input {given!r} matches no file or folder")
        for path in matches:
            for file in _files_under(path):
                if not any(file == skip or skip in file.parents for skip in excluded):
                    found[str(file)] = _found(file)
    return [found[path] for path in sorted(found)]


def _found(file: Path) -> FoundFile:
    """The file's size and modification time; a broken link gives its own, and reading it later
    fails into the quarantine as `unreadable` instead of stopping discovery."""
    try:
        stat = file.stat()
    except OSError:
        stat = file.lstat()
    return FoundFile(str(file), stat.st_size, stat.st_mtime_ns)


def _expand(given: str) -> list[Path]:
    expanded = os.path.expanduser(given)
    if glob.has_magic(expanded):
        return [Path(match).resolve() for match in sorted(glob.glob(expanded, recursive=True))]
    path = Path(expanded).resolve()
    return [path] if path.exists() else []


def _files_under(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    files = []
    for root, folders, names in os.walk(path):
        folders[:] = sorted(folder for folder in folders if not folder.startswith((".", "_")))
        files.extend(Path(root) / name for name in sorted(names) if not _is_hidden(name))
    return files


def _is_hidden(name: str) -> bool:
    return name.startswith(".") or name.endswith("~")


def read_bytes(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def covered_by(inputs: Iterable[str | Path], path: str) -> bool:
    """Whether discovery over `inputs` would find `path` if it existed, by the same rules:
    a folder and the non-hidden files below it, a file itself, or what a glob matches (`*`
    within one folder, `**` across folders) and the files below a folder it matches. A file
    the warehouse knows that an input covers but discovery no longer finds has been deleted."""
    parts = PurePath(path).parts
    for given in inputs:
        expanded = os.path.expanduser(str(given))
        pattern = PurePath(os.path.abspath(expanded)).parts if glob.has_magic(expanded) else Path(expanded).resolve().parts
        for length in range(len(pattern) if not glob.has_magic(expanded) else 1, len(parts) + 1):
            if _parts_match(pattern, parts[:length]) and _discoverable(parts[length:]):
                return True
    return False


def _parts_match(pattern: tuple[str, ...], parts: tuple[str, ...]) -> bool:
    if not pattern:
        return not parts
    head, rest = pattern[0], pattern[1:]
    if head == "**":
        return any(_parts_match(rest, parts[index:]) for index in range(len(parts) + 1))
    return bool(parts) and fnmatch.fnmatchcase(parts[0], head) and _parts_match(rest, parts[1:])


def _discoverable(below: tuple[str, ...]) -> bool:
    """What discovery walks below a matched folder: no hidden or underscore folders or files."""
    if not below:
        return True
    return not any(folder.startswith((".", "_")) for folder in below[:-1]) and not _is_hidden(below[-1])
