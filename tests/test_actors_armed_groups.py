"""Armed groups and security services the dictionary names without a cue word, and the ordinary
words that look like their acronyms (issue 14). Sentences written for these tests."""

from __future__ import annotations

from tests.actors_support import ids_of, mention_of, resolve, resolver


def _typed(text: str, language: str, surface: str) -> tuple[str, str | None, str | None]:
    actor, _ = mention_of(resolve(text, language), surface)
    return actor.actor_id, actor.country, actor.sector


# -- armed groups: REB with the country they fight in ---------------------------------------------
def test_a_sahel_group_named_alone_is_a_malian_armed_group() -> None:
    text = "Ansar Eddine et le MUJAO ont revendiqué l'embuscade de mardi."
    assert _typed(text, "fr", "Ansar Eddine") == ("org:ansar-dine", "MLI", "REB")
    assert _typed(text, "fr", "MUJAO") == ("org:mujao", "MLI", "REB")


def test_an_armed_group_in_arabic_script() -> None:
    text = "أعلنت جماعة أنصار الدين أنها انسحبت من المدينة."
    assert _typed(text, "ar", "جماعة أنصار الدين") == ("org:ansar-dine", "MLI", "REB")


def test_an_arabic_group_noun_with_the_houthi_nisba_is_the_movement() -> None:
    # "جماعة/ميليشيا الحوثي": the Houthi group or militia, as the Arabic press writes it.
    text = "هاجمت ميليشيا الحوثي مواقع في مأرب."
    assert _typed(text, "ar", "ميليشيا الحوثي") == ("org:houthis", "YEM", "REB")


def test_insurgents_of_several_regions() -> None:
    assert _typed("El ELN liberó a tres rehenes en Arauca.", "es", "ELN") == ("org:eln-colombia", "COL", "REB")
    assert _typed("Abu Sayyaf gunmen seized two fishermen.", "en", "Abu Sayyaf") == ("org:abu-sayyaf", "PHL", "REB")
    assert _typed("Les combattants du M23 ont avancé vers Goma.", "fr", "M23") == ("org:m23", "COD", "REB")


def test_the_longer_name_wins_over_the_group_it_contains() -> None:
    # "Pakistani Taliban" is the TTP, not the Afghan Taliban; "Kata'ib Hezbollah" is Iraqi.
    assert _typed("The Pakistani Taliban denied any role.", "en", "Pakistani Taliban")[:2] == ("org:ttp", "PAK")
    text = "Kata'ib Hezbollah threatened to retaliate."
    assert _typed(text, "en", "Kata'ib Hezbollah")[:2] == ("org:kataib-hezbollah", "IRQ")


def test_a_state_affiliated_militia_is_military() -> None:
    text = "The Popular Mobilization Forces took part in the offensive."
    assert _typed(text, "en", "Popular Mobilization Forces") == ("org:popular-mobilization-forces", "IRQ", "MIL")


# -- security, intelligence and police services: POL ----------------------------------------------
def test_an_intelligence_service_acronym_is_pol_with_its_country() -> None:
    text = "La DGSE a prévenu la DGSI, selon une source proche du dossier."
    assert _typed(text, "fr", "DGSE") == ("org:dgse", "FRA", "POL")
    assert _typed(text, "fr", "DGSI") == ("org:dgsi", "FRA", "POL")
    text = "The FBI and MI5 exchanged files on the suspect."
    assert _typed(text, "en", "FBI") == ("org:fbi", "USA", "POL")
    assert _typed(text, "en", "MI5") == ("org:mi5", "GBR", "POL")


def test_a_police_force_by_its_nickname_and_a_service_in_arabic() -> None:
    assert _typed("Scotland Yard opened an inquiry.", "en", "Scotland Yard") == (
        "org:metropolitan-police",
        "GBR",
        "POL",
    )
    assert _typed("قال الشاباك إنه أحبط هجوما.", "ar", "الشاباك") == ("org:shin-bet", "ISR", "POL")


def test_a_service_by_its_official_arabic_name_or_acronym() -> None:
    text = "قالت دائرة المخابرات العامة إنها أحبطت مخططا."
    assert _typed(text, "ar", "دائرة المخابرات العامة") == ("org:gid-jordan", "JOR", "POL")
    assert _typed("The SBU detained two suspects.", "en", "SBU") == ("org:sbu", "UKR", "POL")


def test_a_military_intelligence_service_is_mil() -> None:
    assert _typed("The GRU ran the operation, officials said.", "en", "GRU") == ("org:gru", "RUS", "MIL")


def test_intelligence_services_named_by_their_country_are_pol() -> None:
    # A demonym with an intelligence noun: the country's intelligence services, not the state.
    cases = [
        ("Les services de renseignement tunisiens ont démantelé un réseau.", "fr", "TUN"),
        ("The Jordanian intelligence service arrested three men.", "en", "JOR"),
        ("Los servicios de inteligencia chilenos lo vigilaban.", "es", "CHL"),
        ("أعلنت المخابرات الأردنية إحباط مخطط.", "ar", "JOR"),
    ]
    for text, language, iso3 in cases:
        actors = [actor for actor in resolve(text, language) if actor.actor_id == f"intelligence:{iso3}"]
        assert actors and actors[0].sector == "POL" and actors[0].country == iso3, text


def test_artificial_intelligence_is_not_a_service() -> None:
    assert not any(i.startswith("intelligence:") for i in ids_of("La inteligencia artificial china avanza.", "es"))


# -- look-alikes: ordinary words are not these acronyms -------------------------------------------
def test_spanish_ira_and_ira_are_not_the_irish_republican_army() -> None:
    ids = ids_of("El alcalde irá a Lima mañana. La ira de los vecinos no se calma.", "es")
    assert "org:ira" not in ids


def test_lower_case_and_greek_look_alikes_are_not_matched() -> None:
    assert "org:eta" not in ids_of("The Eta Aquariids meteor shower peaks in May.", "en")
    assert "org:mit-turkey" not in ids_of("Er sprach mit dem Minister über die Lage.", "de")
    assert "org:contras" not in ids_of("El ministro sopesó los pros y los contras del plan.", "es")


def test_a_french_party_acronym_is_not_the_philippine_guerrilla() -> None:
    # NPA is also the French Nouveau Parti anticapitaliste: the guerrilla is named in full only.
    ids = ids_of("Le NPA n'a pas appelé à voter au second tour.", "fr")
    assert "org:new-peoples-army" not in ids


# -- the dictionary's own consistency -------------------------------------------------------------
def test_armed_groups_are_rebels_unless_state_affiliated() -> None:
    for actor in resolver().knowledge.dictionary.values():
        if actor.type == "armed_group":
            assert actor.sector in {"REB", "MIL"}, actor.actor_id


def test_intelligence_services_are_pol_or_mil() -> None:
    dictionary = resolver().knowledge.dictionary
    for actor_id in ("org:cia", "org:mossad", "org:shin-bet", "org:kgb", "org:fsb", "org:bnd", "org:isi-pakistan"):
        assert dictionary[actor_id].sector == "POL", actor_id
