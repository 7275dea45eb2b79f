"""Decoded file text → article records (metadata + body), for plain text and JSON inputs.

Plain text: optional `key value` (or `key: value`) header lines at the top, then the body.
Known keys (date, title, source, url, lang, ...) are recognised case-insensitively; unknown keys
are kept in `metadata` when written with a colon ("Author: A. Dupont"). A header and the body
may share a line, as in " date 2022-07 Le rapprochement ...": the date value ends where a date
stops parsing. A date header whose value is not a date ("Date: 2022-13-45") is still a header:
the other headers are kept and the value is passed on raw, for the reader to report (bad_header).

JSON: an object, an array of objects, or JSON Lines (one object per line). Each record gives
`text`/`body`, `title`, `date`/`published`, `url`, `source`, `lang`; other fields go to metadata.
A bad line or element is reported as a Problem; the good records beside it are still read.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from transforms.dates.publication import parse_publication_date
from transforms.problems import Problem

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
# A numeric date, readable or not: "2022-13-45", "45/13/2022", "2023-05-02T10:00Z".
_DATE_LIKE = re.compile(r"^\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?(?:[T ]?[\d:.]+Z?)?$")


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
    date_line: int | None = None  # text files: the line (from 1) of the date header, for problems


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
    date_line = None
    for header in headers:
        if header.key in HEADER_KEYS:
            if HEADER_KEYS[header.key] == "date" and "date" not in fields:
                date_line = header.line + 1
            fields.setdefault(HEADER_KEYS[header.key], header.value)
        else:
            metadata.setdefault(header.key, header.value)
        if header.rest:  # the body starts on the header's own line
            lines[body_start] = header.rest
    body = "\n".join(lines[body_start:]).strip()
    if not body:
        return ParsedFile((), (Problem("empty_text", "no article text after the header lines"),))
    article = ParsedArticle(0, body, metadata=metadata, date_line=date_line, **_known(fields))
    return ParsedFile((article,), ())


class Header(NamedTuple):
    key: str
    value: str
    rest: str  # the rest of the line, which belongs to the body
    line: int  # index of the line in the file
    whole_date: bool = False  # a date header that is the whole line ("date 2023-05-02")


def _header_block(lines: list[str]) -> tuple[list[Header], int]:
    """The header lines at the top and the index of the body's first line.

    Header-looking lines count as headers only as a block that ends with a blank line (or the
    end of the file), or whose last line also starts the body (" date 2022-07 Le ..."), or that
    holds a line that is nothing but a date header ("date 2023-05-02", body on the next line).
    So a first paragraph that happens to start with "Source of the dispute ..." or "Title IX ..."
    stays body text.
    """
    first = next((index for index, line in enumerate(lines) if line.strip()), len(lines))
    headers: list[Header] = []
    index = first
    while index < len(lines) and (header := _header(lines[index], index)) is not None:
        headers.append(header)
        if header.rest:
            return headers, index
        index += 1
    ends_block = index == len(lines) or not lines[index].strip()
    if headers and (ends_block or any(header.whole_date for header in headers)):
        return headers, index
    return [], first


def _header(line: str, index: int) -> Header | None:
    """The header a line holds (with the rest of the line that belongs to the body), else None."""
    if match := _KNOWN_HEADER.match(line):
        key, raw = match.group("key").lower(), match.group("value").strip()
        if HEADER_KEYS[key] != "date":
            return Header(key, raw, "", index)
        value, rest = _split_date(raw)
        readable = value is not None
        if value is None:  # not a date: still a header when written as one (bad_header later)
            value, rest = _unreadable_date(raw, colon=":" in line[: match.start("value")])
            if value is None:
                return None
        whole_date = not rest and (readable or _DATE_LIKE.match(value) is not None)
        return Header(key, value, rest, index, whole_date)
    if (match := _OTHER_HEADER.match(line)) and not _is_dateline(match.group("key")):
        return Header(match.group("key").lower(), match.group("value").strip(), "", index)
    return None


def _unreadable_date(value: str, colon: bool) -> tuple[str | None, str]:
    """A date header value that does not parse, when the line is clearly a header all the same:
    "Date: <anything>" (the whole value), or "date 2022-13-45 ..." (a first word shaped like a
    numeric date; what follows is the body). "date limite dépassée ..." stays body text."""
    if colon:
        return value, ""
    first, _, rest = value.partition(" ")
    if _DATE_LIKE.match(first):
        return first, rest.strip()
    return None, value


def _is_dateline(key: str) -> bool:
    """ "RABAT:" or "WASHINGTON -" opens a news story, it is not a header key."""
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
            return " ".join(words[:count]), value[_end_of_words(value, count) :].strip()
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
        except RecursionError:
            return ParsedFile((), (Problem("too_deep", _TOO_DEEP),))
        items = document if isinstance(document, list) else [document]
        records = [(index, item, None) for index, item in enumerate(items)]
    articles: list[ParsedArticle] = []
    problems: list[Problem] = []
    for record, item, problem in records:
        if problem is None:
            parsed = _json_record_or_problem(record, item)
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
        except RecursionError:
            records.append((number, None, Problem("too_deep", f"line {number}: {_TOO_DEEP}", number)))
    return records


_TOO_DEEP = "JSON nested too deeply to read"


def _json_record_or_problem(record: int, item: object) -> ParsedArticle | Problem:
    """A record, where nesting the parser accepted can still be too deep to write back as text
    (metadata is stored as JSON): that is the record's problem, not the file's."""
    try:
        return _json_record(record, item)
    except RecursionError:
        return Problem("too_deep", f"record {record}: {_TOO_DEEP}", record)


def _json_record(record: int, item: object) -> ParsedArticle | Problem:
    where = f"record {record}"
    if not isinstance(item, dict):
        return Problem("not_an_object", f"{where}: expected an object, got {type(item).__name__}", record)
    lowered = {str(key).lower(): value for key, value in item.items()}
    text_key = next((key for key in TEXT_FIELDS if key in lowered), None)
    if text_key is None:
        names = ", ".join(TEXT_FIELDS)
        return Problem("missing_text", f"{where}: no text field (one of {names})", record)
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
    return ParsedArticle(record, body.strip(), metadata=metadata, **_known(fields))  # type: ignore[arg-type]


def _known(fields: dict[str, str]) -> dict[str, str | None]:
    return {name: fields.get(name) or None for name in ("title", "source", "url", "date", "lang")}
