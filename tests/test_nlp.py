"""Sentence boundaries: what every stage's `sentence` index and evidence sentence rest on."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.nlp import NlpPipelines, sentences_of, text_pieces


@pytest.fixture(scope="module")
def nlp() -> NlpPipelines:
    return NlpPipelines()


def sentences(nlp: NlpPipelines, text: str, language: str = "fr") -> list[str]:
    (doc,) = nlp.parse([text], [language])
    return [text[s.start : s.end].strip() for s in sentences_of(doc)]


def test_hyphenated_words_do_not_split_sentences(nlp: NlpPipelines) -> None:
    text = "Ce partenariat se fonde sur un accord-cadre signé par le chef d'état-major général à Rabat."
    assert sentences(nlp, text) == [text]


def test_a_heading_without_punctuation_is_one_sentence_of_its_own(nlp: NlpPipelines) -> None:
    text = "Coopération militaire renforcée\n\nLes deux armées ont signé un accord. Il entre en vigueur lundi."
    assert sentences(nlp, text) == [
        "Coopération militaire renforcée",
        "Les deux armées ont signé un accord.",
        "Il entre en vigueur lundi.",
    ]


def test_quotes_stay_with_the_sentence_they_open_and_close(nlp: NlpPipelines) -> None:
    text = "Le ministre a déclaré : « Nous signerons l'accord. » La visite a duré deux jours."
    assert sentences(nlp, text) == [
        "Le ministre a déclaré : « Nous signerons l'accord. »",
        "La visite a duré deux jours.",
    ]


def test_languages_without_a_model_are_split_by_punctuation(nlp: NlpPipelines) -> None:
    assert sentences(nlp, "The minister arrived in Rabat. Talks began on Monday.", "en") == [
        "The minister arrived in Rabat.",
        "Talks began on Monday.",
    ]


def test_parse_keeps_input_order_across_languages(nlp: NlpPipelines) -> None:
    texts = ["Premier texte.", "Second text.", "Troisième texte."]
    docs = nlp.parse(texts, ["fr", "en", "fr"])
    assert [doc.text for doc in docs] == texts


# --- Long articles: parsed in pieces, whatever spaCy's max_length (issue 12, long articles) ------

PARAGRAPH = (
    "Le ministre marocain des Affaires étrangères a reçu son homologue espagnol à Rabat. "
    "Les deux pays ont signé un accord de coopération.\n\n"
)


def test_a_text_over_max_length_is_parsed_in_pieces_into_one_doc_of_the_same_text() -> None:
    nlp = NlpPipelines()
    text = (PARAGRAPH * 60).strip()  # about 8,000 characters
    for language in ("fr", "en"):
        (whole,) = nlp.parse([text], [language])
        nlp.pipeline(language).max_length = 3_000  # spaCy raises E088 for a longer text in one piece
        (doc,) = nlp.parse([text], [language])
        assert doc.text == text
        found = [text[s.start : s.end].strip() for s in sentences_of(doc)]
        assert found == [text[s.start : s.end].strip() for s in sentences_of(whole)]  # white space aside
        assert found == re.split(r"(?<=\.)\s+", text)


@given(
    st.lists(st.sampled_from(["Rabat. ", "Le Maroc ", "accord", "\n\n", " ", "x" * 40, "é"]), max_size=80),
    st.integers(20, 120),
)
def test_text_pieces_join_back_and_stay_within_the_limit(parts: list[str], limit: int) -> None:
    text = "".join(parts)
    pieces = text_pieces(text, limit)
    assert "".join(pieces) == text
    assert all(0 < len(piece) <= limit for piece in pieces) or pieces == [""]


def test_text_pieces_cut_after_a_paragraph_then_a_sentence_then_a_space() -> None:
    assert text_pieces("Un. Deux trois.\n\nQuatre cinq.", 22) == ["Un. Deux trois.\n\n", "Quatre cinq."]
    assert text_pieces("Un deux. Trois quatre.", 15) == ["Un deux. ", "Trois quatre."]
    assert text_pieces("Un deux trois quatre", 10) == ["Un deux ", "trois ", "quatre"]
    assert text_pieces("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]
