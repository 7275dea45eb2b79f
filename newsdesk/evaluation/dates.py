"""Score the date tagger against TimeML files and Recognizers-Text cases.

    newsdesk eval dates GOLD...     (folders or files: *.tml, */DateTimeModel.json)

TimeML (.tml, e.g. FR-TimeBank): each file's DCT is the publication date; the gold is every
TIMEX3 of type DATE in <TEXT>. Recognizers-Text (DateTimeModel.json): each case's reference
time is the publication date (2016-11-07 when absent); the gold is every result of type
datetimeV2.date or datetimeV2.daterange.

Figures, per source and language:
- span precision / recall / F1, strict (same start and end) and overlap (any shared character).
  A prediction that overlaps a gold expression of another type (TIME "hier matin", DURATION,
  SET) is neither right nor wrong for DATE and is left out of precision;
- value accuracy: among gold DATEs a prediction overlaps, the share whose value matches
  (TimeML: the value string; Recognizers: the timex, or the start/end it resolves to), and the
  same with the modifier too (TimeML `mod`: START = early, END = late, APPROX = approximate...).

Conventions kept apart rather than counted as errors: Recognizers leaves the year of a bare
month or day open (XXXX-04-22) and resolves it forward; news resolves it back. Such a gold
matches when month and day agree, and the table counts how many of them we put in the past.
A TimeML gold whose value has no year (XXXX-SU for a habitual "en été") is counted as a value
error but also reported in its own column.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from rich.console import Console
from rich.table import Table

from newsdesk.evaluation._metrics import prf
from transforms.dates import find_dates
from transforms.dates.calendar import day_range
from transforms.records import DateMention, DateRange

RECOGNIZERS_DEFAULT_NOW = date(2016, 11, 7)
RECOGNIZERS_LANGUAGES = {"French": "fr", "English": "en", "Spanish": "es", "German": "de", "Arabic": "ar"}
RECOGNIZERS_DATE_TYPES = {"datetimev2.date", "datetimev2.daterange"}
TIMEML_MODIFIERS = {
    "START": "early",
    "MID": "mid",
    "END": "late",
    "APPROX": "approximate",
    "BEFORE": "before",
    "ON_OR_BEFORE": "before",
    "AFTER": "after",
    "ON_OR_AFTER": "after",
}

Predictor = Callable[[str, str, DateRange | None], Sequence[DateMention]]


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    text: str
    value: str  # TimeML value, or the first Recognizers timex
    modifier: str | None = None
    resolutions: tuple[dict, ...] = ()  # Recognizers resolution values


@dataclass(frozen=True)
class Case:
    """One text with its publication date, gold DATE spans and other temporal spans."""

    source: str  # "timeml" or "recognizers"
    name: str
    language: str
    text: str
    published: date
    golds: tuple[Gold, ...]
    others: tuple[tuple[int, int], ...]  # gold spans of other types (TIME, DURATION, SET...)
    has_reference: bool = True  # False: a Recognizers case without a reference time


@dataclass
class Score:
    golds: int = 0
    predicted: int = 0  # scored predictions (those not overlapping another type only)
    strict_hits_gold: int = 0
    strict_hits_predicted: int = 0
    overlap_hits_gold: int = 0
    overlap_hits_predicted: int = 0
    value_right: int = 0
    value_and_modifier_right: int = 0
    value_scored: int = 0  # matched golds whose value can be compared
    referenced_scored: int = 0  # ... in cases that state their reference time
    referenced_right: int = 0
    underspecified_gold: int = 0  # TimeML values without a year (XXXX-SU)
    yearless_gold: int = 0  # Recognizers timexes without a year, matched on month/day
    yearless_resolved_past: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name, value in vars(other).items():
            if name == "errors":
                self.errors.extend(other.errors)
            else:
                setattr(self, name, getattr(self, name) + value)


# --- reading gold ---------------------------------------------------------------------------


def gold_files(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """TimeML files and Recognizers JSON files under the given paths, sorted."""
    timeml: list[Path] = []
    recognizers: list[Path] = []
    for path in paths:
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        timeml += [file for file in files if file.suffix == ".tml"]
        recognizers += [file for file in files if file.name == "DateTimeModel.json"]
    return sorted(set(timeml)), sorted(set(recognizers))


def read_timeml(path: Path, detect: Callable[[str], str]) -> Case:
    root = ET.parse(path).getroot()
    dct = root.find("DCT/TIMEX3")
    if dct is None:
        raise ValueError(f"{path}: no DCT")
    published = date.fromisoformat(dct.attrib["value"][:10])
    text_element = root.find("TEXT")
    if text_element is None:
        raise ValueError(f"{path}: no TEXT")
    pieces: list[str] = [text_element.text or ""]
    golds: list[Gold] = []
    others: list[tuple[int, int]] = []
    for child in text_element:
        start = sum(len(piece) for piece in pieces)
        inner = "".join(child.itertext())
        pieces.append(inner)
        if child.tag == "TIMEX3":
            end = start + len(inner)
            if child.attrib.get("type") == "DATE":
                golds.append(Gold(start, end, inner, child.attrib.get("value", ""), child.attrib.get("mod")))
            else:
                others.append((start, end))
        pieces.append(child.tail or "")
    text = "".join(pieces)
    return Case("timeml", path.name, detect(text), text, published, tuple(golds), tuple(others))


def read_recognizers(path: Path) -> list[Case]:
    language = RECOGNIZERS_LANGUAGES.get(path.parent.name, path.parent.name.lower()[:2])
    cases = json.loads(path.read_text(encoding="utf-8-sig"))
    result = []
    for number, raw in enumerate(cases):
        case = _lower_keys(raw)
        text = case["input"]
        now = _lower_keys(case.get("context") or {}).get("referencedatetime")
        published = date.fromisoformat(now[:10]) if now else RECOGNIZERS_DEFAULT_NOW
        golds: list[Gold] = []
        others: list[tuple[int, int]] = []
        for result_raw in case.get("results") or []:
            item = _lower_keys(result_raw)
            span = _locate(text, item)
            if span is None:
                continue
            if str(item.get("typename", "")).lower() in RECOGNIZERS_DATE_TYPES:
                resolution = item.get("resolution")
                values = tuple(resolution.get("values", ())) if isinstance(resolution, dict) else ()
                timex = values[0].get("timex", "") if values else ""
                golds.append(Gold(span[0], span[1], text[span[0] : span[1]], timex, None, values))
            else:
                others.append(span)
        name = f"{path.parent.name}#{number}"
        result.append(Case("recognizers", name, language, text, published, tuple(golds), tuple(others), bool(now)))
    return result


def _lower_keys(item: dict) -> dict:
    return {str(key).lower(): value for key, value in item.items()}


def _locate(text: str, item: dict) -> tuple[int, int] | None:
    """The gold span: Start/End (End inclusive) when they agree with Text, else a search."""
    wanted = str(item.get("text", "")).strip()
    if not wanted:
        return None
    plain_text, plain_wanted = _searchable(text), _searchable(wanted)
    start = item.get("start")
    if isinstance(start, int) and start >= 0:
        for begin in range(start, min(start + 3, len(text))):
            if plain_text[begin : begin + len(wanted)] == plain_wanted:
                return begin, begin + len(wanted)
    found = plain_text.find(plain_wanted)
    return (found, found + len(wanted)) if found >= 0 else None


_SEARCHABLE = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي"})


def _searchable(text: str) -> str:
    """Lower case with Arabic letter variants merged, one character for one (offsets kept)."""
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in text).translate(_SEARCHABLE)


# --- scoring --------------------------------------------------------------------------------


def score_case(case: Case, predicted: Sequence[DateMention]) -> Score:
    score = Score(golds=len(case.golds))
    scored = [m for m in predicted if not (_overlaps_any(m, case.others) and not _overlaps_any(m, _spans(case.golds)))]
    score.predicted = len(scored)
    score.strict_hits_predicted = sum(1 for m in scored if (m.start, m.end) in _spans(case.golds))
    score.overlap_hits_predicted = sum(1 for m in scored if _overlaps_any(m, _spans(case.golds)))
    for gold in case.golds:
        matches = [m for m in scored if m.start < gold.end and gold.start < m.end]
        if not matches:
            score.errors.append(f"MISSED  {case.name}: {gold.text!r} = {gold.value}")
            continue
        score.overlap_hits_gold += 1
        score.strict_hits_gold += any((m.start, m.end) == (gold.start, gold.end) for m in matches)
        best = max(matches, key=lambda m: min(m.end, gold.end) - max(m.start, gold.start))
        _score_value(case, gold, best, score)
    for mention in scored:
        if not _overlaps_any(mention, _spans(case.golds)):
            score.errors.append(f"EXTRA   {case.name}: {mention.text!r} = {mention.value}")
    return score


def _score_value(case: Case, gold: Gold, mention: DateMention, score: Score) -> None:
    if not gold.value:
        return  # the gold leaves it unresolved (Recognizers' Hijri months)
    score.value_scored += 1
    if case.source == "timeml":
        right = mention.value == gold.value
        score.underspecified_gold += gold.value.startswith("X")
        # before/after come from signal words ("depuis", "avant") that TimeML keeps outside the
        # TIMEX3 as SIGNALs, so only the modifiers TimeML puts in `mod` are compared.
        ours = mention.modifier if mention.modifier in ("early", "mid", "late", "approximate") else None
        modifier_right = TIMEML_MODIFIERS.get(gold.modifier or "") == ours
    else:
        right = _recognizers_value_matches(gold, mention)
        modifier_right = True  # Recognizers carries no modifier
        if "XXXX" in gold.value:
            score.yearless_gold += 1
            score.yearless_resolved_past += mention.date_start <= case.published
    score.value_right += right
    score.value_and_modifier_right += right and modifier_right
    if case.has_reference:
        score.referenced_scored += 1
        score.referenced_right += right
    if not right:
        score.errors.append(
            f"VALUE   {case.name}: {gold.text!r} gold {gold.value} got {mention.value} ({mention.text!r})"
        )


def _recognizers_value_matches(gold: Gold, mention: DateMention) -> bool:
    for resolution in gold.resolutions or ({"timex": gold.value},):
        timex = str(resolution.get("timex", ""))
        if timex == mention.value or _same_without_year(timex, mention):
            return True
        if _range_matches(timex, resolution, mention):
            return True
    return False


def _same_without_year(timex: str, mention: DateMention) -> bool:
    """XXXX-04-22 against 2016-04-22; XXXX-WXX-2 against any Tuesday; SU against 2016-SU."""
    if timex.startswith("XXXX-WXX-") and timex[-1:].isdigit() and len(timex) == 10:
        return mention.precision == "day" and mention.date_start.isoweekday() == int(timex[-1])
    if timex.startswith("XXXX") and re.match(r"\d{4}", mention.value):
        return mention.value[4:] == timex[4:]
    if re.fullmatch(r"[A-Z]{2}", timex):
        return mention.value.endswith(f"-{timex}")
    return False


def _range_matches(timex: str, resolution: dict, mention: DateMention) -> bool:
    """(2016-12-04,2016-12-23,P19D) or start/end: our inclusive end may be their end or the day before."""
    bounds = re.fullmatch(r"\(([^,]+),([^,]+),[^)]*\)", timex)
    start, end = (bounds.group(1), bounds.group(2)) if bounds else (resolution.get("start"), resolution.get("end"))
    if bounds and re.fullmatch(r"\d{4}/\d{4}", mention.value):  # "2014-2018" as years, either end convention
        return mention.value == f"{start[:4]}/{end[:4]}"  # type: ignore[index]
    if not start or not end:
        value = resolution.get("value")
        return bool(value) and str(value)[:10] == mention.date_start.isoformat() == mention.date_end.isoformat()
    return _same_day(start, mention.date_start) and (
        _same_day(end, mention.date_end) or _same_day(end, mention.date_end + timedelta(days=1))
    )


def _same_day(written: str, day: date) -> bool:
    written = written[:10]
    if written.startswith("XXXX"):
        return written[4:] == day.isoformat()[4:]
    return written == day.isoformat()


def _spans(golds: Iterable[Gold]) -> set[tuple[int, int]]:
    return {(gold.start, gold.end) for gold in golds}


def _overlaps_any(mention: DateMention, spans: Iterable[tuple[int, int]]) -> bool:
    return any(mention.start < end and start < mention.end for start, end in spans)


# --- running --------------------------------------------------------------------------------


def default_predictor() -> Predictor:
    """find_dates with sentences from the project's spaCy pipelines, as the pipeline runs it."""
    from transforms.nlp import NlpPipelines, sentences_of

    nlp = NlpPipelines()

    def predict(text: str, language: str, published: DateRange | None) -> Sequence[DateMention]:
        sentences = sentences_of(nlp.parse([text], [language])[0])
        return find_dates(text, language, published, sentences)

    return predict


def evaluate(cases: Iterable[Case], predict: Predictor) -> dict[tuple[str, str], Score]:
    scores: dict[tuple[str, str], Score] = defaultdict(Score)
    for case in cases:
        mentions = predict(case.text, case.language, day_range(case.published))
        scores[(case.source, case.language)].add(score_case(case, mentions))
    return dict(sorted(scores.items()))


def load_cases(paths: Iterable[Path]) -> list[Case]:
    from transforms.language import detect_language

    timeml, recognizers = gold_files(paths)
    cases = [read_timeml(path, lambda text: detect_language(text).language) for path in timeml]
    for path in recognizers:
        cases += read_recognizers(path)
    return cases


def main(paths: list[Path]) -> int:
    console = Console()
    cases = load_cases(paths)
    if not cases:
        console.print("[red]no .tml or DateTimeModel.json files under the given paths[/red]")
        return 1
    scores = evaluate(cases, default_predictor())
    for table in _tables(scores):
        console.print(table)
    console.print(
        "strict: same span; overlap: any shared character. A prediction overlapping only a gold TIME, DURATION "
        "or SET is not scored.\n"
        "value: share of overlapped golds whose value matches (TimeML value string; Recognizers timex or "
        "range). value+mod: TimeML mod too (START/MID/END/APPROX). ref n / ref value: the golds of cases that "
        "state their reference time, and their value accuracy.\n"
        "no-year: TimeML golds without a year (XXXX-SU, counted as errors) / Recognizers golds without a year "
        "(matched on month and day); past: how many of the latter we put before the reference time, the news "
        "convention, where Recognizers also lists the future one."
    )
    return 0


def _tables(scores: dict[tuple[str, str], Score]) -> tuple[Table, Table]:
    """Two tables narrow enough for an 80-column terminal: spans, then values."""
    spans = Table(title="Date spans (TIMEX3 / Recognizers DATE)")
    for column in ("source", "lang", "gold", "pred", "strict P", "R", "F1", "overlap P", "R", "F1"):
        spans.add_column(column, justify="left" if column in ("source", "lang") else "right")
    values = Table(title="Date values (golds our spans overlap)")
    for column in ("source", "lang", "scored", "value", "value+mod", "ref n", "ref value", "no-year", "past"):
        values.add_column(column, justify="left" if column in ("source", "lang") else "right")
    for (source, language), score in scores.items():
        name = _SOURCE_NAMES.get(source, source)
        strict = prf(score.strict_hits_predicted, score.predicted, score.strict_hits_gold, score.golds)
        overlap = prf(score.overlap_hits_predicted, score.predicted, score.overlap_hits_gold, score.golds)
        spans.add_row(
            name,
            language,
            str(score.golds),
            str(score.predicted),
            *(f"{figure:.3f}" for figure in strict),
            *(f"{figure:.3f}" for figure in overlap),
        )
        values.add_row(
            name,
            language,
            str(score.value_scored),
            _ratio(score.value_right, score.value_scored),
            _ratio(score.value_and_modifier_right, score.value_scored),
            str(score.referenced_scored),
            _ratio(score.referenced_right, score.referenced_scored),
            str(score.underspecified_gold if source == "timeml" else score.yearless_gold),
            "-" if source == "timeml" else str(score.yearless_resolved_past),
        )
    return spans, values


_SOURCE_NAMES = {"timeml": "TimeML", "recognizers": "Recog."}


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "-"
