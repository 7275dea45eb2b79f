"""Finding and reading input files (the I/O edge of ingestion)."""

from __future__ import annotations

import fnmatch
import glob
import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


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
                    stat = file.stat()
                    found[str(file)] = FoundFile(str(file), stat.st_size, stat.st_mtime_ns)
    return [found[path] for path in sorted(found)]


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
    """Whether `path` lies under one of the inputs: a folder holding it, the file itself, or a
    glob it matches. A file the warehouse knows that an input covers but discovery no longer
    finds has been deleted."""
    for given in inputs:
        expanded = os.path.expanduser(str(given))
        if glob.has_magic(expanded):
            if fnmatch.fnmatch(path, os.path.abspath(expanded)):
                return True
            continue
        root = Path(expanded).resolve()
        if path == str(root) or Path(path).is_relative_to(root):
            return True
    return False
