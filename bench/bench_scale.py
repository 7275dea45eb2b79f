"""Scale figures for issue 6: throughput with 1 and 2 workers, the NLP-stage ratio, memory, reruns.

    .venv/bin/python bench/bench_scale.py CORPUS [--workers 1 2] [--sizes 500 1000 2000] [--nlp-processes 1 2]

CORPUS is a folder made by bench/make_corpus.py. Every measurement runs in a fresh process (so
peak memory is that run's) on a fresh warehouse:

- the whole `ingest` flow over each prefix of --sizes, with each worker count (the default
  runner for 1 worker, once for each --nlp-processes value, NEWSDESK_NLP_PROCESSES: 1 NLP
  process is the baseline Dask workers are compared with, 2 the default runner's pool; a local
  Dask cluster of N processes otherwise, one NLP process each). "Cold" throughput is the
  largest run's articles over its wall time, start-up included (Prefect's local server, Dask
  workers, model loading, publishing). "Steady" throughput counts the articles of the batches
  after each worker's first (which loads the models) over the time the flow took to collect them:
  what further articles cost in the batch phase (reading, extraction, staging); publishing after
  the last batch is printed apart;
- the NLP stage alone: spaCy (`NlpPipelines.parse`) over the same texts in batches, with its
  model loading (cold) and without (steady);
- the text stages alone, in one process without Prefect or the warehouse: reading (decoding,
  headers, language identification) and `Extractor.extract_batch` (spaCy, dates, actors, events);
- the no-change rerun over the largest corpus, in the flow (after Prefect's server is up) and
  with process start-up.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from newsdesk.config import configure_prefect
mode, corpus, warehouse, home, workers = sys.argv[1:6]
configure_prefect(home=Path(home))
result = {}

def read_corpus():
    from transforms.reading import read_articles
    return [a for p in sorted(Path(corpus).glob("*.txt")) for a in read_articles(str(p), p.read_bytes(), 10**8).articles]

def batches(items):
    return [items[start:start + 64] for start in range(0, len(items), 64)]

if mode == "nlp":
    from transforms.nlp import NlpPipelines
    articles = read_corpus()
    started = time.perf_counter()
    nlp = NlpPipelines()
    for language in sorted({a.language.language for a in articles}):
        nlp.pipeline(language)
    loaded = time.perf_counter()
    for batch in batches(articles):
        nlp.parse([a.text for a in batch], [a.language.language for a in batch])
    result.update(articles=len(articles), cold=time.perf_counter() - started, steady=time.perf_counter() - loaded)
elif mode == "text":
    from transforms.pipeline import Extractor
    one_per_language = {a.language.language: a for a in read_corpus()}
    started = time.perf_counter()
    extractor = Extractor()
    extractor.extract_batch(list(one_per_language.values()))  # load every model and index
    loaded = time.perf_counter()
    articles = read_corpus()  # reading (decoding, language identification) is a text stage too
    for batch in batches(articles):
        extractor.extract_batch(batch)
    result.update(articles=len(articles), cold=time.perf_counter() - started, steady=time.perf_counter() - loaded)
else:
    import flows.ingest
    from flows.ingest import ingest, with_task_runner
    finished = []  # (when, new articles) as the flow collects each batch's summary
    tally = flows.ingest._tally
    def timed_tally(summary, staged):
        finished.append((time.perf_counter(), len(staged.new_articles)))
        tally(summary, staged)
    flows.ingest._tally = timed_tally
    flow = with_task_runner("default" if workers == "1" else "dask", workers=int(workers))
    # One server for the flow and its Dask workers, as `newsdesk run` has it: the flow's settings
    # (the server's URL) travel with each task. With Prefect's own ephemeral server they would not,
    # and each Dask worker process would boot a server of its own (4-5 s of CPU each).
    from newsdesk.temporary_server import prefect_api
    with prefect_api():
        if mode == "rerun":  # the server is up before the timed run
            ingest(inputs=[str(Path(warehouse).parent / "empty")], warehouse=str(Path(warehouse).parent / "warmup.duckdb"))
        started = time.perf_counter()
        summary = flow(inputs=[corpus], warehouse=warehouse, batch_size=64)
        ended = time.perf_counter()
    result.update(seconds=ended - started, articles=summary.articles_new, files=summary.files["seen"])
    batches = [(when, count) for when, count in finished if count]
    loading = int(workers)  # each worker's first batch loads the models; they finish close together
    if len(batches) > loading + 1:
        result["steady"] = sum(count for _, count in batches[loading:]) / (batches[-1][0] - batches[loading - 1][0])
        result["after_batches"] = ended - batches[-1][0]  # deletions, publishing (load, checks, swap)
result["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
result["children_peak_mib"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print("RESULT " + json.dumps(result))
"""


def measure(
    mode: str, corpus: Path, warehouse: Path, home: Path, workers: int = 1, nlp_processes: int | None = None
) -> dict:
    started = time.perf_counter()
    env = {name: value for name, value in os.environ.items() if name != "NEWSDESK_NLP_PROCESSES"}
    if nlp_processes:
        env["NEWSDESK_NLP_PROCESSES"] = str(nlp_processes)
    output = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(corpus), str(warehouse), str(home), str(workers)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout
    result = json.loads(next(line for line in output.splitlines() if line.startswith("RESULT "))[7:])
    result["process_seconds"] = time.perf_counter() - started
    return result


def prefix_corpus(corpus: Path, size: int, into: Path) -> Path:
    into.mkdir(parents=True, exist_ok=True)
    for path in sorted(corpus.glob("*.txt"))[:size]:
        shutil.copy(path, into / path.name)
    return into


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 1000, 2000])
    parser.add_argument("--nlp-processes", type=int, nargs="+", default=[1, 2], help="for the 1-worker runs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsdesk-scale-") as scratch_name:
        scratch = Path(scratch_name)
        home = scratch / "prefect"
        (scratch / "empty").mkdir()
        sizes = sorted(args.sizes)
        corpora = {size: prefix_corpus(args.corpus, size, scratch / f"c{size}") for size in sizes}
        measure("flow", scratch / "empty", scratch / "warmup.duckdb", home)  # sets up Prefect's database once
        runs = [(1, count) for count in args.nlp_processes if 1 in args.workers]
        runs += [(workers, None) for workers in args.workers if workers != 1]
        whole = {
            run: measure_flows(corpora, scratch, home, *run, every_size=index == 0) for index, run in enumerate(runs)
        }
        one = runs[0]
        stages = {
            "NLP stage alone (spaCy)": measure("nlp", corpora[sizes[-1]], scratch / "unused.duckdb", home),
            "text stages alone (read + extract, no Prefect, no warehouse)": measure(
                "text", corpora[sizes[-1]], scratch / "unused.duckdb", home
            ),
        }
        for name, stage in stages.items():
            cold, steady = stage["articles"] / stage["cold"], stage["articles"] / stage["steady"]
            print(f"{name}: cold {cold:.1f} articles/s, steady {steady:.1f} articles/s")
            print(
                f"  whole pipeline ({label(*one)}) / this: steady {whole[one]['steady'] / steady:.2f}, "
                f"cold {whole[one]['cold'] / cold:.2f}"
            )
        rerun = measure("rerun", corpora[sizes[-1]], scratch / f"w{one[0]}-{one[1]}-{sizes[-1]}.duckdb", home)
        print(
            f"no-change rerun over {rerun['files']} files: {rerun['seconds']:.1f} s in the flow "
            f"({rerun['process_seconds']:.1f} s with process and Prefect start-up)"
        )


def label(workers: int, nlp_processes: int | None) -> str:
    return f"{workers} worker(s)" + (f", {nlp_processes} NLP process(es)" if nlp_processes else "")


def measure_flows(
    corpora: dict[int, Path], scratch: Path, home: Path, workers: int, nlp_processes: int | None, every_size: bool
) -> dict[str, float]:
    """The flow over the largest corpus (and every size if asked: memory as the corpus grows)."""
    sizes = sorted(corpora) if every_size else [max(corpora)]
    for size in sizes:
        warehouse = scratch / f"w{workers}-{nlp_processes}-{size}.duckdb"
        run = measure("flow", corpora[size], warehouse, home, workers, nlp_processes)
        print(
            f"  {label(workers, nlp_processes)}, {run['articles']} articles: {run['seconds']:.1f} s, "
            f"peak memory {run['peak_mib']:.0f} MiB (worker processes {run['children_peak_mib']:.0f} MiB)"
        )
    if "steady" not in run:
        raise SystemExit(f"too few batches in {max(corpora)} articles to measure a steady rate")
    cold = run["articles"] / run["seconds"]
    print(
        f"{label(workers, nlp_processes)}: cold {cold:.1f} articles/s ({run['articles']} in {run['seconds']:.1f} s), "
        f"steady {run['steady']:.1f} articles/s; publishing after the last batch {run['after_batches']:.1f} s"
    )
    return {"cold": cold, "steady": run["steady"]}


if __name__ == "__main__":
    main()
