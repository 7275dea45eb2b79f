"""Finding and reading input files (the I/O edge of ingestion).

Rules, so that no input can hang, flood or stop a run (each refusal becomes a `FoundFile` with a
`problem`, which the batch step turns into a quarantine row):

- Only regular files are read, judged by `lstat` while walking and again by `fstat` on the opened
  descriptor. A FIFO, socket or device is `not_a_file`; it is never opened for a blocking read.
- Symbolic links are never followed out of the input roots (an input folder, the folder a glob
  starts from, or an input file itself). A link whose target lies inside a root is read once,
  under its target's real path; a link to a folder is not walked (`not_a_file`: a folder inside
  a root is walked where it lives); a link leading anywhere else is `outside_link`; a broken
  link is `unreadable`. Inputs named on the command line are resolved as given.
- Globs are matched by walking real folders only, so a `**` over a symlink loop ends.
- A folder that cannot be listed is `unreadable_folder`; the files the warehouse knew below it
  are not taken for deleted.
- A name that is not valid UTF-8 cannot be stored: it is recorded under its escaped form
  (`caf\\xe9.txt`) as `bad_name`, and not read. Rename the file to read it.
- A read takes at most `max_bytes + 1` bytes, so a file over the limit costs no more memory than
  the limit.
"""

from __future__ import annotations

import errno
import fnmatch
import glob
import hashlib
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath

from transforms.problems import Problem

_READ_CHUNK = 1 << 20


@dataclass(frozen=True)
class FoundFile:
    path: str  # absolute; escaped (backslashreplace) when the real name is not valid UTF-8
    size_bytes: int
    modified_ns: int
    problem: Problem | None = None  # why discovery will not let it be read (quarantined instead)


def discover_files(inputs: Iterable[str | Path], exclude: Iterable[Path] = ()) -> list[FoundFile]:
    """Every regular, non-hidden file under the inputs (folders, files or glob patterns), sorted,
    plus an entry with a `problem` for each thing found that must not be read (see the rules above).

    Raises FileNotFoundError naming any input that matches nothing, so a typo is not a silent
    empty run.
    """
    given = [os.path.expanduser(str(value)) for value in inputs]
    excluded = [Path(path).resolve() for path in exclude]
    roots = tuple(_root_of(value) for value in given)
    found: dict[str, FoundFile] = {}
    for value, original in zip(given, inputs):
        matches, problems = _expand(value)
        if not matches and not problems:
            raise FileNotFoundError(f"input {str(original)!r} matches no file or folder")
        for entry in [*problems, *(file for path in matches for file in _entries_under(path, roots))]:
            if not any(Path(entry.path) == skip or skip in Path(entry.path).parents for skip in excluded):
                found.setdefault(entry.path, entry)
    return [found[path] for path in sorted(found)]


def _root_of(given: str) -> Path:
    """The folder (or file) an input confines symbolic links to: for a glob, where it starts."""
    if not glob.has_magic(given):
        return Path(given).resolve()
    parts = PurePath(os.path.abspath(given)).parts
    fixed = next(index for index, part in enumerate(parts) if glob.has_magic(part))
    return Path(*parts[:fixed]).resolve()


def _expand(given: str) -> tuple[list[Path], list[FoundFile]]:
    """The paths an input names (resolved as given) and the folders a glob could not list."""
    if not glob.has_magic(given):
        path = Path(given).resolve()
        return ([path] if os.path.lexists(path) else []), []
    parts = PurePath(os.path.abspath(given)).parts
    fixed = next(index for index, part in enumerate(parts) if glob.has_magic(part))
    problems: list[FoundFile] = []
    matches = set(_glob_walk(Path(*parts[:fixed]).resolve(), parts[fixed:], problems))
    return sorted(matches), problems


def _glob_walk(base: Path, pattern: tuple[str, ...], problems: list[FoundFile]) -> Iterator[Path]:
    """Paths below `base` matching `pattern`, entering real folders only (never a link), so the
    walk is finite. Like `glob`, a wildcard does not match a hidden name and `**` skips hidden folders."""
    if not pattern:
        yield base
        return
    head, rest = pattern[0], pattern[1:]
    if head == "**":
        yield from _glob_walk(base, rest, problems)
        for entry in _listing(base, problems):
            if entry.is_dir(follow_symlinks=False) and not entry.name.startswith("."):
                yield from _glob_walk(base / entry.name, pattern, problems)
        return
    if not glob.has_magic(head):
        candidate = base / head
        if os.path.lexists(candidate) and (not rest or _is_real_folder(candidate)):
            yield from _glob_walk(candidate, rest, problems)
        return
    for entry in _listing(base, problems):
        if _name_matches(entry.name, head) and (not rest or entry.is_dir(follow_symlinks=False)):
            yield from _glob_walk(base / entry.name, rest, problems)


def _name_matches(name: str, pattern: str) -> bool:
    return fnmatch.fnmatchcase(name, pattern) and (not name.startswith(".") or pattern.startswith("."))


def _is_real_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def _listing(folder: Path, problems: list[FoundFile]) -> list[os.DirEntry[str]]:
    """A folder's entries sorted by name; a folder that cannot be listed is recorded, not skipped."""
    try:
        with os.scandir(folder) as entries:
            return sorted(entries, key=lambda entry: entry.name)
    except (NotADirectoryError, FileNotFoundError):  # a file, or a folder gone since it was listed
        return []
    except OSError as error:
        problems.append(_refused(folder, "unreadable_folder", f"the folder could not be listed: {_reason(error)}"))
        return []


def _entries_under(path: Path, roots: tuple[Path, ...]) -> list[FoundFile]:
    """What discovery records for one matched path: the path itself, or every entry below it."""
    if not _is_real_folder(path):
        return [_classify(path, roots)]
    entries: list[FoundFile] = []
    pending = [path]
    while pending:
        folder = pending.pop()
        for entry in _listing(folder, entries):
            if entry.is_dir(follow_symlinks=False):
                if not entry.name.startswith((".", "_")):
                    pending.append(folder / entry.name)
            elif not _is_hidden(entry.name):
                entries.append(_classify(folder / entry.name, roots))
    return entries


def _classify(path: Path, roots: tuple[Path, ...]) -> FoundFile:
    """A regular file as found, or the entry that says why it will not be read."""
    try:
        info = os.lstat(path)
    except OSError as error:
        return _refused(path, "unreadable", f"the file could not be read: {_reason(error)}")
    if _storable(str(path)) != str(path):
        return _refused(
            path, "bad_name", "the file name is not valid UTF-8 (stored escaped); rename the file to read it"
        )
    if stat.S_ISREG(info.st_mode):
        return FoundFile(str(path), info.st_size, info.st_mtime_ns)
    if stat.S_ISLNK(info.st_mode):
        return _follow_link(path, roots)
    return _refused(path, "not_a_file", f"not a regular file but {_kind(info.st_mode)}; it is not read")


def _follow_link(link: Path, roots: tuple[Path, ...]) -> FoundFile:
    """A link is read through only when its target is a regular file inside an input root."""
    target = Path(os.path.realpath(link))
    if not os.path.lexists(target):
        return _refused(link, "unreadable", "the file could not be read: a symbolic link to a missing file")
    if not any(target == root or root in target.parents for root in roots):
        return _refused(link, "outside_link", "a symbolic link to a file outside the input folders; it is not followed")
    try:
        info = os.stat(target)
    except OSError as error:
        return _refused(link, "unreadable", f"the file could not be read: {_reason(error)}")
    if stat.S_ISREG(info.st_mode):
        return FoundFile(str(target), info.st_size, info.st_mtime_ns)
    return _refused(link, "not_a_file", f"a symbolic link to {_kind(info.st_mode)}; it is not read")


def _kind(mode: int) -> str:
    kinds = {
        stat.S_ISDIR: "a folder",
        stat.S_ISFIFO: "a named pipe (FIFO)",
        stat.S_ISSOCK: "a socket",
        stat.S_ISCHR: "a character device",
        stat.S_ISBLK: "a block device",
    }
    return next((name for test, name in kinds.items() if test(mode)), "a special file")


def _refused(path: Path, reason: str, message: str) -> FoundFile:
    """An entry that will not be read; its own size and time (lstat) tell a later run it is unchanged."""
    try:
        info = os.lstat(path)
        size, modified = info.st_size, info.st_mtime_ns
    except OSError:
        size, modified = 0, 0
    return FoundFile(_storable(str(path)), size, modified, Problem(reason, message))  # type: ignore[arg-type]


def _storable(path: str) -> str:
    """The path as valid UTF-8 text: bytes that are not UTF-8 become `\\xNN` escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _reason(error: OSError) -> str:
    return error.strerror or errno.errorcode.get(error.errno or 0, "") or str(error)


def _is_hidden(name: str) -> bool:
    return name.startswith(".") or name.endswith("~")


class NotARegularFile(Exception):
    """The path no longer names a regular file (it was replaced after discovery)."""


@dataclass(frozen=True)
class FileContent:
    """What one read got: at most `max_bytes + 1` bytes, and the size and time of that content."""

    data: bytes
    size_bytes: int
    modified_ns: int

    def over(self, max_bytes: int) -> bool:
        return len(self.data) > max_bytes


def read_file(path: str, max_bytes: int) -> FileContent:
    """Read a regular file without blocking, following no final link, and at most max_bytes + 1.

    The size and time come from `fstat` on the same descriptor before and after the read, so they
    describe the bytes read, not the file as discovery saw it. When the file changed during the
    read, the stamp from before the read is kept: it will not match the next run's, which reads
    the file again (once it stands still, it is skipped).
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(path, flags)
    try:
        before = os.fstat(descriptor)
        if not stat.S_ISREG(before.st_mode):
            raise NotARegularFile(f"not a regular file but {_kind(before.st_mode)}; it is not read")
        data = _read_at_most(descriptor, max_bytes + 1)
        after = os.fstat(descriptor)
    finally:
        os.close(descriptor)
    stamp = after if (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns) else before
    return FileContent(data, stamp.st_size, stamp.st_mtime_ns)


def _read_at_most(descriptor: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    remaining = limit
    while remaining > 0:
        chunk = os.read(descriptor, min(_READ_CHUNK, remaining))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


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
        pattern = (
            PurePath(os.path.abspath(expanded)).parts if glob.has_magic(expanded) else Path(expanded).resolve().parts
        )
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
