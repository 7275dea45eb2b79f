"""Context's offset lookups: indexed (long articles were quadratic), same answers as a scan."""

from __future__ import annotations

import spacy
from hypothesis import given
from hypothesis import strategies as st

from transforms.actors.context import Context
from transforms.actors.text import tokenize

BLANK = spacy.blank("fr")
words = st.sampled_from(["Rabat", "l'accord", "Maroc", "\n", "-", "d'Israël", "  ", ".", "cadre", "é"])


def context_of(text: str) -> Context:
    return Context(text, "fr", tokenize(text, [0]), [], None, None, None, doc=BLANK(text))  # type: ignore[arg-type]


@given(st.lists(words, max_size=40).map(" ".join), st.data())
def test_lookups_answer_as_a_scan_of_the_article_would(text: str, data: st.DataObject) -> None:
    ctx = context_of(text)
    char = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(char, len(text)))
    inside = [word.index for word in ctx.words if word.start >= char and word.end <= end]
    expected_span = None
    if inside:
        last = inside[0] + 1
        while last <= inside[-1] and "\n" not in text[ctx.words[last - 1].end : ctx.words[last].start]:
            last += 1
        expected_span = (inside[0], last)
    assert ctx.word_span(char, end) == expected_span
    assert ctx.word_starting_at(char) == next((word.index for word in ctx.words if word.start == char), None)
    token = ctx.token_starting_at(char)
    expected = next((token for token in ctx.doc if token.idx == char), None)  # type: ignore[union-attr]
    assert (token.i if token is not None else None) == (expected.i if expected is not None else None)


def _scan_lookup(ctx: Context, table: dict, start: int, longest: int) -> tuple[int, str] | None:
    """Context.lookup as a scan of every length, without the first-word index."""
    for length in range(longest, 0, -1):
        end = start + length
        if end <= len(ctx.words) and ctx.same_sentence(start, end) and ctx.keys(start, end) in table:
            return end, table[ctx.keys(start, end)]
    return None


lexicon_words = st.sampled_from(["le", "ministre", "des", "affaires", "étrangères", "Rabat", "police", ".", "armée"])


@given(st.lists(lexicon_words, max_size=30).map(" ".join), st.integers(0, 31))
def test_phrase_lookups_skip_only_words_no_phrase_starts_with(text: str, start: int) -> None:
    from transforms.actors.knowledge import Lexicon

    lexicon = Lexicon("fr")
    lexicon.titles[("ministre",)] = ("minister", "GOV")
    lexicon.titles[("ministre", "des", "affaires", "etrangeres")] = ("minister", "GOV")
    lexicon.words["actor_nouns"] = frozenset({("police",), ("armee",), ("forces", "armees")})
    ctx = Context(text, "fr", tokenize(text, [0]), [], lexicon, None, None)  # type: ignore[arg-type]
    assert ctx.lookup(lexicon.titles, start, longest=5) == _scan_lookup(ctx, lexicon.titles, start, 5)  # type: ignore[arg-type]
    expected = None
    if 0 <= start < len(ctx.words):
        for length in range(lexicon.longest("actor_nouns"), 0, -1):
            if start + length <= len(ctx.words) and ctx.keys(start, start + length) in lexicon.words["actor_nouns"]:
                expected = start + length
                break
    assert ctx.phrase_starting_at(start, "actor_nouns") == expected
