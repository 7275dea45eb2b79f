"""What the ingest flow does to one batch of files: the logic behind its tasks, without Prefect.

Kept apart from `flows/ingest.py` so the flow reads as a list of stages and this logic can be
tested and reused (by `reprocess`, by other task runners) on its own.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from newsdesk.inputs import FoundFile, NotARegularFile, covered_by, read_file, sha256_hex
from transforms.problems import Problem
from transforms.reading import file_format, read_articles
from transforms.records import ArticleRecord
from warehouse.rows.core import FileVersion, RunContext, article_source_row, quarantine_row, source_file_row
from warehouse.state import KnownState

UNREADABLE = ""  # the content hash recorded for a file the operating system would not read


@dataclass
class BatchReading:
    """A batch of files read: rows for the core tables, and the new articles to extract."""

    articles: list[ArticleRecord] = field(default_factory=list)
    rows: dict[str, list[dict]] = field(default_factory=lambda: {"source_files": [], "quarantine": []})
    file_counts: Counter[str] = field(default_factory=Counter)  # new/changed/unchanged/quarantined


def split_unchanged(files: list[FoundFile], known: KnownState) -> tuple[list[FoundFile], list[FoundFile]]:
    """(unchanged, to read): a file whose size and modification time match the warehouse's is
    not read at all, so a run where nothing changed costs a listing and one query."""
    unchanged = [found for found in files if _unchanged_by_stat(found, known)]
    kept = {found.path for found in unchanged}
    return unchanged, [found for found in files if found.path not in kept]


def unchanged_files(files: list[FoundFile], known: KnownState, run: RunContext) -> BatchReading:
    """Rows recording that this run saw these unchanged files (their last-seen run)."""
    batch = BatchReading()
    for found in files:
        _record_unchanged(batch, known.files[found.path], found, run)
    return batch


def _unchanged_by_stat(found: FoundFile, known: KnownState) -> bool:
    previous = known.files.get(found.path)
    return (
        previous is not None
        and previous.content_sha256 != UNREADABLE  # an unreadable file is tried again every run
        and (previous.size_bytes, previous.modified_ns) == (found.size_bytes, found.modified_ns)
    )


def read_batch(files: list[FoundFile], known: KnownState, max_bytes: int, run: RunContext) -> BatchReading:
    """Read the files that changed and keep the articles the warehouse does not hold yet.

    An article that two batches of one run both hold is extracted twice and stored once: the
    load keeps the copy from the first part (see warehouse/publish.py). Batches stay
    independent, so they can run in any order, on any worker.
    """
    batch = BatchReading()
    already_taken: set[str] = set()
    for found in files:
        previous = known.files.get(found.path)
        try:
            one = _read_one(found, previous, known, max_bytes, run)
        except Exception as error:  # noqa: BLE001 - an unforeseen failure costs one file, never the run
            one = _refused(found, previous, Problem("read_failed", _failure(error)), run)
        _merge(batch, one, known, already_taken)
    return batch


def _read_one(
    found: FoundFile, previous: FileVersion | None, known: KnownState, max_bytes: int, run: RunContext
) -> BatchReading:
    """One file's rows (in a batch of its own, so a failure half-way leaves nothing behind)."""
    one = BatchReading()
    if previous is not None and _unchanged_by_stat(found, known):
        _record_unchanged(one, previous, found, run)
        return one
    if found.problem is not None:  # discovery refused it (not a regular file, a bad name, ...)
        return _refused(found, previous, found.problem, run)
    try:
        content = read_file(found.path, max_bytes)
    except NotARegularFile as error:  # replaced by a FIFO or device since discovery
        return _refused(found, previous, Problem("not_a_file", str(error)), run)
    except OSError as error:
        return _refused(
            found, previous, Problem("unreadable", f"the file could not be read: {error.strerror or error}"), run
        )
    # What was read, as fstat saw it: discovery's stat may be older than these bytes.
    read = replace(found, size_bytes=content.size_bytes, modified_ns=content.modified_ns)
    digest = sha256_hex(content.data)
    if previous and previous.content_sha256 == digest:
        _record_unchanged(one, previous, read, run)
        return one
    one.file_counts["changed" if previous else "new"] += 1
    _record_reading(one, read, content.data, digest, max_bytes, run)
    return one


def _failure(error: Exception) -> str:
    """The quarantine message for an unexpected error: its type first, kept short and storable."""
    text = f"{type(error).__name__}: {error}"[:500]
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _merge(batch: BatchReading, one: BatchReading, known: KnownState, already_taken: set[str]) -> None:
    for table, rows in one.rows.items():
        batch.rows.setdefault(table, []).extend(rows)
    batch.file_counts.update(one.file_counts)
    for article in one.articles:
        if article.article_id not in known.article_ids and article.article_id not in already_taken:
            already_taken.add(article.article_id)
            batch.articles.append(article)


def _record_reading(
    batch: BatchReading, found: FoundFile, data: bytes, digest: str, max_bytes: int, run: RunContext
) -> None:
    """`data` holds at most max_bytes + 1 bytes: over the limit, the digest is of those bytes."""
    reading = read_articles(found.path, data, max_bytes, modified_ns=found.modified_ns, size=found.size_bytes)
    version = FileVersion(
        path=found.path,
        content_sha256=digest,
        size_bytes=found.size_bytes,
        modified_ns=found.modified_ns,
        format=reading.format,
        encoding=reading.encoding,
        article_ids=tuple(article.article_id for article in reading.articles),
        quarantined_records=len(reading.problems),
    )
    batch.rows["source_files"].append(source_file_row(version, run))
    # Every record's own metadata, also for an article the warehouse already holds (no extraction).
    sources = batch.rows.setdefault("article_sources", [])
    sources.extend(article_source_row(article, digest, run) for article in reading.articles)
    _record_problems(batch, found.path, digest, reading.problems, run)
    batch.articles.extend(reading.articles)


def _record_problems(
    batch: BatchReading, path: str, digest: str, problems: tuple[Problem, ...], run: RunContext
) -> None:
    if problems:
        batch.file_counts["quarantined"] += 1
    batch.rows["quarantine"].extend(quarantine_row(path, digest, problem, run) for problem in problems)


def _record_unchanged(batch: BatchReading, previous: FileVersion, found: FoundFile, run: RunContext) -> None:
    batch.file_counts["unchanged"] += 1
    seen = replace(previous, size_bytes=found.size_bytes, modified_ns=found.modified_ns)
    batch.rows["source_files"].append(source_file_row(seen, run))


def deleted_files(known: KnownState, found: list[FoundFile], inputs: list[str], run: RunContext) -> BatchReading:
    """Rows marking as deleted the files an input covers that are no longer there. A file below
    a folder that could not be listed is not known to be gone: it is left as it was."""
    present = {file.path for file in found}
    unlisted = [Path(file.path) for file in found if file.problem and file.problem.reason == "unreadable_folder"]
    batch = BatchReading()
    for path, version in sorted(known.files.items()):
        hidden = any(folder in Path(path).parents for folder in unlisted)
        if path not in present and covered_by(inputs, path) and not hidden:
            batch.file_counts["deleted"] += 1
            batch.rows["source_files"].append(source_file_row(version, run, status="deleted"))
    return batch


def _refused(found: FoundFile, previous: FileVersion | None, problem: Problem, run: RunContext) -> BatchReading:
    """A file that could not be read: quarantined once, then unchanged while it stays unreadable."""
    one = BatchReading()
    if previous is not None and previous.content_sha256 == UNREADABLE:
        _record_unchanged(one, previous, found, run)
    else:
        _record_unreadable(one, found, problem, run, changed=previous is not None)
    return one


def _record_unreadable(batch: BatchReading, found: FoundFile, problem: Problem, run: RunContext, changed: bool) -> None:
    """Quarantined, and kept in source_files (empty hash) so the next run knows it already did."""
    batch.file_counts["changed" if changed else "new"] += 1
    version = FileVersion(
        found.path, UNREADABLE, found.size_bytes, found.modified_ns, file_format(found.path), None, (), 1
    )
    batch.rows["source_files"].append(source_file_row(version, run))
    _record_problems(batch, found.path, UNREADABLE, (problem,), run)
