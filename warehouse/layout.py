"""Where a warehouse keeps its files.

    <name>.duckdb                      the published database (replaced atomically by each run)
    <name>.duckdb.lock                 held by the run that is writing (released if it dies)
    <name>_lake/runs/run=<key>/<table>/part-NNNNN.parquet
                                       the rows each completed run produced (immutable)
    <name>_lake/_staging/run=<key>/... the parts of a run still in progress (invisible)

The database is rebuilt from the lake by every run that changes something, so the lake is the
durable record and the database a fast, self-contained copy for SQL (no view reads a path).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class WarehouseLayout:
    database: Path

    @classmethod
    def at(cls, database: str | Path) -> "WarehouseLayout":
        """A path ending in .duckdb names the database; any other path names its folder."""
        path = Path(database).expanduser().resolve()
        return cls(path if path.suffix == ".duckdb" else path / "warehouse.duckdb")

    @property
    def lake(self) -> Path:
        return self.database.with_name(self.database.stem + "_lake")

    @property
    def runs(self) -> Path:
        return self.lake / "runs"

    @property
    def staging(self) -> Path:
        return self.lake / "_staging"

    @property
    def lock(self) -> Path:
        return self.database.with_name(self.database.name + ".lock")

    def run_dir(self, run_key: str) -> Path:
        return self.runs / f"run={run_key}"

    def staging_dir(self, run_key: str) -> Path:
        return self.staging / f"run={run_key}"

    def temporary_database(self, run_key: str) -> Path:
        return self.database.with_name(f".{self.database.name}.{run_key}.tmp")
