"""Crash bench: every text of a folder tree (such as ../shared/eval) through the real extractor.

    .venv/bin/python bench/bench_fuzz.py ../shared/eval [--limit N] [--batch 64]

Collects every text it can find — whole .txt files, the `text`/`sentence` fields and other long
strings of .json/.jsonl files, the text of .tml/.xml files with tags removed — reads each as an
article (language detected as a run would), adds the large cases (a 1 MB single line, 10,000 tiny
sentences), and extracts them in the worker process a run uses. Prints how many texts ended
complete and how many were set aside, by reason: the figure to keep at zero is everything but
`complete`. Tests never read ../shared; this script takes its folder as an argument.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flows.extraction_worker import ExtractionWorker  # noqa: E402
from transforms.reading import read_articles  # noqa: E402

MIN_CHARS = 20


def texts_in(root: Path) -> Iterator[tuple[str, str]]:
    """(where, text) for every text found below root, in a stable order."""
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        suffix = path.suffix.lower()
        try:
            raw = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        if suffix == ".txt":
            yield str(path), raw
        elif suffix in {".tml", ".xml"}:
            yield str(path), re.sub(r"<[^>]+>", "", raw)
        elif suffix == ".jsonl":
            for number, line in enumerate(raw.splitlines(), 1):
                yield from ((f"{path}:{number}", text) for text in _strings(_loads(line)))
        elif suffix == ".json":
            yield from ((str(path), text) for text in _strings(_loads(raw)))


def _loads(raw: str) -> object:
    try:
        return json.loads(raw)
    except ValueError:
        return None


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str) and len(value) >= MIN_CHARS:
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def large_cases() -> Iterator[tuple[str, str]]:
    sentence = "Le ministre a déclaré mardi que l'Algérie rappelait son ambassadeur à Madrid"
    yield "generated: 1 MB single line", ", ".join([sentence] * (1_000_000 // (len(sentence) + 2)))
    yield "generated: 10,000 tiny sentences", " ".join(["Oui."] * 10_000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--limit", type=int, default=None, help="at most this many texts from the folder")
    parser.add_argument("--batch", type=int, default=64)
    args = parser.parse_args()
    found = list(texts_in(args.root))[: args.limit]
    found += list(large_cases())
    articles = []
    for where, text in found:
        articles.extend(read_articles(f"{where}.txt", text.encode("utf-8"), 50 * 1024 * 1024).articles)
    print(f"{len(found)} texts → {len(articles)} articles from {args.root}", flush=True)
    worker = ExtractionWorker()
    outcomes: Counter[str] = Counter()
    set_aside: list[str] = []
    started = time.perf_counter()
    for first in range(0, len(articles), args.batch):
        for document in worker.extract_batch(articles[first : first + args.batch]):
            outcomes[document.extraction_status] += 1
            if document.extraction_status != "complete":
                set_aside.append(
                    f"{document.article.source_path}: {document.extraction_status}: {document.extraction_message}"
                )
        print(f"  {min(first + args.batch, len(articles))}/{len(articles)} {dict(outcomes)}", flush=True)
    worker.close()
    elapsed = time.perf_counter() - started
    print(f"\n{sum(outcomes.values())} articles in {elapsed:.0f} s: {dict(sorted(outcomes.items()))}")
    print(f"set aside (crashes, time-outs, memory, errors): {len(set_aside)}")
    for line in set_aside:
        print(f"  {line}")


if __name__ == "__main__":
    main()
