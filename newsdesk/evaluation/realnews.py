"""Score whole real articles against hand-made gold: events, agreements and actors.

    newsdesk eval realnews REALNEWS_DIR                      (holds gold/ and articles.jsonl)
    newsdesk eval realnews GOLD_DIR ARTICLES.jsonl [--extract EXTRACT.jsonl] [--json]

The articles are extracted with the code `newsdesk extract` uses (newsdesk/single_file.py), so the
documents equal the command's; `--extract` scores a saved `newsdesk
extract ARTICLES.jsonl --format json` output instead. Gold is one `<id>.json` per article (format:
GUIDE.md beside the gold); a document is aligned with its article by `article.record_index`, the
article's line number in ARTICLES.jsonl. An article without a document counts as crashed.

Matching, per article (the rules of the official realnews scorer):
- events: an extracted mention matches a gold mention of the same PLOVER type whose trigger span
  it overlaps, else one whose sentence it touches; greedy and one-to-one, each rule in turn, each
  extracted mention in order taking the first free gold mention. A side (sources, targets) is right
  when the sets of actor keys are equal: an actor's key is its ISO3 country, or "<SECTOR>" when it
  has none (IGOs, NGOs). "Full" needs the type and both sides right. The date is right when the
  extracted range meets the gold range at the gold's precision ("2012-05" holds "2012-05-21").
- agreements: the same matching on name spans, "same sentence" being the extracted document's
  sentence that holds the gold agreement's start; parties are right when the key sets are equal.
- actors (places left out): an extracted actor links to the gold actors one of whose surfaces (or
  name) equals one of its mention texts, case-folded; failing that, for texts of 4 characters or
  more, to those whose surface is a run of whole words of the text or the reverse ("France" and
  "la France"). It is right when a linked gold actor has its country (and "typed" its sector).
  Precision counts right extracted actors, recall gold actors linked by a right one.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from newsdesk.evaluation._metrics import prf

ARTICLES_NAME = "articles.jsonl"
GOLD_NAME = "gold"
SHORTEST_CONTAINED = 4  # shorter mention texts ("UN", "Etat") must equal a surface to link
ALL = "all"

Span = tuple[int, int]


# -- inputs -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Article:
    line: int  # 1-based line of ARTICLES.jsonl: the record_index `newsdesk extract` gives it
    article_id: str
    text: str


@dataclass(frozen=True)
class GoldArticle:
    article: Article
    language: str
    gold: dict[str, Any]


@dataclass
class Unreadable:
    """Gold files or articles the scorer could not read: reason → ids. Never fatal."""

    reasons: dict[str, list[str]] = field(default_factory=dict)

    def add(self, reason: str, item: str) -> None:
        self.reasons.setdefault(reason, []).append(item)

    def summary(self) -> str | None:
        total = sum(len(items) for items in self.reasons.values())
        if not total:
            return None
        parts = [
            f"{reason} ({len(items)}: {', '.join(items[:3])}{', …' if len(items) > 3 else ''})"
            for reason, items in sorted(self.reasons.items())
        ]
        return f"{total} unreadable: " + "; ".join(parts)


def resolve_inputs(paths: Sequence[Path]) -> tuple[Path, Path]:
    """(gold dir, articles file) from a realnews folder, or from a gold folder and a .jsonl file."""
    if len(paths) == 1 and (paths[0] / GOLD_NAME).is_dir() and (paths[0] / ARTICLES_NAME).is_file():
        return paths[0] / GOLD_NAME, paths[0] / ARTICLES_NAME
    folders = [path for path in paths if path.is_dir()]
    files = [path for path in paths if path.is_file()]
    if len(paths) == 2 and len(folders) == 1 and len(files) == 1:
        return folders[0], files[0]
    raise ValueError("give the realnews folder (gold/ and articles.jsonl), or GOLD_DIR and ARTICLES.jsonl")


def read_articles(path: Path, unreadable: Unreadable) -> list[Article]:
    articles = []
    for line, raw in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
            articles.append(Article(line, str(record["id"]), str(record["text"])))
        except (json.JSONDecodeError, KeyError, TypeError):
            unreadable.add("article line without id and text", f"{path.name}:{line}")
    return articles


def read_gold(gold_dir: Path, articles: Iterable[Article], unreadable: Unreadable) -> list[GoldArticle]:
    """The gold of each article that has one (articles without a gold file are not scored)."""
    golds = []
    for article in articles:
        path = gold_dir / f"{article.article_id}.json"
        if not path.exists():
            continue
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError):
            unreadable.add("gold file not JSON", path.name)
            continue
        if not isinstance(gold, dict):
            unreadable.add("gold file not an object", path.name)
            continue
        golds.append(
            GoldArticle(article, str(gold.get("language") or "?"), _readable_gold(gold, path.name, unreadable))
        )
    return golds


def _readable_gold(gold: dict[str, Any], name: str, unreadable: Unreadable) -> dict[str, Any]:
    """The gold without the events and agreements that lack a type or offsets (counted)."""

    def spanned(item: Any) -> bool:
        return isinstance(item, dict) and isinstance(item.get("start"), int) and isinstance(item.get("end"), int)

    events = [e for e in gold.get("events") or [] if spanned(e) and isinstance(e.get("type"), str)]
    agreements = [a for a in gold.get("agreements") or [] if spanned(a)]
    actors = [a for a in gold.get("actors") or [] if isinstance(a, dict)]
    for what, kept, given in (
        ("event", events, "events"),
        ("agreement", agreements, "agreements"),
        ("actor", actors, "actors"),
    ):
        for _ in range(len(gold.get(given) or []) - len(kept)):
            unreadable.add(
                f"gold {what} without type or offsets" if what != "actor" else "gold actor not an object", name
            )
    return {**gold, "events": events, "agreements": agreements, "actors": actors}


def load_extract(path: Path, unreadable: Unreadable) -> dict[int, dict[str, Any]]:
    """Documents of a `newsdesk extract --format json` output, by their article's record_index."""
    documents = {}
    for line, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            document = json.loads(raw)
            documents[int(document["article"]["record_index"])] = document
        except (json.JSONDecodeError, KeyError, TypeError, ValueError):
            unreadable.add("extract line not a document", f"{path.name}:{line}")
    return documents


def extract_documents(path: Path, errors: Console) -> dict[int, dict[str, Any]]:
    """`newsdesk extract PATH --format json`, in process: same reading, same extraction (in its
    worker process, so a crashing article is counted, not fatal), same JSON."""
    from newsdesk.serialize import dumps
    from newsdesk.single_file import extract_file

    extraction = extract_file(str(path.resolve()))
    for problem in extraction.reading.problems:
        errors.print(f"quarantined (record {problem.record}): {problem.reason}: {problem.message}", markup=False)
    for document in extraction.documents:
        if document.extraction_status != "complete":
            errors.print(
                f"record {document.article.record_index}: {document.extraction_status}: {document.extraction_message}",
                markup=False,
            )
    # Through the JSON text, as the command prints it, so the scorer sees the command's documents.
    documents = [json.loads(dumps(document)) for document in extraction.documents]
    return {document["article"]["record_index"]: document for document in documents}


# -- counting ---------------------------------------------------------------------------------
@dataclass
class Counts:
    articles: int = 0
    crashed: int = 0
    events_gold: int = 0
    events_predicted: int = 0
    events_matched: int = 0
    events_full: int = 0
    sources_right: int = 0
    targets_right: int = 0
    matched_gold_dated: int = 0
    dates_right: int = 0
    agreements_gold: int = 0
    agreements_predicted: int = 0
    agreements_matched: int = 0
    parties_right: int = 0
    actors_gold: int = 0
    actors_predicted: int = 0
    actors_right: int = 0
    actors_typed: int = 0
    actors_found: int = 0

    def __iadd__(self, other: Counts) -> Counts:
        for item in fields(self):
            setattr(self, item.name, getattr(self, item.name) + getattr(other, item.name))
        return self


@dataclass(frozen=True)
class Mention:
    """An event or agreement, gold or extracted, reduced to what matching and scoring read."""

    kind: str | None  # PLOVER type; None for agreements
    span: Span
    sentence: Span  # gold only: where "same sentence" looks
    sides: tuple[frozenset[str], ...]  # (sources, targets) of an event, (parties,) of an agreement
    date: tuple[str, str] | None = None


def score(golds: Iterable[GoldArticle], documents: dict[int, dict[str, Any]]) -> dict[str, Counts]:
    """Counts per gold language and over all articles."""
    buckets: dict[str, Counts] = {}
    for gold in golds:
        counts = score_article(gold.gold, gold.article.text, documents.get(gold.article.line))
        for bucket in (gold.language, ALL):
            buckets.setdefault(bucket, Counts())
            buckets[bucket] += counts
    return buckets


def score_article(gold: dict[str, Any], text: str, document: dict[str, Any] | None) -> Counts:
    counts = Counts(articles=1, crashed=int(document is None))
    document = document or {}
    keys = _actor_keys(document)
    _score_events(counts, _gold_events(gold, text), _extracted_events(document, keys))
    sentences = [(s["start"], s["end"]) for s in document.get("sentences", []) if "start" in s]
    _score_agreements(counts, _gold_agreements(gold, sentences), _extracted_agreements(document, keys))
    _score_actors(counts, gold.get("actors") or [], document.get("actors") or [])
    return counts


def _score_events(counts: Counts, golds: list[Mention], predicted: list[Mention]) -> None:
    pairs = greedy_pairs(golds, predicted, (_same_type_overlap, _same_type_sentence))
    counts.events_gold += len(golds)
    counts.events_predicted += len(predicted)
    counts.events_matched += len(pairs)
    for gold, extracted in pairs:
        sources, targets = (gold_side == side for gold_side, side in zip(gold.sides, extracted.sides))
        counts.sources_right += sources
        counts.targets_right += targets
        counts.events_full += sources and targets
        counts.matched_gold_dated += gold.date is not None
        counts.dates_right += date_right(gold.date, extracted.date)


def _score_agreements(counts: Counts, golds: list[Mention], predicted: list[Mention]) -> None:
    pairs = greedy_pairs(golds, predicted, (_overlap, _in_sentence))
    counts.agreements_gold += len(golds)
    counts.agreements_predicted += len(predicted)
    counts.agreements_matched += len(pairs)
    counts.parties_right += sum(gold.sides == extracted.sides for gold, extracted in pairs)


# -- matching ---------------------------------------------------------------------------------
Rule = Callable[[Mention, Mention], bool]


def greedy_pairs(
    golds: Sequence[Mention], predicted: Sequence[Mention], rules: Sequence[Rule]
) -> list[tuple[Mention, Mention]]:
    """One-to-one: for each rule in turn, each free extracted mention, in order, takes the first
    free gold mention the rule accepts (so a trigger overlap always wins over a same-sentence one)."""
    pairs = []
    free_gold = list(range(len(golds)))
    free_predicted = list(range(len(predicted)))
    for rule in rules:
        for p in list(free_predicted):
            g = next((g for g in free_gold if rule(golds[g], predicted[p])), None)
            if g is not None:
                pairs.append((golds[g], predicted[p]))
                free_gold.remove(g)
                free_predicted.remove(p)
    return pairs


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _overlap(gold: Mention, extracted: Mention) -> bool:
    return overlaps(gold.span, extracted.span)


def _in_sentence(gold: Mention, extracted: Mention) -> bool:
    # The extracted span's end counts as inside: a span ending on the sentence's last character
    # still belongs to it.
    return overlaps(gold.sentence, (extracted.span[0], extracted.span[1] + 1))


def _same_type_overlap(gold: Mention, extracted: Mention) -> bool:
    return gold.kind == extracted.kind and _overlap(gold, extracted)


def _same_type_sentence(gold: Mention, extracted: Mention) -> bool:
    return gold.kind == extracted.kind and _in_sentence(gold, extracted)


def date_right(gold: tuple[str, str] | None, extracted: tuple[str, str] | None) -> bool:
    """The ranges meet, each extracted bound cut to the precision of the gold bound it meets."""
    if gold is None or extracted is None:
        return False
    (gold_start, gold_end), (start, end) = gold, extracted
    return start[: len(gold_start)] <= gold_end and gold_start <= end[: len(gold_end)]


# -- gold and extracted mentions --------------------------------------------------------------
def gold_key(actor: dict[str, Any]) -> str:
    return actor.get("country") or f"<{actor.get('sector') or 'OTHER'}>"


def _gold_keys(actors: Iterable[dict[str, Any]] | None) -> frozenset[str]:
    return frozenset(gold_key(actor) for actor in actors or [] if isinstance(actor, dict))


def _gold_events(gold: dict[str, Any], text: str) -> list[Mention]:
    mentions = []
    for event in gold.get("events") or []:
        span = (event["start"], event["end"])
        if "sentence_start" in event:
            sentence = (event["sentence_start"], event["sentence_end"])
        else:
            sentence = locate_sentence(text, event.get("sentence") or "", event["start"])
        mentions.append(
            Mention(
                event.get("type"),
                span,
                sentence,
                (_gold_keys(event.get("sources")), _gold_keys(event.get("targets"))),
                _gold_date(event.get("date")),
            )
        )
    return mentions


def _gold_date(value: Any) -> tuple[str, str] | None:
    if not isinstance(value, dict) or not value.get("start"):
        return None
    return value["start"], value.get("end") or value["start"]


def locate_sentence(text: str, sentence: str, start: int) -> Span:
    """Where the gold's copied sentence is: the occurrence holding the trigger, else the first
    one, else (the copy does not match) the trigger's start as an empty span."""
    if not sentence:
        return start, start
    last_before = text.rfind(sentence, 0, start + len(sentence))  # last occurrence starting ≤ start
    if last_before >= 0 and last_before + len(sentence) >= start:
        return last_before, last_before + len(sentence)
    first = text.find(sentence)
    return (first, first + len(sentence)) if first >= 0 else (start, start)


def _gold_agreements(gold: dict[str, Any], sentences: Sequence[Span]) -> list[Mention]:
    mentions = []
    for agreement in gold.get("agreements") or []:
        span = (agreement["start"], agreement["end"])
        sentence = next(((b, e) for b, e in sentences if b <= span[0] < e), (span[0], span[0]))
        mentions.append(Mention(None, span, sentence, (_gold_keys(agreement.get("parties")),)))
    return mentions


def _actor_keys(document: dict[str, Any]) -> Callable[[Iterable[str]], frozenset[str]]:
    by_id = {actor.get("actor_id"): actor for actor in document.get("actors") or []}

    def keys(actor_ids: Iterable[str]) -> frozenset[str]:
        # An id the document does not define keys as "<OTHER>", like an actor with nothing known.
        return frozenset(gold_key(by_id.get(actor_id) or {}) for actor_id in actor_ids or [])

    return keys


def _extracted_events(document: dict[str, Any], keys: Callable[[Iterable[str]], frozenset[str]]) -> list[Mention]:
    mentions = []
    for event in document.get("events") or []:
        date = (event["date_start"], event.get("date_end") or event["date_start"]) if event.get("date_start") else None
        span = (event["start"], event["end"])
        mentions.append(
            Mention(event.get("event_type"), span, span, (keys(event.get("sources")), keys(event.get("targets"))), date)
        )
    return mentions


def _extracted_agreements(document: dict[str, Any], keys: Callable[[Iterable[str]], frozenset[str]]) -> list[Mention]:
    return [
        Mention(None, (a["start"], a["end"]), (a["start"], a["end"]), (keys(a.get("parties")),))
        for a in document.get("agreements") or []
    ]


# -- actors -----------------------------------------------------------------------------------
def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").casefold().replace("\u2019", "'")
    return " ".join(text.split())


def contains_words(a: str, b: str) -> bool:
    """One folded text is a run of whole words of the other; an apostrophe may end a word
    ("l'armée" holds "armée")."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return f" {short} " in f" {long.replace(chr(39), ' ')} " or f" {short} " in f" {long} "


def _score_actors(counts: Counts, golds: list[dict[str, Any]], extracted: list[dict[str, Any]]) -> None:
    surfaces: dict[str, int] = {}
    for index, actor in enumerate(golds):
        for surface in list(actor.get("surfaces") or []) + [actor.get("name") or ""]:
            if surface:
                surfaces.setdefault(fold(surface), index)  # a surface shared by two actors names the first
    scored = [actor for actor in extracted if actor.get("type") != "place" and actor.get("mentions")]
    found: set[int] = set()
    for actor in scored:
        linked = [
            g
            for g in _linked_gold(actor, surfaces)
            if (golds[g].get("country") or None) == (actor.get("country") or None)
        ]
        if linked:
            counts.actors_right += 1
            counts.actors_typed += any(golds[g].get("sector") == actor.get("sector") for g in linked)
            found.update(linked)
    counts.actors_gold += len(golds)
    counts.actors_predicted += len(scored)
    counts.actors_found += len(found)


def _linked_gold(actor: dict[str, Any], surfaces: dict[str, int]) -> set[int]:
    linked: set[int] = set()
    for mention in actor.get("mentions") or []:
        text = fold(mention.get("text") or "")
        if text in surfaces:
            linked.add(surfaces[text])
        elif len(text) >= SHORTEST_CONTAINED:
            linked.update(
                g
                for surface, g in surfaces.items()
                if len(surface) >= SHORTEST_CONTAINED and contains_words(surface, text)
            )
    return linked


# -- figures and output -----------------------------------------------------------------------
def figures(counts: Counts) -> dict[str, float | None]:
    """The reported figures; a share over nothing is None (shown "-")."""
    c = counts
    names = ("precision", "recall", "f1")
    result: dict[str, float | None] = {}
    result |= dict(
        zip(
            (f"event_type_{n}" for n in names),
            prf(c.events_matched, c.events_predicted, c.events_matched, c.events_gold),
        )
    )
    result |= dict(
        zip((f"full_{n}" for n in names), prf(c.events_full, c.events_predicted, c.events_full, c.events_gold))
    )
    result["sources_right"] = _share(c.sources_right, c.events_matched)
    result["targets_right"] = _share(c.targets_right, c.events_matched)
    result["date_right"] = _share(c.dates_right, c.matched_gold_dated)
    result |= dict(
        zip(
            (f"agreements_{n}" for n in names),
            prf(c.agreements_matched, c.agreements_predicted, c.agreements_matched, c.agreements_gold),
        )
    )
    result["parties_right"] = _share(c.parties_right, c.agreements_matched)
    result |= dict(
        zip((f"actors_{n}" for n in names), prf(c.actors_right, c.actors_predicted, c.actors_found, c.actors_gold))
    )
    result["actors_typed"] = _share(c.actors_typed, c.actors_right)
    return result


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def ordered(buckets: dict[str, Counts]) -> list[tuple[str, Counts]]:
    return sorted(buckets.items(), key=lambda item: (item[0] == ALL, item[0]))


def as_json(buckets: dict[str, Counts], unreadable: Unreadable, sources: dict[str, str]) -> dict[str, Any]:
    return {
        **sources,
        "languages": {
            lang: {"counts": asdict(counts), "figures": figures(counts)} for lang, counts in ordered(buckets)
        },
        "unreadable": unreadable.reasons,
    }


# One row per figure, one column per language: fits a terminal whatever the language count.
ROWS: tuple[tuple[str, str], ...] = (
    ("articles", "articles"),
    ("crashed (no document)", "crashed"),
    ("", ""),
    ("events gold", "events_gold"),
    ("events extracted", "events_predicted"),
    ("event type precision", "event_type_precision"),
    ("event type recall", "event_type_recall"),
    ("event type F1", "event_type_f1"),
    ("full precision", "full_precision"),
    ("full recall", "full_recall"),
    ("full F1", "full_f1"),
    ("matched: sources right", "sources_right"),
    ("matched: targets right", "targets_right"),
    ("matched: date right", "date_right"),
    ("", ""),
    ("agreements gold", "agreements_gold"),
    ("agreements extracted", "agreements_predicted"),
    ("agreements precision", "agreements_precision"),
    ("agreements recall", "agreements_recall"),
    ("agreements F1", "agreements_f1"),
    ("matched: parties right", "parties_right"),
    ("", ""),
    ("actors gold", "actors_gold"),
    ("actors extracted", "actors_predicted"),
    ("actors precision", "actors_precision"),
    ("actors recall", "actors_recall"),
    ("actors F1", "actors_f1"),
    ("right: sector right too", "actors_typed"),
)


def table(buckets: dict[str, Counts]) -> Table:
    columns = ordered(buckets)
    result = Table(title="realnews: events, agreements, actors")
    result.add_column("figure")
    for lang, _ in columns:
        result.add_column(lang, justify="right")
    values = [{**asdict(counts), **figures(counts)} for _, counts in columns]
    for label, name in ROWS:
        if not name:
            result.add_section()
            continue
        result.add_row(label, *(_cell(value[name]) for value in values))
    return result


def _cell(value: float | int | None) -> str:
    if value is None:
        return "-"
    return str(value) if isinstance(value, int) else f"{value:.3f}"


def headline(buckets: dict[str, Counts]) -> str:
    counts = buckets.get(ALL, Counts())
    f = figures(counts)
    return (
        f"realnews: event type F1 {f['event_type_f1']:.3f}, full F1 {f['full_f1']:.3f}, "
        f"agreements F1 {f['agreements_f1']:.3f}, actors F1 {f['actors_f1']:.3f}, crashed articles {counts.crashed}"
    )


def main(paths: list[Path], extract: Path | None = None, json_output: bool = False) -> int:
    console, errors = Console(), Console(stderr=True, soft_wrap=True)
    try:
        gold_dir, articles_path = resolve_inputs(paths)
    except ValueError as error:
        errors.print(f"[red]error:[/red] {error}")
        return 2
    unreadable = Unreadable()
    golds = read_gold(gold_dir, read_articles(articles_path, unreadable), unreadable)
    if not golds:
        errors.print(f"[red]error:[/red] no gold file in {gold_dir} names an article of {articles_path}")
        return 2
    if extract is not None:
        documents = load_extract(extract, unreadable)
    else:
        errors.print(f"extracting {articles_path} in process (as `newsdesk extract`)…", style="dim")
        documents = extract_documents(articles_path, errors)
    buckets = score(golds, documents)
    if unreadable.summary():
        errors.print(unreadable.summary(), style="yellow", markup=False, highlight=False)
    if json_output:
        sources = {"gold": str(gold_dir), "articles": str(articles_path), "extract": str(extract) if extract else None}
        sys.stdout.write(json.dumps(as_json(buckets, unreadable, sources), indent=2) + "\n")  # type: ignore[arg-type]
        return 0
    console.print(table(buckets))
    console.print(headline(buckets), soft_wrap=True, highlight=False)
    return 0
