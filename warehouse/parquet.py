"""Parquet parts: written with the schema's pyarrow types, atomically (temp file, then rename)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from warehouse.schema import Table


def write_part(table: Table, rows: Sequence[dict], path: Path) -> Path:
    """Write rows (dicts with exactly the table's columns) as one Parquet file, atomically."""
    _check_columns(table, rows)
    arrow_table = pa.Table.from_pylist(list(rows), schema=table.arrow_schema())
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    pq.write_table(arrow_table, temporary, compression="zstd")
    _fsync(temporary)
    os.replace(temporary, path)
    return path


def _check_columns(table: Table, rows: Sequence[dict]) -> None:
    expected = set(table.column_names)
    for row in rows:
        if set(row) != expected:
            missing = sorted(expected - set(row))
            extra = sorted(set(row) - expected)
            raise ValueError(f"{table.name} row does not match the schema: missing {missing}, extra {extra}")


def _fsync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())
