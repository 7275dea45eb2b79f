"""Build a benchmark corpus of distinct, real-text articles from the evaluation sentences.

    .venv/bin/python bench/make_corpus.py ../shared/eval/langid/sentences OUT --articles 2000 [--copies 1]
        [--languages fr en ...] [--stride 2]

Each article is a window of consecutive sentences of one language file (4 sentences, moving by
--stride), with a `date` header; languages take turns so any prefix of the corpus is mixed. The corpus is
written outside the project (never commit it). `--copies N` writes every article N times under
different names (for no-change rerun timings over many files).
"""

from __future__ import annotations

import argparse
from itertools import zip_longest
from pathlib import Path

WINDOW = 4


def articles_from(folder: Path, languages: list[str] | None = None, stride: int = 2) -> list[str]:
    per_language = []
    for path in sorted(folder.glob("*.txt")):
        if languages and path.stem not in languages:
            continue
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        per_language.append([" ".join(lines[i : i + WINDOW]) for i in range(0, len(lines) - WINDOW + 1, stride)])
    interleaved = [text for group in zip_longest(*per_language) for text in group if text]
    return list(dict.fromkeys(interleaved))  # distinct, in order


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sentences", type=Path, help="folder of <lang>.txt files, one sentence a line")
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--languages", nargs="+", help="only these language files (default: all)")
    parser.add_argument("--stride", type=int, default=2, help="sentences between the starts of two articles")
    args = parser.parse_args()
    texts = articles_from(args.sentences, args.languages, args.stride)[: args.articles]
    if len(texts) < args.articles:
        raise SystemExit(f"only {len(texts)} distinct articles can be built from {args.sentences}")
    args.out.mkdir(parents=True, exist_ok=True)
    for copy in range(args.copies):
        for index, text in enumerate(texts):
            month = 1 + index % 12
            path = args.out / f"a{index:05d}-{copy}.txt"
            path.write_text(f"date 2022-{month:02d}-{1 + index % 28:02d}\n\n{text}\n", encoding="utf-8")
    print(f"wrote {len(texts) * args.copies} files ({len(texts)} distinct articles) to {args.out}")


if __name__ == "__main__":
    main()
