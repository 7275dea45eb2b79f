"""PLOVER gold records: reading them (every shape the format allows) and reading our actors as
their codes. Shared by the actor and event scorers, so both read the same gold the same way.

The GSR file is a JSON array of records; element 0 is a DOCUMENT record (licence, provenance).
PLOVER includes only non-null fields, the target is optional in some categories and both sides
may be compound, so a side (`source` or `target`) may be:
- missing, null, "" or []: no actor;
- a list of actors, or one actor;
- an actor: {"actorText", "code", "sector"} (any may be missing), or a CAMEO code string such as
  "USA", "USAGOV" (country USA, sector GOV) or "IGO"; a string may list several ("USA, GBR").
A record we cannot read (not an object, no text, a side that is neither) is counted with its
reason and left out; it never stops the scorer.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from transforms.records import Actor

# CAMEO country codes that differ from ISO 3166 alpha-3.
CAMEO_TO_ISO = {"JAP": "JPN", "UNK": "XKX"}
CAMEO_CODE = re.compile(r"[A-Z]{3}[A-Z0-9]*")
CODE_SEPARATORS = re.compile(r"[\s,;/|+]+")
EXAMPLES_SHOWN = 3


class Unreadable(ValueError):
    """A gold record the scorer cannot read; the message is the reason, shared by like records."""


@dataclass(frozen=True)
class GoldActor:
    code: str | None  # ISO3 (CAMEO's JAP read as JPN), IGO, NGO…; None when the gold gives none
    sector: str | None = None
    text: str | None = None


@dataclass(frozen=True)
class PloverRecord:
    record_id: str
    text: str
    event: str | None
    sources: tuple[GoldActor, ...]
    targets: tuple[GoldActor, ...]

    def coded(self) -> list[GoldActor]:
        """Source then target actors that carry a code, each code once."""
        seen: set[str] = set()
        actors = []
        for actor in self.sources + self.targets:
            if actor.code and actor.code not in seen:
                seen.add(actor.code)
                actors.append(actor)
        return actors


@dataclass
class PloverGold:
    records: list[PloverRecord] = field(default_factory=list)
    unreadable: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # reason → ids

    def skip(self, record_id: str, reason: str) -> None:
        self.unreadable[reason].append(record_id)

    def extend(self, other: PloverGold) -> None:
        self.records.extend(other.records)
        for reason, ids in other.unreadable.items():
            self.unreadable[reason].extend(ids)

    def unreadable_summary(self) -> str | None:
        """'N records unreadable: reason (k: id, id…); …', or None when every record was read."""
        total = sum(len(ids) for ids in self.unreadable.values())
        if not total:
            return None
        parts = []
        for reason, ids in sorted(self.unreadable.items(), key=lambda item: (-len(item[1]), item[0])):
            shown = ", ".join(ids[:EXAMPLES_SHOWN]) + (", …" if len(ids) > EXAMPLES_SHOWN else "")
            parts.append(f"{reason} ({len(ids)}: {shown})")
        return f"{total} record{'s' * (total != 1)} unreadable: " + "; ".join(parts)


def read_plover(path: Path) -> PloverGold:
    """Every record of a PLOVER file: a JSON array (the GSR), one object, or JSON Lines."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        gold = PloverGold()
        gold.skip(path.name, f"file unreadable ({error.__class__.__name__})")
        return gold
    return parse_plover(_json_values(text, path.name), path.name)


def _json_values(text: str, name: str) -> Iterable[tuple[str, object]]:
    """(where, value) for each record; a line that is not JSON becomes an Unreadable value."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        # Not one JSON document: read it as JSON Lines, the usual shape of PLOVER event data.
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                yield f"{name}:{number}", _loads_or_unreadable(line)
        return
    for index, record in enumerate(data if isinstance(data, list) else [data]):
        yield f"{name}[{index}]", record


def _loads_or_unreadable(line: str) -> object:
    try:
        return json.loads(line)
    except json.JSONDecodeError:
        return Unreadable("not JSON")


def parse_plover(values: Iterable[tuple[str, object]], name: str = "") -> PloverGold:
    gold = PloverGold()
    for where, value in values:
        found_id = value.get("id") if isinstance(value, dict) else None
        record_id = found_id if isinstance(found_id, str) else where
        try:
            record = parse_record(value, record_id)
        except Unreadable as problem:
            gold.skip(record_id, str(problem))
            continue
        if record is not None:
            gold.records.append(record)
    return gold


def parse_record(value: object, record_id: str) -> PloverRecord | None:
    """One gold record, None for a DOCUMENT record (documentation, no event)."""
    if isinstance(value, Unreadable):
        raise value
    if not isinstance(value, dict):
        raise Unreadable(f"record is a {_kind(value)}, not an object")
    event = value.get("event")
    if event == "DOCUMENT":
        return None
    if event is not None and not isinstance(event, str):
        raise Unreadable(f"event is a {_kind(event)}")
    text = value.get("text")
    if not isinstance(text, str) or not text.strip():
        raise Unreadable("no text")
    return PloverRecord(
        record_id=record_id,
        text=text.strip(),
        event=event or None,
        sources=parse_side(value.get("source"), "source"),
        targets=parse_side(value.get("target"), "target"),
    )


def parse_side(value: object, role: str) -> tuple[GoldActor, ...]:
    """A source or target field, in any shape the format allows (see the module docstring)."""
    if value is None or value == "" or value == []:
        return ()
    items = value if isinstance(value, list) else [value]
    actors: list[GoldActor] = []
    for item in items:
        if isinstance(item, str):
            actors.extend(_code_actors(item, role))
        elif isinstance(item, dict):
            actors.append(_dict_actor(item, role))
        elif item is not None:
            raise Unreadable(f"{role} holds a {_kind(item)}")
    return tuple(actors)


def _code_actors(value: str, role: str) -> list[GoldActor]:
    tokens = [token for token in CODE_SEPARATORS.split(value.strip()) if token]
    if not all(CAMEO_CODE.fullmatch(token) for token in tokens):
        # Free text ("Tokyo") names an actor but not its country: nothing to score it against.
        raise Unreadable(f"{role} is text without a CAMEO code")
    return [_coded(token, None, None) for token in tokens]


def _dict_actor(item: dict, role: str) -> GoldActor:
    code, sector, text = item.get("code"), item.get("sector"), item.get("actorText")
    if code in (None, ""):
        return GoldActor(None, sector if isinstance(sector, str) else None, text if isinstance(text, str) else None)
    if not isinstance(code, str) or not CAMEO_CODE.fullmatch(code.strip().upper()):
        raise Unreadable(f"{role} code is not a CAMEO code")
    return _coded(
        code.strip().upper(), sector if isinstance(sector, str) else None, text if isinstance(text, str) else None
    )


def _coded(code: str, sector: str | None, text: str | None) -> GoldActor:
    """A CAMEO code: three letters of country (or IGO, NGO…), then an optional sector (USAGOV)."""
    country, rest = code[:3], code[3:]
    return GoldActor(CAMEO_TO_ISO.get(country, country), sector or rest or None, text)


def _kind(value: object) -> str:
    return {bool: "boolean", int: "number", float: "number", str: "string", list: "list", dict: "object"}.get(
        type(value), type(value).__name__
    )


def plover_codes(actor: Actor) -> set[str]:
    """The actor's country (ISO 3166 alpha-3), plus IGO for international organisations and NGO
    for other organisations that belong to no country (the GSR's sector-style codes)."""
    codes = {actor.country} if actor.country else set()
    if actor.type == "igo" or actor.sector == "IGO":
        codes.add("IGO")
    if actor.sector == "NGO" or (actor.type == "organization" and not actor.country):
        codes.add("NGO")
    return codes
