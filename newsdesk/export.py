"""`newsdesk export`: a mart, table or view to Parquet or CSV, and the events as PLOVER-style JSON.

Parquet and CSV are written by DuckDB itself (`COPY ... TO`), rows in a stable order, so the same
warehouse always gives the same file. Parquet keeps DuckDB's types (lists stay lists); CSV writes
every list, map or struct cell as JSON. `--out -` writes the file to standard output. Every export is written to a temporary file beside the
target, then renamed over it, through a read-only connection allowed to write that one file; the
target may not be the warehouse, a file of it or anything in its lake (symlinks resolved). The PLOVER export writes one JSON object per line (JSON
Lines) in the field names of the PLOVER event records (id, date, event, mode, context, source,
target, eventText, text, language, publication...), with newsdesk's extra coding (CAMEO, quad
class, Goldstein, date range, provenance) under a "newsdesk" key, as PLOVER allows extensions.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
from rich.console import Console

from newsdesk.config import lake_location
from warehouse.layout import WarehouseLayout
from warehouse.readonly import open_read_only

FORMATS = {"parquet": "parquet", "csv": "csv", "plover-json": "jsonl"}  # format -> file extension
EXPORT_FOLDER = Path("data") / "exports"
RELATION_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")  # how every table and view of the schema is named

# Row order of the marts (tables are ordered by their primary key, other views by every column).
MART_ORDER = {
    "event_timeline": "event_id",
    "dyads_monthly": "source_country, target_country, month",
    "actor_profile": "actor_id",
    "agreements_overview": "agreement_id",
    "coverage": "dimension, value",
}


class ExportError(Exception):
    """Something the user can fix: an unknown name or format, a missing warehouse."""


@dataclass(frozen=True)
class Exported:
    path: Path
    rows: int


STDOUT = Path("-")  # `--out -`: standard output


def main(warehouse: Path, name: str, format: str, out: Path | None) -> int:
    """The CLI command: export and say (on stderr) what was written; 2 on a user error."""
    console = Console(stderr=True)
    try:
        exported = export_to_stdout(warehouse, name, format) if out == STDOUT else export(warehouse, name, format, out)
    except ExportError as error:
        console.print(f"[red]error:[/red] {error}")
        return 2
    console.print(f"wrote {exported.rows} rows of {name} to {exported.path}")
    return 0


def export(warehouse: Path, name: str, format: str, out: Path | None = None) -> Exported:
    """Write `name` to `out` (default data/exports/NAME.EXT) through a temporary file and a rename.

    Everything is checked before anything is created: the format, the name (a relation of the
    warehouse) and the target (never the warehouse, its lake or a file beside the database).
    """
    _check_request(name, format)
    if format == "plover-json" and name != "events":
        raise ExportError("plover-json exports events only: newsdesk export events --format plover-json")
    if not warehouse.exists():
        raise ExportError(f"no warehouse at {warehouse}: run `make run` (or `newsdesk run`) first")
    path = checked_target(warehouse, out or EXPORT_FOLDER / f"{name}.{FORMATS[format]}")
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    # The connection may write the temporary file and nothing else.
    with open_read_only(warehouse, output=temporary) as con:
        order = _order_of(con, name)
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            if format == "plover-json":
                rows = _write_json_lines(temporary, plover_records(con))
            else:
                rows = _copy(con, name, format, order, temporary)
            os.replace(temporary, path)  # readers see the old file or the whole new one
        finally:
            temporary.unlink(missing_ok=True)
    return Exported(path, rows)


def export_to_stdout(warehouse: Path, name: str, format: str) -> Exported:
    """`export --out -`: the same file, written to a private temporary folder, then copied to
    standard output (the sandboxed connection can only write a named file)."""
    _check_request(name, format)
    with tempfile.TemporaryDirectory(prefix="newsdesk-export-") as folder:
        exported = export(warehouse, name, format, Path(folder) / f"{name}.{FORMATS[format]}")
        with exported.path.open("rb") as file:
            shutil.copyfileobj(file, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    return Exported(STDOUT, exported.rows)


def _check_request(name: str, format: str) -> None:
    if format not in FORMATS:
        raise ExportError(f"unknown format {format!r}: choose one of {', '.join(FORMATS)}")
    if not RELATION_NAME.fullmatch(name):  # before it is joined to a path: no "../" ever reaches mkdir
        raise ExportError(f"the warehouse has no table or view named {name!r}")


def checked_target(warehouse: Path, out: Path) -> Path:
    """`out` with symlinks resolved; ExportError when it is the warehouse, lies in its lake, sits
    beside the database under its name (lock, WAL, a run's temporary copy) or is a folder."""
    target = out.expanduser().resolve()
    database = warehouse.resolve()
    beside = target.parent == database.parent and target.name.startswith((database.name, f".{database.name}."))
    hard_link = target.exists() and os.path.samefile(target, database)
    if beside or hard_link:
        raise ExportError(f"refusing to write {out}: it is the warehouse {database} or one of its files")
    for lake in _lake_folders(database):
        if target.is_relative_to(lake):
            raise ExportError(f"refusing to write {out}: it is inside the warehouse's lake {lake}")
    if target.is_dir():
        raise ExportError(f"refusing to write {out}: it is a folder; name the file to write")
    return target


def _lake_folders(database: Path) -> list[Path]:
    """The local lake folders of the warehouse: the default one beside it and $NEWSDESK_LAKE.

    Read from the location strings, not through warehouse.lake: opening an s3:// lake may
    touch the network, and a remote lake is out of an export's reach anyway.
    """
    folders = []
    for location in (WarehouseLayout.at(database).lake_location, lake_location()):
        if location and location.startswith("file://"):
            location = location.removeprefix("file://")
        if location and "://" not in location:
            folders.append(Path(location).expanduser().resolve())
    return folders


def _copy(con: duckdb.DuckDBPyConnection, name: str, format: str, order: str, path: Path) -> int:
    # USE_TMP_FILE false: DuckDB's own temporary name would be outside the one allowed path.
    options = "FORMAT parquet, COMPRESSION zstd" if format == "parquet" else "FORMAT csv, HEADER"
    columns = "*" if format == "parquet" else _csv_columns(con, name)  # Parquet keeps native types
    target = str(path).replace("'", "''")
    con.execute(
        f"COPY (SELECT {columns} FROM \"{name}\" ORDER BY {order}) TO '{target}' ({options}, USE_TMP_FILE false)"
    )
    counted = con.execute(f'SELECT count(*) FROM "{name}"').fetchone()
    return int(counted[0]) if counted else 0


def _csv_columns(con: duckdb.DuckDBPyConnection, name: str) -> str:
    """The select list of a CSV export: lists, maps and structs as JSON text.

    DuckDB's own text form of a list depends on the element type (`['state:ISR', 'state:MAR']`
    for one column, `[Israel, Morocco]` for another) and cannot be parsed back; JSON can.
    """
    described = con.execute(f'DESCRIBE SELECT * FROM "{name}"').fetchall()
    return ", ".join(
        f'to_json("{column}")::VARCHAR AS "{column}"' if _is_nested(column_type) else f'"{column}"'
        for column, column_type, *_ in described
    )


def _is_nested(column_type: str) -> bool:
    return column_type.endswith("]") or column_type.startswith(("STRUCT", "MAP", "UNION"))


def _order_of(con: duckdb.DuckDBPyConnection, name: str) -> str:
    """How to sort `name` for a stable file; raises ExportError when the warehouse has no such relation."""
    kinds = dict(
        con.execute(
            "SELECT table_name, 'table' FROM duckdb_tables() WHERE NOT internal "
            "UNION ALL SELECT view_name, 'view' FROM duckdb_views() WHERE NOT internal"
        ).fetchall()
    )
    if name not in kinds:
        marts = ", ".join(MART_ORDER)
        raise ExportError(f"the warehouse has no table or view named {name!r} (marts: {marts})")
    if name in MART_ORDER:
        return MART_ORDER[name]
    keys = con.execute(
        "SELECT constraint_column_names FROM duckdb_constraints() "
        "WHERE table_name = ? AND constraint_type = 'PRIMARY KEY'",
        [name],
    ).fetchone()
    return ", ".join(f'"{column}"' for column in keys[0]) if keys else "ALL"


def _write_json_lines(path: Path, records: Iterator[dict[str, Any]]) -> int:
    count = 0
    with path.open("x", encoding="utf-8") as file:  # a fresh temporary file, never an existing one
        for record in records:
            file.write(json.dumps(record, ensure_ascii=False, default=_json_value) + "\n")
            count += 1
    return count


def _json_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


# --- PLOVER records ---------------------------------------------------------------------------

_EVENTS = """
SELECT t.*, a.url AS article_url, a.published_raw AS article_published_raw
FROM event_timeline AS t LEFT JOIN articles AS a USING (article_id)
ORDER BY t.event_id
"""
_ACTORS = "SELECT actor_id, name, type, country, sector FROM actors"
# How the evidence sentence writes each participant (event_actors of the evidence article).
_ACTOR_TEXTS = """
SELECT ea.event_id, ea.actor_id, ea.role, ea.actor_text
FROM event_actors AS ea JOIN events AS e ON e.event_id = ea.event_id AND e.first_article_id = ea.article_id
WHERE ea.actor_text IS NOT NULL
"""


def plover_records(con: duckdb.DuckDBPyConnection) -> Iterator[dict[str, Any]]:
    """One PLOVER-style record per event, sorted by event id; empty fields are left out."""
    actors = {row[0]: row[1:] for row in con.execute(_ACTORS).fetchall()}
    texts = {(event, actor, role): text for event, actor, role, text in con.execute(_ACTOR_TEXTS).fetchall()}
    result = con.execute(_EVENTS)
    columns = [description[0] for description in result.description]
    for values in result.fetchall():
        event = dict(zip(columns, values))
        yield _plover_record(event, actors, texts)


def _plover_record(
    event: dict[str, Any], actors: dict[str, tuple], texts: dict[tuple[str, str, str], str]
) -> dict[str, Any]:
    def participants(role: str, ids: list[str]) -> list[dict[str, Any]]:
        return [
            _plover_actor(actor_id, actors.get(actor_id), texts.get((event["event_id"], actor_id, role)))
            for actor_id in ids
        ]

    record = {
        "id": event["event_id"],
        "date": event["date_start"],
        "event": event["event_type"],
        "mode": event["mode"],
        "context": event["context"],
        "source": participants("source", event["source_ids"]),
        "target": participants("target", event["target_ids"]),
        "eventText": event["trigger"],
        "eventLoc": _drop_empty({"placeName": event["location"], "countryCode": event["location_country"]}),
        "text": event["evidence"],
        "language": event["article_language"],
        "publication": event["article_source"],
        "url": event["article_url"],
        "coder": "newsdesk",
        "newsdesk": _drop_empty(
            {
                "cameo": event["cameo_code"],
                "quadClass": event["quad_class"],
                "goldstein": event["goldstein"],
                "dateStart": event["date_start"],
                "dateEnd": event["date_end"],
                "datePrecision": event["date_precision"],
                "dateSource": event["date_source"],
                "negated": event["negated"],
                "modality": event["modality"],
                "confidence": event["confidence"],
                "articleId": event["article_id"],
                "sentence": event["sentence"],
                "triggerStart": event["trigger_start"],
                "triggerEnd": event["trigger_end"],
                "published": event["article_published_raw"],
                "numMentions": event["num_mentions"],
                "numArticles": event["num_articles"],
                "numSources": event["num_sources"],
                "languages": event["languages"],
            }
        ),
    }
    return _drop_empty(record)


def _plover_actor(actor_id: str, actor: tuple | None, text: str | None) -> dict[str, Any]:
    """A PLOVER actor: how the text writes it, its code (ISO3 country, IGO for international
    bodies) and sector, plus newsdesk's id, name and type."""
    name, kind, country, sector = actor or (actor_id, None, None, None)
    code = country or ("IGO" if kind == "igo" else None)
    return _drop_empty(
        {"actorText": text or name, "code": code, "sector": sector, "actorId": actor_id, "name": name, "type": kind}
    )


def _drop_empty(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None and value != [] and value != {}}
