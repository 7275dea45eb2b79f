"""Sentence boundaries: what every stage's `sentence` index and evidence sentence rest on."""

from __future__ import annotations

import pytest

from transforms.nlp import NlpPipelines, sentences_of


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
    assert sentences(nlp, text) == ["Le ministre a déclaré : « Nous signerons l'accord. »", "La visite a duré deux jours."]


def test_languages_without_a_model_are_split_by_punctuation(nlp: NlpPipelines) -> None:
    assert sentences(nlp, "The minister arrived in Rabat. Talks began on Monday.", "en") == [
        "The minister arrived in Rabat.",
        "Talks began on Monday.",
    ]


def test_parse_keeps_input_order_across_languages(nlp: NlpPipelines) -> None:
    texts = ["Premier texte.", "Second text.", "Troisième texte."]
    docs = nlp.parse(texts, ["fr", "en", "fr"])
    assert [doc.text for doc in docs] == texts
