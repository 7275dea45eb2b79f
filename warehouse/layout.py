"""Where a warehouse keeps its files.

    <name>.duckdb          the published database (replaced atomically by each run)
    <name>.duckdb.lock     held by the run that is writing (released if it dies)
    <name>.duckdb.wal      only if another program wrote to the database and died: replayed
                           into the next run's copy and removed before its swap (database_file.py)
    .<name>.duckdb.<run key>.standby   earlier published files, the base of the next runs
    .<name>.duckdb.files.json          their signatures and the published file's (standby.py)
    <name>_lake/           the Parquet lake (warehouse/lake.py), unless placed elsewhere

The database is rebuilt from the lake when the schema changes, so the lake is the durable record
and the database a fast, self-contained copy for SQL (no view reads a path). The lake may live on
another filesystem (`--lake` / NEWSDESK_LAKE: a folder or a URI such as s3://bucket/prefix); the
database and its lock stay on local disk.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from warehouse.lake import Lake


@dataclass(frozen=True)
class WarehouseLayout:
    database: Path
    lake_location: str

    @classmethod
    def at(cls, database: str | Path, lake: str | Path | None = None) -> WarehouseLayout:
        """A path ending in .duckdb names the database; any other path names its folder."""
        path = Path(database).expanduser().resolve()
        path = path if path.suffix == ".duckdb" else path / "warehouse.duckdb"
        return cls(path, str(lake) if lake else str(path.with_name(path.stem + "_lake")))

    @property
    def lake(self) -> Lake:
        return Lake.at(self.lake_location)

    @property
    def local_lake_folder(self) -> Path | None:
        lake = self.lake
        return Path(lake.root) if lake.is_local else None

    @property
    def lock(self) -> Path:
        return self.database.with_name(self.database.name + ".lock")

    def temporary_database(self, run_key: str) -> Path:
        return self.database.with_name(f".{self.database.name}.{run_key}.tmp")
