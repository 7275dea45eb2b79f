"""How `newsdesk sql` writes a query's result: a table for the terminal, or CSV, JSON, Markdown or
Parquet for other programs.

The table is DuckDB's own box renderer (what `duckdb` and `relation.show()` print): column types
under the names, NULL written as NULL (an empty string stays empty), long cells cut with `…` and
the columns that do not fit the width left out in the middle with a `…` column and a
"N columns (M shown)" footer, instead of squeezing 39 columns into unreadable slivers.

In CSV and Markdown a list, map or struct cell is written as JSON (`["state:ISR","state:MAR"]`),
the one spelling every reader can parse; JSON keeps them as JSON arrays and objects; Parquet keeps
DuckDB's native types.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import sys
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO
from uuid import UUID

if TYPE_CHECKING:  # duckdb loads only when a query runs, not for `newsdesk --help`
    import duckdb

STDOUT = "-"  # `--out -`: standard output, as everywhere in newsdesk


class ResultFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    markdown = "markdown"
    parquet = "parquet"


class ResultError(Exception):
    """Something the user can fix (parquet to a terminal)."""


def table_text(relation: duckdb.DuckDBPyRelation, width: int, max_rows: int | None = None) -> str:
    """DuckDB's box rendering of `relation`, at most `width` characters wide."""
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):  # show() prints through Python's print
        relation.show(max_width=width, max_rows=max_rows, max_col_width=max(20, width // 3), null_value="NULL")
    return buffer.getvalue()


def cell_json(value: Any) -> Any:
    """A DuckDB value as plain JSON data: lists and maps stay structures, the rest becomes text."""
    if isinstance(value, dict):
        return {str(key): cell_json(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [cell_json(item) for item in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, (Decimal, UUID, timedelta)):
        return str(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()
    return str(value)


def cell_text(value: Any) -> str:
    """One CSV or Markdown cell: lists and maps as compact JSON, NULL as the empty string."""
    if value is None:
        return ""
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(cell_json(value), ensure_ascii=False, separators=(",", ":"))
    plain = cell_json(value)
    return plain if isinstance(plain, str) else json.dumps(plain)


def csv_text(columns: list[str], rows: list[tuple]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([cell_text(value) for value in row] for row in rows)
    return buffer.getvalue()


def json_text(columns: list[str], rows: list[tuple]) -> str:
    records = [{column: cell_json(value) for column, value in zip(columns, row)} for row in rows]
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def markdown_text(columns: list[str], rows: list[tuple]) -> str:
    """A GitHub-flavoured pipe table; NULL is written NULL so it differs from an empty string."""

    def cell(value: Any) -> str:
        text = "NULL" if value is None else cell_text(value)
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")

    lines = ["| " + " | ".join(cell(column) for column in columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(value) for value in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def write_result(relation: duckdb.DuckDBPyRelation, format: ResultFormat, out: str | None, width: int) -> None:
    """Write `relation` in `format` to `out` (a file path, or standard output for None and "-")."""
    if format is ResultFormat.parquet:
        if out is None or (out == STDOUT and sys.stdout.isatty()):
            raise ResultError("--format parquet writes a binary file: give --out FILE (or --out - into a pipe)")
        _write_bytes(out, _parquet_bytes(relation))
        return
    if format is ResultFormat.table:
        text = table_text(relation, width)
    else:
        columns, rows = relation.columns, relation.fetchall()
        render = {ResultFormat.csv: csv_text, ResultFormat.json: json_text, ResultFormat.markdown: markdown_text}[
            format
        ]
        text = render(columns, rows)
    _write_bytes(out or STDOUT, text.encode("utf-8"))


def _parquet_bytes(relation: duckdb.DuckDBPyRelation) -> bytes:
    """Parquet written by pyarrow in this process, so the locked connection never writes a file."""
    import pyarrow.parquet as pq

    buffer = io.BytesIO()
    pq.write_table(relation.to_arrow_table(), buffer, compression="zstd")
    return buffer.getvalue()


def _write_bytes(out: str, data: bytes) -> None:
    if out == STDOUT:
        stream: BinaryIO = sys.stdout.buffer
        stream.write(data)
        stream.flush()
        return
    Path(out).expanduser().write_bytes(data)
