"""A run's staging area: the Parquet parts it writes before it publishes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from warehouse.layout import WarehouseLayout
from warehouse.parquet import write_part
from warehouse.schema import stored_tables


@dataclass(frozen=True)
class StagingArea:
    layout: WarehouseLayout
    run_key: str

    @property
    def folder(self) -> Path:
        return self.layout.staging_dir(self.run_key)

    def write(self, rows_by_table: dict[str, list[dict]], part_name: str) -> list[Path]:
        """Write one part per non-empty table; part names must be unique within the run."""
        tables = stored_tables()
        unknown = sorted(set(rows_by_table) - set(tables))
        if unknown:
            raise ValueError(f"rows for tables the schema does not declare: {unknown}")
        return [
            write_part(tables[name], rows, self.folder / name / f"part-{part_name}.parquet")
            for name, rows in sorted(rows_by_table.items())
            if rows
        ]

    def is_empty(self) -> bool:
        return not any(self.folder.glob("*/*.parquet")) if self.folder.exists() else True
