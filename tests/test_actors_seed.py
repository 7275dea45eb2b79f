"""Acceptance on the seed article (seeds/000_667dec259b500af9.txt, French, July 2022)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.actors_support import article, by_id, resolve
from transforms.records import Actor

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_667dec259b500af9.txt"


@pytest.fixture(scope="module")
def actors() -> dict[str, Actor]:
    return by_id(resolve(SEED.read_text(encoding="utf-8"), "fr", date(2022, 7, 1)))


def _texts(actor: Actor) -> set[str]:
    return {mention.text for mention in actor.mentions}


def test_the_four_states(actors: dict[str, Actor]) -> None:
    for iso3 in ("MAR", "ISR", "DZA", "USA"):
        assert actors[f"state:{iso3}"].type == "state"
        assert actors[f"state:{iso3}"].country == iso3


def test_epithet_and_capitals_stand_for_their_states(actors: dict[str, Actor]) -> None:
    assert {"royaume chérifien", "Rabat"} <= _texts(actors["state:MAR"])
    assert "Tel-Aviv" in _texts(actors["state:ISR"])
    assert "Washington" in _texts(actors["state:USA"])


def test_rabat_where_the_agreement_was_signed_is_a_place(actors: dict[str, Actor]) -> None:
    assert actors["place:MAR:rabat"].type == "place"


def test_the_people_with_country_and_sector(actors: dict[str, Actor]) -> None:
    expected = {
        "person:aviv-kochavi": ("Aviv Kochavi", "ISR", "MIL"),
        "person:abdellatif-loudiyi": ("Abdellatif Loudiyi", "MAR", "GOV"),
        "person:benny-gantz": ("Benny Gantz", "ISR", "GOV"),
    }
    for actor_id, (name, country, sector) in expected.items():
        actor = actors[actor_id]
        assert (actor.name, actor.type, actor.country, actor.sector) == (name, "person", country, sector)


def test_titles_and_offices_are_fields(actors: dict[str, Actor]) -> None:
    kochavi = actors["person:aviv-kochavi"].mentions[0]
    assert (kochavi.text, kochavi.title) == ("Kochavi", "général")
    loudiyi = actors["person:abdellatif-loudiyi"].mentions[0]
    assert loudiyi.office == "ministre délégué chargé de la Défense"


def test_the_militaries_armed_group_and_media(actors: dict[str, Actor]) -> None:
    assert actors["military:MAR"].name == "Royal Moroccan Armed Forces"
    assert "Forces armées royales marocaines" in _texts(actors["military:MAR"])
    assert "armée israélienne" in _texts(actors["military:ISR"])
    assert actors["org:polisario-front"].type == "armed_group"
    assert _texts(actors["org:polisario-front"]) == {"Front Polisario", "Front P"}
    assert (actors["media:maroc-hebdo"].type, actors["media:maroc-hebdo"].country) == ("media", "MAR")


def test_no_spurious_actors(actors: dict[str, Actor]) -> None:
    surfaces = {mention.text.lower() for actor in actors.values() for mention in actor.mentions}
    assert not {"la défense", "défense", "african lion", "african lion 2022", "communiqué de l’état"} & surfaces
    assert all(not actor_id.startswith("org:") or actor_id == "org:polisario-front" for actor_id in actors)


def test_the_pipeline_fills_actors() -> None:
    from transforms.pipeline import Extractor

    document = Extractor().extract_batch([article(SEED.read_text(encoding="utf-8"), "fr", date(2022, 7, 1))])[0]
    ids = {actor.actor_id for actor in document.actors}
    assert {"state:MAR", "person:aviv-kochavi", "org:polisario-front"} <= ids
