"""The hand-written actor data (transforms/data/actors_*.yaml) is consistent and usable."""

from __future__ import annotations

from datetime import date

import pytest

from tests.actors_support import resolver
from transforms.actors.knowledge import parse_partial_date

ACTOR_TYPES = {"person", "organization", "military", "armed_group", "media", "igo"}


@pytest.fixture(scope="module")
def knowledge():
    return resolver().knowledge


def test_dictionary_entries_have_valid_types_and_countries(knowledge) -> None:
    for actor in knowledge.dictionary.values():
        assert actor.type in ACTOR_TYPES, actor.actor_id
        assert actor.country is None or actor.country in knowledge.countries, actor.actor_id
        assert actor.aliases, actor.actor_id


def test_national_militaries_are_keyed_by_their_country(knowledge) -> None:
    for actor in knowledge.dictionary.values():
        if actor.actor_id.startswith("military:"):
            assert actor.actor_id == f"military:{actor.country}"


def test_offices_end_after_they_start(knowledge) -> None:
    for actor in knowledge.dictionary.values():
        for office in actor.offices:
            assert office.start is None or office.end is None or office.start <= office.end, actor.actor_id


def test_a_persons_sector_follows_the_office_held_that_day(knowledge) -> None:
    gantz = knowledge.dictionary["person:benny-gantz"]
    assert gantz.sector_on(date(2013, 6, 1)) == "MIL"  # chief of the general staff
    assert gantz.sector_on(date(2021, 6, 1)) == "GOV"  # minister of defence
    assert gantz.sector_on(None) == "GOV"  # the entry's default


def test_demonyms_epithets_and_seats_name_known_countries(knowledge) -> None:
    for language in ("ar", "de", "en", "es", "fr"):
        assert all(iso3 in knowledge.countries for iso3, _ in knowledge.demonyms(language))
        assert all(iso3 in knowledge.countries for iso3, _ in knowledge.epithets(language))
    assert all(iso3 in knowledge.countries for iso3, _ in knowledge.seats())


def test_buildings_point_at_states_or_dictionary_actors(knowledge) -> None:
    for building in knowledge.buildings():
        assert building["actor"] == "state" or building["actor"] in knowledge.dictionary


def test_capitals_come_from_geonames(knowledge) -> None:
    seats = {(city.country, city.name) for city in knowledge.cities if city.is_seat}
    assert ("MAR", "Rabat") in seats
    assert ("USA", "Washington") in seats


def test_every_hand_written_language_has_cue_words(knowledge) -> None:
    for language in ("ar", "de", "en", "es", "fr"):
        lexicon = knowledge.lexicon(language)
        assert lexicon.titles and lexicon.institutions and lexicon.words["locative"]


def test_partial_dates_cover_their_period() -> None:
    assert parse_partial_date("2010-01") == date(2010, 1, 1)
    assert parse_partial_date("2010-02", end=True) == date(2010, 2, 28)
    assert parse_partial_date(1989, end=True) == date(1989, 12, 31)
