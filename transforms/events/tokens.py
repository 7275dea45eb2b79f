"""Reading one unit token by token: lexicon keys, phrase look-ups, clauses and reporting tails.

Shared by the trigger matcher, the role assigner, the modality reader and the agreement reader, so
that they all agree on what a clause is and where "…, a official said" begins.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from spacy.attrs import LEMMA, ORTH
from spacy.strings import StringStore
from spacy.tokens import Token

from transforms.data_files import load_data
from transforms.events import arabic, spanish
from transforms.events.lexicon import LanguageLexicon, Phrase
from transforms.events.morphology import arabic_keys, normalize_arabic
from transforms.events.units import Unit, normalize_word

PUNCTUATION_STOPS = frozenset({".", "!", "?"})
_REFLEXIVE_PRONOUNS = frozenset({"se", "s'"})
# Untagged languages (English, Spanish; transforms/data/events_function_words.yaml): words that show
# the next word is used as a noun (English for a language without its own list; Arabic glues its
# article to the noun) ...
_WORDS = load_data("events_function_words.yaml")
_NOUN_CONTEXT: dict[str, frozenset[str]] = {
    language: frozenset(words) for language, words in _WORDS["noun_context_words"].items()
}
NOUN_CONTEXT_WORDS = _NOUN_CONTEXT["en"]
NOUN_CONTEXT_BY_LANGUAGE = {language: words for language, words in _NOUN_CONTEXT.items() if language != "en"}
# ... and words that show it is used as a verb.
VERB_CONTEXT_WORDS: frozenset[str] = frozenset(_WORDS["verb_context_words"])


@dataclass(frozen=True)
class PhraseHit:
    start: int  # token index in the doc
    end: int  # exclusive
    phrase: Phrase


class UnitTokens:
    """Token-level views of one unit for one language lexicon."""

    def __init__(self, unit: Unit, lexicon: LanguageLexicon) -> None:
        self.unit = unit
        self.lexicon = lexicon
        self.doc = unit.span.doc
        self.first = unit.first_token
        self.last = unit.last_token
        self._lowers: dict[int, str] = {}  # `lower` is asked many times per token: each doc[i] builds a Token

    @cached_property
    def _forms(self) -> list[tuple[int, int, int]]:
        """(index, text id, lemma id) of the unit's tokens, from the doc's arrays: no Token built.
        The ids are the vocabulary's string hashes, the keys under which `keys` and `surface_keys`
        are remembered."""
        ids = self.doc.to_array([ORTH, LEMMA])[self.first : self.last].tolist()
        return [(index, orth, lemma) for index, (orth, lemma) in enumerate(ids, self.first)]

    @cached_property
    def keys(self) -> dict[int, frozenset[str]]:
        if self.lexicon.language == "ar":  # spellings and clitics (morphology.py)
            vocabulary = self.lexicon.vocabulary
            return {token.i: arabic_keys(token.text, vocabulary) for token in self.unit.span}
        keys_of, strings = self.lexicon.word_keys, self.doc.vocab.strings  # units.token_keys, remembered
        return {index: keys_of(orth, lemma, strings) for index, orth, lemma in self._forms}

    def token(self, index: int) -> Token:
        return self.doc[index]

    def lower(self, index: int) -> str:
        found = self._lowers.get(index)
        if found is None:
            if self.lexicon.language == "ar":
                found = normalize_arabic(self.doc[index].text)
            else:
                found = self.doc[index].lower_.replace("\u2019", "'")
            self._lowers[index] = found
        return found

    @cached_property
    def _spaces(self) -> frozenset[int]:
        """Indexes of the unit's whitespace tokens (read once: each doc[i] builds a Token)."""
        return frozenset(token.i for token in self.unit.span if token.is_space)

    def word_indexes(self, start: int, end: int) -> list[int]:
        """Token indexes in [start, end) that are not whitespace."""
        spaces = self._spaces
        return [i for i in range(max(start, self.first), min(end, self.last)) if i not in spaces]

    def last_words(self, start: int, end: int, count: int) -> list[int]:
        """The last `count` word indexes of [start, end), in order: `word_indexes` without walking
        the whole stretch (a unit may be one endless line)."""
        spaces = self._spaces
        found: list[int] = []
        index = min(end, self.last) - 1
        while index >= max(start, self.first) and len(found) < count:
            if index not in spaces:
                found.append(index)
            index -= 1
        return found[::-1]

    @cached_property
    def surface_keys(self) -> dict[int, frozenset[str]]:
        """Text and lemma only: for names, where "according" must not read as "accord"."""
        if self.lexicon.language == "ar":
            return self.keys  # normalised text and its clitic-free form: "والاتفاقية"
        strings = self.doc.vocab.strings
        return {index: _surface_keys(orth, lemma, strings) for index, orth, lemma in self._forms}

    def match_at(self, index: int, phrase: Phrase, surface: bool = False) -> int | None:
        """End index if `phrase` matches the words starting at `index` (skipping whitespace)."""
        keys = self.surface_keys if surface else self.keys
        spaces = self._spaces
        position = index
        reflexive = len(phrase) > 1 and phrase[0] in _REFLEXIVE_PRONOUNS and self.lexicon.language == "fr"
        for number, word in enumerate(phrase):
            while position < self.last and position in spaces:
                position += 1
            if reflexive and number == 1 and position < self.last and "être" in keys[position] and word != "être":
                # Rule reflexive_compound: "se sont rassemblés", "s'est félicité": the auxiliary of a
                # compound tense stands between the reflexive pronoun and the verb of the pattern.
                position += 1
                while position < self.last and position in spaces:
                    position += 1
            if position >= self.last or word not in keys[position]:
                return None
            position += 1
        return position

    def find(self, phrases: Iterable[Phrase], start: int, end: int) -> PhraseHit | None:
        """The first (leftmost, then longest) phrase occurring in [start, end)."""
        best: PhraseHit | None = None
        keys = self.keys
        for index in self.word_indexes(start, end):
            here = keys[index]
            for phrase in phrases:
                if phrase and phrase[0] not in here:  # match_at's first test, without the call
                    continue
                stop = self.match_at(index, phrase)
                if stop is not None and stop <= end:
                    hit = PhraseHit(index, stop, phrase)
                    if best is None or (hit.start, -len(phrase)) < (best.start, -len(best.phrase)):
                        best = hit
            if best is not None:
                return best
        return best

    def find_all(self, phrases: Iterable[Phrase], start: int, end: int) -> list[PhraseHit]:
        hits: list[PhraseHit] = []
        phrases = tuple(phrases)
        keys = self.keys
        for index in self.word_indexes(start, end):
            here = keys[index]
            for phrase in phrases:
                if phrase and phrase[0] not in here:  # match_at's first test, without the call
                    continue
                stop = self.match_at(index, phrase)
                if stop is not None and stop <= end:
                    hits.append(PhraseHit(index, stop, phrase))
        return hits

    def has_word(self, words: frozenset[str], start: int, end: int) -> int | None:
        for index in self.word_indexes(start, end):
            if self.keys[index] & words:
                return index
        return None

    # --- clauses ------------------------------------------------------------------------------
    @cached_property
    def clause_openers(self) -> list[int]:
        """Indexes of the words that open a subordinate clause ("that", "que", "which", "qui"), in order."""
        cues = self.lexicon.cues
        openers = cues.content_openers | cues.relative_pronouns
        return [i for i in self.word_indexes(self.first, self.last) if self.lower(i) in openers]

    @cached_property
    def clause_breaks(self) -> list[int]:
        breaks = self.lexicon.cues.clause_breaks
        return [i for i in self.word_indexes(self.first, self.last) if self.lower(i) in breaks]

    def clause_bounds(self, index: int) -> tuple[int, int]:
        """[start, end) of the clause around a token: between clause breaks and reporting tails."""
        start, end = self.first, self.last
        for position in self.clause_breaks:
            if position < index:
                start = position + 1
            elif position > index:
                end = position
                break
        for tail_start, _ in self.reporting_tails:
            if index < tail_start < end:
                end = tail_start
        return start, end

    # --- reporting ---------------------------------------------------------------------------
    def is_reporting_verb(self, index: int) -> bool:
        return bool(self.keys[index] & self.lexicon.cues.reporting_verbs) and not self._in_proper_name(index)

    def _in_proper_name(self, index: int) -> bool:
        """A capitalised word beside another one is part of a name, not a verb: "the United States"
        ("States" is no form of "state"), "Reports Without Borders". Untagged languages only."""
        token = self.doc[index]
        if token.pos_ or not _title_word(token.text):
            return False
        neighbours = [
            i for i in (self._previous_word(index), *self.word_indexes(index + 1, index + 2)) if i is not None
        ]
        return any(_title_word(self.doc[i].text) for i in neighbours)

    @cached_property
    def reporting_tails(self) -> list[tuple[int, int]]:
        """Spans such as ", officials said Thursday." or ", selon le communiqué marocain."."""
        tails: list[tuple[int, int]] = []
        cues = self.lexicon.cues
        for comma in self.word_indexes(self.first, self.last):
            if self.lower(comma) != "," or self.in_dateline(comma):
                continue  # "WASHINGTON, June 2 - X said …": a dateline's comma opens no tail
            end = self._tail_end(comma + 1)
            phrase = self.find(cues.reporting_phrases, comma + 1, min(comma + 3, end))
            if phrase is not None and phrase.start <= comma + 2:
                if self.lexicon.language == "es":
                    end = spanish.tail_end(self, comma, end, by_phrase=True)  # an aside (spanish.py)
                elif self.lexicon.language == "fr":
                    end = self._aside_end(comma, end)
                tails.append((comma, self._closer_end(phrase.end, end)))
                continue
            verb = self._reporting_verb_in(comma + 1, min(comma + 15, end))
            if verb is not None and not self._introduces_content(verb):
                if self.lexicon.language == "ar" and not arabic.is_reporting_tail(self, comma, verb, end):
                    continue  # "، أعلنت الشرطة مقتل …" opens a clause (arabic.py)
                if self.lexicon.language == "es":
                    end = spanish.tail_end(self, comma, end, by_phrase=False)  # ", que agregó que …"
                tails.append((comma, end))
        for hit in self.find_all(cues.reporting_phrases, self.first, self.last):
            if hit.start == self.first or self.lower(hit.start - 1) in {",", "(", '"', "«"}:
                end = self._closer_end(hit.end, self._phrase_end(hit.end))
                if not any(start <= hit.start < stop for start, stop in tails):
                    tails.append((hit.start, end))
        return sorted(tails)

    @cached_property
    def dateline_end(self) -> int:
        """End of a wire dateline opening the unit ("WASHINGTON, March 3 -", "PARIS (AFP) -"), else `first`.

        Pattern: an all-capitals place name first, then only capitalised words, numbers, commas and
        brackets, then a dash, within the first 12 words. Names in it say where the story was
        filed, never who acted.
        """
        words = self.word_indexes(self.first, self.last)[:12]
        if not words:
            return self.first
        opening = self.doc[words[0]].text
        if not (opening.isupper() and opening.isalpha() and len(opening) >= 2):
            return self.first
        for index in words[1:]:
            text = self.doc[index].text
            if text in {"-", "--", "–", "—"} and self.doc[index - 1].whitespace_:
                return index + 1  # a spaced dash: "Jean-Claude" or "Guinea-Bissau" ends no dateline
            if not (text[:1].isupper() or text.isdigit() or text in {",", "(", ")", "."}):
                return self.first
        return self.first

    def in_dateline(self, index: int) -> bool:
        return self.first <= index < self.dateline_end

    def in_reporting_tail(self, index: int) -> bool:
        return any(start <= index < end for start, end in self.reporting_tails)

    def reporter_text(self, tail: tuple[int, int]) -> str | None:
        """Who reports, read from a tail: "a Croatian official", "l'armée israélienne"."""
        start, end = tail
        words = [i for i in self.word_indexes(start, end) if not self.doc[i].is_punct]
        cues = self.lexicon.cues
        phrase = self.find(cues.reporting_phrases, start, end)
        if phrase is not None:
            words = [i for i in words if i >= phrase.end]
        else:
            verb = self._reporting_verb_in(start, end)
            if verb is not None:
                before = [i for i in words if i < verb and not self._is_auxiliary(i)]
                after = [i for i in words if i > verb]
                words = before if before else after
        words = self._cut_at_preposition(words)
        if not words:
            return None
        return self.doc[words[0] : words[-1] + 1].text.strip(" ,") or None

    def _aside_end(self, comma: int, end: int) -> int:
        """Rule attribution_aside (French): ", selon ses sources, les États-Unis ont exigé …": a
        "selon/d'après" phrase between commas is an aside; it closes at its next comma when words
        follow, and the clause after it is what is reported, not part of the attribution."""
        for index in self.word_indexes(comma + 1, end):
            if self.lower(index) == "," and any(not self.doc[i].is_punct for i in self.word_indexes(index + 1, end)):
                return index
        return end

    def _tail_end(self, start: int) -> int:
        for index in self.word_indexes(start, self.last):
            if self.lower(index) in PUNCTUATION_STOPS or self.lower(index) in self.lexicon.cues.clause_breaks:
                return index
        return self.last

    def _closer_end(self, start: int, end: int) -> int:
        """Rule attribution_closer: "…, according to a poll taken since her return from X": a
        subordinator (`complement_closers`) after the source a reporting phrase names opens an
        adverbial clause that tells an act of its own; the attribution ends there."""
        closers = self.lexicon.cues.complement_closers
        for index in self.word_indexes(start, end):
            if self.lower(index) in closers:
                return index
        return end

    def _phrase_end(self, start: int) -> int:
        for index in self.word_indexes(start, self.last):
            if self.lower(index) in {",", ";", ":", ")"} or self.lower(index) in PUNCTUATION_STOPS:
                return index
        return self.last

    def _reporting_verb_in(self, start: int, end: int) -> int | None:
        for index in self.word_indexes(start, end):
            if self.is_reporting_verb(index):
                return index
        return None

    def _introduces_content(self, verb: int) -> bool:
        """ "X said that ..." / "X a annoncé que ...": the verb opens a clause, not a tail."""
        # VSO (Arabic "وقال المتحدث باسم … إن"): the speaker comes between verb and complementiser.
        reach = 12 if self.lexicon.cues.postverbal_subjects else 3
        following = self.word_indexes(verb + 1, verb + reach)
        if any(self.lower(i) in self.lexicon.cues.content_openers for i in following):
            return True
        # "…, Baker said the ministers have agreed", "…, told reporters he would": a subject pronoun
        # or an auxiliary before the next comma belongs to a reported clause, not to a tail.
        content = self.lexicon.cues.tail_content_words
        return bool(content) and any(
            self.lower(i) in content for i in self.word_indexes(verb + 1, self._phrase_end(verb + 1))
        )

    def _is_auxiliary(self, index: int) -> bool:
        token = self.doc[index]
        return token.pos_ == "AUX" or token.lower_ in {"a", "ont", "has", "have", "had", "avait", "avaient"}

    def _cut_at_preposition(self, words: list[int]) -> list[int]:
        stops = {"dans", "in", "on", "lors", "during", "at", "à", "en", "sur", "today", "aujourd'hui"}
        kept: list[int] = []
        for index in words:
            if kept and self.lower(index) in stops:
                break
            kept.append(index)
        return kept

    # --- parts of speech for English, where there is no tagger ----------------------------------
    def looks_like_verb(self, index: int) -> bool:
        token = self.doc[index]
        if token.pos_:
            return token.pos_ in {"VERB", "AUX"} or "VerbForm=Part" in str(token.morph) or token.pos_ == "ADJ"
        previous = self._previous_word(index)
        return previous is None or self.lower(previous) not in self._noun_context_words

    @property
    def _noun_context_words(self) -> frozenset[str]:
        return NOUN_CONTEXT_BY_LANGUAGE.get(self.lexicon.language, NOUN_CONTEXT_WORDS)

    def _previous_word(self, index: int) -> int | None:
        for position in range(index - 1, self.first - 1, -1):
            if not self.doc[position].is_space:
                return position
        return None

    def previous_word(self, index: int) -> int | None:
        return self._previous_word(index)


_SURFACE_KEYS: dict[tuple[int, int], frozenset[str]] = {}  # (text id, lemma id) -> surface keys
SURFACE_KEYS_CACHE_SIZE = 1 << 17


def _surface_keys(orth: int, lemma: int, strings: StringStore) -> frozenset[str]:
    """A token's normalised text and lemma, by their string ids (the same in every pipeline: a
    hash of the string), remembered: the same words come back in every sentence."""
    found = _SURFACE_KEYS.get((orth, lemma))
    if found is None:
        if len(_SURFACE_KEYS) >= SURFACE_KEYS_CACHE_SIZE:
            _SURFACE_KEYS.clear()  # a long run meets ever more words: bound the memory
        words = (normalize_word(strings[orth]), normalize_word(strings[lemma]) if lemma else "")
        found = _SURFACE_KEYS[(orth, lemma)] = frozenset(k for k in words if k)
    return found


def _title_word(text: str) -> bool:
    return len(text) > 1 and text[0].isupper() and text[1:].islower() and text.isalpha()
