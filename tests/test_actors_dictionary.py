"""The actor dictionary's people and media: a name met without a title gets the sector of the
office held on the article's date; namesakes stay apart; look-alike ordinary words match nothing.
Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from tests.actors_support import by_id, resolve, resolver
from transforms.actors.text import fold_word

HAND_WRITTEN_LANGUAGES = ("ar", "de", "en", "es", "fr")


@pytest.fixture(scope="module")
def knowledge():
    return resolver().knowledge


def _place_words(knowledge) -> set[str]:  # type: ignore[no-untyped-def]
    names = {name for language in HAND_WRITTEN_LANGUAGES for _, name in knowledge.country_names(language)}
    names |= {name for city in knowledge.cities for name in city.names}
    return {fold_word(name) for name in names if " " not in name}


def test_a_persons_one_word_alias_is_no_place_name(knowledge) -> None:
    # "Hollande" is the Netherlands in French, "Jordan" a country: a family name alone that is also
    # a place would turn every mention of the place into the person.
    places = _place_words(knowledge)
    clashes = [
        (actor.actor_id, alias)
        for actor in knowledge.dictionary.values()
        if actor.type == "person"
        for _, alias in actor.aliases
        if " " not in alias and fold_word(alias) in places
    ]
    assert clashes == []


def test_namesakes_have_distinct_entries(knowledge) -> None:
    for first, second in (
        ("person:marine-le-pen", "person:jean-marie-le-pen"),
        ("person:george-h-w-bush", "person:george-w-bush"),
        ("person:kostas-karamanlis", "person:constantine-karamanlis"),
        ("person:andreas-papandreou", "person:george-papandreou"),
    ):
        aliases_first = {alias for _, alias in knowledge.dictionary[first].aliases}
        aliases_second = {alias for _, alias in knowledge.dictionary[second].aliases}
        assert not {alias for alias in aliases_first & aliases_second if " " not in alias}


def _actor(text: str, language: str, day: date, actor_id: str):  # type: ignore[no-untyped-def]
    actors = by_id(resolve(text, language, day))
    assert actor_id in actors, sorted(actors)
    return actors[actor_id]


@pytest.mark.parametrize(
    ("day", "sector"),
    [(date(2013, 5, 2), "OPP"), (date(2016, 5, 2), "GOV")],  # leader of the opposition, then prime minister
)
def test_an_untitled_name_takes_the_sector_of_the_office_held_that_day(day: date, sector: str) -> None:
    text = "Alexis Tsipras a critiqué mardi le nouveau plan d'économies présenté à Athènes."
    actor = _actor(text, "fr", day, "person:alexis-tsipras")
    assert (actor.country, actor.sector) == ("GRC", sector)


def test_a_presidential_candidate_is_opposition() -> None:
    text = "Mitt Romney told supporters in Ohio on Tuesday that he would cut taxes for small firms."
    actor = _actor(text, "en", date(2012, 10, 2), "person:mitt-romney")
    assert (actor.country, actor.sector) == ("USA", "OPP")


def test_a_soviet_leader_is_the_soviet_unions_before_1992() -> None:
    text = "Mikhail Gorbachev received the delegation in the Kremlin on Monday."
    assert _actor(text, "en", date(1987, 4, 6), "person:mikhail-gorbachev").country == "SUN"


@pytest.mark.parametrize(
    ("day", "actor_id"),
    [(date(1990, 6, 1), "person:george-h-w-bush"), (date(2005, 6, 1), "person:george-w-bush")],
)
def test_a_full_name_two_people_bear_is_the_one_in_office(day: date, actor_id: str) -> None:
    text = "George Bush said on Friday that the talks would go on."
    assert actor_id in by_id(resolve(text, "en", day))


def test_a_place_name_inside_a_dictionary_name_is_no_place() -> None:
    text = "Dans un entretien accordé mardi, François Hollande a défendu la réforme des retraites."
    actors = by_id(resolve(text, "fr", date(2013, 3, 5)))
    assert "state:NLD" not in actors and "place:NLD" not in actors
    assert actors["person:francois-hollande"].sector == "GOV"


def test_the_place_alone_stays_a_place() -> None:
    text = "Le convoi a traversé la Hollande avant d'arriver en Allemagne."
    actors = by_id(resolve(text, "fr", date(2013, 3, 5)))
    assert "person:francois-hollande" not in actors


def test_a_family_name_alone_is_no_dictionary_person_out_of_office() -> None:
    # Itamar Franco (Brazil, 1992-1995) is in the dictionary; Spain's general Franco is not.
    text = "Diez años después de la muerte del general Franco, el Congreso aprobó la nueva ley."
    assert "person:itamar-franco" not in by_id(resolve(text, "es", date(1985, 11, 20)))


@pytest.mark.parametrize(
    ("text", "language", "actor_id", "country"),
    [
        ("Interrogé par Europe 1, le porte-parole a refusé de commenter la décision.", "fr", "media:europe-1", "FRA"),
        (
            "La cadena pública RTVE emitió el debate electoral en directo.",
            "es",
            "media:radiotelevision-espanola",
            "ESP",
        ),
        ("Sky News reported that the talks in Brussels had failed.", "en", "media:sky-news", "GBR"),
    ],
)
def test_a_media_outlet_is_med(text: str, language: str, actor_id: str, country: str) -> None:
    actor = _actor(text, language, date(2012, 8, 20), actor_id)
    assert (actor.country, actor.sector) == (country, "MED")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le monde entier attend la libération des otages détenus dans le désert.", "fr"),
        ("El mundo ha cambiado mucho y el tiempo dirá si la Copa del Mundo sirvió de algo.", "es"),
        ("The times have changed, and the sun rose over the mountains on Sunday.", "en"),
    ],
)
def test_ordinary_words_are_no_media(text: str, language: str) -> None:
    assert not [
        actor_id for actor_id in by_id(resolve(text, language, date(2012, 8, 20))) if actor_id.startswith("media:")
    ]


@pytest.mark.parametrize(
    ("text", "language", "actor_id", "country"),
    [
        ("Un rapport de la DGSE transmis au gouvernement évoque une menace accrue.", "fr", "org:dgse", "FRA"),
        ("The FBI opened an inquiry into the leak on Wednesday.", "en", "org:fbi", "USA"),
    ],
)
def test_an_intelligence_service_is_pol(text: str, language: str, actor_id: str, country: str) -> None:
    actor = _actor(text, language, date(2014, 3, 4), actor_id)
    assert (actor.country, actor.sector) == (country, "POL")


@pytest.mark.parametrize(("day", "sector"), [(date(2011, 3, 1), "LEG"), (date(2014, 3, 1), "OPP")])
def test_a_group_leader_is_opposition_while_the_party_is(day: date, sector: str) -> None:
    # Christian Jacob led the UMP deputies, in government until May 2012, in opposition after.
    text = "Christian Jacob a dénoncé jeudi un texte bâclé lors des questions au gouvernement."
    assert _actor(text, "fr", day, "person:christian-jacob").sector == sector


def test_a_un_envoy_acts_for_the_un_while_in_office() -> None:
    text = "Martin Griffiths met both delegations in Stockholm to prepare a prisoner exchange."
    actor = _actor(text, "en", date(2018, 12, 10), "person:martin-griffiths")
    assert (actor.country, actor.sector) == (None, "IGO")


def test_a_body_of_a_dictionary_outlet_takes_its_country_and_sector() -> None:
    text = "La oposición pidió cambios en el Consejo de RTVE antes del verano."
    actors = by_id(resolve(text, "es", date(2000, 5, 10)))
    body = next(actor for actor_id, actor in actors.items() if actor_id.startswith("org:consejo"))
    assert (body.country, body.sector) == ("ESP", "MED")


def test_international_banks_and_groups_are_igos() -> None:
    actors = resolve("La Banque centrale européenne et le G20 ont salué le plan du Club de Paris.", "fr")
    ids = {actor.actor_id for actor in actors}
    assert {"igo:european-central-bank", "igo:g20", "igo:paris-club"} <= ids
    igos = [actor for actor in actors if actor.actor_id.startswith("igo:")]
    assert all(actor.country is None and actor.sector == "IGO" for actor in igos)
