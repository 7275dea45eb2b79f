"""Place or acting state: how an English country or capital name is read in its sentence
(transforms/actors/metonymy.py). Sentences written for these tests."""

from __future__ import annotations

from tests.actors_support import mention_of, resolve


def reading(text: str, name: str) -> str:
    """ "state" when the name is read as the acting state, "place" when it is the place."""
    actor, _ = mention_of(resolve(text, "en"), name)
    return "state" if actor.type == "state" else actor.type


# -- possessives --------------------------------------------------------------------------------
def test_a_possessor_after_in_is_read_by_its_possessed_noun() -> None:
    assert reading("The striker was picked in Chile's squad for the cup.", "Chile") == "state"


def test_a_possessed_act_further_in_the_noun_phrase_makes_the_possessor_act() -> None:
    assert reading("Copper makes up most of Peru's main mineral exports.", "Peru") == "state"


def test_a_possessed_place_noun_keeps_the_possessor_a_place() -> None:
    assert reading("Storms hit Chile's northern coast last week.", "Chile") == "place"


def test_the_verb_after_a_possessed_noun_is_not_read_as_a_noun() -> None:
    assert reading("Peru's beaches will see more visitors this year.", "Peru") == "place"


# -- destinations -------------------------------------------------------------------------------
def test_to_after_a_verb_of_moving_names_a_destination() -> None:
    assert reading("After the war she came back to Norway with her children.", "Norway") == "place"


def test_to_after_from_a_place_names_a_destination() -> None:
    assert reading("The road from Lyon to Madrid was closed by snow.", "Madrid") == "place"


def test_for_after_a_verb_of_leaving_names_a_destination() -> None:
    assert reading("In 1951 the family left the farm for Canada.", "Canada") == "place"


def test_for_without_a_verb_of_leaving_is_still_the_side_one_acts_for() -> None:
    assert reading("He scored twice for Canada in the final.", "Canada") == "state"


def test_a_country_given_something_is_not_a_destination() -> None:
    assert reading("The company sold two frigates to Chile.", "Chile") == "state"


def test_a_visited_country_is_a_place() -> None:
    assert reading("The orchestra toured Japan in the spring.", "Japan") == "place"


# -- borders and maps ---------------------------------------------------------------------------
def test_a_border_between_two_countries_is_between_places() -> None:
    assert reading("The river marks the border between Chile and Peru.", "Peru") == "place"


def test_relations_between_two_countries_are_between_actors() -> None:
    assert reading("Relations between Chile and Peru improved.", "Chile") == "state"


def test_a_country_placed_by_a_point_of_the_compass_is_a_place() -> None:
    assert reading("The valley lies between Bolivia to the east and Peru to the west.", "Peru") == "place"


# -- descriptions and periods -------------------------------------------------------------------
def test_a_country_described_by_a_copula_is_a_place() -> None:
    assert reading("Malta is a small island nation in the Mediterranean.", "Malta") == "place"
    assert reading("Nepal is known for its mountains.", "Nepal") == "place"


def test_a_country_with_a_verb_of_acting_still_acts() -> None:
    assert reading("Nepal is expected to sign the treaty.", "Nepal") == "state"


def test_a_historical_period_between_preposition_and_name_keeps_the_place() -> None:
    assert reading("Icons were painted in medieval Russia by monks.", "Russia") == "place"


def test_only_stays_inside_a_possessed_noun_phrase() -> None:
    assert reading("He scored in Peru's only win of the tournament.", "Peru") == "state"


def test_a_possessed_deed_makes_the_possessor_act() -> None:
    assert reading("Observers condemned Chile's attempts to close the border.", "Chile") == "state"


def test_the_creation_of_a_state_is_the_state() -> None:
    assert reading("After the creation of Bangladesh in 1971, he returned home.", "Bangladesh") == "state"


def test_an_adverb_before_the_last_conjunct_keeps_the_list_reading() -> None:
    assert reading("The band played in Chile, Peru and finally Bolivia.", "Bolivia") == "place"


def test_a_country_before_a_comma_and_a_country_heads_a_list_not_an_address() -> None:
    assert reading("Chile, Peru and Bolivia signed the accord.", "Chile") == "state"


def test_a_capital_before_a_comma_and_its_country_is_an_address() -> None:
    assert reading("Quito, Ecuador has a cool climate.", "Quito") == "place"


def actor_of(text: str, language: str, surface: str) -> str:
    actor, _ = mention_of(resolve(text, language), surface)
    return actor.actor_id


def test_brussels_acting_is_the_european_union() -> None:
    # institution_seats: the capital stands for the institution seated there when it acts
    text = "Brussels warned Warsaw on Monday that the reform breaks the treaties."
    assert actor_of(text, "en", "Brussels") == "igo:european-union"
    assert actor_of("Bruxelles a mis en garde Budapest contre cette loi.", "fr", "Bruxelles") == "igo:european-union"


def test_brussels_as_a_place_stays_a_place_of_belgium() -> None:
    assert actor_of("Les ministres se sont retrouvés à Bruxelles jeudi.", "fr", "Bruxelles") == "place:BEL:brussels"


def test_a_demonym_after_a_territory_noun_is_a_place() -> None:
    # territory_nouns: "la capitale britannique", "the Syrian border" are places, not the state
    text = "Deux suspects ont été interpellés dans la capitale britannique."
    assert actor_of(text, "fr", "capitale britannique") == "place:GBR"
    assert actor_of("Shells fell near the Syrian border on Tuesday.", "en", "Syrian border") == "place:SYR"


def test_brussels_qualifying_a_noun_is_the_city() -> None:
    assert actor_of("Brussels prosecutors charged four men on Friday.", "en", "Brussels") != "igo:european-union"


def test_a_spanish_office_of_a_state_makes_the_state_act() -> None:
    actor, _ = mention_of(resolve("El jefe del Estado uruguayo llamó ayer a su colega.", "es"), "Estado uruguayo")
    assert actor.actor_id == "state:URY"
    actor, _ = mention_of(resolve("El portavoz de Bolivia habló con la prensa.", "es"), "Bolivia")
    assert actor.actor_id == "state:BOL"
