"""Bytes of an input file → text, or a precise reason why the bytes are not usable text.

Handles what news files really come in: UTF-8 with or without BOM, UTF-16/32 with BOM, UTF-16
without BOM, and legacy single-byte encodings (cp1252, latin-1, cp1256, ...) detected with
charset-normalizer. The text is NFC-normalised with LF line ends, because every character
offset in the warehouse refers to this normalised text. Stray C1 controls (cp1252 punctuation
decoded as latin-1 upstream) are repaired, and a few stray C0 controls become spaces; text with
many control characters is not prose and is rejected as binary.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes

from transforms.problems import UnusableInput

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# File signatures of formats that are never article text, even when they decode by chance.
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
    (b"\xd0\xcf\x11\xe0", "legacy Office document"),
)

# Share of control characters (other than tab and line breaks) above which text is not prose.
_MAX_CONTROL_SHARE = 0.01
_MAX_STRAY_CONTROLS = 3  # a short text may carry a few stray ones


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str


def decode_bytes(data: bytes) -> DecodedText:
    """Decode a file's bytes; raise UnusableInput with a reason code if they are not text."""
    if not data.strip():
        raise UnusableInput("empty", "the file is empty or holds only white space")
    _reject_known_binary(data)
    text, encoding = _decode(data)
    text = normalize_text(_repair_c1_controls(text))
    if not text.strip():
        raise UnusableInput("empty", f"the file holds only white space once decoded ({encoding})")
    _reject_control_characters(text)
    return DecodedText(_STRAY_CONTROLS.sub(" ", text), encoding)


def normalize_text(text: str) -> str:
    """NFC, LF line ends, no BOM: the form every stored text and offset uses."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    return unicodedata.normalize("NFC", text)


def _decode(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding)
    if utf16 := _bomless_utf16(data):
        return _strict(data, utf16)
    if b"\x00" in data:
        raise UnusableInput("binary", "the file contains NUL bytes and is not UTF-16/32 text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if western := _plausible_cp1252(data):
        return western, "cp1252"
    best = from_bytes(data).best()
    if best is None:
        raise UnusableInput("undecodable", "no character encoding decodes this file as text")
    return str(best), best.encoding


def _plausible_cp1252(data: bytes) -> str | None:
    """Western European text in cp1252 (a superset of latin-1 for printable text).

    Statistical detectors misjudge short texts (cp1250 for French, big5 for German), yet cp1252
    is by far the most common legacy encoding in news. Accept it when the decoded text is mostly
    ASCII and every other character is a letter or the typographic punctuation cp1252 adds;
    Cyrillic, Greek or Arabic single-byte text is mostly high bytes and fails the first test.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    non_ascii = [char for char in text if ord(char) > 127]
    letters = sum(1 for char in text if char.isalpha())
    if not letters or len(non_ascii) > 0.3 * letters:
        return None
    allowed_punctuation = set("’‘“”–—…«»€°·¡¿§ºª\u00a0")
    if all(char.isalpha() or char in allowed_punctuation for char in non_ascii):
        return text
    return None


def _strict(data: bytes, encoding: str) -> tuple[str, str]:
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as error:
        raise UnusableInput(
            "undecodable", f"the file looks like {encoding} but is not valid {encoding}: {error}"
        ) from None


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM shows NUL bytes at every other position for Latin-script text."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_zeros = data[0::2].count(0) / (len(data) / 2)
    odd_zeros = data[1::2].count(0) / (len(data) / 2)
    if odd_zeros > 0.3 and even_zeros < 0.05:
        return "utf-16-le"
    if even_zeros > 0.3 and odd_zeros < 0.05:
        return "utf-16-be"
    return None


def _reject_known_binary(data: bytes) -> None:
    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise UnusableInput("binary", f"the file is a {kind}, not article text")


_C1_CONTROLS = re.compile("[\u0080-\u009f]")
_STRAY_CONTROLS = re.compile("[\u0000-\u0008\u000b\u000e-\u001f\u007f]")


def _repair_c1_controls(text: str) -> str:
    """C1 control characters in decoded text are cp1252 punctuation ("\x92" for ’) that an
    upstream system decoded as latin-1: restore them (a space for the five bytes cp1252 lacks)."""
    return _C1_CONTROLS.sub(
        lambda match: bytes([ord(match.group())]).decode("cp1252", errors="replace").replace("\ufffd", " "), text
    )


def _reject_control_characters(text: str) -> None:
    controls = sum(1 for char in text if unicodedata.category(char) == "Cc" and char not in "\n\t\f\v")
    if controls > max(_MAX_STRAY_CONTROLS, _MAX_CONTROL_SHARE * len(text)):
        raise UnusableInput("binary", f"{controls} control characters in {len(text)}: not article text")
