"""Extraction time of one long article: should grow linearly with its length.

    .venv/bin/python bench/bench_long_article.py [--sizes 100000 400000 1000000] [--language fr|en]

Builds an article of each size by repeating a bundled text (the French seed, or the English
fixture wire), then times `Extractor.extract_batch` on it alone, after loading the models once.
Prints seconds, and seconds per 100,000 characters (flat when the cost is linear).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from transforms.pipeline import Extractor
from transforms.reading import read_articles

REPO = Path(__file__).resolve().parents[1]
SOURCES = {
    "fr": REPO / "seeds" / "000_667dec259b500af9.txt",
    "en": REPO / "tests" / "fixtures" / "articles" / "en_wire.txt",
}


def long_article_bytes(language: str, size: int) -> bytes:
    """A `date` header, then paragraphs of the source text repeated up to `size` characters."""
    _, _, body = SOURCES[language].read_text(encoding="utf-8").partition("\n\n")
    body = body or SOURCES[language].read_text(encoding="utf-8")
    text = ""
    while len(text) < size:
        text += body.strip() + "\n\n"
    return ("date 2022-07\n\n" + text[:size]).encode("utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 400_000, 1_000_000])
    parser.add_argument("--language", choices=sorted(SOURCES), default="fr")
    options = parser.parse_args()
    extractor = Extractor()
    extractor.extract_batch(
        list(read_articles("warm-up.txt", long_article_bytes(options.language, 3_000), 10**9).articles)
    )
    for size in options.sizes:
        (article,) = read_articles("long.txt", long_article_bytes(options.language, size), 10**9).articles
        started = time.perf_counter()
        (document,) = extractor.extract_batch([article])
        seconds = time.perf_counter() - started
        print(
            f"{size:>9,} characters ({article.language.language}): {seconds:7.1f} s, "
            f"{seconds / size * 100_000:5.2f} s per 100k, {len(document.sentences):,} sentences, "
            f"{len(document.events):,} events"
        )


if __name__ == "__main__":
    main()
