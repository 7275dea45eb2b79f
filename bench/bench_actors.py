"""Actor stage throughput, alone and within the whole extraction pipeline.

    .venv/bin/python bench/bench_actors.py FOLDER [--repeat N] [--batch-size N]

Reads every article in FOLDER (text, JSON and JSON Lines files, as `newsdesk run` does), parses
them once with spaCy, then times:
- the actor stage alone: ActorResolver.resolve over the parsed articles;
- the whole pipeline: Extractor.extract_batch (spaCy parse and every stage), in batches.
Model loading is timed separately and left out of both rates. --repeat runs each pass N times
over the same articles (for small folders).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from transforms.actors import ActorResolver
from transforms.nlp import NlpPipelines, sentences_of
from transforms.reading import read_articles
from transforms.records import ArticleRecord

MAX_BYTES = 50_000_000
SUFFIXES = {".txt", ".json", ".jsonl", ".ndjson"}


def load_articles(folder: Path) -> list[ArticleRecord]:
    articles = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix.lower() in SUFFIXES:
            articles.extend(read_articles(str(path), path.read_bytes(), MAX_BYTES).articles)
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()
    articles = load_articles(args.folder)
    if not articles:
        raise SystemExit(f"no articles in {args.folder}")
    languages = sorted({article.language.language for article in articles})
    print(f"articles: {len(articles)}  languages: {', '.join(languages)}  repeat: {args.repeat}")

    started = time.perf_counter()
    resolver = ActorResolver()
    for language in languages:
        resolver.index(language)
    nlp = NlpPipelines()
    for language in languages:
        nlp.pipeline(language)
    print(f"loading (gazetteers, indexes, spaCy): {time.perf_counter() - started:.1f} s")

    docs = nlp.parse([article.text for article in articles], [article.language.language for article in articles])
    started = time.perf_counter()
    mentions = 0
    for _ in range(args.repeat):
        for article, doc in zip(articles, docs):
            actors = resolver.resolve(article, doc, sentences_of(doc))
            mentions += sum(len(actor.mentions) for actor in actors)
    actor_seconds = time.perf_counter() - started
    total = len(articles) * args.repeat
    print(
        f"actor stage alone: {total / actor_seconds:.1f} articles/s "
        f"({actor_seconds:.2f} s, {mentions // args.repeat} mentions per pass)"
    )

    from transforms.pipeline import Extractor

    extractor = Extractor(nlp)
    extractor.actors = resolver  # reuse the loaded resolver: the rate excludes loading
    started = time.perf_counter()
    for _ in range(args.repeat):
        for first in range(0, len(articles), args.batch_size):
            extractor.extract_batch(articles[first : first + args.batch_size])
    pipeline_seconds = time.perf_counter() - started
    print(f"whole pipeline: {total / pipeline_seconds:.1f} articles/s ({pipeline_seconds:.2f} s)")


if __name__ == "__main__":
    main()
