"""Score language identification against labelled samples (lingua's test data layout).

    newsdesk eval langid FOLDER...
    python -m newsdesk.evaluation.langid FOLDER... [--quick]

A FOLDER holds tiers (`sentences/`, `word-pairs/`, `single-words/`, ...), each a folder of files
`<iso639-1>.txt` with one sample per line; the file name is the gold language. A FOLDER that holds
such files directly is a tier itself.

Per tier it prints accuracy per language and overall (micro: over samples; macro: mean over
languages) of
- langdetect alone: langdetect's own detector over its 55 languages, seeded, no prior;
- newsdesk: `transforms.language.detect_language`,
then the most frequent confusions of both and confusion matrices for the groups that are hard to
tell apart (Arabic script, Romance languages, CJK). Unless --quick (or `quick=True`), it also
prints what each layer of newsdesk's detector adds (each row adds one layer to the row above) and
the accuracy on the first k letters of the single-word samples, which is how MIN_LETTERS was set.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from langdetect.lang_detect_exception import LangDetectException
from rich.console import Console
from rich.table import Table

from transforms.language import (
    LANGDETECT_CODES,
    UNDETERMINED,
    LanguageDetector,
    Letters,
    detect_language,
    is_letter,
    langdetect_factory,
    load_knowledge,
)

TIER_ORDER = ("sentences", "word-pairs", "single-words")
CONFUSION_GROUPS = {
    "Arabic script": ("ar", "fa", "ur"),
    "Romance": ("es", "pt", "it", "fr"),
    "CJK": ("zh", "ja", "ko"),
}
TOP_CONFUSIONS = 12
PREFIX_LENGTHS = (1, 2, 3, 4, 5, 6, 8)
# The layer-by-layer table runs eight detectors (two of them slow): on this many samples per
# language and tier (the first ones of each file), so that it takes a minute, not ten.
ABLATION_SAMPLES_PER_LANGUAGE = 100
LENGTH_TIER = "single-words"

# Each layer of the detector, added one at a time (the last one is the full detector).
ABLATION: tuple[tuple[str, dict[str, bool]], ...] = (
    ("+ scripts", dict(use_priors=False, use_short_text_model=False)),
    ("+ priors", dict(use_short_text_model=False)),
    ("+ exact tempered n-grams", dict(use_letters=False, use_words=False, use_affixes=False)),
    ("+ alphabets", dict(use_words=False, use_affixes=False)),
    ("+ frequent words", dict(use_affixes=False)),
    ("+ affixes (= newsdesk)", dict()),
)

console = Console(width=max(Console().width, 100))
Predictor = Callable[[str], str]


@dataclass(frozen=True)
class Tier:
    name: str
    samples: tuple[tuple[str, str], ...]  # (gold language, text)

    @property
    def languages(self) -> list[str]:
        return sorted({gold for gold, _ in self.samples})

    def head(self, per_language: int) -> Tier:
        """The first `per_language` samples of each language."""
        seen: Counter[str] = Counter()
        kept = []
        for gold, text in self.samples:
            seen[gold] += 1
            if seen[gold] <= per_language:
                kept.append((gold, text))
        return Tier(self.name, tuple(kept))


def load_tiers(paths: Sequence[Path]) -> list[Tier]:
    tiers = []
    for path in paths:
        folders = [path] if any(path.glob("*.txt")) else sorted(p for p in path.iterdir() if p.is_dir())
        tiers += [_load_tier(folder) for folder in folders if any(folder.glob("*.txt"))]
    return sorted(tiers, key=lambda tier: (_tier_rank(tier.name), tier.name))


def _tier_rank(name: str) -> int:
    return TIER_ORDER.index(name) if name in TIER_ORDER else len(TIER_ORDER)


def _load_tier(folder: Path) -> Tier:
    samples = []
    for file in sorted(folder.glob("*.txt")):
        lines = file.read_text(encoding="utf-8").splitlines()
        samples += [(file.stem, line.strip()) for line in lines if line.strip()]
    return Tier(folder.name, tuple(samples))


def langdetect_alone(text: str) -> str:
    """langdetect's detector, seeded, over all its languages: the baseline."""
    detector = langdetect_factory().create()
    detector.append(text)
    try:
        language = detector.detect()
    except LangDetectException:
        return UNDETERMINED
    return LANGDETECT_CODES.get(language, language)


def newsdesk(text: str) -> str:
    return detect_language(text).language


def predict(predictor: Predictor, tier: Tier) -> list[str]:
    return [predictor(text) for _, text in tier.samples]


# ------------------------------------------------------------------------------------------------
# Figures


def accuracy(tier: Tier, predictions: Sequence[str], language: str | None = None) -> float:
    pairs = [(gold, p) for (gold, _), p in zip(tier.samples, predictions) if language in (None, gold)]
    return sum(gold == p for gold, p in pairs) / len(pairs) if pairs else 0.0


def macro_accuracy(tier: Tier, predictions: Sequence[str]) -> float:
    return sum(accuracy(tier, predictions, lang) for lang in tier.languages) / len(tier.languages)


def confusions(tier: Tier, predictions: Sequence[str]) -> Counter[tuple[str, str]]:
    return Counter((gold, p) for (gold, _), p in zip(tier.samples, predictions) if gold != p)


def _pct(value: float) -> str:
    return f"{100 * value:.1f}"


def _delta(before: float, after: float) -> str:
    change = 100 * (after - before)
    colour = "green" if change > 0.05 else "red" if change < -0.05 else "white"
    return f"[{colour}]{change:+.1f}[/{colour}]"


# ------------------------------------------------------------------------------------------------
# Tables


def accuracy_table(tier: Tier, baseline: Sequence[str], ours: Sequence[str]) -> Table:
    table = Table(title=f"{tier.name}: accuracy % ({len(tier.samples)} samples)")
    for column in ("language", "n", "langdetect alone", "newsdesk", "Δ"):
        table.add_column(column, justify="left" if column == "language" else "right")
    for lang in tier.languages:
        n = sum(gold == lang for gold, _ in tier.samples)
        before, after = accuracy(tier, baseline, lang), accuracy(tier, ours, lang)
        table.add_row(lang, str(n), _pct(before), _pct(after), _delta(before, after))
    table.add_section()
    for label, figure in (("overall (micro)", accuracy), ("mean of languages", macro_accuracy)):
        before, after = figure(tier, baseline), figure(tier, ours)
        table.add_row(f"[bold]{label}[/bold]", str(len(tier.samples)), _pct(before), _pct(after), _delta(before, after))
    return table


def confusion_table(tier: Tier, baseline: Sequence[str], ours: Sequence[str]) -> Table:
    before, after = confusions(tier, baseline), confusions(tier, ours)
    pairs = sorted(set(before) | set(after), key=lambda pair: (-max(before[pair], after[pair]), pair))
    table = Table(title=f"{tier.name}: most frequent confusions (gold → predicted, samples)")
    for column in ("gold → predicted", "langdetect alone", "newsdesk"):
        table.add_column(column, justify="left" if column.startswith("gold") else "right")
    for gold, predicted in pairs[:TOP_CONFUSIONS]:
        table.add_row(f"{gold} → {predicted}", str(before[gold, predicted]), str(after[gold, predicted]))
    return table


def group_table(
    tier: Tier, group_name: str, group: Sequence[str], baseline: Sequence[str], ours: Sequence[str]
) -> Table | None:
    members = [lang for lang in group if lang in tier.languages]
    if len(members) < 2:
        return None
    table = Table(title=f"{tier.name}: {group_name} (langdetect alone → newsdesk)")
    table.add_column("gold \\ predicted")
    for column in (*members, "other"):
        table.add_column(column, justify="right")
    for gold in members:
        cells = [
            f"{_count(tier, baseline, gold, column, members)} → {_count(tier, ours, gold, column, members)}"
            for column in (*members, "other")
        ]
        table.add_row(gold, *cells)
    return table


def _count(tier: Tier, predictions: Sequence[str], gold: str, predicted: str, members: Sequence[str]) -> int:
    """Samples of `gold` predicted as `predicted` ("other": as a language outside `members`)."""
    return sum(
        g == gold and (p == predicted or (predicted == "other" and p not in members))
        for (g, _), p in zip(tier.samples, predictions)
    )


def ablation_table(tiers: Sequence[Tier]) -> Table:
    tiers = [tier.head(ABLATION_SAMPLES_PER_LANGUAGE) for tier in tiers]
    table = Table(
        title=(
            "What each layer adds: overall accuracy % (each row adds a layer to the one above; "
            f"first {ABLATION_SAMPLES_PER_LANGUAGE} samples of each language)"
        )
    )
    table.add_column("detector")
    for tier in tiers:
        table.add_column(f"{tier.name} ({len(tier.samples)})", justify="right")
    table.add_row("langdetect alone", *(_pct(accuracy(tier, predict(langdetect_alone, tier))) for tier in tiers))
    for label, switches in ABLATION:
        detector = LanguageDetector(**switches)  # type: ignore[arg-type]
        row = [
            _pct(accuracy(tier, predict(lambda text, detector=detector: detector.read(text).language, tier)))  # type: ignore[misc]
            for tier in tiers
        ]
        table.add_row(label, *row)
    return table


def length_table(tier: Tier) -> Table:
    """Accuracy on the first k letters of each sample whose script several languages share."""
    knowledge = load_knowledge()
    detector = LanguageDetector(min_letters=1)
    samples = [
        (gold, [c for c in text if is_letter(c)])
        for gold, text in tier.samples
        if Letters.of(text).total and Letters.of(text).dominant_script() in knowledge.shared_scripts
    ]
    table = Table(title=f"{tier.name}: accuracy % on the first k letters (shared scripts only, no MIN_LETTERS)")
    for column in ("letters", "n", "langdetect alone", "newsdesk"):
        table.add_column(column, justify="right")
    for k in PREFIX_LENGTHS:
        prefixes = [(gold, "".join(letters[:k])) for gold, letters in samples if len(letters) >= k]
        if not prefixes:
            continue
        right_before = sum(langdetect_alone(text) == gold for gold, text in prefixes)
        right_after = sum(detector.read(text).language == gold for gold, text in prefixes)
        table.add_row(str(k), str(len(prefixes)), _pct(right_before / len(prefixes)), _pct(right_after / len(prefixes)))
    return table


# ------------------------------------------------------------------------------------------------
# Entry point


def main(paths: list[Path], quick: bool = False) -> int:
    tiers = load_tiers([Path(path) for path in paths])
    if not tiers:
        console.print(f"[red]no tier folders with <language>.txt files under {', '.join(map(str, paths))}[/red]")
        return 1
    baselines: dict[str, list[str]] = {}
    for tier in tiers:
        started = time.perf_counter()
        baselines[tier.name] = predict(langdetect_alone, tier)
        middle = time.perf_counter()
        ours = predict(newsdesk, tier)
        ended = time.perf_counter()
        console.print(accuracy_table(tier, baselines[tier.name], ours))
        console.print(
            f"time per sample: langdetect alone {1000 * (middle - started) / len(tier.samples):.2f} ms, "
            f"newsdesk {1000 * (ended - middle) / len(tier.samples):.2f} ms"
        )
        console.print(confusion_table(tier, baselines[tier.name], ours))
        for group_name, group in CONFUSION_GROUPS.items():
            table = group_table(tier, group_name, group, baselines[tier.name], ours)
            if table is not None:
                console.print(table)
    if not quick:
        console.print(ablation_table(tiers))
        for tier in tiers:
            if tier.name == LENGTH_TIER:
                console.print(length_table(tier))
    return 0


if __name__ == "__main__":
    arguments = sys.argv[1:]
    sys.exit(main([Path(a) for a in arguments if a != "--quick"], quick="--quick" in arguments))
