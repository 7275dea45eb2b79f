"""Score the event stage on the Arabic event span records (openeventdata/arabic_event_gsr layout).

    .venv/bin/python bench/bench_arabic_gsr.py /work/shared/eval/arabic_gsr [--show N]

Each record (`protest_spans.json`, `assault_spans.json`) is one Arabic sentence with a gold event type
(PROTEST or ASSAULT) and the source actor's country (`spans[0].source_role.main`). The sentence goes
through the real pipeline as an Arabic article (spaCy, dates, the actor stage, the event stage).
Figures:
  type found       share of records whose gold type is among the extracted event types;
  other types      extracted events of any other type, per record (not necessarily wrong: a
                   sentence may report several events, the records code only one);
  source country   on records where the type is found and the gold gives a country, share where
                   the most confident event of that type has a source actor of that country.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from transforms.dates.publication import parse_publication_date
from transforms.pipeline import Extractor
from transforms.records import ArticleRecord, LanguageGuess


def records(folder: Path) -> list[dict]:
    found: list[dict] = []
    for name in ("protest_spans.json", "assault_spans.json"):
        path = folder / name
        if path.exists():
            found.extend(json.loads(path.read_text(encoding="utf-8")))
    return found


def gold_country(record: dict) -> str | None:
    for span in record.get("spans") or []:
        role = span.get("source_role") or {}
        if not isinstance(role, dict):  # a few records give the bare string "UNKNOWN"
            continue
        code = role.get("main")
        if code and code not in {"None", "null"}:
            return str(code)
    return None


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else Path("/work/shared/eval/arabic_gsr")
    show = int(argv[argv.index("--show") + 1]) if "--show" in argv else 0
    items = [r for r in records(folder) if r.get("text") and r.get("event_type")]
    articles = [
        ArticleRecord(
            article_id=f"gsr-{index:05d}",
            source_path="",
            record_index=index,
            title=None,
            source=None,
            url=None,
            text=record["text"],
            language=LanguageGuess("ar", 1.0, "header"),
            published=parse_publication_date(None),
        )
        for index, record in enumerate(items)
    ]
    documents = Extractor().extract_batch(articles)
    found = other = with_country = country_right = 0
    shown = 0
    for record, document in zip(items, documents):
        gold = record["event_type"]
        types = [e.event_type for e in document.events]
        countries = {a.actor_id: a.country for a in document.actors}
        other += sum(1 for t in types if t != gold)
        if gold not in types:
            if shown < show:
                print("MISS", gold, types, record["verb_gold"], "|", record["text"][:160])
                shown += 1
            continue
        found += 1
        code = gold_country(record)
        if code is None:
            continue
        with_country += 1
        best = max((e for e in document.events if e.event_type == gold), key=lambda e: e.confidence)
        if code in {countries.get(s) for s in best.sources}:
            country_right += 1
    total = len(items)
    print(f"records {total}")
    print(f"type found      {found / total:.3f} ({found}/{total})")
    print(f"other types     {other / total:.3f} per record ({other})")
    share = country_right / with_country if with_country else 0.0
    print(f"source country  {share:.3f} ({country_right}/{with_country})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
