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
