"""Extraction in a worker process, so that nothing an article contains can stop a run.

spaCy and the other native libraries can crash (a segmentation fault kills the process, no
`try` catches it), hang, or eat the machine's memory on some input nobody has seen yet. So the
models live in a child process and the run only talks to it:

    parent ──(articles, a chunk at a time)──► worker: Extractor().extract_batch
           ◄──(documents, or an error per article)──

The parent watches each chunk: if the worker dies, runs past the chunk's time budget or grows past
the memory limit, the worker is killed and the chunk is tried again one article at a time in a
fresh worker, which points at the one article that did it. That article keeps its text and
language (an `ExtractedDocument` with no derived rows and `extraction_status` set to the reason);
everything else lands. An ordinary Python exception inside one article is caught in the worker and
recorded the same way (`extraction_failed`).

The worker dies with its parent: it reads its requests from a socket that closes when the parent
goes, and a watchdog thread exits when the parent process is gone (SIGKILL, OOM killer).

An `ExtractionPool` holds up to NEWSDESK_NLP_PROCESSES such workers (newsdesk/config.py), each
serving one batch at a time, so that two batches extract at once on two cores. Each worker keeps
every guarantee above on its own: a crash sets aside one article and restarts that worker only.
"""

from __future__ import annotations

import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from importlib import import_module
from multiprocessing.connection import Connection
from typing import Any, Protocol

from newsdesk.config import nlp_processes
from transforms.records import ArticleRecord, ExtractedDocument

CRASHED = "extraction_crashed"
TIMEOUT = "extraction_timeout"
MEMORY = "extraction_memory"
FAILED = "extraction_failed"  # a Python exception inside one article
COMPLETE = "complete"

DEFAULT_FACTORY = "transforms.pipeline:Extractor"
FACTORY_ENV = "NEWSDESK_EXTRACTOR_FACTORY"  # module:callable building another extractor (tests, plug-ins)
CHUNK_SIZE = 32  # articles per request: big enough for spaCy's batching, small enough to retry cheaply
# Languages whose full spaCy model (slow to load) a command asks the worker to load as it starts,
# before it knows the articles' languages: transforms.nlp.MODEL_BY_LANGUAGE, named here so that
# the run's process need not import spaCy to know them (tests/test_extraction_worker.py checks).
PRELOADED_LANGUAGES = ("fr",)
_POLL_SECONDS = 0.2


@dataclass(frozen=True)
class Limits:
    """What one article may cost before it is set aside. Set by environment variables:
    NEWSDESK_ARTICLE_SECONDS (base time per article), NEWSDESK_CHARS_PER_SECOND (the slowest
    rate a long article is allowed), NEWSDESK_WORKER_MEMORY_MB (the worker's resident memory)."""

    base_seconds: float = 60.0
    chars_per_second: float = 5_000.0
    memory_bytes: int = 6 * 1024**3
    load_seconds: float = 300.0  # starting the worker, and loading the models of new languages

    @classmethod
    def from_environment(cls) -> Limits:
        defaults = cls()
        return cls(
            base_seconds=float(os.environ.get("NEWSDESK_ARTICLE_SECONDS", defaults.base_seconds)),
            chars_per_second=float(os.environ.get("NEWSDESK_CHARS_PER_SECOND", defaults.chars_per_second)),
            memory_bytes=int(
                float(os.environ.get("NEWSDESK_WORKER_MEMORY_MB", defaults.memory_bytes / 1024**2)) * 1024**2
            ),
        )

    def seconds_for(self, articles: Sequence[ArticleRecord]) -> float:
        """The time budget of a request: one base allowance plus a floor rate over all its text."""
        return self.base_seconds + sum(len(article.text) for article in articles) / self.chars_per_second


class ExtractorLike(Protocol):
    def extract_batch(self, articles: Sequence[ArticleRecord]) -> list[ExtractedDocument]: ...

    def prepare(self, languages: Sequence[str]) -> None:
        """Load what these languages need, so that model loading never counts as article time."""


@dataclass(frozen=True)
class WorkerDied:
    """Why a request got no answer."""

    reason: str  # CRASHED, TIMEOUT or MEMORY
    message: str


class WorkerStartFailed(RuntimeError):
    """The worker could not start at all: an installation problem, not an article's."""


class ExtractionWorker:
    """A child process holding the extraction models, restarted after each death."""

    def __init__(self, limits: Limits | None = None, factory: str | None = None) -> None:
        self.limits = limits or Limits.from_environment()
        self.factory = factory or os.environ.get(FACTORY_ENV) or DEFAULT_FACTORY
        self._process: subprocess.Popen[bytes] | None = None
        self._connection: Connection | None = None
        self._languages: set[str] = set()  # languages whose models the running worker has loaded
        self._ready = False  # the running worker has said "ready"
        self._preparing: set[str] = set()  # languages asked for by `start`, not yet confirmed
        self._lock = threading.Lock()  # one request at a time: tasks may share the worker

    def start(self, languages: Sequence[str] = ()) -> None:
        """Start the worker now, and ask it to load these languages' models, without waiting:
        it builds its extractor while the caller does something else (reads the first files,
        starts Prefect's server). The first request waits for what is not done yet."""
        with self._lock:
            if self._connection is None:
                self._connection, self._process = _spawn_worker(self.factory)
                self._languages, self._ready, self._preparing = set(), False, set()
            wanted = set(languages) - self._languages - self._preparing
            if wanted:
                self._connection.send(sorted(wanted))
                self._preparing |= wanted

    def extract_batch(self, articles: Sequence[ArticleRecord]) -> list[ExtractedDocument]:
        """Documents in input order; an article that could not be extracted comes back bare,
        with `extraction_status` saying why."""
        with self._lock:
            documents: list[ExtractedDocument] = []
            for chunk in _chunks(list(articles), CHUNK_SIZE):
                answer = self._request(chunk)
                if isinstance(answer, WorkerDied):
                    answer = [self._extract_alone(article) for article in chunk]
                documents.extend(answer)
            return documents

    def warm(self) -> None:
        """Wait until the worker has started and loaded what `start` asked for."""
        with self._lock:
            self._running()

    def close(self) -> None:
        with self._lock:
            self._stop()

    def kill(self) -> None:
        """Kill the worker now, even in the middle of a request (Ctrl-C; the run ends next)."""
        process = self._process
        if process is not None and process.poll() is None:
            process.kill()

    def _extract_alone(self, article: ArticleRecord) -> ExtractedDocument:
        answer = self._request([article])
        if isinstance(answer, WorkerDied):
            return set_aside(article, answer.reason, answer.message)
        return answer[0]

    def _request(self, articles: list[ArticleRecord]) -> list[ExtractedDocument] | WorkerDied:
        connection = self._running()
        self._prepare(connection, {article.language.language for article in articles} - self._languages)
        connection.send(articles)
        outcome = self._wait(connection, self.limits.seconds_for(articles))
        if isinstance(outcome, WorkerDied):
            self._stop()
            return outcome
        return [
            document if isinstance(document, ExtractedDocument) else set_aside(article, FAILED, document)
            for article, document in zip(articles, outcome)
        ]

    def _prepare(self, connection: Connection, languages: set[str]) -> None:
        """Models load before the articles' clock starts; failing to load is not an article's fault."""
        if not languages:
            return
        connection.send(sorted(languages))
        outcome = self._wait(connection, self.limits.load_seconds)
        if outcome != "prepared":
            self._stop()
            raise WorkerStartFailed(f"the extraction worker could not load models for {sorted(languages)}: {outcome}")
        self._languages |= languages

    def _wait(self, connection: Connection, budget: float) -> Any:
        assert self._process is not None
        deadline = time.monotonic() + budget
        while True:
            if connection.poll(_POLL_SECONDS):
                try:
                    return connection.recv()
                except (EOFError, OSError):
                    return self._death_of(self._process)
            if self._process.poll() is not None:
                return self._death_of(self._process)
            if resident_bytes(self._process.pid) > self.limits.memory_bytes:
                limit = self.limits.memory_bytes // 1024**2
                return WorkerDied(MEMORY, f"the extraction process grew past {limit} MiB of memory")
            if time.monotonic() > deadline:
                return WorkerDied(TIMEOUT, f"extraction took longer than {budget:.0f} s")

    @staticmethod
    def _death_of(process: subprocess.Popen[bytes]) -> WorkerDied:
        code = process.wait()
        if code < 0:
            return WorkerDied(CRASHED, f"the extraction process died with {signal.Signals(-code).name}")
        return WorkerDied(CRASHED, f"the extraction process exited with status {code}")

    def _running(self) -> Connection:
        if self._connection is None:
            self._connection, self._process = _spawn_worker(self.factory)
            self._languages, self._ready, self._preparing = set(), False, set()
        if not self._ready:
            assert self._process is not None
            try:
                _await_ready(self._connection, self._process, self.limits.load_seconds)
            except WorkerStartFailed:
                self._stop()
                raise
            self._ready = True
        if self._preparing:  # asked for by `start`: loaded before any article's clock starts
            outcome = self._wait(self._connection, self.limits.load_seconds)
            if outcome != "prepared":
                self._stop()
                raise WorkerStartFailed(
                    f"the extraction worker could not load models for {sorted(self._preparing)}: {outcome}"
                )
            self._languages |= self._preparing
            self._preparing = set()
        return self._connection

    def _stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        if self._connection is not None:
            self._connection.close()
        self._process, self._connection = None, None
        self._ready, self._preparing = False, set()

    def __del__(self) -> None:
        try:
            self._stop()
        except Exception:  # interpreter shutdown: nothing left to clean
            pass


def set_aside(article: ArticleRecord, reason: str, message: str) -> ExtractedDocument:
    """The article with no derived rows: its text and language are kept, and why."""
    return ExtractedDocument(article=article, extraction_status=reason, extraction_message=message)


def resident_bytes(pid: int) -> int:
    """Resident memory of a process (Linux /proc); 0 where it cannot be read."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _chunks(items: list[ArticleRecord], size: int) -> Iterator[list[ArticleRecord]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class ExtractionPool:
    """Up to `size` extraction workers; each batch goes to a free one, so `size` batches extract
    at once (one NLP process per core). A worker process starts only when a batch finds every
    started one busy: a run of one batch, like the seed, loads the models once. That batch then
    takes whichever worker is free first, the busy one or the new one once its models are
    loaded (about 4.5 s of CPU for French), so a small input never waits for a second model load."""

    def __init__(self, size: int | None = None, limits: Limits | None = None, factory: str | None = None) -> None:
        self.size = max(1, size or nlp_processes())
        self.limits, self.factory = limits, factory
        self._workers: list[ExtractionWorker] = []  # started, busy or idle
        self._idle: queue.SimpleQueue[ExtractionWorker] = queue.SimpleQueue()
        self._languages: tuple[str, ...] = ()  # what `start` asked for: each new worker loads it early
        self._lock = threading.Lock()  # guards growing the pool

    def start(self, languages: Sequence[str] = ()) -> None:
        """Start the first worker now, loading these languages while the caller does something
        else (ExtractionWorker.start); workers started later load them as they start."""
        with self._lock:
            self._languages = tuple(sorted({*self._languages, *languages}))
            if not self._workers:  # offered at once: no other worker could take a batch sooner
                self._idle.put(self._new_worker())

    def extract_batch(self, articles: Sequence[ArticleRecord]) -> list[ExtractedDocument]:
        """One batch in one worker (ExtractionWorker.extract_batch); callers on other threads
        extract theirs at the same time in the other workers."""
        worker = self._take()
        try:
            return worker.extract_batch(articles)
        finally:
            self._idle.put(worker)

    def extract_in_order(self, articles: Sequence[ArticleRecord]) -> list[ExtractedDocument]:
        """Many articles spread over the pool a chunk at a time, documents in input order. The
        chunks are the ones one worker would make, so each article is parsed beside the same
        neighbours whichever process takes it (spaCy batches them)."""
        chunks = list(_chunks(list(articles), CHUNK_SIZE))
        if len(chunks) <= 1:
            return self.extract_batch(articles)
        with ThreadPoolExecutor(min(self.size, len(chunks)), thread_name_prefix="extract") as threads:
            return [document for documents in threads.map(self.extract_batch, chunks) for document in documents]

    def close(self) -> None:
        """Stop every worker; one still loading its models is killed rather than awaited."""
        for worker in self._started():
            worker.kill()
            worker.close()

    def kill(self) -> None:
        """Kill every worker now, even in the middle of a request (Ctrl-C; the run ends next)."""
        for worker in self._started():
            worker.kill()

    def _take(self) -> ExtractionWorker:
        """The first worker to be free: an idle one, else (while the pool may grow) a new one once
        it is ready or a busy one once it is done, whichever comes first."""
        with self._lock:
            if self._idle.empty() and len(self._workers) < self.size:
                threading.Thread(target=self._warm, args=(self._new_worker(),), daemon=True).start()
        return self._idle.get()

    def _warm(self, worker: ExtractionWorker) -> None:
        """Let a new worker load its models, then offer it; if it could not start, the batch that
        takes it tries again and gets the reason (WorkerStartFailed)."""
        try:
            worker.warm()
        except WorkerStartFailed:
            pass
        finally:
            self._idle.put(worker)

    def _new_worker(self) -> ExtractionWorker:
        worker = ExtractionWorker(self.limits, self.factory)
        worker.start(self._languages)  # spawned now, loading the languages asked for by `start`
        self._workers.append(worker)
        return worker

    def _started(self) -> list[ExtractionWorker]:
        with self._lock:
            return list(self._workers)


def in_dask_worker() -> bool:
    """Whether this process hosts a Dask worker: Dask scales by worker processes, so each keeps
    one NLP process (two per Dask worker would only make them share the same cores)."""
    dask_worker = sys.modules.get("distributed.worker")
    return dask_worker is not None and len(dask_worker.Worker._instances) > 0


_SHARED_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _shared_worker() -> ExtractionPool:
    return ExtractionPool(nlp_processes(in_dask_worker()))


def shared_worker() -> ExtractionPool:
    """The workers of this process: models load once per NLP process. Locked: two task threads
    asking at once must not each build a pool (twice the processes, twice the memory)."""
    with _SHARED_LOCK:
        return _shared_worker()


shared_worker.cache_clear = _shared_worker.cache_clear  # type: ignore[attr-defined]  # forget it (tests)


def stop_shared_worker() -> None:
    """Kill this process's workers, if it started any (Ctrl-C, time limit: stop now, not after the batch)."""
    if _shared_worker.cache_info().currsize:
        shared_worker().kill()


def _spawn_worker(factory: str) -> tuple[Connection, subprocess.Popen[bytes]]:
    """A fresh worker process, building its extractor (`_await_ready` waits for it)."""
    ours, theirs = socket.socketpair()
    command = [sys.executable, "-m", "flows.extraction_worker", str(theirs.fileno()), factory, str(os.getpid())]
    # Its own process group: a Ctrl-C in the terminal reaches the run, which stops the worker.
    process = subprocess.Popen(command, pass_fds=[theirs.fileno()], process_group=0, stdin=subprocess.DEVNULL)
    theirs.close()
    return Connection(ours.detach()), process


def _await_ready(connection: Connection, process: subprocess.Popen[bytes], timeout: float) -> None:
    """Wait until a fresh worker has built its extractor and said so."""
    if not connection.poll(timeout):
        process.kill()
        raise WorkerStartFailed(f"the extraction worker did not start within {timeout:.0f} s")
    try:
        ready = connection.recv()
    except (EOFError, OSError):
        raise WorkerStartFailed(f"the extraction worker exited at start (status {process.wait()})") from None
    if ready != "ready":
        process.kill()
        raise WorkerStartFailed(f"the extraction worker could not start: {ready}")


# ---- the worker side ---------------------------------------------------------------------------


def serve(connection: Connection, extractor: ExtractorLike) -> None:
    """Answer requests until the parent closes the connection: a list of language codes is a
    request to load their models, a list of articles one to extract them."""
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):
            return
        if request and isinstance(request[0], str):
            connection.send(_prepared(extractor, request))
        else:
            connection.send(extract_each(extractor, request))


def _prepared(extractor: ExtractorLike, languages: list[str]) -> str:
    try:
        extractor.prepare(languages)
    except Exception:  # noqa: BLE001 - reported to the parent, which stops the run
        return _error_message()
    return "prepared"


def extract_each(extractor: ExtractorLike, articles: list[ArticleRecord]) -> list[ExtractedDocument | str]:
    """The batch's documents; when an exception escapes, each article alone, so that only the
    article that raised gets an error (its message) instead of a document."""
    try:
        return list(extractor.extract_batch(articles))
    except Exception:  # noqa: BLE001 - any exception an article provokes is that article's
        if len(articles) == 1:
            return [_error_message()]
        return [answer for article in articles for answer in extract_each(extractor, [article])]


def _error_message() -> str:
    kind, error, _ = sys.exc_info()
    name = kind.__name__ if kind else "Exception"
    return f"{name}: {error}"[:1000]


def _exit_with_parent(parent: int) -> None:
    """A watchdog: the worker must not outlive the run that started it (SIGKILL, OOM killer)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()


def _build(factory: str) -> ExtractorLike:
    module, _, name = factory.partition(":")
    built: ExtractorLike = getattr(import_module(module), name)()
    return built


def main(argv: list[str]) -> None:
    descriptor, factory, parent = int(argv[0]), argv[1], int(argv[2])
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    _exit_with_parent(parent)
    connection = Connection(descriptor)
    try:
        extractor = _build(factory)
    except Exception:  # noqa: BLE001 - reported to the parent, which stops the run
        connection.send(_error_message())
        return
    connection.send("ready")
    serve(connection, extractor)


if __name__ == "__main__":
    main(sys.argv[1:])
