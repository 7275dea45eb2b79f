"""Which language an article, a headline or a single word is written in.

`detect_language(text, declared)` reads the text in layers, surest and cheapest first:

1. Letters. No letters at all → "und".
2. Script. A writing system that only one language uses settles it: Hangul → ko, kana → ja,
   Hebrew → he, Greek → el, Thai → th, Han without kana → zh, ... (data: language_scripts.yaml).
3. langdetect, for scripts several languages share (Latin, Cyrillic, Arabic, Devanagari), choosing
   only among the languages that write in that script. It runs seeded, on profiles loaded once per
   process, and starts from a prior (Bayesian base rate) instead of 55 equal chances
   (language_priors.yaml). On short text, where its n-grams say little, two more kinds of evidence
   re-weight that prior:
   - letters a language does not use ("ã" is not Spanish, "ے" is not Persian; language_alphabets.yaml),
   - frequent words of each language ("que", "und", "kwenye"; language_words.yaml).
   Text with too few letters for this to mean anything → "und".
4. Header. A language the article declares (`lang`) is validated, normalised to ISO 639-1 and
   trusted; the text is still read, to give alternatives and to flag a header the text contradicts.

Everything is a pure function of its input: same text, same answer, whatever was detected before.
"""

from __future__ import annotations

import math
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import pycountry
import yaml
from babel import Locale, UnknownLocaleError
from babel.core import get_global
from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from transforms.records import LanguageGuess

UNDETERMINED = "und"
DATA_DIR = Path(__file__).parent / "data"

# langdetect samples n-grams at random; a fixed seed makes every call reproducible. The seed is
# set on our own factory (not langdetect's module-level one) and each Detector seeds its own
# random.Random with it, so no call can disturb another.
LANGDETECT_SEED = 0
# langdetect reads at most this many characters; reading more letters than that tells us nothing.
MAX_CHARS = 10_000

# Fewer letters than this (in the text's script) and a shared script cannot be told apart
# reliably: see the accuracy-by-length table of `newsdesk.evaluation.langid`.
MIN_LETTERS = 3
# Letters and words only re-weight the prior for texts shorter than this; beyond it langdetect's
# n-grams decide on their own (and faster).
SHORT_TEXT_LETTERS = 200
# How much one distinct letter outside a language's alphabet multiplies its weight by.
FOREIGN_LETTER_FACTOR = 0.05
# How much one frequent word of a language multiplies its weight by.
FREQUENT_WORD_FACTOR = 8.0

# A declared language is trusted at even odds; the text can confirm it up to certainty.
HEADER_BASE_CONFIDENCE = 0.5
UNCHECKED_HEADER_CONFIDENCE = 0.75
# The text contradicts the header "strongly" when another language gets at least this probability.
STRONG_DISAGREEMENT = 0.9
# Codes that are valid ISO 639 but name no language.
NON_LANGUAGE_CODES = frozenset({"und", "mul", "zxx", "mis"})
MAX_ALTERNATIVES = 5
MIN_ALTERNATIVE_PROBABILITY = 0.01

LANGDETECT_CODES = {"zh-cn": "zh", "zh-tw": "zh"}
JAPANESE_KANA = ("HIRAGANA", "KATAKANA")
HAN = "CJK"
# A CJK-family text with at least this share of kana is Japanese (Chinese never writes kana;
# Japanese prose is roughly half kana).
MIN_KANA_SHARE = 0.1

_WORD = re.compile(r"[^\W\d_]+")


# --------------------------------------------------------------------------------------------
# Data, loaded once per process


@dataclass(frozen=True)
class LanguageKnowledge:
    """What the detector knows beyond langdetect's profiles (all read from transforms/data/)."""

    settled_scripts: Mapping[str, str]  # script → the one language written in it
    shared_scripts: Mapping[str, tuple[str, ...]]  # script → langdetect languages written in it
    priors: Mapping[str, float]  # language → prior weight
    default_prior: float
    alphabets: Mapping[str, frozenset[str]]  # language → letters its words use
    word_languages: Mapping[str, tuple[str, ...]]  # frequent word → languages it is frequent in


def _read_yaml(name: str) -> dict:
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@cache
def load_knowledge() -> LanguageKnowledge:
    scripts = _read_yaml("language_scripts.yaml")
    priors = _read_yaml("language_priors.yaml")
    alphabets = _read_yaml("language_alphabets.yaml")
    words = _read_yaml("language_words.yaml")
    basic_latin = frozenset("abcdefghijklmnopqrstuvwxyz")
    letters = {lang: basic_latin | frozenset(extra) for lang, extra in alphabets["latin_extra"].items()}
    letters.update({lang: frozenset(full) for lang, full in alphabets["full"].items()})
    return LanguageKnowledge(
        settled_scripts=dict(scripts["settled"]),
        shared_scripts={script: tuple(langs) for script, langs in scripts["shared"].items()},
        priors={str(lang): float(weight) for lang, weight in priors["expected"].items()},
        default_prior=float(priors["default_weight"]),
        alphabets=letters,
        word_languages=_index_words(words["words"]),
    )


def _index_words(words_by_language: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    languages_of: dict[str, set[str]] = {}
    for language, words in words_by_language.items():
        for word in words.split():
            languages_of.setdefault(word.lower(), set()).add(str(language))
    return {word: tuple(sorted(langs)) for word, langs in languages_of.items()}


@cache
def langdetect_factory() -> DetectorFactory:
    """langdetect's profiles, loaded once, in file-name order (its own loader follows os.listdir)."""
    factory = DetectorFactory()
    profiles = []
    for name in sorted(os.listdir(PROFILES_DIRECTORY)):
        with open(os.path.join(PROFILES_DIRECTORY, name), encoding="utf-8") as handle:
            profiles.append(handle.read())
    factory.load_json_profile(profiles)
    factory.set_seed(LANGDETECT_SEED)
    return factory


# --------------------------------------------------------------------------------------------
# Letters and scripts


@lru_cache(maxsize=16384)
def script_of(char: str) -> str:
    """The Unicode script of a letter, named like the start of its character name ("LATIN")."""
    name = unicodedata.name(char, "")
    words = name.split()
    if not words:
        return "UNKNOWN"
    if words[0] in ("FULLWIDTH", "HALFWIDTH") and len(words) > 1:
        words = words[1:]
    if words[0] == "KATAKANA-HIRAGANA":  # the long-vowel mark ー
        return "KATAKANA"
    if words[0] == "IDEOGRAPHIC":  # 々 〆, written with Han
        return HAN
    return words[0]


def _is_letter(char: str) -> bool:
    # Modifier letters (Lm) are mostly marks such as the Arabic tatweel; Japanese ー and 々 are
    # the exceptions worth counting.
    category = unicodedata.category(char)
    return category.startswith("L") and (category != "Lm" or char in "ー々")


@dataclass(frozen=True)
class Letters:
    """The letters of a text, counted by script."""

    total: int
    by_script: Mapping[str, int]

    @classmethod
    def of(cls, text: str) -> Letters:
        counts = Counter(script_of(char) for char in text if _is_letter(char))
        return cls(sum(counts.values()), dict(counts))

    def dominant_script(self) -> str:
        # Ties go to the alphabetically first script so the answer never depends on text order.
        return min(self.by_script, key=lambda script: (-self.by_script[script], script))

    def share(self, scripts: Iterable[str]) -> float:
        return sum(self.by_script.get(script, 0) for script in scripts) / self.total


# --------------------------------------------------------------------------------------------
# Reading a text


@dataclass(frozen=True)
class Reading:
    """What the text alone says: a probability per language, and how it was decided."""

    language: str
    probabilities: Mapping[str, float]  # the full distribution (empty when undetermined)
    method: str
    reason: str | None
    letters: int

    @property
    def confidence(self) -> float:
        return self.probabilities.get(self.language, 0.0)


def _undetermined(reason: str, letters: int) -> Reading:
    return Reading(UNDETERMINED, {}, "und", reason, letters)


class LanguageDetector:
    """Detects languages with the layers above; the switches exist to measure each layer."""

    def __init__(
        self,
        knowledge: LanguageKnowledge | None = None,
        *,
        use_scripts: bool = True,
        use_priors: bool = True,
        use_alphabets: bool = True,
        use_words: bool = True,
        single_pass: bool = True,
    ) -> None:
        self.single_pass = single_pass
        self.knowledge = knowledge or load_knowledge()
        self.use_scripts = use_scripts
        self.use_priors = use_priors
        self.use_alphabets = use_alphabets
        self.use_words = use_words

    def detect(self, text: str, declared: str | None = None) -> LanguageGuess:
        reading = self.read(text)
        if declared is None or not declared.strip():
            return _guess_from(reading)
        code = normalise_language(declared)
        if code is None:
            note = f"ignored header language {declared.strip()!r} (not a language code or name)"
            return _guess_from(reading, extra_reason=note)
        return _guess_from_header(code, declared.strip(), reading)

    def read(self, text: str) -> Reading:
        """The language of the text alone, ignoring any header."""
        text = unicodedata.normalize("NFKC", text[:MAX_CHARS])
        letters = Letters.of(text)
        if letters.total == 0:
            return _undetermined("no letters", 0)
        if not self.use_scripts:
            return self._langdetect(text, letters, letters.total, candidates=None)
        script = letters.dominant_script()
        if script in (HAN, *JAPANESE_KANA):
            return self._read_cjk(letters)
        settled = self.knowledge.settled_scripts.get(script)
        if settled is not None:
            share = letters.share([script])
            return Reading(settled, {settled: share}, "script", f"{script.title()} script", letters.total)
        candidates = self.knowledge.shared_scripts.get(script)
        if candidates is None:
            return _undetermined(f"no language known for {script.title()} script", letters.total)
        script_letters = letters.by_script[script]
        if script_letters < MIN_LETTERS:
            return _undetermined(f"too short ({_plural(script_letters, 'letter')})", letters.total)
        return self._langdetect(text, letters, script_letters, candidates)

    def _read_cjk(self, letters: Letters) -> Reading:
        cjk_family = (HAN, *JAPANESE_KANA)
        kana = letters.share(JAPANESE_KANA) / letters.share(cjk_family)
        share = letters.share(cjk_family)
        if kana >= MIN_KANA_SHARE:
            return Reading("ja", {"ja": share}, "script", "kana", letters.total)
        return Reading("zh", {"zh": share}, "script", "Han without kana", letters.total)

    # ---- langdetect with a prior

    def _langdetect(
        self, text: str, letters: Letters, script_letters: int, candidates: tuple[str, ...] | None
    ) -> Reading:
        factory = langdetect_factory()
        langs = tuple(candidates or factory.get_lang_list())
        base = self._base_weights(langs)
        evidence: dict[str, float] = {}
        notes: list[str] = []
        if script_letters < SHORT_TEXT_LETTERS:
            evidence, notes = self._short_text_evidence(text, langs)
        text = _lowercase_if_shouting(text)
        run = _single_pass if script_letters < SHORT_TEXT_LETTERS and self.single_pass else _run_langdetect
        try:
            plain = run(factory, text, base)
            weighted = run(factory, text, _times(base, evidence)) if evidence else plain
        except LangDetectException:
            return _undetermined("langdetect found no usable n-grams", letters.total)
        language = _top(weighted)
        if language == _top(plain):
            return Reading(language, weighted, "langdetect", None, letters.total)
        method = "lexicon" if any("words" in note for note in notes) else "script"
        reason = f"langdetect alone: {_top(plain)} ({plain[_top(plain)]:.2f}); " + "; ".join(notes)
        return Reading(language, weighted, method, reason, letters.total)

    def _base_weights(self, langs: tuple[str, ...]) -> dict[str, float]:
        if not self.use_priors:
            return {lang: 1.0 for lang in langs}
        priors = self.knowledge.priors
        default = self.knowledge.default_prior
        return {lang: priors.get(LANGDETECT_CODES.get(lang, lang), default) for lang in langs}

    def _short_text_evidence(
        self, text: str, langs: tuple[str, ...]
    ) -> tuple[dict[str, float], list[str]]:
        """Multipliers per language from its alphabet and frequent words, with what they saw."""
        factors = {lang: 1.0 for lang in langs}
        notes: list[str] = []
        lowered = text.lower()
        if self.use_alphabets:
            notes += self._weigh_letters(lowered, factors)
        if self.use_words:
            notes += self._weigh_words(lowered, factors)
        return factors, notes

    def _weigh_letters(self, lowered: str, factors: dict[str, float]) -> list[str]:
        letters = sorted({char for char in lowered if _is_letter(char)})
        foreign_to: dict[str, list[str]] = {}
        for lang in factors:
            alphabet = self.knowledge.alphabets.get(lang)
            if alphabet is None:
                continue
            foreign = [char for char in letters if char not in alphabet]
            if foreign:
                factors[lang] *= FOREIGN_LETTER_FACTOR ** len(foreign)
                foreign_to[lang] = foreign
        if not foreign_to:
            return []
        fitting = sorted(lang for lang in factors if lang not in foreign_to)
        return [f"letters fit only {', '.join(fitting) or 'none'}"]

    def _weigh_words(self, lowered: str, factors: dict[str, float]) -> list[str]:
        found: dict[str, list[str]] = {}
        for word in sorted(set(_WORD.findall(lowered))):
            for lang in self.knowledge.word_languages.get(word, ()):
                if lang in factors:
                    factors[lang] *= FREQUENT_WORD_FACTOR
                    found.setdefault(lang, []).append(word)
        return [f"{lang} words: {', '.join(words)}" for lang, words in sorted(found.items())]


def _run_langdetect(factory: DetectorFactory, text: str, weights: Mapping[str, float]) -> dict[str, float]:
    """langdetect's probability for every candidate, zh-cn/zh-tw folded into zh."""
    detector = factory.create()
    detector.set_prior_map(dict(weights))
    detector.append(text)
    detector.get_probabilities()  # runs the (seeded) detection and fills langprob
    probabilities: dict[str, float] = {}
    for lang, probability in zip(factory.langlist, detector.langprob):
        if probability > 0.0:
            code = LANGDETECT_CODES.get(lang, lang)
            probabilities[code] = probabilities.get(code, 0.0) + probability
    return probabilities


def _single_pass(factory: DetectorFactory, text: str, weights: Mapping[str, float]) -> dict[str, float]:
    detector = factory.create()
    detector.append(text)
    detector.cleaning_text()
    ngrams = detector._extract_ngrams()
    if not ngrams:
        raise LangDetectException(0, "no features")
    floor = TUNE["alpha"] / detector.BASE_FREQ
    langs = factory.langlist
    log_scores = [0.0] * len(langs)
    for gram in ngrams:
        probs = factory.word_lang_prob_map[gram]
        for i, p in enumerate(probs):
            log_scores[i] += math.log(floor + p)
    scores: dict[str, float] = {}
    for lang, log_score in zip(langs, log_scores):
        weight = weights.get(lang, 0.0)
        if weight > 0.0:
            code = LANGDETECT_CODES.get(lang, lang)
            value = math.log(weight) + log_score / TUNE["T"]
            scores[code] = max(scores.get(code, -math.inf), value)
    top = max(scores.values())
    exp = {lang: math.exp(v - top) for lang, v in scores.items()}
    total = sum(exp.values())
    return {lang: v / total for lang, v in exp.items()}


TUNE = {"alpha": 0.5, "T": 1.0}


def _times(weights: Mapping[str, float], factors: Mapping[str, float]) -> dict[str, float]:
    return {lang: weight * factors.get(lang, 1.0) for lang, weight in weights.items()}


def _top(probabilities: Mapping[str, float]) -> str:
    return min(probabilities, key=lambda lang: (-probabilities[lang], lang))


def _lowercase_if_shouting(text: str) -> str:
    """langdetect skips words in capitals (acronyms); an all-caps headline would leave it nothing."""
    cased = [char for char in text if char.isupper() or char.islower()]
    upper = sum(char.isupper() for char in cased)
    return text.lower() if cased and upper * 2 > len(cased) else text


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


# --------------------------------------------------------------------------------------------
# From a reading to a LanguageGuess


def _alternatives(probabilities: Mapping[str, float]) -> tuple[tuple[str, float], ...]:
    ranked = sorted(probabilities.items(), key=lambda item: (-item[1], item[0]))
    return tuple(
        (lang, round(probability, 4))
        for lang, probability in ranked[:MAX_ALTERNATIVES]
        if probability >= MIN_ALTERNATIVE_PROBABILITY
    )


def _clamp(probability: float) -> float:
    return min(1.0, max(0.0, round(probability, 4)))


def _guess_from(reading: Reading, extra_reason: str | None = None) -> LanguageGuess:
    reasons = [r for r in (reading.reason, extra_reason) if r]
    return LanguageGuess(
        language=reading.language,
        confidence=_clamp(reading.confidence),
        method=reading.method,  # type: ignore[arg-type]
        alternatives=_alternatives(reading.probabilities),
        reason="; ".join(reasons) or None,
    )


def _guess_from_header(code: str, declared: str, reading: Reading) -> LanguageGuess:
    """Trust the declared language; the text, when readable, raises or lowers our confidence."""
    reason = f"declared in header as {declared!r}"
    if reading.language == UNDETERMINED:
        confidence = UNCHECKED_HEADER_CONFIDENCE
    else:
        agreement = reading.probabilities.get(code, 0.0)
        confidence = HEADER_BASE_CONFIDENCE + (1 - HEADER_BASE_CONFIDENCE) * agreement
        if reading.language != code and reading.confidence >= STRONG_DISAGREEMENT:
            reason += f"; the text reads as {reading.language} ({reading.confidence:.2f}), not {code}"
    return LanguageGuess(
        language=code,
        confidence=_clamp(confidence),
        method="header",
        alternatives=_alternatives(reading.probabilities),
        reason=reason,
    )


# --------------------------------------------------------------------------------------------
# Declared languages: codes and names → ISO 639-1


def normalise_language(declared: str) -> str | None:
    """ISO 639-1 code for a declared language ("fr", "fra", "fre", "fr-CA", "French", "français")."""
    value = declared.strip()
    if not value:
        return None
    code = _code_from_tag(value)
    if code is not None:
        return code
    return _language_names().get(_name_key(value))


def _code_from_tag(value: str) -> str | None:
    primary = re.split(r"[-_]", value, maxsplit=1)[0].lower()
    if not (primary.isascii() and primary.isalpha() and len(primary) in (2, 3)):
        return None
    if primary in NON_LANGUAGE_CODES:
        return None
    alias = get_global("language_aliases").get(primary)
    if alias:
        primary = re.split(r"[-_]", alias, maxsplit=1)[0]
    if len(primary) == 2:
        return primary if pycountry.languages.get(alpha_2=primary) else None
    found = pycountry.languages.get(alpha_3=primary) or pycountry.languages.get(bibliographic=primary)
    return getattr(found, "alpha_2", None)


def _name_key(name: str) -> str:
    """Names compare without case, accents or a parenthesised qualifier ("Swahili (macrolanguage)")."""
    name = re.sub(r"\(.*?\)", " ", name)
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


# Languages whose names we index in other languages: English, the languages of the sources, and
# every language under its own name (its autonym).
NAME_LOCALES = ("en", "fr", "es", "de", "ar")


@cache
def _language_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for language in pycountry.languages:
        code = getattr(language, "alpha_2", None)
        if code:
            for attribute in ("name", "common_name", "inverted_name"):
                if hasattr(language, attribute):
                    names.setdefault(_name_key(getattr(language, attribute)), code)
    for locale_code in NAME_LOCALES:
        for code, name in sorted(Locale(locale_code).languages.items()):
            if len(code) == 2:
                names.setdefault(_name_key(name), code)
    for code in sorted(set(names.values())):
        try:
            autonym = Locale(code).languages.get(code)
        except (UnknownLocaleError, ValueError):
            continue
        if autonym:
            names.setdefault(_name_key(autonym), code)
    for alias, code in _read_yaml("language_names.yaml")["aliases"].items():
        names[_name_key(alias)] = code
    return names


# --------------------------------------------------------------------------------------------
# The entry point


@cache
def _default_detector() -> LanguageDetector:
    return LanguageDetector()


def detect_language(text: str, declared: str | None = None) -> LanguageGuess:
    """The language of an article: its declared language when valid, else what its text says."""
    return _default_detector().detect(text, declared)
