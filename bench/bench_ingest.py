"""Ingest throughput: a whole run over a folder of articles, then a rerun where nothing changed.

    .venv/bin/python bench/bench_ingest.py FOLDER [--batch-size N]

Prints files and articles per second for the cold run (read, extract, stage, publish) and the
wall time of the no-change rerun, into a temporary warehouse. Timings include Prefect's
temporary server start-up, as a user's `newsdesk run` does.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from newsdesk.config import configure_prefect


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsdesk-bench-") as scratch:
        configure_prefect(home=Path(scratch) / "prefect")
        from flows.ingest import ingest

        warehouse = str(Path(scratch) / "bench.duckdb")
        started = time.perf_counter()
        cold = ingest(inputs=[str(args.folder)], warehouse=warehouse, batch_size=args.batch_size)
        cold_seconds = time.perf_counter() - started
        started = time.perf_counter()
        ingest(inputs=[str(args.folder)], warehouse=warehouse, batch_size=args.batch_size)
        rerun_seconds = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    files = cold.files["seen"]
    print(f"files: {files}  new articles: {cold.articles_new}  quarantined files: {cold.files['quarantined']}")
    print(
        f"cold run: {cold_seconds:.1f} s  ({files / cold_seconds:.1f} files/s, {cold.articles_new / cold_seconds:.1f} articles/s)"
    )
    print(f"no-change rerun: {rerun_seconds:.1f} s")
    print(f"peak memory: {peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()
