"""Build a benchmark corpus of distinct, real-text articles from the evaluation sentences.

    .venv/bin/python bench/make_corpus.py ../shared/eval/langid/sentences OUT --articles 2000 [--copies 1]
        [--languages fr en ...] [--stride 2]
    .venv/bin/python bench/make_corpus.py ../shared/eval/frtimebank OUT --frtimebank --variants 20

The second form builds a French corpus from the FR-TimeBank articles (`*.tml`, tags stripped, the
DCT as the date header): `--variants N` distinct variants of each article, variant k with its
sentences rotated by k and a closing reference line, so every article id differs and the work per
article stays that of a real news text (1,080 articles from the 54 DEV documents at 20 variants).

Each article is a window of consecutive sentences of one language file (4 sentences, moving by
--stride), with a `date` header; languages take turns so any prefix of the corpus is mixed. The corpus is
written outside the project (never commit it). `--copies N` writes every article N times under
different names (for no-change rerun timings over many files).
"""

from __future__ import annotations

import argparse
import re
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


def frtimebank_articles(folder: Path, variants: int) -> list[tuple[str, str]]:
    """(date, text) of `variants` distinct variants of each FR-TimeBank document, in turn."""
    documents = []
    for path in sorted(folder.glob("*.tml")):
        xml = path.read_text(encoding="utf-8")
        date = re.search(r'functionInDocument="CREATION_TIME"[^>]*value="([0-9-]{10})', xml).group(1)
        body = re.sub(r"<[^>]+>", "", re.search(r"<TEXT>(.*)</TEXT>", xml, re.S).group(1))
        body = body.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&").strip()
        documents.append((date, re.split(r"(?<=[.!?»])\s+(?=[A-ZÀ-Ý«])", body)))
    out = []
    for k in range(variants):
        for date, sentences in documents:
            turn = k % len(sentences)
            text = " ".join(sentences[turn:] + sentences[:turn])
            out.append((date, f"{text}\n\nRéf. {k + 1}."))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sentences", type=Path, help="folder of <lang>.txt files, one sentence a line")
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--languages", nargs="+", help="only these language files (default: all)")
    parser.add_argument("--stride", type=int, default=2, help="sentences between the starts of two articles")
    parser.add_argument("--frtimebank", action="store_true", help="SENTENCES is the FR-TimeBank folder (*.tml)")
    parser.add_argument("--variants", type=int, default=20, help="with --frtimebank: variants of each article")
    args = parser.parse_args()
    if args.frtimebank:
        args.out.mkdir(parents=True, exist_ok=True)
        dated = frtimebank_articles(args.sentences, args.variants)
        for index, (date, text) in enumerate(dated):
            (args.out / f"f{index:05d}.txt").write_text(f"date {date}\n\n{text}\n", encoding="utf-8")
        print(f"wrote {len(dated)} files ({len(set(t for _, t in dated))} distinct articles) to {args.out}")
        return
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
