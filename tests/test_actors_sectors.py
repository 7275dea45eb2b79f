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
    text = "Lors du débat sur les retraites, Jacques Moreau (UMP) a réclamé un vote solennel."
    assert _sector_of(text, "fr", "Jacques Moreau") == "OPP"


def test_an_opposition_word_before_the_title() -> None:
    text = "Turnout fell in every ward, and Liberal opposition leader Gareth Pryce blamed the rain."
    assert _sector_of(text, "en", "Gareth Pryce") == "OPP"


def test_a_president_takes_the_sector_of_the_body_he_heads() -> None:
    text = "Le texte a été adopté. Paul Girard, président de l'Assemblée, a levé la séance."
    assert _sector_of(text, "fr", "Paul Girard") == "LEG"


def test_a_president_of_a_company_named_in_apposition_is_bus() -> None:
    text = "The shipyard won the order, Lars Holm, president of Holm-Berg Shipbuilding Co, said on Friday."
    assert _sector_of(text, "en", "Lars Holm") == "BUS"
    text = "Anna Varga, chairwoman of Danube Freight Corp, said the firm would expand."
    assert _sector_of(text, "en", "Anna Varga") == "BUS"


def test_a_president_of_a_multinational_body_is_igo() -> None:
    text = (
        "Les syndicats ont quitté la table. Jan Kowalski, le président de la commission africaine, regrette ce départ."
    )
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
    text = "Dès lundi, le jeune premier ministre libéral Yannis Petrou recevra les syndicats."
    assert _sector_of(text, "fr", "Yannis Petrou") == "GOV"


def test_an_office_of_several_words_before_a_comma_and_the_name() -> None:
    text = "Sevilla, 3 mar (EFE). El ministro portavoz del Gobierno, Julián Ortega, negó ayer que vaya a subir el IVA."
    actor, mention = mention_of(resolve(text, "es", date(2013, 3, 3)), "Julián Ortega")
    assert (actor.sector, mention.office) == ("GOV", "ministro portavoz del Gobierno")


def test_a_lower_case_complement_before_the_comma() -> None:
    text = "Pour la ministre du logement, Julie Lefort, les loyers vont baisser cet hiver."
    assert _sector_of(text, "fr", "Julie Lefort") == "GOV"


def test_an_office_with_an_elided_article_before_a_comma_and_the_name() -> None:
    text = "Mardi soir, le ministre de l'Agriculture, Étienne Marchal, a reçu les éleveurs en colère."
    actor, mention = mention_of(resolve(text, "fr", date(2013, 3, 3)), "Étienne Marchal")
    assert (actor.sector, mention.office) == ("GOV", "ministre de l'Agriculture")


def test_a_long_office_ending_on_a_party_acronym_before_the_comma() -> None:
    text = "Girona, 4 jun (EFE). El secretario de Organización de Acción Popular de Aragón (APA), Luis Ferrer, negó el pacto."
    actor, mention = mention_of(resolve(text, "es", date(2013, 6, 4)), "Luis Ferrer")
    assert (actor.actor_id, mention.office) == (
        "person:luis-ferrer",
        "secretario de Organización de Acción Popular de Aragón",
    )


def test_a_protester_named_after_a_comma_is_a_civilian() -> None:
    text = "Devant la préfecture, un manifestant, Youssef Amrani, réclamait la libération des détenus."
    assert _sector_of(text, "fr", "Youssef Amrani") == "CVL"


def test_an_activist_title_is_civilian() -> None:
    assert (
        _sector_of("La activista Rosa Quintero denunció la detención de tres periodistas.", "es", "Rosa Quintero")
        == "CVL"
    )


def test_the_president_of_a_parliamentary_group_is_a_legislator() -> None:
    text = "Au Palais-Bourbon, Hélène Vasseur, présidente du groupe écologiste, a demandé une suspension de séance."
    assert _sector_of(text, "fr", "Hélène Vasseur") == "LEG"


def test_the_president_of_an_opposition_party_group_is_opp() -> None:
    text = "Le président du groupe UMP, Gérard Lenoir, a dénoncé le budget de la Défense."
    assert _sector_of(text, "fr", "Gérard Lenoir") == "OPP"


def test_a_majority_leader_is_a_legislator() -> None:
    text = "Senate Majority Leader Tom Hadley scheduled the vote for Thursday."
    assert _sector_of(text, "en", "Tom Hadley") == "LEG"


def test_the_body_an_office_names_stays_an_actor() -> None:
    text = "Roma, 3 mar (EFE). El secretario del Ministerio francés de Cultura, Claude Dubois, visitó hoy el museo."
    actors = resolve(text, "es", date(2013, 3, 3))
    person, _ = mention_of(actors, "Claude Dubois")
    ministry, _ = mention_of(actors, "Ministerio francés")
    assert person.country == "FRA" and ministry.country == "FRA"


def test_a_body_after_a_title_is_no_person() -> None:
    text = "Tomorrow the judges will question a representative of the Regional Water Authority about the leak."
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
    text = "Last year she joined the Pacific Fisheries Council, a charity that trains young fishermen."
    assert _sector_of(text, "en", "Pacific Fisheries Council") == "NGO"


def test_a_media_noun_before_the_name() -> None:
    text = "Le scandale fait la une, et le quotidien El Diario Montañés réclame une enquête."
    assert _sector_of(text, "fr", "El Diario Montañés") == "MED"


def test_an_envoy_takes_the_sector_of_the_body_he_serves() -> None:
    text = "On Tuesday, UN envoy Marten Holst met both delegations in Geneva."
    assert _sector_of(text, "en", "Marten Holst") == "IGO"


def test_a_multinational_adjective_after_the_title() -> None:
    text = "Mercredi, l'émissaire onusien Pavel Dobrev a quitté Bamako sans accord."
    assert _sector_of(text, "fr", "Pavel Dobrev") == "IGO"


def test_an_arabic_office_straight_after_an_honorific_and_name() -> None:
    # pattern: honorific + name + office with no comma (Arabic apposition): the office's sector
    text = "افتتح المعرض بحضور السيدة مارتا لوبيز السفيرة الإسبانية بالرياض."
    assert _sector_of(text, "ar", "مارتا لوبيز") == "GOV"


def test_an_armed_organisation_is_no_army() -> None:
    text = "Trois militants de l'organisation armée indépendantiste Front Rouge ont été interpellés à Bastia."
    assert _sector_of(text, "fr", "Front Rouge") == "REB"


def test_an_honorific_after_the_comma_of_an_office() -> None:
    text = "La procureure du tribunal de Lyon, Mme Agnès Roussel, a requis trois ans de prison."
    assert _sector_of(text, "fr", "Agnès Roussel") == "JUD"


def test_the_name_of_god_is_no_person() -> None:
    text = "Les assaillants criaient « Allah » en brisant les vitrines, selon un commerçant du marché."
    actors = resolve(text, "fr", date(2013, 3, 1))
    assert not [actor for actor in actors if actor.type == "person"]


# -- one person, two names ----------------------------------------------------------------------------
def test_given_name_and_first_surname_join_the_full_name() -> None:
    text = "La journaliste Lucía Ferrer Ibáñez a été licenciée. Vendredi, Lucía Ferrer l'a annoncé sur Twitter."
    actor, _ = mention_of(resolve(text, "fr", date(2013, 3, 1)), "Lucía Ferrer")
    assert actor.name == "Lucía Ferrer Ibáñez"


# -- Arabic names after a title ---------------------------------------------------------------------
def test_an_arabic_spokesman_of_a_body_is_no_person_named_after_the_body() -> None:
    text = "وأوضح المتحدث باسم الهيئة الانتخابية أن النتائج ستعلن غدا."
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
    text = "La coalition compte sur le Parti socialiste ouvrier (PSOE). Le PSOE détient quatre portefeuilles."
    actors = resolve(text, "fr", date(2009, 3, 1))
    party, _ = mention_of(actors, "Parti socialiste ouvrier")
    assert party.actor_id == "org:esp-psoe" and party.sector == "GOV"


def test_dotted_initials_keep_their_final_period() -> None:
    text = "The U.S. and the U.N. agreed on Tuesday to send more food aid."
    actors = by_id(resolve(text, "en", date(2013, 3, 1)))
    assert {mention.text for mention in actors["state:USA"].mentions} == {"U.S."}


def test_an_apposition_opened_by_an_appointment_participle() -> None:
    text = (
        "Deux visages nouveaux siègent au conseil. Nikos Arvanitis, nommé vice-ministre, a pris la parole en premier."
    )
    actor, mention = mention_of(resolve(text, "fr", date(2012, 6, 21)), "Nikos Arvanitis")
    assert (actor.sector, mention.office) == ("GOV", "vice-ministre")


def test_a_government_named_after_its_head() -> None:
    text = (
        "Jean-Luc Moreau a remporté les élections de mai. "
        "Trois semaines plus tard, le gouvernement Moreau a remplacé le patron de la radio publique."
    )
    assert _sector_of(text, "fr", "Jean-Luc Moreau") == "GOV"


def test_a_dictionary_body_after_a_title_is_no_person() -> None:
    text = "Bilbao, 3 mar (EFE). El alcalde respondió ayer a las críticas del portavoz del PSOE sobre el puerto."
    assert not any(actor.type == "person" for actor in resolve(text, "es", date(2013, 3, 3)))


def test_a_name_before_a_comma_and_a_title_is_a_person() -> None:
    text = "QUITO, March 26 - Ramon Quesada, president of Ecuador's central bank, expects inflation to ease."
    actors = resolve(text, "en", date(1987, 3, 26))
    person, mention = mention_of(actors, "Ramon Quesada")
    assert (person.type, person.country, person.sector) == ("person", "ECU", "GOV")
    assert mention.office == "president of Ecuador's central bank"
    assert "state:ECU" in by_id(actors)  # the body the office names is still read


def test_a_time_phrase_before_a_comma_and_a_title_is_no_person() -> None:
    text = "On Monday, President Reagan met the delegation at the White House."
    assert {actor.actor_id for actor in resolve(text, "en", date(1987, 3, 2)) if actor.type == "person"} == {
        "person:ronald-reagan"
    }


def test_house_opening_a_committee_name_is_the_legislature() -> None:
    text = "WASHINGTON, March 3 - The House Energy and Commerce Committee approved the bill on Tuesday."
    assert _sector_of(text, "en", "House Energy and Commerce Committee", date(1987, 3, 3)) == "LEG"


def test_co_before_a_place_name_is_the_county_not_a_company() -> None:
    # "Co" counts as BUS only as a company suffix ending a name ("Holm-Berg Shipbuilding Co")
    actors = resolve("Sean Doyle, councillor for Co Kerry, criticised the British government.", "en", date(2013, 3, 1))
    assert all(actor.sector != "BUS" for actor in actors)
