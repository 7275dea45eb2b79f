"""The Parquet lake: every run's rows as immutable Parquet parts, on any pyarrow filesystem.

    <lake>/runs/run=<key>/<table>/part-<name>.parquet   the rows one run produced
    <lake>/runs/run=<key>/_PUBLISHING                   written just before the database swap
    <lake>/runs/run=<key>/_COMMITTED                    written once the run is published
    <lake>/set-aside/run=<key>/...                      runs recovery could not place (kept, never read)
    <lake>/snapshots/snapshot=<key>/<table>/part-snapshot.parquet
                                                        the tables as of the runs folded into it
    <lake>/snapshots/snapshot=<key>/_RUNS               the keys of those runs (JSON), then
    <lake>/snapshots/snapshot=<key>/_COMMITTED          written last: the snapshot replaces them

The lake is a local folder by default (beside the database) or any URI pyarrow opens:
`file:///data/lake`, `s3://bucket/newsdesk`, `gs://...`. Nothing here renames a folder or relies
on atomic directory moves, which object stores do not have: a run writes its parts, and only the
`_COMMITTED` marker, written after the database swap, makes them part of history. `_PUBLISHING`,
written durably before the swap, tells recovery that the swap may have happened, so a run whose
`_COMMITTED` marker was lost is never mistaken for one that was only staged (warehouse/publish.py).
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from pyarrow import fs

from warehouse.schema import Table

COMMIT_MARKER = "_COMMITTED"
PUBLISHING_MARKER = "_PUBLISHING"
SET_ASIDE_FOLDER = "set-aside"
SNAPSHOT_FOLDER = "snapshots"
FOLDED_RUNS = "_RUNS"
PART_COLUMN, ROW_COLUMN = "_part", "_row"  # added when parts are read, for ordering and ownership


@dataclass(frozen=True)
class Lake:
    filesystem: fs.FileSystem
    root: str

    @classmethod
    def at(cls, location: str | Path) -> Lake:
        """A folder path, or a URI: pyarrow's own schemes (file, s3, gs, hdfs), else fsspec's."""
        text = str(location)
        if "://" not in text:
            text = str(Path(text).expanduser().resolve())
        try:
            filesystem, root = fs.FileSystem.from_uri(text)
        except pa.ArrowInvalid:  # a scheme pyarrow does not know: any fsspec implementation
            import fsspec

            protocol, _, path = text.partition("://")
            filesystem, root = fs.PyFileSystem(fs.FSSpecHandler(fsspec.filesystem(protocol))), f"/{path.strip('/')}"
        return cls(filesystem, root.rstrip("/"))

    @property
    def is_local(self) -> bool:
        return isinstance(self.filesystem, fs.LocalFileSystem)

    def run_folder(self, run_key: str) -> str:
        return f"{self.root}/runs/run={run_key}"

    def snapshot_folder(self, key: str) -> str:
        return f"{self.root}/{SNAPSHOT_FOLDER}/snapshot={key}"

    # --- writing ---------------------------------------------------------------------------

    def write_part(self, table: Table, rows: Sequence[dict], run_key: str, part_name: str) -> str:
        """Write rows (dicts with exactly the table's columns) as one part; return its path."""
        _check_columns(table, rows)
        arrow_table = pa.Table.from_pylist(list(rows), schema=table.arrow_schema())
        folder = f"{self.run_folder(run_key)}/{table.name}"
        path = f"{folder}/part-{part_name}.parquet"
        self.filesystem.create_dir(folder, recursive=True)
        if self.is_local:  # a reader never sees half a file: write aside, then rename
            temporary = f"{folder}/.part-{part_name}.parquet.tmp"
            pq.write_table(arrow_table, temporary, filesystem=self.filesystem, compression="zstd")
            _fsync_local(temporary)
            self.filesystem.move(temporary, path)
        else:  # an object store makes a new object visible whole, or not at all
            pq.write_table(arrow_table, path, filesystem=self.filesystem, compression="zstd")
        return path

    def delete_part(self, table_name: str, run_key: str, part_name: str) -> None:
        """Remove a part an earlier attempt of the same batch may have written."""
        path = f"{self.run_folder(run_key)}/{table_name}/part-{part_name}.parquet"
        if self._exists(path):
            self.filesystem.delete_file(path)

    def commit(self, run_key: str) -> None:
        self._write_marker(run_key, COMMIT_MARKER)

    def mark_publishing(self, run_key: str) -> None:
        """Record, durably, that the run's database may be swapped in from now on."""
        self._write_marker(run_key, PUBLISHING_MARKER)

    def unmark_publishing(self, run_key: str) -> None:
        """The swap failed for sure: the run is back to merely staged."""
        path = f"{self.run_folder(run_key)}/{PUBLISHING_MARKER}"
        if self._exists(path):
            self.filesystem.delete_file(path)

    def delete_run(self, run_key: str) -> None:
        self.filesystem.delete_dir(self.run_folder(run_key))

    def write_snapshot_part(self, key: str, table: Table, rows: pa.Table) -> str:
        """One table of a snapshot (compaction.py), written as one part."""
        folder = f"{self.snapshot_folder(key)}/{table.name}"
        path = f"{folder}/part-snapshot.parquet"
        self.filesystem.create_dir(folder, recursive=True)
        pq.write_table(
            rows.cast(table.arrow_schema().with_metadata(None)), path, filesystem=self.filesystem, compression="zstd"
        )
        if self.is_local:
            _fsync_local(path)
            _fsync_local(folder)
        return path

    def commit_snapshot(self, key: str, folded: Sequence[str]) -> None:
        """Record the runs a complete snapshot holds, then commit it: from the marker on, it
        replaces those runs (written last, in one PUT on an object store)."""
        path = f"{self.snapshot_folder(key)}/{FOLDED_RUNS}"
        with self.filesystem.open_output_stream(path) as output:
            output.write(json.dumps(sorted(folded)).encode())
        if self.is_local:
            _fsync_local(path)
        marker = f"{self.snapshot_folder(key)}/{COMMIT_MARKER}"
        with self.filesystem.open_output_stream(marker) as output:
            output.write(key.encode())
        if self.is_local:
            _fsync_local(marker)
            _fsync_local(self.snapshot_folder(key))

    def delete_snapshot(self, key: str) -> None:
        self.filesystem.delete_dir(self.snapshot_folder(key))

    def set_aside(self, run_key: str) -> str:
        """Move a run out of `runs/` (file by file: object stores cannot rename a folder); return
        where it went. The run folder goes last, so an interrupted move is simply done again."""
        source, target = self.run_folder(run_key), f"{self.root}/{SET_ASIDE_FOLDER}/run={run_key}"
        selector = fs.FileSelector(source, recursive=True, allow_not_found=True)
        for info in self.filesystem.get_file_info(selector):
            if info.type == fs.FileType.File:
                destination = target + info.path[len(source) :]
                self.filesystem.create_dir(destination.rsplit("/", 1)[0], recursive=True)
                self.filesystem.copy_file(info.path, destination)
        self.delete_run(run_key)
        return target

    def _write_marker(self, run_key: str, name: str) -> None:
        path = f"{self.run_folder(run_key)}/{name}"
        with self.filesystem.open_output_stream(path) as marker:
            marker.write(run_key.encode())
        if self.is_local:  # on disk before the step it announces (an object's PUT is durable when it returns)
            _fsync_local(path)
            _fsync_local(self.run_folder(run_key))

    # --- reading ---------------------------------------------------------------------------

    def has_marker(self, run_key: str, name: str) -> bool:
        return self._exists(f"{self.run_folder(run_key)}/{name}")

    def run_keys(self) -> tuple[list[str], list[str]]:
        """(committed, uncommitted) run keys, oldest first."""
        runs = self.filesystem.get_file_info(fs.FileSelector(f"{self.root}/runs", allow_not_found=True))
        keys = sorted(
            info.base_name.removeprefix("run=")
            for info in runs
            if info.type == fs.FileType.Directory and info.base_name.startswith("run=")
        )
        committed = [key for key in keys if self._exists(f"{self.run_folder(key)}/{COMMIT_MARKER}")]
        return committed, [key for key in keys if key not in committed]

    def snapshot_keys(self) -> tuple[list[str], list[str]]:
        """(committed, uncommitted) snapshot keys, oldest first."""
        found = self.filesystem.get_file_info(fs.FileSelector(f"{self.root}/{SNAPSHOT_FOLDER}", allow_not_found=True))
        keys = sorted(
            i.base_name.removeprefix("snapshot=")
            for i in found
            if i.type == fs.FileType.Directory and i.base_name.startswith("snapshot=")
        )
        committed = [key for key in keys if self._exists(f"{self.snapshot_folder(key)}/{COMMIT_MARKER}")]
        return committed, [key for key in keys if key not in committed]

    def latest_snapshot(self) -> tuple[str, list[str]] | None:
        """The newest committed snapshot's key and the run keys folded into it."""
        committed, _ = self.snapshot_keys()
        if not committed:
            return None
        with self.filesystem.open_input_stream(f"{self.snapshot_folder(committed[-1])}/{FOLDED_RUNS}") as runs:
            return committed[-1], list(json.loads(runs.read().decode()))

    def part_paths(self, run_key: str) -> dict[str, list[str]]:
        """The run's part paths by table name, each list sorted by part name."""
        return self.parts_under(self.run_folder(run_key))

    def parts_under(self, folder: str) -> dict[str, list[str]]:
        """The part paths of a run's or a snapshot's folder by table name, each list sorted."""
        selector = fs.FileSelector(folder, recursive=True, allow_not_found=True)
        parts: dict[str, list[str]] = {}
        for info in self.filesystem.get_file_info(selector):
            if (
                info.type == fs.FileType.File
                and info.base_name.startswith("part-")
                and info.base_name.endswith(".parquet")
            ):
                table = info.path.rsplit("/", 2)[-2]
                parts.setdefault(table, []).append(info.path)
        return {table: sorted(paths) for table, paths in parts.items()}

    def read_parts(self, table: Table, paths: Sequence[str]) -> pa.Table:
        """Parts of one table as one Arrow table, with each row's part name and position.

        Parts written by an older schema lack newer columns: those come back as nulls.
        """
        pieces = []
        for path in paths:
            piece = pq.read_table(path, filesystem=self.filesystem)
            for field in table.arrow_schema():
                if field.name not in piece.column_names:
                    piece = piece.append_column(field.name, pa.nulls(piece.num_rows, field.type))
            piece = piece.select(list(table.column_names)).cast(table.arrow_schema().with_metadata(None), safe=False)
            name = path.rsplit("/", 1)[-1]
            piece = piece.append_column(PART_COLUMN, pa.array([name] * piece.num_rows, pa.string()))
            pieces.append(piece.append_column(ROW_COLUMN, pa.array(range(piece.num_rows), pa.int64())))
        return pa.concat_tables(pieces)

    def _exists(self, path: str) -> bool:
        return self.filesystem.get_file_info(path).type != fs.FileType.NotFound


def _check_columns(table: Table, rows: Sequence[dict]) -> None:
    expected = set(table.column_names)
    for row in rows:
        if set(row) != expected:
            missing = sorted(expected - set(row))
            extra = sorted(set(row) - expected)
            raise ValueError(f"{table.name} row does not match the schema: missing {missing}, extra {extra}")


def _fsync_local(path: str) -> None:
    """fsync a file or a folder (a folder's entry for a new file is durable only once it is)."""
    descriptor = os.open(path, os.O_RDONLY | (os.O_DIRECTORY if os.path.isdir(path) else 0))
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
