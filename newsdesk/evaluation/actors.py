"""Score actor resolution against gold data.

    newsdesk eval actors GOLD...     (folders or files)

Recognised inputs (a folder is searched for them):
- PLOVER gold records (a JSON array whose records have "source"/"target" actors with CAMEO-style
  country codes): the share of gold source/target codes found among the countries of the actors
  resolved in the sentence. CAMEO's "JAP" is Japan (JPN); "IGO" is found by any international
  organisation (type igo, or a person acting for one); "NGO" by an actor of sector NGO.
  Every shape of source/target the format allows is read (`_plover.read_plover`); a record that
  cannot be read is counted and listed with its reason, never fatal.
- ReLocaR XML (<sample> with one <loc reading="lit|met">): accuracy of the place-versus-actor
  reading of the toponym. A toponym we resolve to a place, or do not recognise at all, reads
  "lit"; one we resolve to a state or any other actor reads "met".
- countries.json (mledoze/countries): for ar, de, en, es and fr, the share of country names
  (common and official, English from "name", others from "translations") that resolve, written
  alone as a text, to the right ISO3 code. The longest mention decides.
- Arabic event spans (openeventdata arabic_event_gsr *_spans.json): the share of records whose
  gold source-actor country is among the countries resolved in the sentence (extra figure).

Each text is resolved by the same ActorResolver the pipeline uses, on the same spaCy parse.
"""

from __future__ import annotations

import hashlib
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from newsdesk.evaluation._metrics import prf_counts
from newsdesk.evaluation._plover import CAMEO_TO_ISO, plover_codes, read_plover
from transforms.actors import ActorResolver
from transforms.nlp import NlpPipelines, sentences_of
from transforms.records import Actor, ArticleRecord, LanguageGuess, PublishedDate

COUNTRIES_LANGUAGES = {"en": None, "ar": "ara", "de": "deu", "es": "spa", "fr": "fra"}
MISSES_SHOWN = 8


@dataclass(frozen=True)
class Resolved:
    actors: tuple[Actor, ...]

    def codes(self) -> set[str]:
        return {code for actor in self.actors for code in plover_codes(actor)}


class Runner:
    """Resolves texts the way the pipeline does, one language batch at a time."""

    def __init__(self) -> None:
        self.resolver = ActorResolver()
        self.nlp = NlpPipelines()

    def resolve(self, texts: Sequence[str], language: str) -> list[Resolved]:
        docs = self.nlp.parse(list(texts), [language] * len(texts))
        results = []
        for text, doc in zip(texts, docs):
            article = ArticleRecord(
                article_id=hashlib.sha256(text.encode()).hexdigest()[:16],
                source_path="eval",
                record_index=0,
                title=None,
                source=None,
                url=None,
                text=text,
                language=LanguageGuess(language, 1.0, "header"),
                published=PublishedDate(None, None),
            )
            results.append(Resolved(self.resolver.resolve(article, doc, sentences_of(doc))))
        return results


def main(paths: list[Path]) -> int:
    console = Console()
    runner = Runner()
    found = _find_inputs(paths)
    if not any(found.values()):
        console.print("[red]no PLOVER, ReLocaR, countries.json or Arabic span files found[/red]")
        return 2
    table = Table(title="Actor resolution")
    for column in ("dataset", "subset", "n", "score", "what"):
        table.add_column(column)
    for path in found["plover"]:
        _score_plover(runner, path, table, console)
    for path in found["relocar"]:
        _score_relocar(runner, path, table, console)
    for path in found["countries"]:
        _score_countries(runner, path, table, console)
    if found["arabic"]:
        _score_arabic(runner, found["arabic"], table)
    console.print(table)
    return 0


def _find_inputs(paths: Iterable[Path]) -> dict[str, list[Path]]:
    files = []
    for path in paths:
        files.extend(sorted(path.rglob("*")) if path.is_dir() else [path])
    found: dict[str, list[Path]] = defaultdict(list)
    for file in files:
        if file.suffix == ".xml" and "<loc" in file.read_text(encoding="utf-8", errors="ignore")[:20000]:
            found["relocar"].append(file)
        elif file.name == "countries.json":
            found["countries"].append(file)
        elif file.name.endswith("_spans.json"):
            found["arabic"].append(file)
        elif file.suffix == ".json" and '"PLOVER' in file.read_text(encoding="utf-8", errors="ignore")[:5000]:
            found["plover"].append(file)
    return found


# -- PLOVER -----------------------------------------------------------------------------------
def _score_plover(runner: Runner, path: Path, table: Table, console: Console) -> None:
    gold = read_plover(path)
    if gold.unreadable_summary():
        console.print(
            f"{path.name}: {gold.unreadable_summary()}", style="yellow", markup=False, highlight=False, soft_wrap=True
        )
    records = [record for record in gold.records if record.coded()]
    resolved = runner.resolve([record.text for record in records], "en")
    found = total = 0
    misses = []
    for record, result in zip(records, resolved):
        predicted = result.codes()
        for actor in record.coded():
            total += 1
            if actor.code in predicted:
                found += 1
            else:
                misses.append(f"{actor.code} ← {actor.text!r}")
    table.add_row(
        "PLOVER",
        path.name,
        str(total),
        f"{found / total:.3f}" if total else "-",
        "gold source/target codes found among the sentence's actors",
    )
    _print_misses(console, "PLOVER", misses)


# -- ReLocaR ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Toponym:
    text: str
    start: int
    end: int
    reading: str  # lit | met


def read_relocar(path: Path) -> list[Toponym]:
    root = ET.parse(path).getroot()
    samples = []
    for sample in root.iter("sample"):
        text = sample.text or ""
        location = sample.find("loc")
        if location is None:
            continue
        start = len(text)
        name = location.text or ""
        text += name + (location.tail or "")
        samples.append(Toponym(text.rstrip(), start, start + len(name), location.get("reading", "")))
    return samples


def _score_relocar(runner: Runner, path: Path, table: Table, console: Console) -> None:
    samples = read_relocar(path)
    resolved = runner.resolve([sample.text for sample in samples], "en")
    correct = recognised = 0
    confusion: Counter[tuple[str, str]] = Counter()
    misses = []
    for sample, result in zip(samples, resolved):
        reading = "lit"
        for actor in result.actors:
            for mention in actor.mentions:
                if mention.start < sample.end and sample.start < mention.end:
                    recognised += 1
                    reading = "met" if actor.type != "place" else "lit"
        confusion[(sample.reading, reading)] += 1
        if reading == sample.reading:
            correct += 1
        else:
            misses.append(f"{sample.reading}: {sample.text[max(sample.start - 40, 0) : sample.end + 30]!r}")
    n = len(samples)
    tp, fp, fn = confusion[("met", "met")], confusion[("lit", "met")], confusion[("met", "lit")]
    f1 = prf_counts(tp, fp, fn)[2]
    table.add_row("ReLocaR", path.name, str(n), f"{correct / n:.3f}", "accuracy of place vs actor reading")
    table.add_row("ReLocaR", "met F1", str(n), f"{f1:.3f}", "F1 of the metonymic (actor) reading")
    table.add_row("ReLocaR", "recognised", str(n), f"{recognised / n:.3f}", "toponyms resolved to any actor or place")
    _print_misses(console, "ReLocaR", misses)


# -- countries.json ---------------------------------------------------------------------------
def _score_countries(runner: Runner, path: Path, table: Table, console: Console) -> None:
    countries = json.loads(path.read_text(encoding="utf-8"))
    independent = {
        CAMEO_TO_ISO.get(country["cca3"], country["cca3"]) for country in countries if country.get("independent")
    }
    for language, code in COUNTRIES_LANGUAGES.items():
        cases = sorted(_country_variants(countries, language, code))
        resolved = runner.resolve([name for name, _ in cases], language)
        correct = correct_independent = 0
        misses = []
        for (name, iso3), result in zip(cases, resolved):
            predicted = _longest_mention_country(result)
            if predicted == iso3:
                correct += 1
                correct_independent += iso3 in independent
            else:
                misses.append(f"{iso3} ← {name!r} (got {predicted})")
        table.add_row(
            "countries",
            language,
            str(len(cases)),
            f"{correct / len(cases):.3f}",
            "country names (common, official) resolved to their ISO3 code",
        )
        n_independent = sum(1 for _, iso3 in cases if iso3 in independent)
        table.add_row(
            "countries",
            f"{language} independent",
            str(n_independent),
            f"{correct_independent / n_independent:.3f}",
            "the same, sovereign states only",
        )
        _print_misses(console, f"countries/{language}", misses)


def _country_variants(countries: list[dict], language: str, code: str | None) -> set[tuple[str, str]]:
    variants = set()
    for country in countries:
        iso3 = CAMEO_TO_ISO.get(country["cca3"], country["cca3"])
        names = country["name"] if code is None else country.get("translations", {}).get(code, {})
        for kind in ("common", "official"):
            if names.get(kind):
                variants.add((names[kind], iso3))
    return variants


def _longest_mention_country(result: Resolved) -> str | None:
    best = None
    for actor in result.actors:
        if actor.type not in ("state", "place"):
            continue
        for mention in actor.mentions:
            length = mention.end - mention.start
            if best is None or length > best[0]:
                best = (length, actor.country)
    return best[1] if best else None


# -- Arabic event spans -----------------------------------------------------------------------
def _score_arabic(runner: Runner, paths: list[Path], table: Table) -> None:
    records = []
    for path in paths:
        for record in json.loads(path.read_text(encoding="utf-8")):
            code = _majority_source_country(record)
            if code:
                records.append((record["text"], code))
    resolved = runner.resolve([text for text, _ in records], "ar")
    found = sum(1 for (_, code), result in zip(records, resolved) if code in result.codes())
    table.add_row(
        "arabic_gsr",
        "source country",
        str(len(records)),
        f"{found / len(records):.3f}" if records else "-",
        "gold source-actor country among the sentence's actors (extra)",
    )


def _majority_source_country(record: dict) -> str | None:
    codes = Counter(
        span["source_role"]["main"]
        for span in record.get("spans", [])
        if isinstance(span.get("source_role"), dict)
        and re.fullmatch(r"[A-Z]{3}", span["source_role"].get("main") or "")
    )
    return min(codes, key=lambda code: (-codes[code], code)) if codes else None


def _print_misses(console: Console, name: str, misses: list[str]) -> None:
    if misses:
        console.print(f"[dim]{name}: {len(misses)} misses, e.g.[/dim]")
        for miss in misses[:MISSES_SHOWN]:
            console.print(f"[dim]  {miss}[/dim]")
