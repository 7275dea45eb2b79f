"""A run with nothing new answers before Prefect or any model starts (flows/precheck.py), and
leaves the warehouse and its lake exactly as they were; it is recorded in the run log."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from flows.precheck import run_log_path, unchanged_run
from tests.conftest import REPO

# Runs `newsdesk run` in a fresh interpreter and reports which heavy modules it imported.
CLI_THEN_MODULES = """
import json, sys
from newsdesk.cli import app
try:
    app(sys.argv[1:], prog_name="newsdesk")
except SystemExit as done:
    code = done.code or 0
heavy = ("prefect", "spacy", "flows.ingest", "flows.extraction_worker", "newsdesk.temporary_server")
print("MODULES " + json.dumps({"exit": code, "imported": [name for name in heavy if name in sys.modules]}))
"""


def ingest_with_the_flow(folder: Path, warehouse: Path) -> None:
    from flows.ingest import ingest

    ingest(inputs=[str(folder)], warehouse=str(warehouse))


def fingerprint(warehouse: Path) -> dict[str, str]:
    """Every file of the database and its lake, by path, with its content hash."""
    lake = warehouse.with_name(warehouse.stem + "_lake")
    files = [warehouse, *sorted(path for path in lake.rglob("*") if path.is_file())]
    return {str(path): hashlib.sha256(path.read_bytes()).hexdigest() for path in files}


@pytest.fixture()
def warehouse(tmp_path: Path) -> Path:
    return tmp_path / "out" / "warehouse.duckdb"


@pytest.mark.usefixtures("prefect_harness")
def test_a_run_with_nothing_new_imports_no_prefect_and_changes_no_file(
    articles_folder: Path, warehouse: Path, tmp_path: Path
) -> None:
    ingest_with_the_flow(articles_folder, warehouse)
    before = fingerprint(warehouse)
    env = {name: value for name, value in os.environ.items() if not name.startswith("PREFECT_API")}
    env["PREFECT_HOME"] = str(tmp_path / "prefect-home")
    done = subprocess.run(
        [sys.executable, "-c", CLI_THEN_MODULES, "run", str(articles_folder), "--warehouse", str(warehouse)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
    )
    report = json.loads(next(line for line in done.stdout.splitlines() if line.startswith("MODULES "))[8:])
    assert report == {"exit": 0, "imported": []}, done.stderr
    assert "unchanged (nothing new)" in done.stdout
    assert fingerprint(warehouse) == before
    assert not (tmp_path / "prefect-home").exists()  # no Prefect server, not even its home
    (line,) = run_log_path(warehouse).read_text(encoding="utf-8").splitlines()
    logged = json.loads(line)
    assert (logged["outcome"], logged["files_seen"], logged["files_unchanged"]) == ("unchanged", 6, 6)
    assert logged["inputs"] == [str(articles_folder)]


@pytest.mark.usefixtures("prefect_harness")
def test_a_new_changed_or_deleted_file_leaves_the_run_to_the_flow(articles_folder: Path, warehouse: Path) -> None:
    assert unchanged_run([str(articles_folder)], str(warehouse)) is None  # no database yet
    ingest_with_the_flow(articles_folder, warehouse)
    summary = unchanged_run([str(articles_folder)], str(warehouse))
    assert summary is not None and not summary.published
    assert (summary.files["seen"], summary.files["unchanged"], summary.articles_new) == (6, 6, 0)

    new = articles_folder / "new.txt"
    new.write_text("date 2022-05-01\n\nLe ministre est arrivé à Rabat mercredi.", encoding="utf-8")
    assert unchanged_run([str(articles_folder)], str(warehouse)) is None
    new.unlink()

    changed = sorted(articles_folder.glob("*.txt"))[0]
    stat = changed.stat()
    os.utime(changed, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert unchanged_run([str(articles_folder)], str(warehouse)) is None
    os.utime(changed, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert unchanged_run([str(articles_folder)], str(warehouse)) is not None

    changed.rename(articles_folder.parent / changed.name)  # deleted from the input folder
    assert unchanged_run([str(articles_folder)], str(warehouse)) is None
