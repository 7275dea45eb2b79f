"""Score event extraction against PLOVER gold-standard records.

    newsdesk eval events GOLD...     (plover_gsr*.json files, or folders holding them)

Each gold record is one English sentence with one event (type, source actors, target actors with
CAMEO-style country codes). The sentence goes through the same stages as an article (spaCy,
dates, actors when the actor stage is installed, events) with no publication date.

Figures:
- event types, counted per sentence: a true positive when the gold type is among the types
  extracted from the sentence; every other extracted type is a false positive; a sentence whose
  gold type is missing is a false negative. Gold records use PLOVER 0.5 names, mapped to the 16
  types of the 2021 manual (DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT ->
  ASSAULT).
- actor attachment, on the sentences whose gold type was found: the extracted event of that type
  with the highest confidence is compared with the gold; its source (target) is right when every
  gold source (target) code is among the codes of its source (target) actors. An actor's code is
  its country (ISO 3166 alpha-3), or IGO for an international organisation. The gold's JAP is
  read as JPN. "Country accuracy" pools source and target slots; "any role" ignores the role.

Gold is read by `_plover.read_plover` (every shape of source/target the format allows); records it
cannot read, and records without an event type, are counted and listed, never fatal.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from newsdesk.evaluation._metrics import prf_counts
from newsdesk.evaluation._plover import GoldActor, PloverGold, plover_codes, read_plover
from transforms.events import EventExtractor
from transforms.nlp import NlpPipelines, sentences_of
from transforms.records import (
    Actor,
    ArticleRecord,
    DateMention,
    Event,
    LanguageGuess,
    PublishedDate,
)

LEGACY_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


@dataclass(frozen=True)
class GoldSentence:
    record_id: str
    text: str
    event_type: str
    sources: frozenset[str]
    targets: frozenset[str]


@dataclass(frozen=True)
class Scored:
    gold: GoldSentence
    predicted_types: frozenset[str]
    event: Event | None
    source_codes: frozenset[str]
    target_codes: frozenset[str]

    @property
    def found(self) -> bool:
        return self.gold.event_type in self.predicted_types

    @property
    def source_right(self) -> bool:
        return bool(self.gold.sources) and self.gold.sources <= self.source_codes

    @property
    def target_right(self) -> bool:
        return bool(self.gold.targets) and self.gold.targets <= self.target_codes

    @property
    def any_role_right(self) -> tuple[int, int]:
        both = self.source_codes | self.target_codes
        slots = [codes for codes in (self.gold.sources, self.gold.targets) if codes]
        return sum(codes <= both for codes in slots), len(slots)


def main(paths: list[Path]) -> int:
    console = Console()
    gold = read_gold(_gold_files(paths))
    golds = gold_sentences(gold)
    if gold.unreadable_summary():
        console.print(gold.unreadable_summary(), style="yellow", markup=False, highlight=False, soft_wrap=True)
    if not golds:
        console.print("[red]no PLOVER gold records found[/red] in " + ", ".join(map(str, paths)))
        return 2
    scored = score(golds, console)
    console.print(summary_table(scored))
    console.print(per_type_table(scored))
    return 0


def _gold_files(paths: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(path.glob("plover*.json")))
        elif path.suffix in (".json", ".jsonl"):
            files.append(path)
    return files


def read_gold(files: Iterable[Path]) -> PloverGold:
    gold = PloverGold()
    for path in files:
        gold.extend(read_plover(path))
    return gold


def gold_sentences(gold: PloverGold) -> list[GoldSentence]:
    """The records the event scorer can use; a record without an event type is counted unreadable."""
    golds: list[GoldSentence] = []
    for record in gold.records:
        if record.event is None:
            gold.skip(record.record_id, "no event type")
            continue
        golds.append(
            GoldSentence(
                record_id=record.record_id,
                text=record.text,
                event_type=LEGACY_TYPES.get(record.event, record.event),
                sources=_codes(record.sources),
                targets=_codes(record.targets),
            )
        )
    return golds


def _codes(actors: Sequence[GoldActor]) -> frozenset[str]:
    return frozenset(actor.code for actor in actors if actor.code)


def score(golds: Sequence[GoldSentence], console: Console | None = None) -> list[Scored]:
    """Run the stages over every gold sentence and compare."""
    stages = Stages(console)
    scored: list[Scored] = []
    for gold, (events, actors) in zip(golds, stages.run([g.text for g in golds])):
        by_id = {actor.actor_id: actor for actor in actors}
        types = frozenset(e.event_type for e in events)
        matching = sorted(
            (e for e in events if e.event_type == gold.event_type),
            key=lambda e: (-e.confidence, e.start),
        )
        event = matching[0] if matching else None
        scored.append(
            Scored(
                gold=gold,
                predicted_types=types,
                event=event,
                source_codes=_actor_codes(event.sources, by_id) if event else frozenset(),
                target_codes=_actor_codes(event.targets, by_id) if event else frozenset(),
            )
        )
    return scored


class Stages:
    """spaCy, dates, actors (if that stage is installed) and events, as the pipeline runs them."""

    def __init__(self, console: Console | None = None) -> None:
        self.nlp = NlpPipelines()
        self.events = EventExtractor()
        self.resolver = _actor_resolver()
        if self.resolver is None and console is not None:
            console.print("[yellow]actor stage not available: events will have no actors[/yellow]")

    def run(self, texts: Sequence[str]) -> Iterable[tuple[tuple[Event, ...], tuple[Actor, ...]]]:
        docs = self.nlp.parse(list(texts), ["en"] * len(texts))
        for index, (text, doc) in enumerate(zip(texts, docs)):
            article = ArticleRecord(
                article_id=f"gold-{index:04d}",
                source_path="",
                record_index=index,
                title=None,
                source=None,
                url=None,
                text=text,
                language=LanguageGuess("en", 1.0, "header"),
                published=PublishedDate(None, None),
            )
            sentences = sentences_of(doc)
            dates = _dates(text, sentences)
            actors = tuple(self.resolver.resolve(article, doc, sentences)) if self.resolver else ()
            events, _ = self.events.extract(article, doc, sentences, dates, actors)
            yield events, actors


def _actor_resolver():
    try:
        from transforms.actors import ActorResolver
    except ImportError:
        return None
    return ActorResolver()


def _dates(text: str, sentences) -> tuple[DateMention, ...]:
    try:
        from transforms.dates import find_dates
    except ImportError:
        return ()
    return find_dates(text, "en", None, sentences)


def _actor_codes(actor_ids: Sequence[str], by_id: dict[str, Actor]) -> frozenset[str]:
    return frozenset(code for actor_id in actor_ids if actor_id in by_id for code in plover_codes(by_id[actor_id]))


def type_counts(scored: Sequence[Scored]) -> tuple[int, int, int]:
    true_positives = sum(s.found for s in scored)
    false_positives = sum(len(s.predicted_types - {s.gold.event_type}) for s in scored)
    false_negatives = sum(not s.found for s in scored)
    return true_positives, false_positives, false_negatives


def attachment(scored: Sequence[Scored]) -> dict[str, tuple[int, int]]:
    found = [s for s in scored if s.found]
    with_source = [s for s in found if s.gold.sources]
    with_target = [s for s in found if s.gold.targets]
    any_role = [s.any_role_right for s in found]
    return {
        "source": (sum(s.source_right for s in with_source), len(with_source)),
        "target": (sum(s.target_right for s in with_target), len(with_target)),
        "country (source+target slots)": (
            sum(s.source_right for s in with_source) + sum(s.target_right for s in with_target),
            len(with_source) + len(with_target),
        ),
        "any role": (sum(right for right, _ in any_role), sum(total for _, total in any_role)),
    }


def summary_table(scored: Sequence[Scored]) -> Table:
    tp, fp, fn = type_counts(scored)
    precision, recall, f1 = prf_counts(tp, fp, fn)
    table = Table(title=f"PLOVER events: {len(scored)} gold sentences")
    table.add_column("figure")
    table.add_column("value", justify="right")
    table.add_column("counts", justify="right")
    table.add_row("event type precision", f"{precision:.3f}", f"{tp}/{tp + fp}")
    table.add_row("event type recall", f"{recall:.3f}", f"{tp}/{tp + fn}")
    table.add_row("event type F1", f"{f1:.3f}", "")
    for name, (right, total) in attachment(scored).items():
        value = right / total if total else 0.0
        table.add_row(f"actor attachment: {name}", f"{value:.3f}", f"{right}/{total}")
    return table


def per_type_table(scored: Sequence[Scored]) -> Table:
    table = Table(title="per gold type")
    for column in ("type", "gold", "found", "recall", "predicted", "precision"):
        table.add_column(column, justify="right" if column != "type" else "left")
    gold_counts = Counter(s.gold.event_type for s in scored)
    found_counts = Counter(s.gold.event_type for s in scored if s.found)
    predicted: Counter[str] = Counter()
    correct: defaultdict[str, int] = defaultdict(int)
    for s in scored:
        for event_type in s.predicted_types:
            predicted[event_type] += 1
            correct[event_type] += event_type == s.gold.event_type
    for event_type in sorted(set(gold_counts) | set(predicted)):
        gold = gold_counts[event_type]
        table.add_row(
            event_type,
            str(gold),
            str(found_counts[event_type]),
            f"{found_counts[event_type] / gold:.2f}" if gold else "-",
            str(predicted[event_type]),
            f"{correct[event_type] / predicted[event_type]:.2f}" if predicted[event_type] else "-",
        )
    return table
