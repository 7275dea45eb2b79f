"""A unit's token keys read from the doc's ORTH/LEMMA arrays and remembered (issue 18) are the keys
read token by token: text, lemma and inflection source; surface keys text and lemma only."""

from __future__ import annotations

from tests.events_support import shared_extractor, shared_nlp
from transforms.events.tokens import UnitTokens
from transforms.events.units import analysis_units, normalize_word, token_keys
from transforms.nlp import sentences_of

# Sentences written for this test: a reporting verb, an elided article, a curly apostrophe.
TEXT = "Les deux ministres ont signé l’accord mardi. Ils se sont rencontrés à Lyon, a déclaré un porte-parole."


def _units() -> list[UnitTokens]:
    doc = shared_nlp().parse([TEXT], ["fr"])[0]
    lexicon = shared_extractor().lexicon("fr")
    return [UnitTokens(unit, lexicon) for unit in analysis_units(doc, sentences_of(doc))]


def test_keys_are_those_read_token_by_token() -> None:
    for tokens in _units():
        expected = {token.i: token_keys(token, tokens.lexicon.inflections) for token in tokens.unit.span}
        assert tokens.keys == expected


def test_surface_keys_are_text_and_lemma() -> None:
    for tokens in _units():
        expected = {
            token.i: frozenset(k for k in (normalize_word(token.text), normalize_word(token.lemma_)) if k)
            for token in tokens.unit.span
        }
        assert tokens.surface_keys == expected


def test_remembered_keys_are_the_same_in_a_second_reading() -> None:
    first, second = _units(), _units()
    assert [tokens.keys for tokens in first] == [tokens.keys for tokens in second]
    assert [tokens.lower(tokens.first) for tokens in first] == [tokens.lower(tokens.first) for tokens in second]


def test_the_last_words_of_a_stretch_are_the_tail_of_its_word_indexes() -> None:
    for tokens in _units():
        for start in range(tokens.first, tokens.last):
            for count in (1, 3, 6):
                expected = tokens.word_indexes(start, tokens.last)[-count:]
                assert tokens.last_words(start, tokens.last, count) == expected
