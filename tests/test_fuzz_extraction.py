"""Every kind of text through the real extractor: nothing an article contains may crash it.

Sentences written for this test in each language the project extracts from, re-punctuated the
ways real copy is (TeX quotes, guillemets, „…", contractions, unbalanced brackets), salted with
emoji, zero-width and bidi marks and other scripts, and read under the right and the wrong
language. The extractor runs in its worker process, so a native crash shows as a failed example
(`extraction_crashed`) instead of killing the test run. The large cases (a 1 MB line, every
file of the shared eval data) are in bench/bench_fuzz.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flows.extraction_worker import COMPLETE, ExtractionWorker
from tests.actors_support import article
from transforms.records import ExtractedDocument

SENTENCES = {
    "en": [
        "The foreign minister said on Tuesday that talks with Iran would resume in Geneva.",
        "Let's face it, the rebels don't control the airport, officials say.",
        "Washington condemned the attack and pledged $2 million in aid to Haiti.",
    ],
    "fr": [
        "Le ministre a déclaré mardi que l'Algérie rappelait son ambassadeur à Madrid.",
        "C'est-à-dire qu'aujourd'hui l'armée n'a pas tiré, selon l'AFP.",
        "La France et le Maroc ont signé un accord-cadre de coopération fin mars.",
    ],
    "es": [
        "El presidente colombiano se reunió el lunes con su homólogo venezolano en Caracas.",
        "¿Quién atacó la comisaría? Nadie lo sabe, dijo la policía.",
    ],
    "ar": [
        "قال وزير الخارجية إن المحادثات مع إيران ستستأنف في جنيف يوم الثلاثاء.",
        "أدانت الجزائر الهجوم على السفارة ودعت إلى الحوار.",
    ],
    "de": ["Der Außenminister traf am Montag seinen Amtskollegen in Berlin, z.B. zu Gesprächen über Zölle."],
    "ru": ["Министр иностранных дел заявил во вторник, что переговоры продолжатся."],
    "zh": ["外交部长周二表示，与伊朗的谈判将在日内瓦恢复。"],
}
QUOTES = [("``", "''"), ("«\u00a0", "\u00a0»"), ("„", "“"), ('"', '"'), ("‘", "’"), ("(", ""), ("", ")"), ("[", "}")]
SALT = [
    "😀",
    "🇫🇷",
    "\u200b",
    "\u200d",
    "\ufeff",
    "\u202e",
    "\u200f",
    "\u2066",
    "·",
    "—",
    "…",
    "\u0301",
    "l'",
    "n't",
    "'s",
    "''",
    "``",
    "\t",
    "\n\n",
    "Ω",
    "א",
    "한",
    "𝔘",
]
LANGUAGES = sorted(SENTENCES)


@st.composite
def articles(draw: st.DrawFn) -> tuple[str, str]:
    """(text, language): a few sentences, quoted and salted; sometimes read as another language."""
    language = draw(st.sampled_from(LANGUAGES))
    parts = []
    for sentence in draw(st.lists(st.sampled_from(SENTENCES[language]), min_size=1, max_size=4)):
        words = sentence.split(" ")
        for _ in range(draw(st.integers(0, 4))):
            at = draw(st.integers(0, len(words)))
            words.insert(at, draw(st.sampled_from(SALT)))
        opening, closing = draw(st.sampled_from(QUOTES))
        cut = draw(st.integers(0, len(words)))
        parts.append(" ".join(words[:cut]) + f" {opening}" + " ".join(words[cut:]) + closing)
    read_as = draw(st.sampled_from([language, language, *LANGUAGES, "und", "xx"]))
    return draw(st.sampled_from([" ", "", "\n", "\n\n"])).join(parts), read_as


@pytest.fixture(scope="module")
def worker() -> Iterator[ExtractionWorker]:
    made = ExtractionWorker()
    yield made
    made.close()


def extract(worker: ExtractionWorker, text: str, language: str) -> ExtractedDocument:
    (document,) = worker.extract_batch([article(text, language, date(2020, 2, 29))])
    return document


def assert_sound(document: ExtractedDocument) -> None:
    assert (document.extraction_status, document.extraction_message) == (COMPLETE, None)
    length = len(document.article.text)
    for item in (*document.sentences, *document.dates, *document.events, *document.agreements):
        assert 0 <= item.start <= item.end <= length
    for actor in document.actors:
        assert all(0 <= mention.start < mention.end <= length for mention in actor.mentions)


@settings(max_examples=120, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(articles())
def test_salted_and_requoted_sentences_never_crash_the_extractor(
    worker: ExtractionWorker, sample: tuple[str, str]
) -> None:
    text, language = sample
    assert_sound(extract(worker, text, language))


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_ten_thousand_tiny_sentences(worker: ExtractionWorker, language: str) -> None:
    assert_sound(extract(worker, " ".join(["Oui."] * 10_000), language))


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_long_single_line_without_a_full_stop(worker: ExtractionWorker, language: str) -> None:
    line = ", ".join(SENTENCES[language][0].rstrip(".") for _ in range(1500))  # about 120,000 characters
    assert_sound(extract(worker, line, language))


def test_only_marks_and_symbols(worker: ExtractionWorker) -> None:
    assert_sound(extract(worker, "".join(SALT) * 50, "en"))
