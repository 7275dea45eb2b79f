"""Folding, tokenising and inflecting: the ground every name comparison stands on."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from transforms.actors.demonyms import arabic_forms, french_forms, german_forms, spanish_forms
from transforms.actors.text import fold_word, normalize_name, phrase_keys, skeleton, slug, tokenize


def test_case_and_accents_fold_away() -> None:
    assert phrase_keys("États-Unis") == phrase_keys("Etats Unis") == phrase_keys("ETATS-UNIS")


def test_elided_article_is_a_separate_word() -> None:
    assert phrase_keys("l'Algérie") == ("l", "algerie")


def test_arabic_article_and_letter_variants_fold() -> None:
    assert fold_word("المغربية") == fold_word("مغربيه")
    assert fold_word("إسرائيل") == fold_word("اسرائيل")


def test_arabic_skeleton_joins_long_vowel_spellings() -> None:
    assert skeleton(fold_word("الدانمرك")) == skeleton(fold_word("الدنمارك"))


def test_slug_transliterates_other_scripts() -> None:
    assert slug("Aviv Kochavi") == "aviv-kochavi"
    assert slug("Бенни Ганц") == "benni-gants"


def test_normalized_name_joins_folded_words() -> None:
    assert normalize_name("le royaume chérifien") == "le royaume cherifien"


def test_french_demonyms_inflect() -> None:
    assert {"israélienne", "israéliens", "israéliennes"} <= french_forms("israélien")
    assert {"marocaine", "marocains"} <= french_forms("marocain")


def test_spanish_german_and_arabic_demonyms_inflect() -> None:
    assert "marroquíes" in spanish_forms("marroquí")
    assert {"alemana", "alemanes"} <= spanish_forms("alemán")
    assert {"israelische", "israelischen"} <= german_forms("israelisch")
    assert "Marokkanerin" in german_forms("Marokkaner")
    assert "مغربية" in arabic_forms("مغربي")


@given(st.text(max_size=200))
def test_folding_is_idempotent(text: str) -> None:
    keys = phrase_keys(text)
    assert tuple(fold_word(key) for key in keys) == keys


@given(st.text(max_size=300), st.lists(st.integers(min_value=0, max_value=300), max_size=5))
def test_words_point_into_the_text(text: str, starts: list[int]) -> None:
    sentence_starts = sorted({0, *(start for start in starts if start <= len(text))})
    for word in tokenize(text, sentence_starts):
        assert text[word.start : word.end] == word.text
        assert 0 <= word.sentence < len(sentence_starts)
