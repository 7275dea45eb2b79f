"""Analysis units: the sentences events are read from, as spaCy spans plus token helpers.

A unit is one pipeline sentence (transforms/nlp.py keeps hyphenated words such as "accord-cadre"
and "état-major" inside one sentence), so every row points at a real sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from transforms import syntax
from transforms.records import Sentence


@dataclass(frozen=True)
class Unit:
    sentence: int  # index of the pipeline sentence
    start: int  # character offsets into the article text
    end: int
    span: Span

    @property
    def text(self) -> str:
        return self.span.text

    @property
    def first_token(self) -> int:
        return self.span.start

    @property
    def last_token(self) -> int:  # exclusive
        return self.span.end

    @cached_property
    def has_parse(self) -> bool:
        return syntax.has_parse(self.span.doc)

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


def analysis_units(doc: Doc, sentences: Sequence[Sentence]) -> list[Unit]:
    """The article's sentences as spans, in text order."""
    units: list[Unit] = []
    for sentence in sorted(sentences, key=lambda s: s.start):
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is not None and len(span) > 0:
            units.append(Unit(sentence.index, sentence.start, sentence.end, span))
    return units


def token_keys(token: Token, inflections: dict[str, frozenset[str]]) -> frozenset[str]:
    """Every form a lexicon word may take to match this token: text, lemma, inflection source."""
    return word_keys(token.text, token.lemma_, inflections)


def word_keys(text: str, lemma: str, inflections: dict[str, frozenset[str]]) -> frozenset[str]:
    """`token_keys` of a token with this text and lemma."""
    lower = normalize_word(text)
    keys = {lower}
    if lemma:
        keys.add(normalize_word(lemma))
    keys.update(inflections.get(lower, ()))
    return frozenset(keys)


def normalize_word(word: str) -> str:
    return word.lower().replace("\u2019", "'")
