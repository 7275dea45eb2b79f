"""A run's parts before it is published: written into the lake, invisible until committed."""

from __future__ import annotations

from dataclasses import dataclass

from warehouse.lake import Lake
from warehouse.schema import stored_tables


@dataclass(frozen=True)
class StagingArea:
    lake: Lake
    run_key: str

    def write(self, rows_by_table: dict[str, list[dict]], part_name: str) -> list[str]:
        """Write one part per non-empty table; part names must be unique within the run. Writing
        the same part name again (a retried batch) replaces every table's part, empty ones too."""
        tables = stored_tables()
        unknown = sorted(set(rows_by_table) - set(tables))
        if unknown:
            raise ValueError(f"rows for tables the schema does not declare: {unknown}")
        for name in sorted(tables):
            if not rows_by_table.get(name):
                self.lake.delete_part(name, self.run_key, part_name)
        return [
            self.lake.write_part(tables[name], rows, self.run_key, part_name)
            for name, rows in sorted(rows_by_table.items())
            if rows
        ]
