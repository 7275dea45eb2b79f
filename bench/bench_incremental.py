"""Cost of an incremental run against the size of the warehouse it publishes into.

    .venv/bin/python bench/bench_incremental.py --existing 100000 --new 50 [--repeat 5] [--keep DIR]

Builds two warehouses through the real writer (`warehouse.staging.StagingArea` parts, then
`warehouse.publish.publish_run` under `exclusive_run`), with synthetic rows for every table
instead of NLP output: an "empty" one, made by one first run of `--new` articles, and one of
`--existing` articles, written by runs of `--run-size` articles. Then times `--repeat`
incremental runs of `--new` new articles into each: the writer's whole path (lock, recovery
before and after, staging the parts, applying them, checks, swap, markers), without Prefect, the
NLP stage or input discovery. Each article has a 1,500-character text, 2 dates, 6 mentions of 4
actors (from a pool of 5,000), one event with 2 mentions and 2 participants, and one source file.

The timed runs go in turns (one into each warehouse), after `--warmup` untimed ones into each.
Prints each timed run, the median and spread of each series, the median CPU time of this process
(every thread: steadier than wall time on a shared machine), and as its last line
`incremental run: X s into empty, Y s into N articles; ratio R` (medians of wall time).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from warehouse.layout import WarehouseLayout  # noqa: E402
from warehouse.publish import exclusive_run, publish_run  # noqa: E402
from warehouse.schema import stored_tables  # noqa: E402
from warehouse.staging import StagingArea  # noqa: E402

ACTORS = 5_000
PART_SIZE = 1_000
LANGUAGES = ("en", "fr", "es", "ar", "de")
COUNTRIES = ("MAR", "DZA", "ESP", "FRA", "USA", "TUN", "EGY", "ISR")
WORDS = [
    "le",
    "ministre",
    "a",
    "reçu",
    "son",
    "homologue",
    "à",
    "Rabat",
    "pour",
    "une",
    "réunion",
    "de",
    "la",
    "commission",
    "mixte",
    "sur",
    "la",
    "coopération",
    "économique",
    "et",
    "la",
    "sécurité",
    "des",
    "frontières",
    "entre",
    "les",
    "deux",
    "pays",
    "voisins",
    "selon",
    "un",
    "communiqué",
    "officiel",
]
EXTRACTOR = "bench"


def article_id(number: int) -> str:
    return hashlib.sha256(f"bench-article-{number}".encode()).hexdigest()[:32]


def actor_id(number: int) -> str:
    return f"bench-actor-{number:05d}"


def synthetic_rows(numbers: range, run_id: str, at: datetime) -> dict[str, list[dict]]:
    """Rows of every table for the articles numbered `numbers`, as the extractor would give them."""
    rows: dict[str, list[dict]] = {}
    add = lambda table, row: rows.setdefault(table, []).append(row)  # noqa: E731
    for number in numbers:
        chooser = random.Random(number)
        aid = article_id(number)
        published = date(2020, 1, 1) + timedelta(days=number % 1500)
        text = " ".join(chooser.choice(WORDS) for _ in range(230))[:1500]
        language = LANGUAGES[number % len(LANGUAGES)]
        path = f"/corpus/{number // 1000:04d}/{number:07d}.txt"
        add(
            "articles",
            {
                "article_id": aid,
                "title": f"Article {number}",
                "source": "bench",
                "url": None,
                "language": language,
                "language_confidence": 0.99,
                "language_method": "langdetect",
                "language_alternatives": [],
                "language_reason": None,
                "language_declared": None,
                "published_raw": published.isoformat(),
                "published_start": published,
                "published_end": published,
                "published_precision": "day",
                "text": text,
                "char_count": len(text),
                "word_count": len(text.split()),
                "paragraph_count": 1,
                "sentence_count": 8,
                "metadata_json": None,
                "first_source_path": path,
                "first_seen_run": run_id,
                "first_seen_at": at,
                "extractor_version": EXTRACTOR,
                "extraction_status": "complete",
                "events_coverage": "full",
            },
        )
        add(
            "source_files",
            {
                "path": path,
                "content_sha256": hashlib.sha256(text.encode()).hexdigest(),
                "size_bytes": len(text),
                "modified_ns": number,
                "format": "text",
                "encoding": "utf-8",
                "article_ids": [aid],
                "quarantined_records": 0,
                "status": "current",
                "first_seen_run": run_id,
                "first_seen_at": at,
                "last_seen_run": run_id,
                "last_seen_at": at,
            },
        )
        for index in range(2):
            day = published - timedelta(days=index + 1)
            add(
                "dates",
                {
                    "article_id": aid,
                    "start": 10 + 100 * index,
                    "end": 20 + 100 * index,
                    "sentence": index,
                    "text": day.isoformat(),
                    "value": day.isoformat(),
                    "date_start": day,
                    "date_end": day,
                    "precision": "day",
                    "modifier": None,
                    "kind": "date",
                    "anchor": None,
                    "method": "bench",
                    "extractor_version": EXTRACTOR,
                },
            )
        actors = chooser.sample(range(ACTORS), 4)
        for index, actor in enumerate(actors):
            country = COUNTRIES[actor % len(COUNTRIES)]
            add(
                "article_actors",
                {
                    "article_id": aid,
                    "actor_id": actor_id(actor),
                    "name": f"Actor {actor}",
                    "type": "person",
                    "country": country,
                    "sector": None,
                    "mention_count": 1 + (index < 2),
                    "aliases": [f"Actor {actor}"],
                    "offices": [],
                    "extractor_version": EXTRACTOR,
                },
            )
            add(
                "actors",
                {
                    "actor_id": actor_id(actor),
                    "name": f"Actor {actor}",
                    "type": "person",
                    "country": country,
                    "sector": None,
                    "first_seen": published,
                    "last_seen": published,
                    "mention_count": 1,
                    "article_count": 1,
                },
            )
            add(
                "actor_aliases",
                {
                    "actor_id": actor_id(actor),
                    "language": language,
                    "alias": f"Actor {actor}",
                    "mention_count": 1,
                    "article_count": 1,
                    "first_seen": published,
                    "last_seen": published,
                },
            )
        for index in range(6):
            actor = actors[index % 4]
            add(
                "mentions",
                {
                    "article_id": aid,
                    "start": 300 + 40 * index,
                    "end": 310 + 40 * index,
                    "sentence": 2 + index // 2,
                    "actor_id": actor_id(actor),
                    "text": f"Actor {actor}",
                    "normalized": f"actor {actor}",
                    "rule": "bench",
                    "confidence": 0.9,
                    "title": None,
                    "office": None,
                    "extractor_version": EXTRACTOR,
                },
            )
        event = f"bench-event-{number:07d}"
        day = published - timedelta(days=1)
        shared = {
            "event_type": "meet",
            "mode": "verbal",
            "context": None,
            "cameo_code": "040",
            "quad_class": 1,
            "goldstein": 1.0,
            "sources": [actor_id(actors[0])],
            "targets": [actor_id(actors[1])],
            "date_start": day,
            "date_end": day,
            "date_precision": "day",
            "date_source": "sentence",
            "location": "Rabat",
            "location_country": "MAR",
            "evidence": text[:120],
        }
        add(
            "events",
            {
                "event_id": event,
                **shared,
                "negated": False,
                "modality": "asserted",
                "confidence": 0.8,
                "first_article_id": aid,
                "first_sentence": 3,
                "num_mentions": 2,
                "num_articles": 1,
                "num_sources": 1,
                "first_published": published,
                "last_published": published,
            },
        )
        for index in range(2):
            add(
                "event_mentions",
                {
                    "article_id": aid,
                    "event_id": event,
                    **shared,
                    "sentence": 3 + index,
                    "start": 800 + 90 * index,
                    "end": 806 + 90 * index,
                    "trigger": "reçu",
                    "negated": False,
                    "modality": "asserted",
                    "reported_by": None,
                    "confidence": 0.8,
                    "extractor_version": EXTRACTOR,
                },
            )
            add(
                "event_actors",
                {
                    "article_id": aid,
                    "event_id": event,
                    "actor_id": actor_id(actors[index]),
                    "role": ("source", "target")[index],
                    "inferred": False,
                    "sentence": 3,
                    "start": 780 + 40 * index,
                    "end": 790 + 40 * index,
                    "actor_text": f"Actor {actors[index]}",
                    "extractor_version": EXTRACTOR,
                },
            )
    tables = stored_tables()  # columns added to the schema since this was written stay empty
    return {
        name: [{column: row.get(column) for column in tables[name].column_names} for row in table_rows]
        for name, table_rows in rows.items()
    }


class Writer:
    """Runs of synthetic articles through the real staging and publishing code."""

    def __init__(self, database: Path) -> None:
        self.layout = WarehouseLayout.at(database)
        self.runs = 0

    def run(self, numbers: range) -> tuple[float, float]:
        """One run of the articles numbered `numbers`; its wall and CPU time (this process, every
        thread) in seconds."""
        self.runs += 1
        started_at = datetime(2024, 1, 1) + timedelta(hours=self.runs)
        run_id = f"{self.runs:08d}-bench-{self.layout.database.stem}"
        run_key = f"{started_at:%Y%m%dT%H%M%S%fZ}-{run_id[:8]}"
        run_row = {
            "run_id": run_id,
            "flow_name": "ingest",
            "parameters_json": "{}",
            "code_version": "bench",
            "extractor_version": EXTRACTOR,
            "started_at": started_at,
            "finished_at": None,
            "status": "completed",
            "files_seen": len(numbers),
            "files_new": len(numbers),
            "files_changed": 0,
            "files_unchanged": 0,
            "files_quarantined": 0,
            "files_deleted": 0,
            "articles_new": len(numbers),
            "articles_extracted": len(numbers),
        }
        parts = [numbers[start : start + PART_SIZE] for start in range(0, len(numbers), PART_SIZE)]
        rows = [synthetic_rows(part, run_id, started_at) for part in parts]  # made before the clock starts
        started, cpu = time.perf_counter(), time.process_time()
        with exclusive_run(self.layout, run_id):
            staging = StagingArea(self.layout.lake, run_key)
            for index, part_rows in enumerate(rows):
                staging.write(part_rows, f"{index:05d}")
            publish_run(self.layout, run_key, run_row, started_at + timedelta(minutes=1))
        return time.perf_counter() - started, time.process_time() - cpu


class Series:
    """Runs of `new` new articles into one warehouse, numbered from `first`."""

    def __init__(self, writer: Writer, first: int, new: int) -> None:
        self.writer, self.next, self.new = writer, first, new
        self.times: list[tuple[float, float]] = []

    def run(self, timed: bool = True) -> None:
        took = self.writer.run(range(self.next, self.next + self.new))
        self.next += self.new
        if timed:
            self.times.append(took)

    def describe(self, name: str) -> str:
        wall, cpu = [t for t, _ in self.times], [c for _, c in self.times]
        return (
            f"into {name}: "
            + " ".join(f"{t:.3f}" for t in wall)
            + f"  (median {statistics.median(wall):.3f}, min {min(wall):.3f}, max {max(wall):.3f}; "
            + f"CPU median {statistics.median(cpu):.3f})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--existing", type=int, default=100_000, help="articles already in the large warehouse")
    parser.add_argument("--new", type=int, default=50, help="new articles in each timed run")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs into each warehouse")
    parser.add_argument("--run-size", type=int, default=10_000, help="articles per run while building")
    parser.add_argument("--warmup", type=int, default=2, help="untimed runs before the timed ones")
    parser.add_argument("--keep", type=Path, help="build (or reuse) the large warehouse in this folder")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="newsdesk-bench-incremental-"))
    try:
        empty = Writer(scratch / "empty" / "warehouse.duckdb")
        empty.run(range(10_000_000, 10_000_000 + args.new))  # creates the database

        folder = args.keep or scratch / "large"
        large = Writer(folder / "warehouse.duckdb")
        marker = folder / f"built-{args.existing}"
        if marker.exists():
            large.runs = int(marker.read_text())
            print(f"reusing {folder}: {args.existing} articles")
        else:
            if folder.exists():
                shutil.rmtree(folder)
            started = time.perf_counter()
            for start in range(0, args.existing, args.run_size):
                large.run(range(start, min(start + args.run_size, args.existing)))
            print(f"built {args.existing} articles in {time.perf_counter() - started:.0f} s")
        series = {
            "empty": Series(empty, 10_100_000, args.new),
            f"{args.existing} articles": Series(large, 20_000_000 + 100_000 * large.runs, args.new),
        }
        # Warm-up runs (the first runs after an upgrade copy the file: no standby yet), then timed
        # runs in turns, so that both series see the same load on a shared machine.
        for timed in [False] * args.warmup + [True] * args.repeat:
            for one in series.values():
                one.run(timed)
        if args.keep:
            marker.write_text(str(large.runs + 1000))  # later timed runs take fresh article numbers
        size = large.layout.database.stat().st_size
        print(f"database: {size / 2**20:.0f} MiB with {args.existing} articles and the runs above")
        for name, one in series.items():
            print(one.describe(name))
        (x, cx), (y, cy) = (
            (statistics.median(t for t, _ in one.times), statistics.median(c for _, c in one.times))
            for one in series.values()
        )
        print(f"CPU: {cx:.3f} s into empty, {cy:.3f} s into {args.existing} articles; ratio {cy / cx:.2f}")
        print(f"incremental run: {x:.3f} s into empty, {y:.3f} s into {args.existing} articles; ratio {y / x:.2f}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
