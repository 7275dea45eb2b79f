"""Per-language agreement vocabulary, read once from `transforms/data/agreements_<lang>.yaml`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from transforms.data_files import load_data
from transforms.events.lexicon import Phrase, PhraseTokenizer
from transforms.events.morphology import normalize_arabic

AGREEMENT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
GENERIC_TYPE = "agreement"
# Later statuses win when an article reports several (signed, then suspended).
STATUS_ORDER = ("unknown", "proposed", "under_negotiation", "signed", "in_force", "suspended", "ended")
TYPE_DOMAINS = {
    "defence_agreement": "defence",
    "arms_deal": "defence",
    "trade_agreement": "trade",
    "normalisation_of_relations": "diplomatic",
    "ceasefire": "security",
    "peace_agreement": "security",
}


@dataclass(frozen=True)
class Topic:
    label: str
    domain: str | None
    phrases: tuple[Phrase, ...]


@dataclass(frozen=True)
class PartyWords:
    """The words of the party rules (agreement_parties.py), from the YAML's `parties` section."""

    between: tuple[Phrase, ...] = ()  # "between X and Y", "entre X et Y"
    with_words: tuple[Phrase, ...] = ()  # "an agreement with X", "un accord avec X"
    binding_verbs: tuple[Phrase, ...] = ()  # "X and Y signed / concluded / reached … an agreement"
    outcomes: tuple[Phrase, ...] = ()  # "a visit … that led to the signing of an agreement"
    compliance: tuple[Phrase, ...] = ()  # "Japan's compliance with the agreement", "X violated the treaty"
    joint_acts: tuple[Phrase, ...] = ()  # "X and Y reviewed / renewed / extended the agreement"
    conflicts: frozenset[str] = frozenset()  # "a settlement to the Yemeni crisis": crisis, conflict, war
    conflict_links: frozenset[str] = frozenset()  # the words between the name and the conflict: to, of, for
    combining_forms: tuple[tuple[str, str], ...] = ()  # ("franco", "FRA"): "l'accord franco-allemand"


@dataclass(frozen=True)
class AgreementLexicon:
    language: str
    names: tuple[tuple[str, Phrase], ...]  # (type, phrase), longest phrases first
    not_after: tuple[Phrase, ...]
    anaphoric_determiners: frozenset[str]
    domains: tuple[tuple[str, tuple[Phrase, ...]], ...]
    statuses: tuple[tuple[str, tuple[Phrase, ...]], ...]
    signing_words: tuple[Phrase, ...]
    provisions: tuple[Topic, ...]
    notes: tuple[Topic, ...]
    parties: PartyWords = PartyWords()
    binding_names: frozenset[Phrase] = frozenset()  # "contract": an agreement only beside a binding verb
    agreeing_verbs: tuple[Phrase, ...] = ()  # "X and Y agreed to …": an agreement with no name

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every word of the names and cues: Arabic clitic stripping keeps "بالاتفاقيات" readable."""
        phrases = [phrase for _, phrase in self.names] + list(self.signing_words) + list(self.not_after)
        phrases += list(self.agreeing_verbs)
        phrases += [phrase for _, group in self.statuses for phrase in group]
        words = self.parties
        phrases += list(words.between + words.with_words + words.binding_verbs + words.outcomes)
        phrases += list(words.compliance + words.joint_acts)
        return frozenset(word for phrase in phrases for word in phrase)

    @cached_property
    def _names_by_first_word(self) -> dict[str, tuple[tuple[int, str, Phrase], ...]]:
        grouped: dict[str, list[tuple[int, str, Phrase]]] = {}
        for position, (agreement_type, phrase) in enumerate(self.names):
            grouped.setdefault(phrase[0], []).append((position, agreement_type, phrase))
        return {word: tuple(entries) for word, entries in grouped.items()}

    def names_starting_with(self, words: Iterable[str]) -> list[tuple[str, Phrase]]:
        """The (type, phrase) names whose first word is one of `words`, in the order of `names`:
        looking up a token's words is much cheaper than trying every name at every token."""
        found = sorted(entry for word in words for entry in self._names_by_first_word.get(word, ()))
        return [(agreement_type, phrase) for _, agreement_type, phrase in found]


def load_agreement_lexicon(language: str, folder: Path = AGREEMENT_DATA_DIR) -> AgreementLexicon | None:
    path = folder / f"agreements_{language}.yaml"
    if not path.exists():
        return None
    raw = load_data(path)
    tokenize = PhraseTokenizer(language)

    def phrases(values: list[str]) -> tuple[Phrase, ...]:
        return tuple(p for p in (tokenize(str(v)) for v in values) if p)

    names = [(str(entry["type"]), phrase) for entry in raw["types"] for phrase in phrases(entry["names"])]
    names.sort(key=lambda item: -len(item[1]))
    return AgreementLexicon(
        language=language,
        names=tuple(names),
        not_after=phrases(raw.get("not_after", [])),
        anaphoric_determiners=frozenset(
            str(word).lower().replace("\u2019", "'") for word in raw.get("anaphoric_determiners", [])
        ),
        domains=tuple((domain, phrases(words)) for domain, words in raw.get("domains", {}).items()),
        statuses=tuple((status, phrases(words)) for status, words in raw.get("statuses", {}).items()),
        signing_words=phrases(raw.get("signing_words", [])),
        provisions=tuple(
            Topic(str(item["topic"]), item.get("domain"), phrases(item["phrases"]))
            for item in raw.get("provisions", [])
        ),
        notes=tuple(Topic(str(item["note"]), None, phrases(item["phrases"])) for item in raw.get("notes", [])),
        parties=_party_words(raw.get("parties") or {}, phrases),
        binding_names=frozenset(phrases(raw.get("binding_names", []))),
        agreeing_verbs=phrases(raw.get("agreeing_verbs", [])),
    )


def _party_words(raw: dict, phrases: Callable[[list[str]], tuple[Phrase, ...]]) -> PartyWords:
    return PartyWords(
        between=phrases(raw.get("between", [])),
        with_words=phrases(raw.get("with", [])),
        binding_verbs=phrases(raw.get("binding_verbs", [])),
        outcomes=phrases(raw.get("outcomes", [])),
        compliance=phrases(raw.get("compliance", [])),
        joint_acts=phrases(raw.get("joint_acts", [])),
        conflicts=_words(raw.get("conflicts", [])),
        conflict_links=_words(raw.get("conflict_links", [])),
        combining_forms=tuple(
            (str(form).lower(), str(country)) for form, country in (raw.get("combining_forms") or {}).items()
        ),
    )


def _words(values: list[str]) -> frozenset[str]:
    """Single words, compared with a token's lower-cased (or, in Arabic, normalised) forms."""
    return frozenset(normalize_arabic(str(v)) if _arabic(str(v)) else str(v).lower() for v in values)


def _arabic(word: str) -> bool:
    return any("\u0600" <= character <= "\u06ff" for character in word)
