"""Extraction in a worker process: an article that crashes, hangs or eats memory is set aside,
its neighbours land, and the worker never outlives the run.

The stand-in extractor (tests/worker_support.py) misbehaves on marker words, so these tests need
no model; tests/test_syntax.py and tests/test_fuzz_extraction.py push text through the real one.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from flows.extraction_worker import (
    COMPLETE,
    CRASHED,
    FAILED,
    MEMORY,
    TIMEOUT,
    ExtractionWorker,
    Limits,
    WorkerStartFailed,
    resident_bytes,
)  # fmt: skip
from tests.actors_support import article
from tests.conftest import REPO

POISON = "tests.worker_support:PoisonExtractor"
QUICK = Limits(base_seconds=3.0, chars_per_second=1e9, memory_bytes=400 * 1024**2, load_seconds=60.0)


@pytest.fixture(autouse=True)
def importable_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    """The worker is a fresh interpreter: it finds the stand-in extractor through PYTHONPATH."""
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))


@pytest.fixture()
def worker() -> ExtractionWorker:
    made = ExtractionWorker(QUICK, factory=POISON)
    yield made
    made.close()


def texts(*bodies: str) -> list:
    return [article(body, "en", date(2024, 3, 1)) for body in bodies]


def statuses(worker: ExtractionWorker, *bodies: str) -> list[str]:
    return [document.extraction_status for document in worker.extract_batch(texts(*bodies))]


def test_a_batch_without_trouble_comes_back_whole_and_in_order(worker: ExtractionWorker) -> None:
    articles = texts(*(f"Ordinary article number {n}." for n in range(40)))
    documents = worker.extract_batch(articles)
    assert [d.article.article_id for d in documents] == [a.article_id for a in articles]
    assert {d.extraction_status for d in documents} == {COMPLETE}


def test_an_article_that_crashes_the_process_is_set_aside_and_its_neighbours_land(worker: ExtractionWorker) -> None:
    documents = worker.extract_batch(texts("Before.", "It says POISON-CRASH here.", "After."))
    assert [d.extraction_status for d in documents] == [COMPLETE, CRASHED, COMPLETE]
    assert "SIGSEGV" in (documents[1].extraction_message or "")
    assert documents[1].article.text == "It says POISON-CRASH here."  # the text is kept


def test_an_article_that_hangs_is_set_aside_after_its_time_budget(worker: ExtractionWorker) -> None:
    assert statuses(worker, "Fine.", "POISON-HANG forever", "Also fine.") == [COMPLETE, TIMEOUT, COMPLETE]


def test_an_article_that_eats_memory_is_set_aside(worker: ExtractionWorker) -> None:
    assert statuses(worker, "POISON-MEMORY grows", "Fine.") == [MEMORY, COMPLETE]


def test_a_python_error_in_one_article_sets_aside_that_article_only(worker: ExtractionWorker) -> None:
    documents = worker.extract_batch(texts("One.", "POISON-ERROR", "Three."))
    assert [d.extraction_status for d in documents] == [COMPLETE, FAILED, COMPLETE]
    assert documents[1].extraction_message == "ValueError: this article breaks a rule"


def test_the_worker_is_restarted_after_a_crash(worker: ExtractionWorker) -> None:
    assert statuses(worker, "POISON-CRASH") == [CRASHED]
    assert statuses(worker, "Next batch.") == [COMPLETE]


def test_a_worker_that_cannot_start_stops_the_run_with_the_reason() -> None:
    with pytest.raises(WorkerStartFailed, match="No module named"):
        ExtractionWorker(QUICK, factory="no_such_module:Extractor").extract_batch(texts("Anything."))


def test_a_long_article_gets_a_longer_budget() -> None:
    limits = Limits(base_seconds=10, chars_per_second=1000)
    assert limits.seconds_for(texts("x" * 5000)) == pytest.approx(15.0)


def test_the_worker_dies_with_its_parent_even_when_the_parent_is_killed(tmp_path: Path) -> None:
    script = (
        "import sys, time; from flows.extraction_worker import ExtractionWorker, Limits; "
        "from tests.actors_support import article; from datetime import date; "
        f"w = ExtractionWorker(Limits(load_seconds=60), factory={POISON!r}); "
        "w.extract_batch([article('Fine.', 'en', date(2024, 1, 1))]); "
        "print(w._process.pid, flush=True); time.sleep(600)"
    )
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=REPO)
    child = int(parent.stdout.readline())  # type: ignore[union-attr]
    assert resident_bytes(child) > 0
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and _alive(child):
        time.sleep(0.2)
    assert not _alive(child)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as stat:
            return stat.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


def test_the_preloaded_languages_are_those_with_a_full_model() -> None:
    from flows.extraction_worker import PRELOADED_LANGUAGES
    from transforms.nlp import MODEL_BY_LANGUAGE

    assert sorted(PRELOADED_LANGUAGES) == sorted(MODEL_BY_LANGUAGE)


def test_a_worker_started_early_loads_its_models_before_the_first_request() -> None:
    from flows.extraction_worker import ExtractionWorker
    from transforms.reading import read_articles

    worker = ExtractionWorker()
    try:
        worker.start(["fr"])
        worker.start(["fr"])  # asked twice: loaded once
        (article,) = read_articles(
            "a.txt", "date 2022-05-01\n\nLe ministre est arrivé à Rabat mercredi.".encode(), 10**6
        ).articles
        (document,) = worker.extract_batch([article])
        assert document.extraction_status == "complete" and document.sentences
        assert worker._languages == {"fr"} and not worker._preparing
    finally:
        worker.close()


def test_task_threads_asking_at_once_share_one_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    """Task threads run batches at once (flows/runners.py): all must get the one pool of the
    process, never one each (twice the NLP processes, twice the memory)."""
    import threading

    import flows.extraction_worker as module

    def slow_pool(size: int) -> object:
        time.sleep(0.2)  # long enough for the other thread to ask meanwhile
        return object()

    monkeypatch.setattr(module, "ExtractionPool", slow_pool)
    module.shared_worker.cache_clear()
    got: list[object] = []
    threads = [threading.Thread(target=lambda: got.append(module.shared_worker())) for _ in range(2)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        module.shared_worker.cache_clear()
    assert len(got) == 2 and got[0] is got[1]
