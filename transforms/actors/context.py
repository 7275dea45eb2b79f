"""What every recogniser sees of an article (`Context`) and what each proposes (`Candidate`).

Recognisers propose candidates; `select` keeps the best non-overlapping ones. A candidate's
*claim* may be wider than its mention: "le ministre israélien de la Défense Benny Gantz" is a
mention of Benny Gantz whose claim covers the title phrase, so that "Défense" or "israélien"
inside it do not become actors of their own.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc, Token

from transforms.actors.gazetteer import Match
from transforms.actors.identity import ActorRef
from transforms.actors.knowledge import Knowledge, KnownActor, Lexicon
from transforms.actors.text import Word, joins_name

# Candidate tiers, strongest first: names with structure (a title, a dictionary entry, an
# institution), then bare names from the gazetteer, then guesses (NER, capitalised patterns).
STRUCTURED, GAZETTEER, GUESS = 0, 1, 2
OF_AND_ARTICLES = frozenset({"of", "the", "de", "du", "d", "des", "la", "le", "l", "del", "el", "von", "der"})


@dataclass(frozen=True)
class Toponym:
    """A country or city name whose reading (place or acting state) is decided by metonymy.py."""

    country: str
    city: str | None  # None for the country itself
    is_seat: bool  # a capital or seat of government (can stand for the government)


@dataclass(frozen=True)
class Candidate:
    first: int  # word indexes [first, last) of the mention
    last: int
    tier: int
    ref: ActorRef
    rule: str
    confidence: float
    claim_first: int = -1  # word indexes [claim_first, claim_last) blocked by this candidate
    claim_last: int = -1
    title: str | None = None
    office: str | None = None
    toponym: Toponym | None = None
    skip: int = 0  # characters of the first word left out of the mention (a glued Arabic proclitic)
    # Words [first, last) inside the claim that other candidates may still take: the body an
    # office names between a title and a name ("la portavoz del Ministerio francés de Asuntos
    # Exteriores, Anne Gazeau-Secret").
    open_span: tuple[int, int] | None = None

    def __post_init__(self) -> None:
        if self.claim_first < 0:
            object.__setattr__(self, "claim_first", self.first)
        if self.claim_last < 0:
            object.__setattr__(self, "claim_last", self.last)

    def with_ref(self, ref: ActorRef, rule: str | None = None, confidence: float | None = None) -> Candidate:
        return replace(
            self,
            ref=ref,
            rule=rule or self.rule,
            confidence=self.confidence if confidence is None else confidence,
        )


@dataclass
class Context:
    """One article as the recognisers see it."""

    text: str
    language: str
    words: list[Word]
    matches: list[Match]
    lexicon: Lexicon
    knowledge: Knowledge
    day: date | None  # the article's date, for dated offices
    doc: Doc | None = None
    matches_at: dict[int, list[Match]] = field(default_factory=dict)
    matched_words: frozenset[int] = frozenset()  # words inside a gazetteer name (surnames aside)
    qualifiers: frozenset[tuple[int, int]] = frozenset()  # "Islamic Republic" (of Iran): see below
    # Character offset → word / doc token, built on first use: recognisers ask once per candidate,
    # and a scan of the whole article each time made long articles quadratic.
    _word_starts: list[int] | None = field(default=None, init=False, repr=False, compare=False)
    _token_starts: dict[int, int] | None = field(default=None, init=False, repr=False, compare=False)
    _keys: list[str] = field(default_factory=list, init=False, repr=False, compare=False)
    _known_spans: list[tuple[int, int]] = field(default_factory=list, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._keys = [word.key for word in self.words]  # `keys` is asked for every word, several times
        for match in self.matches:
            self.matches_at.setdefault(match.first, []).append(match)
        # Dictionary names of several words, which may hold a place name ("François Hollande").
        self._known_spans = [(m.first, m.last) for m in self.matches if m.best.kind == "known" and m.last - m.first > 1]
        self.qualifiers = frozenset((match.first, match.last) for match in self.matches if self._is_qualifier(match))
        self.matched_words = frozenset(
            index
            for match in self.matches
            if match.best.kind != "surname" and (match.first, match.last) not in self.qualifiers
            for index in range(match.first, match.last)
        )

    def _is_qualifier(self, match: Match) -> bool:
        """A name made only of state-form words ("Islamic Republic", "Bundesrepublik", "Estados
        Unidos") followed by a country or demonym: there it is part of an official name
        ("Islamic Republic of Afghanistan", "Estados Unidos Mexicanos"), not a name of its own."""
        if match.best.kind not in ("country", "epithet"):
            return False
        if not all(self.is_form_word(index) for index in range(match.first, match.last)):
            return False
        after = match.last
        while after < len(self.words) and after - match.last < 2 and self.words[after].key in OF_AND_ARTICLES:
            after += 1
        if after >= len(self.words) or not joins_name(self.text, self.words[after - 1], self.words[after]):
            return False  # "the United States, South Korea": a list, not one name
        return any(other.best.kind in ("country", "demonym") for other in self.matches_at.get(after, ()))

    def is_form_word(self, index: int) -> bool:
        key = (self.words[index].key,)
        return self.lexicon.has("form_heads", key) or self.lexicon.has("form_words", key)

    # -- words -----------------------------------------------------------------------------------
    def keys(self, first: int, last: int) -> tuple[str, ...]:
        return tuple(self._keys[max(first, 0) : last])

    def surface(self, first: int, last: int) -> str:
        return self.text[self.words[first].start : self.words[last - 1].end]

    def same_sentence(self, first: int, last: int) -> bool:
        return 0 <= first < last <= len(self.words) and (self.words[first].sentence == self.words[last - 1].sentence)

    def is_sentence_start(self, index: int) -> bool:
        return index == 0 or self.words[index - 1].sentence != self.words[index].sentence

    # -- cue phrases -----------------------------------------------------------------------------
    def phrase_ending_at(self, end: int, section: str) -> int | None:
        """Start index of the longest phrase of a lexicon section that ends just before word `end`
        (in the same sentence as that word)."""
        if end <= 0:
            return None
        sentence = self.words[min(end, len(self.words) - 1)].sentence
        for length in range(self.lexicon.longest(section), 0, -1):
            start = end - length
            if start >= 0 and self.words[start].sentence == sentence:
                if self.lexicon.has(section, self.keys(start, end)):
                    return start
        return None

    def phrase_starting_at(self, start: int, section: str) -> int | None:
        """End index of the longest phrase of a lexicon section that starts at word `start`."""
        if start >= len(self.words):
            return None
        if start >= 0 and self._keys[start] not in self.lexicon.section_first_words((section,)):
            return None  # no phrase of the section starts with this word: none of any length
        sentence = self.words[start].sentence
        for length in range(self.lexicon.longest(section), 0, -1):
            end = start + length
            if end <= len(self.words) and self.words[end - 1].sentence == sentence:
                if self.lexicon.has(section, self.keys(start, end)):
                    return end
        return None

    def lookup(self, table: dict[tuple[str, ...], str], start: int, longest: int = 4) -> tuple[int, str] | None:
        """Longest phrase of a lexicon table (titles, institutions, ...) starting at `start`."""
        if 0 <= start < len(self._keys):
            first_words = self.lexicon.first_words(table)
            if first_words is not None and self._keys[start] not in first_words:
                return None  # no phrase of the table starts with this word: none of any length
        for length in range(longest, 0, -1):
            end = start + length
            if end <= len(self.words) and self.same_sentence(start, end):
                value = table.get(self.keys(start, end))
                if value is not None:
                    return end, value
        return None

    def best_match(self, first: int, kinds: Sequence[str]) -> Match | None:
        """The longest gazetteer match starting at word `first` whose best meaning is one of `kinds`."""
        found = [match for match in self.matches_at.get(first, ()) if match.best.kind in kinds]
        return max(found, key=lambda match: match.last, default=None)

    def word_span(self, start_char: int, end_char: int) -> tuple[int, int] | None:
        """Word indexes [first, last) inside a character span (an NER entity), cut at the first
        line break: spaCy entities sometimes run on over a heading."""
        first = bisect_left(self.word_starts(), start_char)  # words are in text order, apart
        final = first - 1
        while final + 1 < len(self.words) and self.words[final + 1].end <= end_char:
            final += 1
        if final < first:
            return None
        last = first + 1
        while last <= final and "\n" not in self.text[self.words[last - 1].end : self.words[last].start]:
            last += 1
        return first, last

    def word_starts(self) -> list[int]:
        """Start offsets of the words, in order (words come from one left-to-right tokenisation)."""
        if self._word_starts is None:
            self._word_starts = [word.start for word in self.words]
        return self._word_starts

    def word_starting_at(self, char: int) -> int | None:
        """Index of the word that starts at character `char`, if one does."""
        index = bisect_left(self.word_starts(), char)
        return index if index < len(self.words) and self.words[index].start == char else None

    def token_starting_at(self, char: int) -> Token | None:
        """The first token of the doc that starts at character `char`, if one does."""
        if self.doc is None:
            return None
        if self._token_starts is None:
            starts: dict[int, int] = {}
            for token in self.doc:
                starts.setdefault(token.idx, token.i)
            self._token_starts = starts
        index = self._token_starts.get(char)
        return None if index is None else self.doc[index]

    def adjacent(self, left: int, right: int, separators: frozenset[str]) -> bool:
        """Whether words `left` and `right` are separated only by one of `separators`, in one sentence."""
        between = self.text[self.words[left].end : self.words[right].start]
        return self.words[left].sentence == self.words[right].sentence and between in separators

    def inside_known_name(self, first: int, last: int) -> bool:
        """Whether a longer dictionary alias covers words [first, last): "Hollande" in "François
        Hollande", "France" in "Radio France" are words of that name, not places."""
        return any(start <= first and last <= end and end - start > last - first for start, end in self._known_spans)

    def known_actor(self, match: Match) -> KnownActor:
        """The dictionary actor a matched name stands for. A full name two dictionary people bear
        ("George Bush": father and son) is the one holding an office on the article's date."""
        best = self.knowledge.dictionary[match.best.ref]
        if self.day is None or best.type != "person":
            return best
        people = {
            target.ref: self.knowledge.dictionary[target.ref]
            for target in match.targets
            if target.kind == "known" and self.knowledge.dictionary[target.ref].type == "person"
        }
        in_office = [person for person in people.values() if person.offices_on(self.day)]
        return in_office[0] if len(people) > 1 and len(in_office) == 1 else best

    def match_covering(self, first: int, last: int, kinds: Sequence[str]) -> Match | None:
        for match in self.matches_at.get(first, ()):
            if match.last == last and match.best.kind in kinds:
                return match
        return None


def select(candidates: Sequence[Candidate]) -> list[Candidate]:
    """The strongest candidates whose claims do not overlap, in text order.

    Stronger means a lower tier, then a wider claim, then a longer mention; ties go to the
    earlier candidate and then to the actor id, so the choice never depends on input order.
    """
    ranked = sorted(
        candidates,
        key=lambda c: (c.tier, -(c.claim_last - c.claim_first), -(c.last - c.first), c.first, c.ref.actor_id, c.rule),
    )
    taken: list[Candidate] = []
    claimed: set[int] = set()
    for candidate in ranked:
        span = set(range(candidate.claim_first, candidate.claim_last))
        if candidate.open_span is not None:
            span -= set(range(*candidate.open_span))
        if span & claimed:
            continue
        taken.append(candidate)
        claimed |= span
    return sorted(taken, key=lambda c: (c.first, c.last))
