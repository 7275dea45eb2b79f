"""Cost of date tagging next to the NLP stage, per article, on real text.

    .venv/bin/python bench/bench_dates.py FOLDER [--repeat N]

FOLDER holds articles (any input newsdesk reads: .txt, .json, .jsonl) and/or TimeML files
(.tml, whose DCT is the publication date). Each article is parsed once by the project's spaCy
pipelines (transforms.nlp.NlpPipelines, models loaded before timing), then dated by
transforms.dates.find_dates `--repeat` times. Prints the per-article time of each stage and
the share date tagging adds to the NLP stage (target: under 10%).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from transforms.dates import find_dates
from transforms.dates.calendar import day_range
from transforms.nlp import NlpPipelines, sentences_of
from transforms.records import DateRange

MAX_BYTES = 50_000_000


def load(folder: Path) -> list[tuple[str, str, DateRange | None]]:
    """(text, language, publication range) for every article under `folder`, in path order."""
    from newsdesk.evaluation.dates import read_timeml
    from transforms.language import detect_language
    from transforms.reading import read_articles

    articles: list[tuple[str, str, DateRange | None]] = []
    for path in sorted(file for file in folder.rglob("*") if file.is_file() and not file.name.startswith(".")):
        if path.suffix == ".tml":
            case = read_timeml(path, lambda text: detect_language(text).language)
            articles.append((case.text, case.language, day_range(case.published)))
        elif path.suffix in (".txt", ".json", ".jsonl", ".ndjson"):
            reading = read_articles(str(path), path.read_bytes(), MAX_BYTES)
            articles += [(a.text, a.language.language, a.published.range) for a in reading.articles]
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=5, help="times to date every article (default 5)")
    args = parser.parse_args()
    articles = load(args.folder)
    if not articles:
        raise SystemExit(f"no articles under {args.folder}")
    texts = [text for text, _, _ in articles]
    languages = [language for _, language, _ in articles]

    nlp = NlpPipelines()
    for language in sorted(set(languages)):  # load every model before timing
        nlp.parse(["Warm-up."], [language])
    started = time.perf_counter()
    docs = nlp.parse(texts, languages)
    nlp_seconds = time.perf_counter() - started
    sentences = [sentences_of(doc) for doc in docs]

    find_dates(texts[0], languages[0], articles[0][2], sentences[0])  # load lexicons before timing
    rounds = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        found = sum(
            len(find_dates(text, language, published, sents))
            for (text, language, published), sents in zip(articles, sentences)
        )
        rounds.append(time.perf_counter() - started)
    dates_seconds = statistics.median(rounds)

    count = len(articles)
    by_language = ", ".join(f"{code}: {languages.count(code)}" for code in sorted(set(languages)))
    print(f"articles: {count} ({by_language}), {sum(map(len, texts)) / count:,.0f} characters on average")
    print(f"NLP stage (spaCy parse): {nlp_seconds / count * 1000:.2f} ms/article")
    print(f"date tagging (median of {args.repeat}): {dates_seconds / count * 1000:.2f} ms/article, {found} mentions")
    print(f"date tagging / NLP stage: {dates_seconds / nlp_seconds:.1%} (target < 10%)")


if __name__ == "__main__":
    main()
