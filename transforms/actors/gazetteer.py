"""The name index: every known way to write a country, city, demonym, epithet or dictionary actor,
looked up by the folded keys of the article's words.

One index is built per article language (lazily, then reused): the names of that language
(CLDR, the hand-written data), English names (wire copy quotes them everywhere) and the
dictionary's aliases in every language and script.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from transforms.actors.demonyms import inflect
from transforms.actors.knowledge import HAND_WRITTEN_LANGUAGES, Knowledge, cldr_city_names
from transforms.actors.text import (
    MIN_SKELETON,
    WORD_CACHE_SIZE,
    WORD_PATTERN,
    Word,
    fold_word,
    foreign_spelling,
    has_arabic_article,
    is_arabic,
    joins_name,
    skeleton,
)

# What a name refers to, in order of preference when the same words name several things.
KINDS = ("known", "building", "country", "epithet", "seat", "city", "demonym", "surname")
KIND_RANK = {kind: rank for rank, kind in enumerate(KINDS)}

# Words joining the parts of a name that writers add or drop ("Bosnie-et-Herzégovine").
NAME_CONNECTORS = frozenset({"and", "et", "y", "e", "und", "و", "i"})

# How close (rapidfuzz ratio) an Arabic spelling must be to an alias whose skeleton it shares.
SKELETON_SIMILARITY = 82
MIN_SKELETON_IN_PHRASE = 3  # "ولس" (Wallis) is distinctive next to "فوتونا", "غن" (Ghana) is not
SKELETON_KINDS = frozenset({"country", "demonym", "epithet", "known"})

# Articles that open a name ("Le Monde", "El Salvador", "The Hague"): their capital proves nothing.
LEADING_ARTICLES = frozenset({"the", "le", "la", "les", "l", "el", "los", "las", "der", "die", "das"})
# Case constraints, one per word of the alias: the text must be upper case (acronyms),
# capitalised (proper names) or may be anything (lower-case adjectives, Arabic); an Arabic word
# the alias writes with its article must have it in the text ("اليمن" is Yemen, a bare "يمن" is
# a verb, "هند" a given name, "جزائر" islands): the article is folded out of the keys.
UPPER, CAPITALIZED, ANY_CASE, WITH_ARTICLE = "U", "C", "-", "A"


@dataclass(frozen=True)
class Target:
    """What a matched name stands for."""

    kind: str  # one of KINDS
    ref: str  # ISO3 (country, epithet, seat, city, demonym) or dictionary actor id (known, surname, building)
    country: str | None
    name: str  # canonical English name of the city for seats and cities, else the alias
    language_rank: int  # 0 = the article's language, 1 = English, 2 = any other


@dataclass(frozen=True)
class Match:
    """Words [first, last) of the article whose keys are a known name, with what it may mean."""

    first: int
    last: int
    targets: tuple[Target, ...]  # best first
    skip: int = 0  # characters of the first word before the name: a glued Arabic proclitic ("وإسرائيل")

    @property
    def best(self) -> Target:
        return self.targets[0]


def case_pattern(alias: str) -> tuple[str, ...]:
    pattern = []
    for match in WORD_PATTERN.finditer(alias):
        word = match.group()
        letters = [char for char in word if char.isalpha()]
        if is_arabic(word):
            pattern.append(WITH_ARTICLE if has_arabic_article(word) and word[0] == "ا" else ANY_CASE)
        elif not letters:
            pattern.append(ANY_CASE)
        elif len(letters) >= 2 and all(char.isupper() for char in letters):
            pattern.append(UPPER)
        elif word[0].isupper():
            pattern.append(CAPITALIZED)
        else:
            pattern.append(ANY_CASE)
    return tuple(pattern)


@lru_cache(maxsize=WORD_CACHE_SIZE)  # indexes of several languages share most of their names
def _parse_alias(alias: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """An alias's keys, the case each word requires, and (Arabic only) the keys' skeletons."""
    keys = tuple(fold_word(match.group()) for match in WORD_PATTERN.finditer(alias))
    if not is_arabic(alias):
        return keys, case_pattern(alias), ()
    return keys, case_pattern(alias), tuple(skeleton(key, _skeleton_length(len(keys))) for key in keys)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _prefixes(keys: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Every beginning of an alias's keys, connectors left out."""
    bare = _without_connectors(keys)
    return tuple(bare[:length] for length in range(1, len(bare) + 1))


def _fits_case(pattern: tuple[str, ...], words: Sequence[Word]) -> bool:
    """Acronyms must be upper case. A one-word proper name must be capitalised; a longer one needs
    one of its capitalised words capitalised ("nueva Zelanda" still names New Zealand), other than
    a leading article, which a sentence start capitalises: "Le monde entier", "El mundo", "The
    times", "La paz" are no Le Monde, El Mundo, The Times or La Paz."""
    capitals = [
        word.is_capitalized
        for position, (constraint, word) in enumerate(zip(pattern, words))
        if constraint == CAPITALIZED and not (position == 0 and len(words) > 1 and word.key in LEADING_ARTICLES)
    ]
    if capitals and not any(capitals):
        return False
    if len(words) == 1 and capitals and not capitals[0]:
        return False
    if any(
        constraint == WITH_ARTICLE and not has_arabic_article(word.text) for constraint, word in zip(pattern, words)
    ):
        return False
    return all(word.is_upper for constraint, word in zip(pattern, words) if constraint == UPPER)


class NameIndex:
    """Folded word sequences -> what they name, with the case each alias requires.

    Arabic aliases are also indexed by their skeleton (text.skeleton), which is looked up only
    when the exact spelling is not found.
    """

    def __init__(self) -> None:
        self._entries: dict[tuple[str, ...], list[tuple[Target, tuple[str, ...]]]] = defaultdict(list)
        self._skeletons: dict[tuple[str, ...], list[tuple[Target, tuple[str, ...]]]] = defaultdict(list)
        self._prefixes: set[tuple[str, ...]] = set()  # every beginning of an alias, connectors left out
        self._first_keys: set[str] = set()  # every first key, spelt or as a skeleton
        self.longest = 1

    def add(self, alias: str, target: Target) -> None:
        keys, pattern, skeleton_keys = _parse_alias(alias)
        if not keys:
            return
        entry = (target, pattern)
        if entry not in self._entries[keys]:
            self._entries[keys].append(entry)
        self._prefixes.update(_prefixes(keys))
        self._first_keys.add(keys[0])
        if skeleton_keys and target.kind in SKELETON_KINDS:
            skeleton_entry = (target, pattern, " ".join(keys))
            if skeleton_entry not in self._skeletons[skeleton_keys]:  # type: ignore[comparison-overlap]
                self._skeletons[skeleton_keys].append(skeleton_entry)  # type: ignore[arg-type]
            self._first_keys.add(skeleton_keys[0])
        self.longest = max(self.longest, len(keys))

    def find(self, words: Sequence[Word], text: str) -> list[Match]:
        """Every known name in the words, at every position and length (overlaps included)."""
        matches = []
        prefixes = self._prefixes
        for first in range(len(words)):
            if words[first].arabic:
                if not self._may_start(words[first]):
                    continue
            elif (words[first].key,) not in prefixes:
                continue  # `_may_continue` of the word alone, asked without a slice: no alias starts here
            for last in range(first + 1, min(first + self.longest, len(words)) + 1):
                if last - first > 1 and not joins_name(text, words[last - 2], words[last - 1], comma=True):
                    break
                if not words[first].arabic and not self._may_continue(words[first:last]):
                    break
                targets, skip = self._lookup(words[first:last])
                if targets:
                    matches.append(Match(first, last, targets, skip))
        return matches

    def _may_start(self, word: Word) -> bool:
        """Whether some alias may begin with this Arabic word, spelt as it is, without a glued
        proclitic, or by its skeleton (as a name of one word or of several)."""
        return any(
            key in self._first_keys
            or skeleton(key, MIN_SKELETON) in self._first_keys
            or skeleton(key, MIN_SKELETON_IN_PHRASE) in self._first_keys
            for key in word.variants
        )

    def _may_continue(self, words: Sequence[Word]) -> bool:
        """Whether some alias begins with these words (Latin and other scripts; Arabic spellings
        vary too much to prune this way)."""
        return _without_connectors(tuple(word.key for word in words)) in self._prefixes

    def _lookup(self, words: Sequence[Word]) -> tuple[tuple[Target, ...], int]:
        attempts = [(self._entries, words, False)]
        if len(words) > 2 and any(word.key in NAME_CONNECTORS for word in words[1:-1]):
            inner = [words[0], *(word for word in words[1:-1] if word.key not in NAME_CONNECTORS), words[-1]]
            attempts.append((self._entries, inner, False))
        if words[0].arabic:
            attempts += [(self._entries, words, True), (self._skeletons, words, False), (self._skeletons, words, True)]
        for entries, attempt_words, strip_conjunction in attempts:
            use_skeleton = entries is self._skeletons
            found, variant = self._lookup_in(entries, attempt_words, use_skeleton, strip_conjunction)
            if found:
                # A total order (name last): two spellings of one city ("Tel Aviv", "Tel-Aviv") must
                # not be picked by the set's hash order, which changes from run to run.
                unique = sorted(set(found), key=lambda t: (KIND_RANK[t.kind], t.language_rank, t.ref, t.name))
                return tuple(unique), variant  # variant 1 drops a one-letter proclitic
        return (), 0

    @staticmethod
    def _lookup_in(  # type: ignore[no-untyped-def]
        entries,
        words: Sequence[Word],
        use_skeleton: bool,
        strip_conjunction: bool,
    ) -> tuple[list[Target], int]:
        rest = tuple(_rest_key(word, strip_conjunction) for word in words[1:])
        length = _skeleton_length(len(words))
        looked_up_rest = tuple(skeleton(key, length) for key in rest) if use_skeleton else rest
        for variant, first_key in enumerate(words[0].variants):
            found = []
            looked_up_first = skeleton(first_key, length) if use_skeleton else first_key
            for entry in entries.get((looked_up_first, *looked_up_rest), ()):
                target, pattern = entry[0], entry[1]
                if use_skeleton and not _each_word_close([first_key, *rest], entry[2].split(" "), target.kind):
                    continue  # same consonants, different name ("مالديف" is not "مولدوفا")
                if _fits_case(pattern, words):
                    found.append(target)
            if found:
                return found, variant
        return [], 0


def _each_word_close(keys: Sequence[str], alias_keys: Sequence[str], kind: str) -> bool:
    """Word by word, so that a shared "جمهورية" does not make two names look alike. Foreign
    letters (غ/ج, ز/س) are merged in names, not in the many inflected forms of demonyms, where
    they would let ordinary words and first names through ("انجلينا" is not "أنغوليين")."""
    if len(keys) != len(alias_keys):
        return False
    foreign = kind != "demonym"
    for key, alias_key in zip(keys, alias_keys):
        if not foreign and skeleton(key, foreign=False) != skeleton(alias_key, foreign=False):
            return False
        spell = foreign_spelling if foreign else str
        if fuzz.ratio(spell(key), spell(alias_key)) < SKELETON_SIMILARITY:
            return False
    return True


def _skeleton_length(words: int) -> int:
    """Shortest skeleton worth comparing: three letters in a name of several words ("سان توماس"), whose
    other words and the similarity check keep it distinctive."""
    return MIN_SKELETON if words == 1 else MIN_SKELETON_IN_PHRASE


def _without_connectors(keys: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(key for key in keys if key not in NAME_CONNECTORS) or keys


def _rest_key(word: Word, strip_conjunction: bool) -> str:
    """The key of a word after the first; optionally without a glued Arabic "و" (and)."""
    if strip_conjunction and len(word.variants) > 1 and word.text.startswith("و"):
        return word.variants[-1]
    return word.key


def build_index(knowledge: Knowledge, language: str) -> NameIndex:
    """The index for articles in one language."""
    index = NameIndex()
    for rank, names_language in _language_ranks(language):
        _add_countries(index, knowledge, names_language, rank)
        _add_cities(index, knowledge, names_language, rank)
    if language in HAND_WRITTEN_LANGUAGES:
        _add_demonyms(index, knowledge, language)
        _add_epithets(index, knowledge, language)
    _add_seats_and_buildings(index, knowledge)
    _add_dictionary(index, knowledge, language)
    return index


def _language_ranks(language: str) -> Iterator[tuple[int, str]]:
    yield 0, language
    if language != "en":
        yield 1, "en"


def _add_countries(index: NameIndex, knowledge: Knowledge, language: str, rank: int) -> None:
    for iso3, name in knowledge.country_names(language):
        index.add(name, Target("country", iso3, iso3, name, rank))


def _add_cities(index: NameIndex, knowledge: Knowledge, language: str, rank: int) -> None:
    translated = cldr_city_names(language)
    for city in knowledge.cities:
        kind = "seat" if city.is_seat else "city"
        names = list(city.names)
        if city.timezone and city.timezone in translated:
            names.append(translated[city.timezone])
        for name in names:
            index.add(name, Target(kind, city.country, city.country, city.name, rank))


def _add_demonyms(index: NameIndex, knowledge: Knowledge, language: str) -> None:
    for iso3, base in knowledge.demonyms(language):
        for form in sorted(inflect(language, base)):
            index.add(form, Target("demonym", iso3, iso3, base, 0))


def _add_epithets(index: NameIndex, knowledge: Knowledge, language: str) -> None:
    for iso3, phrase in knowledge.epithets(language):
        index.add(phrase, Target("epithet", iso3, iso3, phrase, 0))


def _add_seats_and_buildings(index: NameIndex, knowledge: Knowledge) -> None:
    for iso3, name in knowledge.seats():
        index.add(name, Target("seat", iso3, iso3, name, 2))
    for building in knowledge.buildings():
        actor = building["actor"]
        ref = building["country"] if actor == "state" else actor
        index.add(building["name"], Target("building", ref, building["country"], building["name"], 2))


def _add_dictionary(index: NameIndex, knowledge: Knowledge, language: str) -> None:
    surnames: dict[str, set[str]] = defaultdict(set)
    for actor in knowledge.dictionary.values():
        for alias_language, alias in actor.aliases:
            rank = 0 if alias_language in (language, "any") else 1 if alias_language == "en" else 2
            index.add(alias, Target("known", actor.actor_id, actor.country, alias, rank))
            if actor.type == "person":
                words = [match.group() for match in WORD_PATTERN.finditer(alias)]
                if len(words) >= 2 and len(words[-1]) >= 3:
                    surnames[words[-1]].add(actor.actor_id)
    for surname, actor_ids in sorted(surnames.items()):
        for actor_id in sorted(actor_ids):
            actor = knowledge.dictionary[actor_id]
            index.add(surname, Target("surname", actor_id, actor.country, surname, 2))
