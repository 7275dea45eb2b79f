"""Acceptance on the seed article (issue 5, "Done when"), through the real stages before events:
reading, spaCy, dates and actors."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import SEED
from tests.events_support import shared_extractor, shared_nlp
from transforms.dates import find_dates
from transforms.nlp import sentences_of
from transforms.reading import read_articles
from transforms.records import Agreement, Event, ExtractedDocument


@pytest.fixture(scope="module")
def seed() -> ExtractedDocument:
    actors_stage = pytest.importorskip("transforms.actors")
    article = read_articles(str(SEED), SEED.read_bytes(), 10_000_000).articles[0]
    doc = shared_nlp().parse([article.text], [article.language.language])[0]
    sentences = sentences_of(doc)
    dates = find_dates(article.text, article.language.language, article.published.range, sentences)
    actors = actors_stage.ActorResolver().resolve(article, doc, sentences)
    events, agreements = shared_extractor().extract(article, doc, sentences, dates, actors)
    return ExtractedDocument(article, sentences, dates, actors, events, agreements)


def _event(seed: ExtractedDocument, event_type: str, word: str) -> Event:
    found = [e for e in seed.events if e.event_type == event_type and word in e.evidence]
    assert found, f"no {event_type} event with {word!r} in its evidence"
    return found[0]


def _agreements(seed: ExtractedDocument) -> dict[str, list[Agreement]]:
    by_id: dict[str, list[Agreement]] = {}
    for agreement in seed.agreements:
        by_id.setdefault(agreement.agreement_id, []).append(agreement)
    return by_id


def _countries(seed: ExtractedDocument, actor_ids) -> set[str]:
    by_id = {a.actor_id: a for a in seed.actors}
    return {by_id[i].country for i in actor_ids}


def test_the_normalisation_of_december_2020_between_morocco_and_israel(seed: ExtractedDocument) -> None:
    event = _event(seed, "SUPPORT", "normalisation")
    assert set(event.sources) == {"state:MAR", "state:ISR"}
    assert (event.date_start, event.date_end, event.date_source) == (date(2020, 12, 1), date(2020, 12, 31), "text")


def test_kochavi_received_by_loudiyi_on_19_july_2022(seed: ExtractedDocument) -> None:
    event = _event(seed, "CONSULT", "Kochavi")
    assert event.cameo_code in {"042", "043"}
    assert event.sources == ("person:abdellatif-loudiyi",)
    assert event.targets == ("person:aviv-kochavi",)
    assert (event.date_start, event.date_end) == (date(2022, 7, 19), date(2022, 7, 19))
    assert event.reported_by == "l'armée israélienne"


def test_the_framework_agreement_signed_in_rabat_by_gantz_in_november_2021(seed: ExtractedDocument) -> None:
    event = _event(seed, "AGREE", "accord-cadre")
    assert event.cameo_code == "057"
    assert event.sources == ("person:benny-gantz",)
    assert event.location == "Rabat"
    assert (event.date_start, event.date_end) == (date(2021, 11, 1), date(2021, 11, 30))


def test_israeli_observers_at_african_lion_co_organised_by_morocco_and_the_us(seed: ExtractedDocument) -> None:
    event = _event(seed, "COOPERATE", "African Lion")
    assert _countries(seed, event.sources) == {"ISR"}
    assert set(event.targets) == {"state:MAR", "state:USA"}
    assert (event.date_start, event.date_end) == (date(2022, 6, 16), date(2022, 6, 30))


def test_the_discreet_visit_of_late_march_2022(seed: ExtractedDocument) -> None:
    event = _event(seed, "CONSULT", "visite discrète")
    assert _countries(seed, event.sources) == {"ISR"}
    assert event.targets == ("state:MAR",)
    assert (event.date_start, event.date_end) == (date(2022, 3, 16), date(2022, 3, 31))


def test_the_visit_ended_in_a_signed_cooperation_agreement(seed: ExtractedDocument) -> None:
    signing = _event(seed, "AGREE", "visite discrète")
    (cooperation,) = [a for a in seed.agreements if a.type == "cooperation_agreement"]
    assert cooperation.signing_event_id == signing.event_id
    assert set(signing.sources) == {"state:ISR", "state:MAR"}


def test_the_polisario_guerrilla_launched_in_november_2020(seed: ExtractedDocument) -> None:
    event = _event(seed, "ASSAULT", "guérilla")
    assert event.sources == ("org:polisario-front",)
    assert (event.date_start, event.date_end) == (date(2020, 11, 1), date(2020, 11, 30))


def test_the_article_names_exactly_two_agreements(seed: ExtractedDocument) -> None:
    assert len(_agreements(seed)) == 2


def test_the_november_2021_defence_framework_agreement(seed: ExtractedDocument) -> None:
    (agreement,) = {a.agreement_id: a for a in seed.agreements if a.type == "framework_agreement"}.values()
    assert agreement.parties == ("state:ISR", "state:MAR")
    assert agreement.signatories == ("person:benny-gantz",)
    assert (agreement.domain, agreement.place, agreement.status) == ("defence", "Rabat", "signed")
    assert (agreement.signed_start, agreement.signed_end) == (date(2021, 11, 1), date(2021, 11, 30))
    assert set(agreement.provisions) == {
        "intelligence cooperation",
        "industrial cooperation",
        "arms purchases",
        "joint training",
    }
    assert "first of its kind" in agreement.notes


def test_the_march_2022_cooperation_agreement_envisages_a_joint_military_commission(seed: ExtractedDocument) -> None:
    (agreement,) = [a for a in seed.agreements if a.type == "cooperation_agreement"]
    assert agreement.parties == ("state:ISR", "state:MAR")
    assert agreement.provisions == ("joint military commission",)
    assert (agreement.signed_start, agreement.signed_end) == (date(2022, 3, 16), date(2022, 3, 31))


def test_every_event_and_agreement_quotes_its_evidence_sentence(seed: ExtractedDocument) -> None:
    text = seed.article.text
    for record in (*seed.events, *seed.agreements):
        assert record.evidence in text
        assert text[record.start : record.end] in record.evidence
