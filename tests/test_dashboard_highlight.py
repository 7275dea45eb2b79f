"""Article text with its spans marked: nothing lost, nothing injected, overlaps nested."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from dashboard.highlight import Span, actor_kind, evidence_span, highlight

TEXT = "Le Maroc et l'Algérie <se parlent> enfin. Le Maroc et l'Algérie <se parlent> enfin."
KINDS = ("evidence", "state", "person", "date", "trigger", "place")


def plain(marked: str) -> str:
    """The text a reader sees: tags removed, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", marked))


@st.composite
def text_and_spans(draw: st.DrawFn) -> tuple[str, list[Span]]:
    text = draw(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80))
    bound = len(text) + 3  # a few spans fall outside the text: they must be ignored
    spans = draw(
        st.lists(
            st.builds(
                lambda start, length, kind, note: Span(start, start + length, kind, note),
                st.integers(-2, bound),
                st.integers(0, 12),
                st.sampled_from(KINDS),
                st.text(max_size=10),
            ),
            max_size=8,
        )
    )
    return text, spans


@given(text_and_spans())
def test_highlighting_keeps_the_text_exactly(case: tuple[str, list[Span]]) -> None:
    text, spans = case
    assert plain(highlight(text, spans)) == text


@given(text_and_spans())
def test_every_tag_opened_is_closed(case: tuple[str, list[Span]]) -> None:
    marked = highlight(*case)
    assert marked.count("<span ") == marked.count("</span>")


def test_markup_in_the_text_is_escaped() -> None:
    assert "&lt;se parlent&gt;" in highlight(TEXT, [])


def test_a_mention_inside_an_evidence_sentence_is_nested_in_it() -> None:
    sentence = Span(0, TEXT.index(".") + 1, "evidence", "CONSULT")
    morocco = Span(3, 8, "state", "Morocco (state:MAR)")
    marked = highlight(TEXT, [morocco, sentence])
    assert re.search(r'<span class="nd-evidence"[^>]*><span class="nd-state"[^>]*>Maroc</span></span>', marked)


def test_notes_are_escaped_in_tooltips() -> None:
    marked = highlight(TEXT, [Span(3, 8, "state", 'say "hi" <b>')])
    assert 'title="say &quot;hi&quot; &lt;b&gt;"' in marked


def test_the_evidence_is_found_at_the_occurrence_holding_the_trigger() -> None:
    sentence = "Le Maroc et l'Algérie <se parlent> enfin."
    second = TEXT.index(sentence, 1)
    span = evidence_span(TEXT, sentence, second + 25, "CONSULT")
    assert span == Span(second, second + len(sentence), "evidence", "CONSULT")


def test_an_evidence_sentence_not_in_the_text_gives_no_span() -> None:
    assert evidence_span(TEXT, "Une autre phrase.", 3, "") is None


def test_international_bodies_and_media_look_like_organisations() -> None:
    assert [actor_kind(kind) for kind in ("igo", "media", "state", "unknown")] == [
        "organization",
        "organization",
        "state",
        "actor",
    ]
