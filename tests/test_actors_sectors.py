"""Sectors of people and organisations (transforms/actors/sectors.py, titles in persons.py, parties
in knowledge.py): GOV, LEG, OPP, JUD, BUS, CVL, MED, NGO, IGO as the realnews GUIDE codes them."""

from __future__ import annotations

from datetime import date

from tests.actors_support import by_id, mention_of, resolve, resolver


def _sector_of(text: str, language: str, surface: str, day: date = date(2013, 3, 1)) -> str | None:
    actor, _ = mention_of(resolve(text, language, day), surface)
    return actor.sector


# -- vocabulary -----------------------------------------------------------------------------------
def test_a_party_is_gov_in_government_and_opp_out_of_it() -> None:
    ump = resolver().knowledge.dictionary["org:fra-ump"]
    assert ump.sector_on(date(2008, 6, 1)) == "GOV"
    assert ump.sector_on(date(2013, 6, 1)) == "OPP"
    assert ump.sector_on(None) == "PTY"


def test_every_party_of_the_dictionary_says_when_it_governed() -> None:
    parties = [actor for actor in resolver().knowledge.dictionary.values() if actor.is_party]
    assert parties and all(actor.government is not None for actor in parties)


def test_unnamed_police_are_pol() -> None:
    actors = by_id(resolve("La policía colombiana detuvo a tres hombres en Cali.", "es", date(2013, 3, 1)))
    assert actors["police:COL"].sector == "POL"


def test_an_honorific_gives_no_sector() -> None:
    text = "Le Premier ministre grec a parlé hier. M. Petros Vlachos a quitté la salle sans un mot."
    assert _sector_of(text, "fr", "Petros Vlachos") is None


def test_a_senator_is_a_legislator() -> None:
    assert _sector_of("Senator Mary Whitlock said the bill would fail.", "en", "Mary Whitlock") == "LEG"


# -- people -----------------------------------------------------------------------------------------
def test_a_member_of_a_party_in_opposition_is_opp() -> None:
    text = "À l'Assemblée nationale, Jacques Moreau (UMP) a dénoncé un budget injuste."
    assert _sector_of(text, "fr", "Jacques Moreau") == "OPP"


def test_an_opposition_word_before_the_title() -> None:
    text = "The poll was bad news for Labour opposition leader Gareth Pryce, who lost ground."
    assert _sector_of(text, "en", "Gareth Pryce") == "OPP"


def test_a_president_takes_the_sector_of_the_body_he_heads() -> None:
    text = "Le texte a été adopté. Paul Girard, président de l'Assemblée, a levé la séance."
    assert _sector_of(text, "fr", "Paul Girard") == "LEG"


def test_a_president_of_a_multinational_body_is_igo() -> None:
    text = "Les marchés ont salué le vote. Jan Kowalski, le président de la commission européenne se dit rassuré."
    assert _sector_of(text, "fr", "Jan Kowalski") == "IGO"


def test_a_title_right_after_an_organisation_takes_its_sector() -> None:
    text = (
        "The Federal Postal Workers Union (FPWU) called a strike on Monday. "
        "FPWU President Roland Tessier told reporters the talks had failed."
    )
    assert _sector_of(text, "en", "Roland Tessier") == "CVL"


def test_an_apposition_opened_by_an_article() -> None:
    text = "Marie Durand, la porte-parole du gouvernement, a démenti la rumeur jeudi."
    _, mention = mention_of(resolve(text, "fr", date(2013, 3, 1)), "Marie Durand")
    assert mention.office == "porte-parole du gouvernement"


def test_an_adjective_between_the_title_and_the_name() -> None:
    text = "Le nouveau premier ministre conservateur Yannis Petrou a présenté son gouvernement."
    assert _sector_of(text, "fr", "Yannis Petrou") == "GOV"


def test_an_office_of_several_words_before_a_comma_and_the_name() -> None:
    text = "Madrid, 3 mar (EFE). El vicepresidente primero del Gobierno, Julián Ortega, afirmó hoy que habrá acuerdo."
    actor, mention = mention_of(resolve(text, "es", date(2013, 3, 3)), "Julián Ortega")
    assert (actor.sector, mention.office) == ("GOV", "vicepresidente primero del Gobierno")


def test_a_lower_case_complement_before_the_comma() -> None:
    text = "D'après le ministre du budget, Julien Lefort, « il manque deux milliards »."
    assert _sector_of(text, "fr", "Julien Lefort") == "GOV"


def test_the_body_an_office_names_stays_an_actor() -> None:
    text = "París, 3 mar (EFE). La portavoz del Ministerio francés de Asuntos Exteriores, Claire Dubois, indicó que no habrá cambios."
    actors = resolve(text, "es", date(2013, 3, 3))
    person, _ = mention_of(actors, "Claire Dubois")
    ministry, _ = mention_of(actors, "Ministerio francés")
    assert person.country == "FRA" and ministry.country == "FRA"


def test_a_body_after_a_title_is_no_person() -> None:
    text = "The panel includes a representative of the National Planning Council and two judges."
    assert not any(actor.type == "person" for actor in resolve(text, "en", date(2013, 3, 1)))


# -- organisations ------------------------------------------------------------------------------------
def test_a_company_suffix_makes_a_company_not_a_person() -> None:
    actor, _ = mention_of(
        resolve("Granite Data Corp said it would cut 300 jobs.", "en", date(2013, 3, 1)), "Granite Data Corp"
    )
    assert (actor.type, actor.sector) == ("organization", "BUS")


def test_a_court_is_judicial() -> None:
    text = "Madrid, 3 mar (EFE). El Tribunal Superior de Justicia de Aragón anuló la sentencia."
    assert _sector_of(text, "es", "Tribunal Superior de Justicia de Aragón", date(2013, 3, 3)) == "JUD"


def test_an_apposition_says_what_the_organisation_is() -> None:
    text = "He is a member of the Canada-Chile Trade Forum, a non-profit group that promotes exports."
    assert _sector_of(text, "en", "Canada-Chile Trade Forum") == "NGO"


def test_a_media_noun_before_the_name() -> None:
    text = "« Le gouvernement ment », écrit notamment le quotidien El Diario Montañés dans son éditorial."
    assert _sector_of(text, "fr", "El Diario Montañés") == "MED"


# -- one person, two names ----------------------------------------------------------------------------
def test_given_name_and_first_surname_join_the_full_name() -> None:
    text = "La journaliste Lucía Ferrer Ibáñez a été licenciée. Vendredi, Lucía Ferrer l'a annoncé sur Twitter."
    actor, _ = mention_of(resolve(text, "fr", date(2013, 3, 1)), "Lucía Ferrer")
    assert actor.name == "Lucía Ferrer Ibáñez"


# -- Arabic names after a title ---------------------------------------------------------------------
def test_an_arabic_spokesman_of_a_body_is_no_person_named_after_the_body() -> None:
    text = "وقال المتحدث الرسمي باسم الأجهزة الأمنية إن التحقيق مستمر."
    assert not any(actor.type == "person" for actor in resolve(text, "ar", date(2015, 8, 1)))


def test_an_arabic_title_before_a_dictionary_body_names_no_person() -> None:
    text = "ودعا الأمين العام للأمم المتحدة إلى وقف القتال فورا."
    actors = resolve(text, "ar", date(2015, 8, 1))
    assert {actor.actor_id for actor in actors} == {"igo:united-nations"}


def test_the_preposition_amam_is_no_imam() -> None:
    text = "وسيعرض المشروع أمام مجلس الأمن الدولي الأسبوع المقبل."
    assert not any(actor.type == "person" for actor in resolve(text, "ar", date(2015, 8, 1)))


def test_initials_join_the_full_name() -> None:
    text = "Barack Obama a parlé lundi à Columbus. Mardi, B. Obama a visité quatre villes."
    actor, _ = mention_of(resolve(text, "fr", date(2012, 11, 2)), "B. Obama")
    assert actor.actor_id == "person:barack-obama"


def test_a_name_and_its_acronym_in_parentheses_are_one_actor() -> None:
    text = "Le gouvernement est soutenu par le Parti socialiste (PASOK). Le PASOK a obtenu trois ministères."
    actors = resolve(text, "fr", date(2013, 3, 1))
    party, _ = mention_of(actors, "Parti socialiste")
    assert party.actor_id == "org:grc-pasok" and party.sector == "GOV"


def test_dotted_initials_keep_their_final_period() -> None:
    text = "The U.S. and the U.N. agreed on Tuesday to send more food aid."
    actors = by_id(resolve(text, "en", date(2013, 3, 1)))
    assert {mention.text for mention in actors["state:USA"].mentions} == {"U.S."}


def test_an_apposition_opened_by_an_appointment_participle() -> None:
    text = "Le cabinet compte dix membres. Christos Petrou, nommé vice-ministre, a prêté serment hier."
    actor, mention = mention_of(resolve(text, "fr", date(2012, 6, 21)), "Christos Petrou")
    assert (actor.sector, mention.office) == ("GOV", "vice-ministre")


def test_a_government_named_after_its_head() -> None:
    text = (
        "Jean-Luc Moreau a remporté les élections de mai. "
        "Le 28 juin dernier, le gouvernement Moreau a changé la direction de la radio publique."
    )
    assert _sector_of(text, "fr", "Jean-Luc Moreau") == "GOV"


def test_a_dictionary_body_after_a_title_is_no_person() -> None:
    text = "Madrid, 3 mar (EFE). No comparte la idea adelantada por el portavoz del PNV de que haya cambios."
    assert not any(actor.type == "person" for actor in resolve(text, "es", date(2013, 3, 3)))


def test_a_name_before_a_comma_and_a_title_is_a_person() -> None:
    text = "SAN JOSE, March 26 - Ramon Quesada, president of Costa Rica's central bank, said talks would resume."
    actors = resolve(text, "en", date(1987, 3, 26))
    person, mention = mention_of(actors, "Ramon Quesada")
    assert (person.type, person.country, person.sector) == ("person", "CRI", "GOV")
    assert mention.office == "president of Costa Rica's central bank"
    assert "state:CRI" in by_id(actors)  # the body the office names is still read


def test_a_time_phrase_before_a_comma_and_a_title_is_no_person() -> None:
    text = "On Monday, President Reagan met the delegation at the White House."
    assert {actor.actor_id for actor in resolve(text, "en", date(1987, 3, 2)) if actor.type == "person"} == {
        "person:ronald-reagan"
    }


def test_house_opening_a_committee_name_is_the_legislature() -> None:
    text = "WASHINGTON, March 3 - The House Energy and Commerce Committee approved the bill on Tuesday."
    assert _sector_of(text, "en", "House Energy and Commerce Committee", date(1987, 3, 3)) == "LEG"
