"""A poison article (one that kills, hangs or floods the NLP process) never stops a run: it is
stored with its reason, its neighbours are published, and only `reprocess` tries it again."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from tests.conftest import REPO, SEED

NEWSDESK = Path(sys.executable).with_name("newsdesk")


@pytest.fixture()
def poison_extractor(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Runs in this process build their worker with the stand-in extractor of worker_support."""
    from flows import ingest

    monkeypatch.setenv("PYTHONPATH", str(REPO))
    monkeypatch.setenv("NEWSDESK_EXTRACTOR_FACTORY", "tests.worker_support:PoisonExtractor")
    ingest.shared_extractor.cache_clear()
    yield
    ingest.stop_extraction()
    ingest.shared_extractor.cache_clear()


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "seed.txt").write_bytes(SEED.read_bytes())
    (inputs / "crash.txt").write_text("date 2001-05-01\n\nThe staff said POISON-CRASH and left.\n", encoding="utf-8")
    records = [
        {"text": "A calm report from the capital.", "date": "2001-05-02"},
        {"text": "Another one: POISON-CRASH.", "date": "2001-05-03"},
    ]
    (inputs / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return inputs


def rows(warehouse: Path, query: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(query).fetchall()


@pytest.mark.usefixtures("prefect_harness", "poison_extractor")
def test_poison_articles_are_stored_with_their_reason_and_the_rest_is_published(folder: Path, tmp_path: Path) -> None:
    from flows.ingest import ingest

    warehouse = tmp_path / "w.duckdb"
    summary = ingest(inputs=[str(folder)], warehouse=str(warehouse))
    assert summary.published
    assert summary.quarantine_reasons["extraction_crashed"] == 2
    statuses = [row[0] for row in rows(warehouse, "SELECT extraction_status FROM articles ORDER BY 1")]
    assert statuses == ["complete", "complete", "extraction_crashed", "extraction_crashed"]
    quarantined = rows(warehouse, "SELECT regexp_extract(path, '[^/]+$'), record, reason FROM quarantine ORDER BY 1")
    assert quarantined == [("crash.txt", -1, "extraction_crashed"), ("feed.jsonl", 2, "extraction_crashed")]
    texts = {row[0] for row in rows(warehouse, "SELECT text FROM articles")}
    assert "The staff said POISON-CRASH and left." in texts  # nothing is lost


@pytest.mark.usefixtures("prefect_harness", "poison_extractor")
def test_the_next_run_does_not_retry_a_poison_article_and_reprocess_does(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flows import ingest as ingest_module
    from flows.reprocess import reprocess

    warehouse = tmp_path / "w.duckdb"
    ingest_module.ingest(inputs=[str(folder)], warehouse=str(warehouse))
    again = ingest_module.ingest(inputs=[str(folder)], warehouse=str(warehouse))
    assert (again.published, again.articles_new) == (False, 0)

    monkeypatch.setenv("NEWSDESK_EXTRACTOR_FACTORY", "tests.worker_support:ForgivingExtractor")
    ingest_module.stop_extraction()
    ingest_module.shared_extractor.cache_clear()
    retried = reprocess(warehouse=str(warehouse))
    assert retried.articles_extracted == 2  # only the two set aside: the others are current
    assert {row[0] for row in rows(warehouse, "SELECT extraction_status FROM articles")} == {"complete"}


def test_extract_prints_the_good_records_and_sets_the_poison_one_aside(folder: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO), "NEWSDESK_EXTRACTOR_FACTORY": "tests.worker_support:PoisonExtractor"}
    result = subprocess.run(
        [str(NEWSDESK), "extract", str(folder / "feed.jsonl")], env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    documents = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["extraction"]["status"] for d in documents] == ["complete", "extraction_crashed"]
    assert "set aside (record 2): extraction_crashed" in result.stderr


def _start_run(folder: Path, tmp_path: Path) -> subprocess.Popen[str]:
    """`newsdesk run` on an article that hangs the (stand-in) NLP process, in a session of its own."""
    (folder / "hang.txt").write_text("date 2001-05-04\n\nThis one says POISON-HANG.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO), "NEWSDESK_EXTRACTOR_FACTORY": "tests.worker_support:PoisonExtractor"}
    env.pop("PREFECT_API_URL", None)
    return subprocess.Popen(
        [str(NEWSDESK), "run", str(folder), "-w", str(tmp_path / "w.duckdb")],
        env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip


def _wait_for_worker(run: subprocess.Popen[str]) -> list[int]:
    """The run's children once its NLP worker is up (the temporary server starts first)."""
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        children = _children(run.pid)
        if any("extraction_worker" in _command(pid) for pid in children):
            return children
        time.sleep(0.5)
    raise AssertionError("the run never started its extraction worker")


def test_ctrl_c_stops_a_run_at_once_with_one_line_and_status_130(folder: Path, tmp_path: Path) -> None:
    run = _start_run(folder, tmp_path)
    children = _wait_for_worker(run)
    os.killpg(run.pid, signal.SIGINT)  # what the terminal sends to the foreground group
    _, stderr = run.communicate(timeout=30)
    assert run.returncode == 130
    assert stderr.strip().splitlines() == ["interrupted: stopped; the warehouse keeps its last published state"]
    assert _all_gone(children, within=10)
    assert not (tmp_path / "w.duckdb").exists()  # nothing was published


def test_a_killed_run_leaves_no_process_behind(folder: Path, tmp_path: Path) -> None:
    run = _start_run(folder, tmp_path)
    children = _wait_for_worker(run)
    run.kill()  # SIGKILL to the main process alone, as the OOM killer does
    run.communicate(timeout=30)
    assert _all_gone(children, within=20)


def _children(pid: int) -> list[int]:
    found = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [int(line) for line in found.split()]


def _command(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _all_gone(pids: list[int], within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if not any(_command(pid) for pid in pids):
            return True
        time.sleep(0.2)
    return False
