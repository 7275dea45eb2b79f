"""Country names written other ways than CLDR's: catalogue translations, derived spellings,
Arabic spelling variants, near spellings, transliterations and dependent territories.

Names here are written for these tests (made-up countries where a rule is shown on its own).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.actors_support import mention_of, resolve, resolver
from transforms.actors.country_variants import NamingWords, derived_names
from transforms.actors.knowledge import _agreeing_with, _inverted_variants
from transforms.actors.text import fold_word, foreign_spelling, phrase_keys, skeleton
from transforms.actors.transliteration import arabic_outline, latin_outline

RURITANIAN = NamingWords(
    "en",
    demonyms=frozenset({"ruritanian", "ruritanians"}),
    form_words=frozenset({"republic", "kingdom", "islands", "of", "the", "and"}),
    common_words=frozenset({"heard", "man"}),
)


def derive(*names: tuple[str, str], words: NamingWords = RURITANIAN) -> set[tuple[str, str]]:
    reserved = {phrase_keys(name) for _, name in names}
    return set(derived_names(names, reserved, words))


def longest_country(text: str, language: str) -> str | None:
    """The country of the longest state or place mention, as the countries evaluation reads it."""
    best = None
    for actor in resolve(text, language):
        if actor.type in ("state", "place"):
            for mention in actor.mentions:
                if best is None or mention.end - mention.start > best[0]:
                    best = (mention.end - mention.start, actor.country)
    return best[1] if best else None


# -- derived spellings --------------------------------------------------------------------------
def test_a_joined_name_yields_its_parts() -> None:
    assert {("AAA", "Fenwick"), ("AAA", "Grand Ruritania")} <= derive(("AAA", "Grand Ruritania & Fenwick"))


def test_a_name_loses_a_nationality_adjective_at_its_edge() -> None:
    assert ("AAA", "Marches") in derive(("AAA", "Ruritanian Marches"))


def test_a_derived_name_never_takes_another_countrys_name() -> None:
    derived = derive(("AAA", "Samoa"), ("BBB", "Ruritanian Samoa"))
    assert ("BBB", "Samoa") not in derived


def test_a_derived_name_needs_a_word_of_its_own() -> None:
    assert not any(name == "Republic" for _, name in derive(("AAA", "Ruritanian Republic")))


def test_a_frequent_word_is_no_derived_name() -> None:
    assert ("AAA", "Heard") not in derive(("AAA", "Heard and Fenwick Islands"))


def test_saint_is_also_written_st_and_sankt() -> None:
    derived = derive(("AAA", "St. Fenwick"))
    assert {("AAA", "Saint Fenwick"), ("AAA", "Sankt Fenwick")} <= derived


def test_arabic_saint_spellings_stand_for_each_other() -> None:
    arabic = NamingWords("ar", frozenset(), frozenset({"جزر"}))
    assert ("AAA", "سانت فنويك") in derive(("AAA", "سان فنويك"), words=arabic)


def test_an_official_form_moves_behind_the_name_spelt_out_or_abbreviated() -> None:
    derived = derive(("AAA", "Republic of Fenwick"))
    assert {("AAA", "Fenwick (Republic)"), ("AAA", "Fenwick (Rep.)")} <= derived


def test_a_german_island_compound_is_also_written_apart() -> None:
    german = NamingWords("de", frozenset(), frozenset({"und"}))
    assert ("AAA", "Nord- und Südfenwick-Inseln") in derive(("AAA", "Nord- und Südfenwickinseln"), words=german)


def test_an_arabic_island_name_with_the_article_stands_without_islands() -> None:
    arabic = NamingWords("ar", frozenset(), frozenset({"جزر"}))
    assert ("AAA", "الفنويك") in derive(("AAA", "جزر الفنويك"), words=arabic)
    assert ("BBB", "القمر") not in derive(("BBB", "جزر القمر"), words=arabic)  # "the moon": too short


def test_an_arabic_common_noun_does_not_lose_its_adjective() -> None:
    arabic = NamingWords("ar", frozenset({fold_word("الفلسطينية")}), frozenset())
    assert ("PSE", "السلطة") not in derive(("PSE", "السلطة الفلسطينية"), words=arabic)


# -- catalogue names ----------------------------------------------------------------------------
def test_an_inverted_catalogue_name_is_read_in_order() -> None:
    assert "Kingdom of Ruritania" in _inverted_variants("Ruritania, Kingdom of")
    assert "République de Fenwick" in _inverted_variants("Fenwick, République de")


def test_a_catalogue_name_inside_another_countrys_cldr_name_is_dropped() -> None:
    catalogue = [("AAA", "Fenwick"), ("AAA", "Ruritania")]
    assert _agreeing_with(catalogue, [("BBB", "Fenwick Islands")]) == [("AAA", "Ruritania")]


def test_catalogue_translations_name_countries_cldr_transliterates() -> None:
    names = set(resolver().knowledge.country_names("ar"))
    assert ("VGB", "جزر فيرجن البريطانيّة") in names


# -- Arabic spellings ---------------------------------------------------------------------------
def test_an_alef_madda_is_not_the_article() -> None:
    assert fold_word("آلاسكا") == "الاسكا"
    assert fold_word("الاسكا") == "اسكا"


def test_a_doubled_long_vowel_is_one_vowel_in_long_words() -> None:
    assert fold_word("بولييفيا") == fold_word("بوليفيا")
    assert fold_word("كييف") != fold_word("كيف")  # Kyiv is not "how"


def test_foreign_g_and_s_letters_meet_in_long_words() -> None:
    assert skeleton(fold_word("جواتيمالا")) == skeleton(fold_word("غواتيمالا"))
    assert foreign_spelling("زيلندا") == foreign_spelling("سيلندا")
    assert foreign_spelling("جاني") == "جاني"


def test_short_words_of_a_longer_name_keep_a_skeleton() -> None:
    assert skeleton("والس", 3) == skeleton("واليس", 3)
    assert skeleton("والس") != skeleton("واليس")


def test_a_foreign_g_spelling_finds_the_country() -> None:
    assert longest_country("وصل الوفد إلى جواتيمالا", "ar") == "GTM"


# -- near spellings and transliterations ---------------------------------------------------------
def test_two_swapped_letters_still_name_the_country() -> None:
    assert longest_country("Troops crossed into Meixco on Monday.", "en") == "MEX"


def test_a_shared_official_form_does_not_make_names_alike() -> None:
    assert longest_country("La République fédérale d'Alamanie a voté.", "fr") is None


def test_arabic_transliteration_meets_the_latin_name() -> None:
    assert arabic_outline("كوت ديفوار") == latin_outline("Côte d'Ivoire")
    assert longest_country("أعلنت حكومة كوت ديفوار أمس", "ar") == "CIV"


def test_ordinary_arabic_words_are_no_transliteration() -> None:
    assert longest_country("نفذت عمليات إرهابية في المنطقة", "ar") is None


@given(st.text(alphabet="بتجدرسفكلمنيوا ", max_size=30))
def test_arabic_outlines_hold_consonant_classes_only(text: str) -> None:
    assert set(arabic_outline(text)) <= set("btgkdrsflmn")


# -- forms around a name ---------------------------------------------------------------------------
def test_an_abbreviated_form_in_parentheses_is_one_name() -> None:
    assert longest_country("The talks in Korea (Rep.) ended.", "en") == "KOR"


def test_a_dependent_territorys_form_may_name_its_state() -> None:
    text = "La delegación de Hong Kong, Región Administrativa Especial de la República Popular China, votó."
    assert longest_country(text, "es") == "HKG"


def test_form_words_after_and_are_not_part_of_the_name_before() -> None:
    actors = resolve("Talks between Northern Ireland and the Kingdom of Sweden resumed.", "en")
    assert mention_of(actors, "Northern Ireland")[0].country == "GBR"


@pytest.mark.parametrize(
    ("text", "language", "iso3"),
    [
        ("Des renforts arrivent de Polynésie.", "fr", "PYF"),
        ("Sources in Trinidad said.", "en", "TTO"),
    ],
)
def test_derived_names_resolve_in_text(text: str, language: str, iso3: str) -> None:
    assert longest_country(text, language) == iso3
