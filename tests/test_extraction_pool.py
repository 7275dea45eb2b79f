"""The pool of NLP worker processes: two batches extract at once in two processes, documents keep
their order, a crash in one worker sets aside only its article, and the number of processes
follows NEWSDESK_NLP_PROCESSES (one in a Dask worker).

The stand-in extractor (tests/worker_support.py: TimedExtractor) sleeps over each batch and notes
in each document which process extracted it and when, so these tests need no model.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from flows.extraction_worker import CHUNK_SIZE, COMPLETE, CRASHED, ExtractionPool, Limits, in_dask_worker
from newsdesk.config import NLP_PROCESSES_ENV, nlp_processes
from tests.actors_support import article
from tests.conftest import REPO
from transforms.records import ArticleRecord, ExtractedDocument

TIMED = "tests.worker_support:TimedExtractor"
QUICK = Limits(base_seconds=5.0, chars_per_second=1e9, memory_bytes=400 * 1024**2, load_seconds=60.0)


@pytest.fixture(autouse=True)
def importable_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    """The workers are fresh interpreters: they find the stand-in extractor through PYTHONPATH."""
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    monkeypatch.delenv(NLP_PROCESSES_ENV, raising=False)


@pytest.fixture()
def pool() -> Iterator[ExtractionPool]:
    made = ExtractionPool(2, QUICK, factory=TIMED)
    yield made
    made.close()


def texts(prefix: str, count: int) -> list[ArticleRecord]:
    return [article(f"{prefix}: a short report, number {n}.", "en", date(2023, 11, 2)) for n in range(count)]


def who_and_when(document: ExtractedDocument) -> tuple[int, float, float]:
    pid, started, ended = (document.extraction_message or "").split()
    return int(pid), float(started), float(ended)


def at_once(pool: ExtractionPool, *batches: list[ArticleRecord]) -> list[list[ExtractedDocument]]:
    """Each batch extracted by its own thread, as the task threads of a run do."""
    results: list[list[ExtractedDocument]] = [[] for _ in batches]

    def extract(index: int) -> None:
        results[index] = pool.extract_batch(batches[index])

    threads = [threading.Thread(target=extract, args=(index,)) for index in range(len(batches))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_two_batches_extract_at_the_same_time_in_two_processes(pool: ExtractionPool) -> None:
    first, second = at_once(pool, texts("North", 3), texts("South", 3))
    (pid_a, start_a, end_a), (pid_b, start_b, end_b) = who_and_when(first[0]), who_and_when(second[0])
    assert pid_a != pid_b and os.getpid() not in (pid_a, pid_b)
    assert start_a < end_b and start_b < end_a  # the two extractions overlap in time


def test_one_process_when_the_setting_says_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NLP_PROCESSES_ENV, "1")
    pool = ExtractionPool(limits=QUICK, factory=TIMED)
    try:
        first, second = at_once(pool, texts("East", 2), texts("West", 2))
    finally:
        pool.close()
    (pid_a, start_a, end_a), (pid_b, start_b, end_b) = who_and_when(first[0]), who_and_when(second[0])
    assert pool.size == 1 and pid_a == pid_b
    assert end_a <= start_b or end_b <= start_a  # one after the other


def test_a_second_process_starts_only_for_a_second_chunk(pool: ExtractionPool) -> None:
    articles = texts("Harbour", CHUNK_SIZE)
    documents = pool.extract_in_order(articles)
    assert [d.article.article_id for d in documents] == [a.article_id for a in articles]
    assert len(pool._workers) == 1  # one chunk: the second process (and its model load) never started


def test_many_chunks_are_spread_over_the_pool_and_come_back_in_order(pool: ExtractionPool) -> None:
    articles = texts("Valley", 5 * CHUNK_SIZE + 3)
    documents = pool.extract_in_order(articles)
    assert [d.article.article_id for d in documents] == [a.article_id for a in articles]
    assert all(d.extraction_status == COMPLETE for d in documents)
    assert len({who_and_when(d)[0] for d in documents}) == 2
    # Each chunk went to one process whole: the same neighbours as one worker would give it.
    for start in range(0, len(documents), CHUNK_SIZE):
        assert len({d.extraction_message for d in documents[start : start + CHUNK_SIZE]}) == 1


def test_a_crash_in_one_worker_sets_aside_only_its_article(pool: ExtractionPool) -> None:
    calm = texts("Calm", 4)
    troubled = texts("Plain", 2) + [article("The clerk typed POISON-CRASH and went home.", "en")] + texts("After", 2)
    calm_documents, troubled_documents = at_once(pool, calm, troubled)
    assert [d.extraction_status for d in calm_documents] == [COMPLETE] * 4
    assert [d.extraction_status for d in troubled_documents] == [COMPLETE, COMPLETE, CRASHED, COMPLETE, COMPLETE]
    assert [d.article.article_id for d in troubled_documents] == [a.article_id for a in troubled]
    assert len(pool._workers) == 2  # the crashed worker restarted in place: the pool did not grow


def test_kill_stops_every_process_of_the_pool(pool: ExtractionPool) -> None:
    at_once(pool, texts("Ridge", 1), texts("Plain", 1))
    processes = [worker._process for worker in pool._workers]
    assert len(processes) == 2 and all(p is not None and p.poll() is None for p in processes)
    pool.kill()
    assert all(p is not None and p.wait(timeout=10) is not None for p in processes)


def test_the_setting_and_its_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    assert nlp_processes() == min(2, os.cpu_count() or 1)
    assert nlp_processes(in_dask_worker=True) == 1
    monkeypatch.setenv(NLP_PROCESSES_ENV, "3")
    assert nlp_processes() == 3 and nlp_processes(in_dask_worker=True) == 3  # an explicit choice holds everywhere
    monkeypatch.setenv(NLP_PROCESSES_ENV, "0")
    with pytest.raises(ValueError, match=NLP_PROCESSES_ENV):
        nlp_processes()


def test_the_default_runner_has_a_thread_more_than_nlp_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    from flows.runners import task_runner_for

    monkeypatch.setenv(NLP_PROCESSES_ENV, "1")
    assert task_runner_for("default")._max_workers == 2
    monkeypatch.setenv(NLP_PROCESSES_ENV, "2")
    assert task_runner_for("default")._max_workers == 3


def _pool_size_here() -> tuple[bool, int]:
    from flows.extraction_worker import in_dask_worker, shared_worker

    return in_dask_worker(), shared_worker().size


def test_a_dask_worker_keeps_one_nlp_process() -> None:
    """Dask scales by worker processes: each keeps one NLP process (no model is loaded here: the
    pool starts its processes on the first batch only)."""
    from distributed import Client, LocalCluster

    assert not in_dask_worker()
    with (
        LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        assert client.submit(_pool_size_here).result(timeout=120) == (True, 1)


def test_a_batch_does_not_wait_for_a_second_process_to_load_when_the_first_is_free_sooner(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSDESK_TEST_STARTED", str(tmp_path / "started"))
    pool = ExtractionPool(2, QUICK, factory="tests.worker_support:SlowToStartExtractor")
    try:
        pool.extract_batch(texts("Warm", 1))  # the first process is up
        started = time.monotonic()
        documents = pool.extract_in_order(texts("Coast", 2 * CHUNK_SIZE))
        elapsed = time.monotonic() - started
    finally:
        pool.close()
    assert len(pool._workers) == 2  # the second chunk did start a second process...
    assert len({who_and_when(d)[0] for d in documents}) == 1  # ...but the first took it, done sooner
    assert elapsed < 5.0  # two chunks of 0.6 s, not the 8 s the second process takes to start
