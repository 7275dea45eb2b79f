"""Hyphenated words as one node of the dependency parse (transforms/events/hyphenated.py).

The docs are built by hand (words, spaces, heads), so these tests do not depend on a model.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc
from spacy.vocab import Vocab

from transforms.events.hyphenated import attaching_token, word_head, word_start, word_tokens

VOCAB = Vocab()


def _chief_of_staff() -> Doc:
    """ "reçu par le chef d'état-major": the parser hangs "major" on the verb, "état" on "chef"."""
    words = ["reçu", "par", "le", "chef", "d'", "état", "-", "major"]
    spaces = [True, True, True, True, False, False, False, False]
    heads = [0, 3, 3, 0, 5, 3, 7, 0]
    deps = ["ROOT", "case", "det", "obl:agent", "case", "nmod", "punct", "obl:mod"]
    return Doc(VOCAB, words=words, spaces=spaces, heads=heads, deps=deps)


def test_every_part_of_a_hyphenated_word_starts_at_its_first_part() -> None:
    doc = _chief_of_staff()
    assert {word_start(doc[i]).i for i in (5, 6, 7)} == {5}
    assert [t.text for t in word_tokens(doc[7])] == ["état", "-", "major"]


def test_a_hyphenated_word_hangs_where_its_first_attached_part_hangs() -> None:
    doc = _chief_of_staff()
    assert attaching_token(doc[7]).text == "état"
    assert word_head(doc[7]).text == "chef"


def test_a_spaced_dash_does_not_join_words() -> None:
    doc = Doc(
        VOCAB,
        words=["Maroc", "-", "Israël"],
        spaces=[True, True, False],
        heads=[0, 2, 0],
        deps=["ROOT", "punct", "conj"],
    )
    assert word_start(doc[2]).text == "Israël"
    assert word_head(doc[2]).text == "Maroc"


def test_the_root_word_is_its_own_head() -> None:
    doc = Doc(
        VOCAB,
        words=["cessez", "-", "le", "-", "feu"],
        spaces=[False] * 5,
        heads=[0, 0, 0, 2, 2],
        deps=["ROOT", "punct", "det", "punct", "nmod"],
    )
    assert word_head(doc[4]).i == 0


@st.composite
def parsed_docs(draw: st.DrawFn) -> Doc:
    """A random sequence of words, some hyphenated, with a random tree over its tokens."""
    words: list[str] = []
    spaces: list[bool] = []
    for _ in range(draw(st.integers(1, 6))):
        parts = draw(st.integers(1, 3))
        for part in range(parts):
            words.append(draw(st.sampled_from(["état", "major", "accord", "cadre", "le", "feu"])))
            spaces.append(part == parts - 1)
            if part < parts - 1:
                words.append("-")
                spaces.append(False)
    heads = [0] + [draw(st.integers(0, i - 1)) for i in range(1, len(words))]
    return Doc(VOCAB, words=words, spaces=spaces, heads=heads, deps=["dep"] * len(words))


@given(parsed_docs())
def test_words_partition_the_tokens_and_heads_are_word_starts(doc: Doc) -> None:
    for token in doc:
        start = word_start(token)
        assert start.i <= token.i
        assert token.i in {t.i for t in word_tokens(start)}
        assert word_start(start).i == start.i
        head = word_head(token)
        assert word_start(head).i == head.i
        assert head.i == word_head(start).i
