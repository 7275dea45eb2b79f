"""Which language an article, a headline or a single word is written in.

`detect_language(text, declared)` reads the text in layers, surest and cheapest first:

1. Letters. No letters at all → "und".
2. Script. A writing system only one language uses settles it: Hangul → ko, kana → ja, Hebrew → he,
   Greek → el, Thai → th, Han without kana → zh, ... (data: language_scripts.yaml).
3. langdetect, for scripts several languages share (Latin, Cyrillic, Arabic, Devanagari), choosing
   only among the languages that write in that script, from a prior (a base rate per language,
   language_priors.yaml) instead of 55 equal chances.
   - Long text (an article): langdetect's own detector, seeded, decides.
   - Short text (a headline, a few words): langdetect's character n-gram model is read in one
     deterministic pass, tempered, and combined with evidence langdetect cannot see on a few
     letters: letters a language does not use (language_alphabets.yaml), its frequent words
     (language_words.yaml) and its typical word endings and beginnings (language_endings.yaml).
     Text with fewer than MIN_LETTERS letters → "und".
4. Header. A language the article declares (`lang`) is validated, normalised to ISO 639-1 and
   trusted; the text is still read, to give alternatives and to flag a header it contradicts.

Every answer is a pure function of the call's arguments: langdetect's profiles are loaded once per
process into a factory of our own with a fixed seed, and each detection seeds its own random
generator, so answers do not depend on what was detected before or in which order.
The switches of `LanguageDetector` turn layers off, so that `newsdesk.evaluation.langid` can
measure what each one brings.
"""

from __future__ import annotations

import math
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import pycountry
from babel import Locale, UnknownLocaleError
from babel.core import get_global
from langdetect.detector import Detector
from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from transforms.data_files import load_data
from transforms.records import LanguageGuess, LanguageMethod

UNDETERMINED = "und"
DATA_DIR = Path(__file__).parent / "data"

# langdetect samples n-grams at random: a fixed seed makes each call reproducible.
LANGDETECT_SEED = 0
# langdetect reads at most 10,000 characters; more text tells it nothing new.
MAX_CHARS = 10_000
# langdetect's own codes that are not ISO 639-1.
LANGDETECT_CODES = {"zh-cn": "zh", "zh-tw": "zh"}

# Below this many letters (in the text's script) a shared script is "und": see the accuracy by
# length table of `newsdesk.evaluation.langid` (prefixes of single words).
MIN_LETTERS = 4
# Texts with fewer letters than this are read as short text (one exact n-gram pass plus letters,
# words and affixes); longer ones by langdetect's sampling detector alone.
SHORT_TEXT_LETTERS = 200
# langdetect counts every letter in three n-grams (1, 2 and 3 letters long) as if they were
# independent, which makes its likelihoods far too sure of themselves on short text: a few letters
# would outweigh any prior or word evidence. Dividing the log-likelihood by this temperature
# restores the balance (measured on the dev split: 3 to 8 all work; 5 is best).
NGRAM_TEMPERATURE = 5.0
# How much one distinct letter outside a language's alphabet multiplies its weight by.
FOREIGN_LETTER_FACTOR = 0.05
# How much one frequent word of a language multiplies its weight by.
FREQUENT_WORD_FACTOR = 20.0
# How much a word with a typical ending / beginning of a language multiplies its weight by.
ENDING_FACTOR = 3.0
BEGINNING_FACTOR = 1.5

# News in other scripts routinely embeds Latin-script names, brands, URLs and English terms; the
# reverse is rare. So in mixed text a Latin letter counts for this much of another script's letter
# when choosing the text's script (another script wins from a third of the letters on).
LATIN_WEIGHT_IN_MIXED_TEXT = 0.5
# A CJK text with at least this share of kana is Japanese (Chinese never writes kana, Japanese
# prose is about half kana); with this share of Hangul, Korean.
MIN_KANA_SHARE = 0.1
MIN_HANGUL_SHARE = 0.1
HAN, HANGUL = "CJK", "HANGUL"
KANA = ("HIRAGANA", "KATAKANA")

# A declared language is trusted at even odds at least; the text can confirm it up to certainty.
HEADER_BASE_CONFIDENCE = 0.5
UNCHECKED_HEADER_CONFIDENCE = 0.75
# The text contradicts a header "strongly" when it reads as another language this surely.
STRONG_DISAGREEMENT = 0.9
# Valid ISO 639 codes that name no language.
NON_LANGUAGE_CODES = frozenset({"und", "mul", "zxx", "mis"})

MAX_ALTERNATIVES = 5
MIN_ALTERNATIVE_PROBABILITY = 0.01

_WORD = re.compile(r"[^\W\d_]+")
_TATWEEL = "\u0640"


# ------------------------------------------------------------------------------------------------
# What the detector knows, loaded once per process


@dataclass(frozen=True)
class LanguageKnowledge:
    """Everything read from transforms/data/language_*.yaml."""

    settled_scripts: Mapping[str, str]  # script → the one language written in it
    shared_scripts: Mapping[str, tuple[str, ...]]  # script → langdetect languages written in it
    priors: Mapping[str, float]  # language → prior weight
    default_prior: float
    alphabets: Mapping[str, frozenset[str]]  # language → letters its words use
    word_languages: Mapping[str, tuple[str, ...]]  # frequent word → its languages
    ending_languages: Mapping[str, tuple[str, ...]]  # typical word ending → its languages
    beginning_languages: Mapping[str, tuple[str, ...]]  # typical word beginning → its languages
    languages_with_words: frozenset[str]  # languages that have a frequent-word list
    name_aliases: Mapping[str, str]  # other names of languages → ISO 639-1

    def prior(self, language: str) -> float:
        return self.priors.get(language, self.default_prior)


def _read_yaml(name: str) -> dict[str, Any]:
    data: dict[str, Any] = load_data(DATA_DIR / name)
    return data


@cache
def load_knowledge() -> LanguageKnowledge:
    scripts = _read_yaml("language_scripts.yaml")
    priors = _read_yaml("language_priors.yaml")
    alphabets = _read_yaml("language_alphabets.yaml")
    affixes = _read_yaml("language_endings.yaml")
    words = _read_yaml("language_words.yaml")["words"]
    names = _read_yaml("language_names.yaml")
    basic_latin = frozenset("abcdefghijklmnopqrstuvwxyz")
    letters = {str(lang): basic_latin | frozenset(extra) for lang, extra in alphabets["latin_extra"].items()}
    letters.update({str(lang): frozenset(full) for lang, full in alphabets["full"].items()})
    return LanguageKnowledge(
        settled_scripts={script: str(lang) for script, lang in scripts["settled"].items()},
        shared_scripts={script: tuple(map(str, langs)) for script, langs in scripts["shared"].items()},
        priors={str(lang): float(weight) for lang, weight in priors["expected"].items()},
        default_prior=float(priors["default_weight"]),
        alphabets=letters,
        word_languages=_index_words(words),
        ending_languages=_index_words(affixes["endings"]),
        beginning_languages=_index_words(affixes["beginnings"]),
        languages_with_words=frozenset(map(str, words)),
        name_aliases={str(name): str(code) for name, code in names["aliases"].items()},
    )


def _index_words(words_by_language: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """{language: "word word ..."} → {word: (languages...)}."""
    languages_of: dict[str, set[str]] = {}
    for language, words in words_by_language.items():
        for word in words.split():
            languages_of.setdefault(word, set()).add(str(language))
    return {word: tuple(sorted(langs)) for word, langs in sorted(languages_of.items())}


@cache
def langdetect_factory() -> DetectorFactory:
    """langdetect's profiles in a factory of our own, loaded once, in file-name order.

    langdetect's module-level factory loads them in `os.listdir` order and has no seed; ours is
    the same model with a fixed language order and seed.
    """
    factory = DetectorFactory()
    profiles = []
    for name in sorted(os.listdir(PROFILES_DIRECTORY)):
        with open(os.path.join(PROFILES_DIRECTORY, name), encoding="utf-8") as handle:
            profiles.append(handle.read())
    factory.load_json_profile(profiles)
    factory.set_seed(LANGDETECT_SEED)
    return factory


# ------------------------------------------------------------------------------------------------
# Letters and scripts


@lru_cache(maxsize=16384)
def script_of(char: str) -> str:
    """The Unicode script of a letter, named like the start of its character name ("LATIN")."""
    words = unicodedata.name(char, "UNKNOWN").split()
    if words[0] in ("FULLWIDTH", "HALFWIDTH") and len(words) > 1:
        words = words[1:]
    if words[0] == "KATAKANA-HIRAGANA":  # the long-vowel mark ー
        return "KATAKANA"
    if words[0] == "IDEOGRAPHIC":  # 々 and 〆, written with Han
        return HAN
    return words[0]


def is_letter(char: str) -> bool:
    # Modifier letters (Lm) are mostly marks such as the Arabic tatweel; Japanese ー and 々 are
    # the exceptions worth counting.
    category = unicodedata.category(char)
    return category.startswith("L") and (category != "Lm" or char in "ー々")


@dataclass(frozen=True)
class Letters:
    """How many letters a text has in each script."""

    total: int
    by_script: Mapping[str, int]

    @classmethod
    def of(cls, text: str) -> Letters:
        # Each distinct character is looked up once (an article has a few dozen), in the order
        # of its first occurrence, so the counts are those of a pass over every character.
        counts: Counter[str] = Counter()
        for char, times in Counter(text).items():
            if is_letter(char):
                counts[script_of(char)] += times
        return cls(sum(counts.values()), dict(counts))

    def dominant_script(self) -> str:
        """The script most letters are in, Latin letters counting LATIN_WEIGHT_IN_MIXED_TEXT."""

        def weight(script: str) -> float:
            return self.by_script[script] * (LATIN_WEIGHT_IN_MIXED_TEXT if script == "LATIN" else 1.0)

        # Ties go to the alphabetically first script, so the answer never depends on text order.
        return min(self.by_script, key=lambda script: (-weight(script), script))

    def count(self, scripts: Iterable[str]) -> int:
        return sum(self.by_script.get(script, 0) for script in scripts)


def _only_script(text: str, script: str) -> str:
    """The text with letters of other scripts blanked out: they are noise to that script's model."""
    foreign = {ord(c): " " for c in set(text) if is_letter(c) and script_of(c) != script}
    return text.translate(foreign) if foreign else text


def words_of(text: str) -> list[str]:
    """Lower-case words, without Arabic short vowels or tatweel (they would split words)."""
    lowered = "".join(c for c in text.lower() if not unicodedata.combining(c) and c != _TATWEEL)
    return sorted(set(_WORD.findall(lowered)))


# ------------------------------------------------------------------------------------------------
# langdetect's n-gram model


def langdetect_probabilities(text: str, weights: Mapping[str, float]) -> dict[str, float]:
    """langdetect's own (sampling) detector, seeded, with `weights` as its prior over languages."""
    factory = langdetect_factory()
    detector = factory.create()
    detector.set_prior_map(dict(weights))
    detector.append(text)
    detector.get_probabilities()  # runs the detection, which fills `langprob` for every language
    return _fold_codes(zip(factory.langlist, detector.langprob))


def langdetect_log_likelihoods(text: str, languages: Sequence[str]) -> dict[str, float]:
    """log P(text | language) under langdetect's n-gram model, each n-gram of the text counted once.

    langdetect's detector samples n-grams at random until it is sure; on short text that repeats
    the same few n-grams and ends up certain whatever the prior says. Reading each n-gram once is
    the same model, exactly and deterministically, and cheap on short text.
    """
    factory = langdetect_factory()
    detector = factory.create()
    detector.append(text)
    detector.cleaning_text()
    ngrams = Counter(detector._extract_ngrams())  # langdetect's own n-gram extraction
    if not ngrams:
        raise LangDetectException(0, "no n-gram of the text is in langdetect's profiles")
    indexes = [factory.langlist.index(lang) for lang in languages]
    totals = [0.0] * len(indexes)
    for gram, count in ngrams.items():
        logs = _ngram_log_probabilities(gram)
        for position, index in enumerate(indexes):
            totals[position] += count * logs[index]
    return dict(zip(languages, totals))


@lru_cache(maxsize=65536)
def _ngram_log_probabilities(gram: str) -> tuple[float, ...]:
    # langdetect smooths every probability by alpha / BASE_FREQ; so do we.
    smoothing = Detector.ALPHA_DEFAULT / Detector.BASE_FREQ
    return tuple(math.log(smoothing + p) for p in langdetect_factory().word_lang_prob_map[gram])


def _fold_codes(pairs: Iterable[tuple[str, float]]) -> dict[str, float]:
    """langdetect codes → ISO 639-1, adding up zh-cn and zh-tw; drops zero probabilities."""
    folded: dict[str, float] = {}
    for lang, probability in pairs:
        if probability > 0.0:
            code = LANGDETECT_CODES.get(lang, lang)
            folded[code] = folded.get(code, 0.0) + probability
    return folded


def _softmax(log_weights: Mapping[str, float]) -> dict[str, float]:
    top = max(log_weights.values())
    weights = {lang: math.exp(value - top) for lang, value in log_weights.items()}
    total = sum(weights.values())
    return {lang: weight / total for lang, weight in weights.items()}


def top_language(probabilities: Mapping[str, float]) -> str:
    return min(probabilities, key=lambda lang: (-probabilities[lang], lang))


def _lowercase_if_shouting(text: str) -> str:
    """langdetect skips words in capitals (acronyms): an all-caps headline would leave it nothing."""
    upper = cased = 0
    for char, times in Counter(text).items():  # each distinct character once
        if char.isupper():
            upper += times
            cased += times
        elif char.islower():
            cased += times
    return text.lower() if upper * 2 > cased else text


# ------------------------------------------------------------------------------------------------
# Evidence for short text


@dataclass
class Evidence:
    """Log-weights per language from one kind of evidence, and what was seen."""

    kind: str  # "letters" | "words" | "affixes"
    log_weights: dict[str, float] = field(default_factory=dict)
    seen: dict[str, list[str]] = field(default_factory=dict)  # language → what counted for it

    def add(self, language: str, factor: float, what: str) -> None:
        self.log_weights[language] = self.log_weights.get(language, 0.0) + math.log(factor)
        self.seen.setdefault(language, []).append(what)

    def favour(self, winner: str, other: str) -> float:
        """How much more this evidence weighs for `winner` than for `other` (log)."""
        return self.log_weights.get(winner, 0.0) - self.log_weights.get(other, 0.0)

    def describe(self, winner: str, other: str) -> str:
        if self.kind == "letters":
            return f"{other} does not write {' '.join(self.seen.get(other, []))}"
        return f"{self.kind} of {winner}: {' '.join(self.seen.get(winner, []))}"


def letter_evidence(text: str, languages: Sequence[str], knowledge: LanguageKnowledge) -> Evidence:
    evidence = Evidence("letters")
    letters = sorted({char for char in text.lower() if is_letter(char)})
    for lang in languages:
        alphabet = knowledge.alphabets.get(lang)
        if alphabet is not None:
            for char in letters:
                if char not in alphabet:
                    evidence.add(lang, FOREIGN_LETTER_FACTOR, char)
    return evidence


def word_evidence(words: Sequence[str], languages: Sequence[str], knowledge: LanguageKnowledge) -> Evidence:
    """Frequent words of each language.

    A candidate we wrote no word list for is credited with every word found in some list: we
    cannot tell whether the word is frequent in it too. Without this, a language without a list
    (Slovak, Tagalog) would lose to every language with one on each word they share.
    """
    evidence = Evidence("words")
    found = [{lang: word for lang in knowledge.word_languages.get(word, ())} for word in words]
    matched = _credit(evidence, languages, found, FREQUENT_WORD_FACTOR)
    for lang in languages:
        if matched and lang not in knowledge.languages_with_words:
            evidence.add(lang, FREQUENT_WORD_FACTOR**matched, f"({matched} words, no list)")
    return evidence


def affix_evidence(words: Sequence[str], languages: Sequence[str], knowledge: LanguageKnowledge) -> Evidence:
    """Typical endings and beginnings of each language's words.

    Unlike words, affixes give no benefit of the doubt: nearly every word ends like some
    language's words, so it would favour every language without affix data. Affixes are written
    for each language short Latin text is commonly confused with instead.
    """
    evidence = Evidence("affixes")
    for index, at_end, factor in (
        (knowledge.ending_languages, True, ENDING_FACTOR),
        (knowledge.beginning_languages, False, BEGINNING_FACTOR),
    ):
        found = [_longest_affixes(word, index, at_end) for word in words]
        shown = [{lang: f"-{a}" if at_end else f"{a}-" for lang, a in matches.items()} for matches in found]
        _credit(evidence, languages, shown, factor)
    return evidence


def _longest_affixes(word: str, index: Mapping[str, tuple[str, ...]], at_end: bool) -> dict[str, str]:
    """Language → the longest of its affixes the word ends (or begins) with, leaving two letters."""
    longest: dict[str, str] = {}
    for length in range(1, len(word) - 1):
        affix = word[-length:] if at_end else word[:length]
        for lang in index.get(affix, ()):
            longest[lang] = affix
    return longest


def _credit(evidence: Evidence, languages: Sequence[str], found: Sequence[Mapping[str, str]], factor: float) -> int:
    """Credit each word's matches (language → what matched) to the candidates among them.

    Returns how many words matched anything.
    """
    candidates = set(languages)
    for matches in found:
        for lang, what in sorted(matches.items()):
            if lang in candidates:
                evidence.add(lang, factor, what)
    return sum(1 for matches in found if matches)


# ------------------------------------------------------------------------------------------------
# Reading a text


@dataclass(frozen=True)
class Reading:
    """What the text alone says: a probability per language, and how it was decided."""

    language: str
    probabilities: Mapping[str, float]  # empty when undetermined
    method: LanguageMethod
    reason: str | None = None

    @property
    def confidence(self) -> float:
        return self.probabilities.get(self.language, 0.0)


def _undetermined(reason: str) -> Reading:
    return Reading(UNDETERMINED, {}, "und", reason)


class LanguageDetector:
    """The layered detector; switches turn layers off so that each can be measured."""

    def __init__(
        self,
        knowledge: LanguageKnowledge | None = None,
        *,
        use_scripts: bool = True,
        use_priors: bool = True,
        use_short_text_model: bool = True,
        use_letters: bool = True,
        use_words: bool = True,
        use_affixes: bool = True,
        min_letters: int = MIN_LETTERS,
    ) -> None:
        self.knowledge = knowledge or load_knowledge()
        self.min_letters = min_letters
        self.use_scripts = use_scripts
        self.use_priors = use_priors
        self.use_short_text_model = use_short_text_model
        self.use_letters = use_letters
        self.use_words = use_words
        self.use_affixes = use_affixes

    def detect(self, text: str, declared: str | None = None) -> LanguageGuess:
        reading = self.read(text)
        if declared is None or not declared.strip():
            return _guess(reading)
        code = normalise_language(declared, self.knowledge)
        if code is None:
            return _guess(reading, f"ignored header language {declared.strip()!r}: not a language")
        return _header_guess(code, declared.strip(), reading)

    def read(self, text: str) -> Reading:
        """The language of the text alone, ignoring any header."""
        text = unicodedata.normalize("NFKC", text[:MAX_CHARS])
        letters = Letters.of(text)
        if letters.total == 0:
            return _undetermined("no letters")
        if not self.use_scripts:
            languages = tuple(_fold_codes((lang, 1.0) for lang in langdetect_factory().langlist))
            return self._read_shared_script(text, letters.total, languages)
        script = letters.dominant_script()
        if script in (HAN, *KANA):
            return self._read_cjk(letters)
        settled = self.knowledge.settled_scripts.get(script)
        if settled is not None:
            share = letters.by_script[script] / letters.total
            return Reading(settled, {settled: share}, "script", f"{script.title()} script")
        shared = self.knowledge.shared_scripts.get(script)
        if shared is None:
            return _undetermined(f"no language known for the {script.title()} script")
        count = letters.by_script[script]
        if count < self.min_letters:
            return _undetermined(f"too short ({count} letter{'s' if count != 1 else ''})")
        return self._read_shared_script(_only_script(text, script), count, shared)

    def _read_cjk(self, letters: Letters) -> Reading:
        cjk = letters.count((HAN, HANGUL, *KANA))
        share = cjk / letters.total
        if letters.count(KANA) >= MIN_KANA_SHARE * cjk:
            return Reading("ja", {"ja": share}, "script", "Han with kana")
        if letters.count((HANGUL,)) >= MIN_HANGUL_SHARE * cjk:
            return Reading("ko", {"ko": share}, "script", "Han with Hangul")
        return Reading("zh", {"zh": share}, "script", "Han without kana")

    def _read_shared_script(self, text: str, letter_count: int, languages: Sequence[str]) -> Reading:
        text = _lowercase_if_shouting(text)
        log_priors = {lang: math.log(self._prior(lang)) for lang in languages}
        try:
            if self.use_short_text_model and letter_count < SHORT_TEXT_LETTERS:
                return self._read_short_text(text, languages, log_priors)
            weights = {lang: math.exp(value) for lang, value in log_priors.items()}
            probabilities = langdetect_probabilities(text, _to_langdetect_codes(weights))
        except LangDetectException:
            return _undetermined("no n-gram of the text is known to langdetect")
        return Reading(top_language(probabilities), probabilities, "langdetect")

    def _prior(self, language: str) -> float:
        return self.knowledge.prior(LANGDETECT_CODES.get(language, language)) if self.use_priors else 1.0

    def _read_short_text(self, text: str, languages: Sequence[str], log_priors: Mapping[str, float]) -> Reading:
        likelihoods = langdetect_log_likelihoods(text, _langdetect_codes(languages))
        ngram_log_weights = {lang: log_priors[lang] + likelihoods[lang] / NGRAM_TEMPERATURE for lang in languages}
        plain = _softmax(ngram_log_weights)
        evidences = self._short_text_evidence(text, languages)
        combined = _softmax(
            {
                lang: value + sum(e.log_weights.get(lang, 0.0) for e in evidences)
                for lang, value in ngram_log_weights.items()
            }
        )
        winner, ngram_winner = top_language(combined), top_language(plain)
        if winner == ngram_winner:
            return Reading(winner, combined, "langdetect")
        return _overridden(winner, combined, ngram_winner, plain[ngram_winner], evidences)

    def _short_text_evidence(self, text: str, languages: Sequence[str]) -> list[Evidence]:
        words = words_of(text)
        evidences = []
        if self.use_letters:
            evidences.append(letter_evidence(text, languages, self.knowledge))
        if self.use_words:
            evidences.append(word_evidence(words, languages, self.knowledge))
        if self.use_affixes:
            # A word in some frequent-word list has said what it can; its ending would count twice.
            if self.use_words:
                words = [word for word in words if word not in self.knowledge.word_languages]
            evidences.append(affix_evidence(words, languages, self.knowledge))
        return evidences


def _langdetect_codes(languages: Sequence[str]) -> list[str]:
    """Our candidates as langdetect names them (zh → zh-cn, zh-tw)."""
    codes = []
    for lang in langdetect_factory().langlist:
        if LANGDETECT_CODES.get(lang, lang) in languages:
            codes.append(lang)
    return codes


def _to_langdetect_codes(weights: Mapping[str, float]) -> dict[str, float]:
    return {lang: weights[LANGDETECT_CODES.get(lang, lang)] for lang in _langdetect_codes(list(weights))}


def _overridden(
    winner: str,
    probabilities: Mapping[str, float],
    ngram_winner: str,
    ngram_probability: float,
    evidences: Sequence[Evidence],
) -> Reading:
    """A reading where letters, words or affixes overturned what the n-grams said."""
    decisive = max(evidences, key=lambda evidence: evidence.favour(winner, ngram_winner))
    method: LanguageMethod = "script" if decisive.kind == "letters" else "lexicon"
    notes = [f"n-grams alone: {ngram_winner} ({ngram_probability:.2f})"]
    notes += [e.describe(winner, ngram_winner) for e in evidences if e.favour(winner, ngram_winner) > 0]
    return Reading(winner, probabilities, method, "; ".join(notes))


# ------------------------------------------------------------------------------------------------
# From a reading to a LanguageGuess


def _alternatives(probabilities: Mapping[str, float]) -> tuple[tuple[str, float], ...]:
    ranked = sorted(probabilities.items(), key=lambda item: (-item[1], item[0]))
    return tuple(
        (lang, round(probability, 4))
        for lang, probability in ranked[:MAX_ALTERNATIVES]
        if probability >= MIN_ALTERNATIVE_PROBABILITY
    )


def _probability(value: float) -> float:
    return min(1.0, max(0.0, round(value, 4)))


def _guess(reading: Reading, note: str | None = None) -> LanguageGuess:
    reason = "; ".join(part for part in (reading.reason, note) if part) or None
    return LanguageGuess(
        language=reading.language,
        confidence=_probability(reading.confidence),
        method=reading.method,
        alternatives=_alternatives(reading.probabilities),
        reason=reason,
    )


def _header_guess(code: str, declared: str, reading: Reading) -> LanguageGuess:
    """Trust the declared language; the text, when readable, raises or lowers our confidence."""
    reason = f"declared in the header as {declared!r}"
    if reading.language == UNDETERMINED:
        confidence = UNCHECKED_HEADER_CONFIDENCE
        reason += f"; text not checked: {reading.reason}"
    else:
        agreement = reading.probabilities.get(code, 0.0)
        confidence = HEADER_BASE_CONFIDENCE + (1 - HEADER_BASE_CONFIDENCE) * agreement
        if reading.language != code and reading.confidence >= STRONG_DISAGREEMENT:
            reason += f"; but the text reads as {reading.language} ({reading.confidence:.2f})"
    return LanguageGuess(
        language=code,
        confidence=_probability(confidence),
        method="header",
        alternatives=_alternatives(reading.probabilities),
        reason=reason,
    )


# ------------------------------------------------------------------------------------------------
# Declared languages: codes and names → ISO 639-1


def normalise_language(declared: str, knowledge: LanguageKnowledge | None = None) -> str | None:
    """ISO 639-1 code of a declared language ("fr", "fra", "fre", "fr-CA", "French", "français").

    None when it names no language we can map to ISO 639-1 (or names none at all: "und", "xx").
    """
    value = declared.strip()
    if not value:
        return None
    if re.fullmatch(r"[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*", value):
        return _code_from_tag(value)
    key = _name_key(value)
    aliases = {_name_key(alias): code for alias, code in (knowledge or load_knowledge()).name_aliases.items()}
    return aliases.get(key) or _language_names().get(key)


def _code_from_tag(tag: str) -> str | None:
    """ISO 639-1 code from a BCP 47 tag or an ISO 639-1/2/3 code ("pt-BR", "fre", "arb")."""
    primary = re.split(r"[-_]", tag)[0].lower()
    if primary in NON_LANGUAGE_CODES:
        return None
    alias = get_global("language_aliases").get(primary)  # CLDR: iw → he, fre → fr, arb → ar, ...
    if alias:
        primary = re.split(r"[-_]", alias)[0]
    if len(primary) == 2:
        return primary if pycountry.languages.get(alpha_2=primary) else None
    language = pycountry.languages.get(alpha_3=primary) or pycountry.languages.get(bibliographic=primary)
    return getattr(language, "alpha_2", None)


def _name_key(name: str) -> str:
    """Names compare without case, accents or a qualifier in brackets ("Swahili (macrolanguage)")."""
    name = re.sub(r"\(.*?\)", " ", name)
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _languages_we_detect() -> list[str]:
    """Every language the text can be detected as: its name for itself is worth indexing."""
    knowledge = load_knowledge()
    langdetect_languages = _fold_codes((lang, 1.0) for lang in langdetect_factory().langlist)
    return sorted(set(langdetect_languages) | set(knowledge.settled_scripts.values()) | set(knowledge.priors))


# Languages in which language names are indexed, besides each language's name for itself.
NAME_LOCALES = ("en", "fr", "es", "de", "ar")


@cache
def _language_names() -> dict[str, str]:
    """Name → ISO 639-1, from ISO 639 (pycountry) and CLDR (babel); built once, on first use."""
    names: dict[str, str] = {}
    for language in pycountry.languages:
        code = getattr(language, "alpha_2", None)
        for attribute in ("name", "common_name", "inverted_name"):
            if code and hasattr(language, attribute):
                names.setdefault(_name_key(getattr(language, attribute)), code)
    for locale in NAME_LOCALES:
        for code, name in sorted(Locale(locale).languages.items()):
            if len(code) == 2:
                names.setdefault(_name_key(name), code)
    for code in _languages_we_detect():
        try:
            autonym = Locale(code).languages.get(code)
        except (UnknownLocaleError, ValueError):
            continue
        if autonym:
            names.setdefault(_name_key(autonym), code)
    return names


# ------------------------------------------------------------------------------------------------
# The entry point


@cache
def _default_detector() -> LanguageDetector:
    return LanguageDetector()


def detect_language(text: str, declared: str | None = None) -> LanguageGuess:
    """The language of an article: its declared language when valid, else what its text says."""
    return _default_detector().detect(text, declared)
