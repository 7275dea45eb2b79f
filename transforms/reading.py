"""One input file's bytes → article records and the problems that kept records out.

This is the whole "read" step for a file, free of I/O: the flow reads the bytes and stats the
file, this module decides what they mean.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import PurePath
from typing import Literal

from transforms.article_parsing import ParsedArticle, parse_json_articles, parse_text_article
from transforms.decoding import decode_bytes, normalize_text
from transforms.language import detect_language
from transforms.problems import Problem, UnusableInput
from transforms.publication_date import parse_publication_date
from transforms.records import ArticleRecord

FileFormat = Literal["text", "json", "jsonl"]
JSON_SUFFIXES: dict[str, FileFormat] = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}


@dataclass(frozen=True)
class FileReading:
    format: FileFormat
    encoding: str | None
    articles: tuple[ArticleRecord, ...]
    problems: tuple[Problem, ...]


def file_format(path: str) -> FileFormat:
    return JSON_SUFFIXES.get(PurePath(path).suffix.lower(), "text")


def read_articles(path: str, data: bytes, max_bytes: int) -> FileReading:
    """Everything one file holds: its articles, and a Problem for each part that is unusable."""
    fmt = file_format(path)
    if len(data) > max_bytes:
        message = f"the file is {len(data):,} bytes, over the {max_bytes:,}-byte limit"
        return FileReading(fmt, None, (), (Problem("too_large", message),))
    try:
        decoded = decode_bytes(data)
    except UnusableInput as unusable:
        return FileReading(fmt, None, (), (Problem(unusable.reason, unusable.message),))
    if fmt == "text":
        parsed = parse_text_article(decoded.text)
    else:
        parsed = parse_json_articles(decoded.text, lines=fmt == "jsonl")
    articles = tuple(build_article(path, article) for article in parsed.articles)
    return FileReading(fmt, decoded.encoding, articles, parsed.problems)


def build_article(path: str, parsed: ParsedArticle) -> ArticleRecord:
    """Normalise a parsed article: stable id, language, publication date."""
    text = normalize_text(parsed.text)
    return ArticleRecord(
        article_id=article_id(text),
        source_path=path,
        record_index=parsed.record_index,
        title=_clean(parsed.title),
        source=_clean(parsed.source),
        url=_clean(parsed.url),
        text=text,
        language=detect_language(text, declared=parsed.lang),
        published=parse_publication_date(parsed.date),
        metadata=dict(sorted(parsed.metadata.items())),
        declared_language=parsed.lang,
    )


def article_id(text: str) -> str:
    """Same article text, same id — whatever file, encoding or line ends it came with."""
    canonical = re.sub(r"\s+", " ", normalize_text(text)).strip()
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = normalize_text(value).strip()
    return value or None
