"""What the published warehouse already holds, for incremental runs (read-only)."""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb

from warehouse.layout import WarehouseLayout
from warehouse.rows.core import FileVersion


@dataclass(frozen=True)
class KnownState:
    files: dict[str, FileVersion] = field(default_factory=dict)  # current version by path
    article_ids: frozenset[str] = frozenset()


def read_known_state(layout: WarehouseLayout) -> KnownState:
    if not layout.database.exists():
        return KnownState()
    with duckdb.connect(str(layout.database), read_only=True) as con:
        files = {
            row[0]: FileVersion(row[0], row[1], row[2], row[3], row[4], row[5], tuple(row[6]), row[7])
            for row in con.execute(
                """
                SELECT path, content_sha256, size_bytes, modified_ns, format, encoding,
                       article_ids, quarantined_records
                FROM source_files WHERE status = 'current'
                """
            ).fetchall()
        }
        article_ids = frozenset(row[0] for row in con.execute("SELECT article_id FROM articles").fetchall())
    return KnownState(files, article_ids)
