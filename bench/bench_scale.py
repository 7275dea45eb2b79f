"""Scale figures for issue 6: throughput with 1 and 2 workers, NLP-stage ratio, memory, reruns.

    .venv/bin/python bench/bench_scale.py CORPUS [--workers 1 2] [--sizes 500 1000 2000]

CORPUS is a folder made by bench/make_corpus.py. For each worker count it runs the whole ingest
flow (default runner for 1 worker, a local Dask cluster of N processes otherwise) into a fresh
warehouse, in a fresh process, and prints articles per second and peak memory; then the NLP
stage alone (spaCy over the same texts) for the ratio; then peak memory over growing corpus
prefixes; then the no-change rerun time. Each measurement runs in its own process, so peak
memory is that run's.
"""

from __future__ import annotations

import argparse
import json
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
if mode == "nlp":
    from transforms.nlp import NlpPipelines
    from transforms.reading import read_articles
    articles = [a for p in sorted(Path(corpus).glob("*.txt")) for a in read_articles(str(p), p.read_bytes(), 10**8).articles]
    nlp = NlpPipelines()
    nlp.parse([a.text for a in articles[:20]], [a.language.language for a in articles[:20]])  # load models
    started = time.perf_counter()
    for start in range(0, len(articles), 64):
        batch = articles[start:start + 64]
        nlp.parse([a.text for a in batch], [a.language.language for a in batch])
    result["seconds"] = time.perf_counter() - started
    result["articles"] = len(articles)
else:
    from flows.ingest import with_task_runner
    flow = with_task_runner("default" if workers == "1" else "dask", workers=int(workers))
    started = time.perf_counter()
    summary = flow(inputs=[corpus], warehouse=warehouse, batch_size=64)
    result["seconds"] = time.perf_counter() - started
    result["articles"] = summary.articles_new
    result["files"] = summary.files["seen"]
result["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
result["children_peak_mib"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print("RESULT " + json.dumps(result))
"""


def measure(mode: str, corpus: Path, warehouse: Path, home: Path, workers: int = 1) -> dict:
    output = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(corpus), str(warehouse), str(home), str(workers)],
        capture_output=True, text=True, check=True,
    ).stdout
    return json.loads(next(line for line in output.splitlines() if line.startswith("RESULT "))[7:])


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
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsdesk-scale-") as scratch_name:
        scratch = Path(scratch_name)
        home = scratch / "prefect"
        runs = {}
        for workers in args.workers:
            run = measure("flow", args.corpus, scratch / f"w{workers}.duckdb", home, workers)
            runs[workers] = run
            print(f"{workers} worker(s): {run['articles']} articles in {run['seconds']:.1f} s = "
                  f"{run['articles'] / run['seconds']:.2f} articles/s; peak {run['peak_mib']:.0f} MiB "
                  f"(children {run['children_peak_mib']:.0f} MiB)")
        nlp = measure("nlp", args.corpus, scratch / "unused.duckdb", home)
        nlp_rate = nlp["articles"] / nlp["seconds"]
        whole_rate = runs[args.workers[0]]["articles"] / runs[args.workers[0]]["seconds"]
        print(f"NLP stage alone: {nlp_rate:.2f} articles/s; whole pipeline / NLP stage = {whole_rate / nlp_rate:.2f}")
        for size in args.sizes:
            run = measure("flow", prefix_corpus(args.corpus, size, scratch / f"c{size}"), scratch / f"m{size}.duckdb", home)
            print(f"corpus of {size}: peak memory {run['peak_mib']:.0f} MiB ({run['articles'] / run['seconds']:.2f} articles/s)")
        started = time.perf_counter()
        rerun = measure("flow", args.corpus, scratch / f"w{args.workers[0]}.duckdb", home)
        print(f"no-change rerun over {rerun['files']} files: {rerun['seconds']:.1f} s in the flow "
              f"({time.perf_counter() - started:.1f} s with process start-up)")


if __name__ == "__main__":
    main()
