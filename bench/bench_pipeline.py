"""Extraction throughput: the whole extraction pipeline next to the NLP stage alone.

    .venv/bin/python bench/bench_pipeline.py FOLDER [--batch-size N] [--repeat N]

Reads every file of FOLDER (text, JSON, JSON Lines, as `newsdesk run` does), then times, over
the same articles and after loading every model once:
  - nlp:       spaCy alone (NlpPipelines.parse), the floor any stage adds to;
  - pipeline:  Extractor.extract_batch (spaCy, dates, actors, events and agreements);
  - events:    the event and agreement stage alone, on documents already parsed.
Prints articles per second for each, and the share of pipeline time each stage takes.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from transforms.pipeline import Extractor
from transforms.reading import read_articles
from transforms.records import ArticleRecord

MAX_FILE_BYTES = 50_000_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--repeat", type=int, default=1, help="run each measurement N times, keep the best")
    args = parser.parse_args()
    articles = read_folder(args.folder)
    if not articles:
        raise SystemExit(f"no readable article in {args.folder}")
    started = time.perf_counter()
    extractor = Extractor()
    one_per_language = {a.language.language: a for a in reversed(articles)}
    extractor.extract_batch(list(one_per_language.values()))  # load every model and lexicon first
    load_seconds = time.perf_counter() - started
    batches = [articles[i : i + args.batch_size] for i in range(0, len(articles), args.batch_size)]

    def nlp_only() -> None:
        for batch in batches:
            extractor.nlp.parse([a.text for a in batch], [a.language.language for a in batch])

    def pipeline() -> None:
        for batch in batches:
            extractor.extract_batch(batch)

    documents = [document for batch in batches for document in extractor.extract_batch(batch)]
    docs = [
        doc
        for batch in batches
        for doc in extractor.nlp.parse([a.text for a in batch], [a.language.language for a in batch])
    ]

    def events_only() -> None:
        for document, doc in zip(documents, docs):
            extractor.events.extract(document.article, doc, document.sentences, document.dates, document.actors)

    timings = {
        name: best_of(args.repeat, run)
        for name, run in (("nlp", nlp_only), ("pipeline", pipeline), ("events", events_only))
    }
    count = len(articles)
    languages = sorted({a.language.language for a in articles})
    print(f"articles: {count}  languages: {', '.join(languages)}  models loaded in {load_seconds:.1f} s")
    print(f"events: {sum(len(d.events) for d in documents)}  agreements: {sum(len(d.agreements) for d in documents)}")
    for name, seconds in timings.items():
        share = f"  ({seconds / timings['pipeline']:.0%} of pipeline)" if name != "pipeline" else ""
        print(f"{name:9s} {seconds:7.2f} s  {count / seconds:8.1f} articles/s{share}")


def read_folder(folder: Path) -> list[ArticleRecord]:
    articles: list[ArticleRecord] = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        reading = read_articles(str(path), path.read_bytes(), MAX_FILE_BYTES)
        articles.extend(reading.articles)
    return articles


def best_of(repeat: int, run: Callable[[], None]) -> float:
    times: Sequence[float] = []
    for _ in range(max(1, repeat)):
        started = time.perf_counter()
        run()
        times = [*times, time.perf_counter() - started]
    return min(times)


if __name__ == "__main__":
    main()
