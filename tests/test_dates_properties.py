"""Properties of the date tagger on made-up text, and the consistency of its lexicons."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.dates import find_dates
from transforms.dates.anchors import anchor_windows
from transforms.dates.calendar import day_range, month_range, year_range
from transforms.dates.grammar import grammar_for, working_copy
from transforms.dates.lexicons import SUPPORTED_LANGUAGES, load_lexicon
from transforms.dates.resolution import _RESOLVERS
from transforms.records import DateRange

FILLER = ["le", "la", "the", "el", "der", "في", "et", "and", "y", "und", "و", ",", ".", "(", ")", "-", "/"]
NUMBERS = [
    "1",
    "1er",
    "3",
    "12",
    "13",
    "19",
    "29",
    "31",
    "32",
    "98",
    "1998",
    "2020",
    "2022",
    "٢٠٢٢",
    "19/07/2022",
    "2022-07",
    "2014-2018",
    "03.29.88",
    "3-1",
    "1.",
    "19.",
]


def _vocabulary(language: str) -> list[str]:
    """Every word the lexicon knows, so that random text keeps hitting the rules."""
    lexicon = load_lexicon(language)
    words = {form for forms in lexicon.forms.values() for form in forms}
    words |= {word for words in lexicon.context.values() for word in words if word != "*"}
    words |= set(lexicon.anchors) | {"XXe", "XXIe", "XX.", "XIX"}
    return sorted(words) + FILLER + NUMBERS


VOCABULARY = {language: _vocabulary(language) for language in SUPPORTED_LANGUAGES}


@st.composite
def publication(draw: st.DrawFn) -> DateRange | None:
    day = draw(st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)))
    kind = draw(st.sampled_from(["none", "day", "month", "year"]))
    if kind == "none":
        return None
    if kind == "day":
        return day_range(day)
    return month_range(day.year, day.month) if kind == "month" else year_range(day.year)


@st.composite
def article(draw: st.DrawFn) -> tuple[str, str]:
    language = draw(st.sampled_from(SUPPORTED_LANGUAGES))
    words = draw(st.lists(st.sampled_from(VOCABULARY[language]), max_size=30))
    separators = draw(
        st.lists(st.sampled_from([" ", " ", " ", "\n", ", ", ". "]), min_size=len(words), max_size=len(words))
    )
    return language, "".join(word + separator for word, separator in zip(words, separators))


@settings(max_examples=300, deadline=None)
@given(article(), publication())
def test_every_span_slices_the_text_and_every_range_is_ordered(
    written: tuple[str, str], published: DateRange | None
) -> None:
    language, text = written
    mentions = find_dates(text, language, published, ())
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text != ""
        assert mention.date_start <= mention.date_end
        assert mention.value
    starts = [mention.start for mention in mentions]
    assert starts == sorted(starts)
    assert all(before.end <= after.start for before, after in zip(mentions, mentions[1:]))


@settings(max_examples=150, deadline=None)
@given(article(), publication())
def test_kind_and_anchor_agree(written: tuple[str, str], published: DateRange | None) -> None:
    language, text = written
    for mention in find_dates(text, language, published, ()):
        assert (mention.anchor is None) == (mention.kind == "absolute")
        if published is None:
            assert mention.kind != "relative_publication"


@settings(max_examples=100, deadline=None)
@given(article(), publication())
def test_the_same_text_gives_the_same_dates(written: tuple[str, str], published: DateRange | None) -> None:
    language, text = written
    assert find_dates(text, language, published, ()) == find_dates(text, language, published, ())


@settings(max_examples=300, deadline=None)
@given(article())
def test_looking_only_around_anchor_tokens_misses_no_match(written: tuple[str, str]) -> None:
    language, text = written
    grammar, work = grammar_for(language), working_copy(text)
    everywhere = {
        (rule.index, match.start(), match.end())
        for rule in grammar.rules
        for match in rule.regex.finditer(work)
        if match.end() > match.start()
    }
    windowed = {
        (rule.index, match.start(), match.end())
        for rule in grammar.rules
        for window in anchor_windows(grammar.anchors, work)
        if rule.kinds & window.kinds
        for match in rule.regex.finditer(work, window.low, window.high)
        if match.end() > match.start()
    }
    assert windowed == everywhere


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.sampled_from(SUPPORTED_LANGUAGES))
def test_any_text_is_read_without_error(text: str, language: str) -> None:
    for mention in find_dates(text, language, day_range(date(2022, 7, 20)), ()):
        assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_every_lexicon_form_reads_back_to_its_value(language: str) -> None:
    lexicon = load_lexicon(language)
    unreadable = [
        (word_class, form)
        for word_class, forms in lexicon.forms.items()
        for form in forms
        if lexicon.value(word_class, form) is None
    ]
    assert unreadable == []


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_every_rule_type_has_a_resolver(language: str) -> None:
    types = {rule.spec.type for rule in grammar_for(language).rules}
    assert types - set(_RESOLVERS) - {"pair", "text_relative", "not_a_date"} == set()
