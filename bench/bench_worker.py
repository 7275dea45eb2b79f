"""Issue 11's guard: extraction in the worker process against extraction in this process.

    .venv/bin/python bench/bench_worker.py CORPUS [--articles 320] [--repeat 3]

Reads the articles of CORPUS (.txt files), loads the models of both set-ups first, then times
`Extractor().extract_batch` (in process) and `ExtractionWorker().extract_batch` (a child process,
articles and documents pickled over a socket) over the same batches of 64, taking turns, and
prints articles per second for each round and the worker/in-process ratio (the guard: ≥ 0.95).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from flows.extraction_worker import ExtractionWorker
from transforms.pipeline import Extractor
from transforms.reading import read_articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--articles", type=int, default=320)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    paths = sorted(args.corpus.glob("*.txt"))[: args.articles]
    articles = [a for p in paths for a in read_articles(str(p), p.read_bytes(), 10**8).articles]
    batches = [articles[i : i + 64] for i in range(0, len(articles), 64)]
    in_process, worker = Extractor(), ExtractionWorker()
    for extractor in (in_process, worker):  # models, indexes and caches warm in both
        extractor.extract_batch(batches[0])
    rates: dict[str, list[float]] = {"in process": [], "worker": []}
    for _ in range(args.repeat):
        for name, extractor in (("in process", in_process), ("worker", worker)):
            started = time.perf_counter()
            for batch in batches:
                extractor.extract_batch(batch)
            rates[name].append(len(articles) / (time.perf_counter() - started))
            print(f"{name:10s} {rates[name][-1]:6.1f} articles/s", flush=True)
    worker.close()
    ratios = [w / i for w, i in zip(rates["worker"], rates["in process"])]
    print(
        f"worker / in process: median {statistics.median(ratios):.3f} (rounds {', '.join(f'{r:.3f}' for r in ratios)})"
    )


if __name__ == "__main__":
    main()
