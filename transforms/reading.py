"""One input file's bytes → article records and the problems that kept records out.

This is the whole "read" step for a file, free of I/O: the flow reads the bytes and stats the
file, this module decides what they mean.

Publication dates are checked here: a date header or field that does not read as a date is a
`bad_header` problem (the article is kept, undated, with the raw value); a date that starts more
than `FUTURE_DATE_GRACE` after the file was last modified is a `future_date` problem (the article
is kept undated, the value moves to metadata `date_rejected`). Comparing with the file's own
modification time, not the clock, keeps a run deterministic: reading the same file gives the
same answer on any day.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import PurePath
from typing import Literal

from transforms.article_parsing import ParsedArticle, parse_json_articles, parse_text_article
from transforms.dates.publication import parse_publication_date
from transforms.decoding import decode_bytes, normalize_text
from transforms.language import detect_language
from transforms.problems import Problem, UnusableInput
from transforms.records import ArticleRecord

FileFormat = Literal["text", "json", "jsonl"]
FUTURE_DATE_GRACE = timedelta(days=2)  # time zones, embargoed stories dated the next day
JSON_SUFFIXES: dict[str, FileFormat] = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}


@dataclass(frozen=True)
class FileReading:
    format: FileFormat
    encoding: str | None
    articles: tuple[ArticleRecord, ...]
    problems: tuple[Problem, ...]


def file_format(path: str) -> FileFormat:
    return JSON_SUFFIXES.get(PurePath(path).suffix.lower(), "text")


def read_articles(
    path: str, data: bytes, max_bytes: int, modified_ns: int | None = None, size: int | None = None
) -> FileReading:
    """Everything one file holds: its articles, and a Problem for each part that is unusable.

    `modified_ns` (the file's modification time) bounds publication dates, when known; `size` is
    the file's size when `data` holds only its first max_bytes + 1 bytes.
    """
    fmt = file_format(path)
    if len(data) > max_bytes:
        message = f"the file is {max(size or 0, len(data)):,} bytes, over the {max_bytes:,}-byte limit"
        return FileReading(fmt, None, (), (Problem("too_large", message),))
    try:
        decoded = decode_bytes(data)
    except UnusableInput as unusable:
        return FileReading(fmt, None, (), (Problem(unusable.reason, unusable.message),))
    if fmt == "text":
        parsed = parse_text_article(decoded.text)
    else:
        parsed = parse_json_articles(decoded.text, lines=fmt == "jsonl")
    latest = _latest_plausible_day(modified_ns)
    checked = [_checked_date(article, fmt, latest) for article in parsed.articles]
    articles = tuple(build_article(path, article) for article, _ in checked)
    date_problems = tuple(problem for _, problem in checked if problem is not None)
    return FileReading(fmt, decoded.encoding, articles, parsed.problems + date_problems)


def _latest_plausible_day(modified_ns: int | None) -> date | None:
    if modified_ns is None:
        return None
    written = datetime.fromtimestamp(modified_ns / 1e9, tz=UTC)
    return (written + FUTURE_DATE_GRACE).date()


def _checked_date(parsed: ParsedArticle, fmt: FileFormat, latest: date | None) -> tuple[ParsedArticle, Problem | None]:
    """The article with a publication date it can keep, and the problem with the one it had."""
    if parsed.date is None:
        return parsed, None
    record = (parsed.date_line or -1) if fmt == "text" else parsed.record_index
    where = f"line {record}" if fmt == "text" else f"record {record}"
    found = parse_publication_date(parsed.date).range
    if found is None:
        message = f"{where}: the publication date {parsed.date!r} is not a date; the article is kept undated"
        return parsed, Problem("bad_header", message, record)
    if latest is not None and found.start > latest:
        message = (
            f"{where}: the publication date {parsed.date!r} is after the file was written "
            f"(modified before {latest.isoformat()}); the article is kept undated"
        )
        metadata = {**parsed.metadata, "date_rejected": parsed.date}
        return replace(parsed, date=None, metadata=metadata), Problem("future_date", message, record)
    return parsed, None


def build_article(path: str, parsed: ParsedArticle) -> ArticleRecord:
    """Normalise a parsed article: stable id, language, publication date."""
    text = _storable(normalize_text(parsed.text))
    raw_date = None if parsed.date is None else _storable(parsed.date)
    return ArticleRecord(
        article_id=article_id(text),
        source_path=path,
        record_index=parsed.record_index,
        title=_clean(parsed.title),
        source=_clean(parsed.source),
        url=_clean(parsed.url),
        text=text,
        language=detect_language(text, declared=parsed.lang),
        published=parse_publication_date(raw_date),
        metadata={_storable(key): _storable(value) for key, value in sorted(parsed.metadata.items())},
        declared_language=_clean(parsed.lang),
    )


def article_id(text: str) -> str:
    """Same article text, same id — whatever file, encoding or line ends it came with."""
    canonical = re.sub(r"\s+", " ", normalize_text(text)).strip()
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def _storable(value: str) -> str:
    """Text the warehouse can store: a lone surrogate (JSON "\\ud800") becomes U+FFFD."""
    return _SURROGATE.sub("\ufffd", value)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = _storable(normalize_text(value)).strip()
    return value or None
