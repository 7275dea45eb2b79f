"""Why an input could not be used: the reason codes of the quarantine table."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ReasonCode = Literal[
    "unreadable",  # the operating system refused to read the file
    "empty",  # no bytes, or only white space
    "too_large",  # over the configured size limit
    "binary",  # an image, archive, executable or other non-text bytes
    "undecodable",  # no character encoding gives text
    "malformed_json",  # a JSON file or JSON Lines line that does not parse
    "not_an_object",  # a JSON record that is not an object
    "missing_text",  # a JSON record without a text/body field
    "empty_text",  # a record (or a text file after its header) with no article text
    "too_deep",  # JSON nested deeper than the parser can follow
    "bad_name",  # a file name that is not valid UTF-8 (recorded escaped, not read)
    "not_a_file",  # a FIFO, socket, device or link to a folder: never opened for reading
    "outside_link",  # a symbolic link leading out of the input folders: not followed
    "unreadable_folder",  # a folder that could not be listed (its known files are kept)
    "bad_header",  # a header or field value that cannot be read (a date); the article is kept without it
    "future_date",  # a publication date after the file was written; the article is kept undated
    "read_failed",  # an unexpected error while reading the file (the message names it)
    # An article read but set aside by extraction (stored, with no derived rows):
    "extraction_crashed",  # the NLP process died on it (a native crash)
    "extraction_timeout",  # it ran past its time budget
    "extraction_memory",  # it grew the NLP process past the memory limit
    "extraction_failed",  # an error inside the extractor
]


class UnusableInput(Exception):
    """Raised by a transform when a whole input cannot be used."""

    def __init__(self, reason: ReasonCode, message: str) -> None:
        super().__init__(message)
        self.reason: ReasonCode = reason
        self.message = message


@dataclass(frozen=True)
class Problem:
    """One unusable record of an input: the whole file (record -1) or one JSON line/element."""

    reason: ReasonCode
    message: str
    record: int = -1
