"""Decoded file text → article records (metadata + body), for plain text and JSON inputs.

Plain text: optional `key value` (or `key: value`) header lines at the top, then the body.
Known keys (date, title, source, url, lang, ...) are recognised case-insensitively; unknown keys
are kept in `metadata` when written with a colon ("Author: A. Dupont"). A header and the body
may share a line, as in " date 2022-07 Le rapprochement ...": the date value ends where a date
stops parsing.

JSON: an object, an array of objects, or JSON Lines (one object per line). Each record gives
`text`/`body`, `title`, `date`/`published`, `url`, `source`, `lang`; other fields go to metadata.
A bad line or element is reported as a Problem; the good records beside it are still read.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from transforms.problems import Problem
from transforms.publication_date import parse_publication_date

HEADER_KEYS: dict[str, str] = {
    "date": "date",
    "published": "date",
    "pubdate": "date",
    "publication_date": "date",
    "title": "title",
    "headline": "title",
    "source": "source",
    "publisher": "source",
    "url": "url",
    "link": "url",
    "lang": "lang",
    "language": "lang",
}
TEXT_FIELDS = ("text", "body", "content", "article", "article_text")
JSON_FIELDS: dict[str, str] = {
    **HEADER_KEYS,
    "published_at": "date",
    "datetime": "date",
    "timestamp": "date",
}

_KNOWN_HEADER = re.compile(
    r"^[ \t]*(?P<key>" + "|".join(sorted(HEADER_KEYS, key=len, reverse=True)) + r")"
    r"(?:[ \t]*:[ \t]*|[ \t]+)(?P<value>\S.*)$",
    re.IGNORECASE,
)
_OTHER_HEADER = re.compile(r"^[ \t]*(?P<key>[A-Za-z][\w-]{0,30})[ \t]*:[ \t]+(?P<value>\S.*)$")
_MAX_DATE_WORDS = 6


@dataclass(frozen=True)
class ParsedArticle:
    """One article's fields as the input gave them, before language and date normalisation."""

    record_index: int
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    date: str | None = None
    lang: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ParsedFile:
    articles: tuple[ParsedArticle, ...]
    problems: tuple[Problem, ...]


def parse_text_article(text: str) -> ParsedFile:
    """A plain-text article: header lines, then the body."""
    lines = text.split("\n")
    headers, body_start = _header_block(lines)
    fields: dict[str, str] = {}
    metadata: dict[str, str] = {}
    for key, value, rest in headers:
        if key in HEADER_KEYS:
            fields.setdefault(HEADER_KEYS[key], value)
        else:
            metadata.setdefault(key, value)
        if rest:  # the body starts on the header's own line
            lines[body_start] = rest
    body = "\n".join(lines[body_start:]).strip()
    if not body:
        return ParsedFile((), (Problem("empty_text", "no article text after the header lines"),))
    article = ParsedArticle(0, body, metadata=metadata, **_known(fields))
    return ParsedFile((article,), ())


Header = tuple[str, str, str]  # key, value, rest of the line that belongs to the body


def _header_block(lines: list[str]) -> tuple[list[Header], int]:
    """The header lines at the top and the index of the body's first line.

    Header-looking lines count as headers only as a block that ends with a blank line (or the
    end of the file), or whose last line also starts the body (" date 2022-07 Le ..."). So a
    first paragraph that happens to start with "Source of the dispute ..." or "Title IX ..."
    stays body text.
    """
    first = next((index for index, line in enumerate(lines) if line.strip()), len(lines))
    headers: list[Header] = []
    index = first
    while index < len(lines) and (header := _header(lines[index])) is not None:
        headers.append(header)
        if header[2]:
            return headers, index
        index += 1
    if headers and (index == len(lines) or not lines[index].strip()):
        return headers, index
    return [], first


def _header(line: str) -> Header | None:
    """(key, value, rest of the line that belongs to the body) for a header line, else None."""
    if match := _KNOWN_HEADER.match(line):
        key, value = match.group("key").lower(), match.group("value").strip()
        if HEADER_KEYS[key] == "date":
            value, rest = _split_date(value)
            if value is None:
                return None
            return key, value, rest
        return key, value, ""
    if (match := _OTHER_HEADER.match(line)) and not _is_dateline(match.group("key")):
        return match.group("key").lower(), match.group("value").strip(), ""
    return None


def _is_dateline(key: str) -> bool:
    """"RABAT:" or "WASHINGTON -" opens a news story, it is not a header key."""
    letters = [char for char in key if char.isalpha()]
    return len(letters) > 1 and all(char.isupper() for char in letters)


def _split_date(value: str) -> tuple[str | None, str]:
    """The date at the start of `value`, and what follows it (the body, on the same line).

    The shortest leading run of words that reads as a date, extended by following words that
    carry digits (a time, a zone offset) as long as it still reads as a date: "2022-07 Le ..."
    gives "2022-07", "19 juillet 2022 Le ..." gives "19 juillet 2022".
    """
    words = value.split()
    for count in range(1, min(len(words), _MAX_DATE_WORDS) + 1):
        if _is_date(words[:count]):
            while count < len(words) and _looks_temporal(words[count]) and _is_date(words[: count + 1]):
                count += 1
            return " ".join(words[:count]), value[_end_of_words(value, count):].strip()
    return None, value


def _is_date(words: list[str]) -> bool:
    return parse_publication_date(" ".join(words)).range is not None


def _looks_temporal(word: str) -> bool:
    return any(char.isdigit() for char in word) or word.upper() in {"GMT", "UTC", "Z"}


def _end_of_words(text: str, count: int) -> int:
    matches = list(re.finditer(r"\S+", text))
    return matches[count - 1].end()


def parse_json_articles(text: str, lines: bool) -> ParsedFile:
    """JSON Lines (`lines=True`) or a JSON document holding one object or an array of them."""
    if lines:
        records = _json_lines(text)
    else:
        try:
            document = json.loads(text)
        except json.JSONDecodeError as error:
            return ParsedFile((), (Problem("malformed_json", f"not valid JSON: {error}"),))
        items = document if isinstance(document, list) else [document]
        records = [(index, item, None) for index, item in enumerate(items)]
    articles: list[ParsedArticle] = []
    problems: list[Problem] = []
    for record, item, problem in records:
        if problem is None:
            parsed = _json_record(record, item)
            if isinstance(parsed, Problem):
                problems.append(parsed)
            else:
                articles.append(parsed)
        else:
            problems.append(problem)
    return ParsedFile(tuple(articles), tuple(problems))


def _json_lines(text: str) -> list[tuple[int, object, Problem | None]]:
    records: list[tuple[int, object, Problem | None]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            records.append((number, json.loads(line), None))
        except json.JSONDecodeError as error:
            message = f"line {number}: not valid JSON: {error}"
            records.append((number, None, Problem("malformed_json", message, number)))
    return records


def _json_record(record: int, item: object) -> ParsedArticle | Problem:
    where = f"record {record}"
    if not isinstance(item, dict):
        return Problem("not_an_object", f"{where}: expected an object, got {type(item).__name__}", record)
    lowered = {str(key).lower(): value for key, value in item.items()}
    text_key = next((key for key in TEXT_FIELDS if key in lowered), None)
    if text_key is None:
        fields = ", ".join(TEXT_FIELDS)
        return Problem("missing_text", f"{where}: no text field (one of {fields})", record)
    body = lowered[text_key]
    if not isinstance(body, str) or not body.strip():
        return Problem("empty_text", f"{where}: the `{text_key}` field holds no text", record)
    fields: dict[str, str] = {}
    metadata: dict[str, str] = {}
    for key, value in lowered.items():
        if key == text_key or value is None:
            continue
        if key in JSON_FIELDS and not isinstance(value, (dict, list)):
            fields.setdefault(JSON_FIELDS[key], str(value).strip())
        else:
            metadata[key] = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return ParsedArticle(record, body.strip(), metadata=metadata, **_known(fields))


def _known(fields: dict[str, str]) -> dict[str, str | None]:
    return {name: fields.get(name) or None for name in ("title", "source", "url", "date", "lang")}
