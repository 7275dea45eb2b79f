"""Countries of unknown people and organisations, datelines, common-word and namesake guards,
renamed and former states (sentences written for these tests)."""

from __future__ import annotations

from datetime import date

from tests.actors_support import by_id, ids_of, mention_of, resolve
from transforms.actors.datelines import dateline_end
from transforms.actors.knowledge import renamed_to


# -- cues in the text -------------------------------------------------------------------------------
def test_a_demonym_right_before_a_name_gives_its_country() -> None:
    # pattern: <noun> <demonym> <Name>
    actors = resolve("Le quotidien belge Le Soir Matin a publié une enquête sur la Norvège.", "fr")
    actor, _ = mention_of(actors, "Soir Matin")
    assert actor.country == "BEL"


def test_a_demonym_further_back_behind_a_verb_says_nothing() -> None:
    # "l'ambassade équatorienne pour protéger X": the demonym qualifies the embassy, not X
    actors = resolve(
        "Le Portugal voulait entrer dans l'ambassade équatorienne pour arrêter Jonas Vidmar. Le Portugal a protesté.",
        "fr",
    )
    actor, _ = mention_of(actors, "Jonas Vidmar")
    assert actor.country != "ECU"


def test_an_apposition_with_a_demonym_gives_the_country() -> None:
    # pattern: <Name>, <title> ... <demonym>
    actors = resolve("Hier, Tomas Lindqvist, ministre suédois des Transports, a démissionné.", "fr")
    actor, _ = mention_of(actors, "Tomas Lindqvist")
    assert actor.country == "SWE"


def test_a_country_after_a_destination_word_is_the_posting_not_the_nationality() -> None:
    # pattern: <Name>, <title> auprès de <country>: the country is where the person is posted
    actors = resolve("Hier, Tomas Lindqvist, ambassadeur auprès de la Norvège, a démissionné.", "fr")
    actor, _ = mention_of(actors, "Tomas Lindqvist")
    assert actor.country != "NOR" or all(m.confidence <= 0.4 for m in actor.mentions)


def test_a_country_inside_an_organisation_name_gives_its_country() -> None:
    actors = resolve("El Partido Socialista Obrero Español criticó el proyecto.", "es")
    assert any(a.country == "ESP" and a.type != "state" for a in actors)


def test_of_country_after_an_organisation_name() -> None:
    actors = resolve("The Central Bank of Kenya raised rates on Monday.", "en")
    assert any(a.country == "KEN" and a.type not in ("state", "place") for a in actors)


# -- the article's dominant country -----------------------------------------------------------------
def test_the_dominant_country_is_a_low_confidence_last_resort() -> None:
    text = (
        "Le gouvernement portugais a présenté son budget. Lisbonne veut réduire le déficit du Portugal. "
        "Le député Rui Tavares Monteiro a critiqué le texte."
    )
    actor, mention = mention_of(resolve(text, "fr"), "Rui Tavares Monteiro")
    assert actor.country == "PRT"
    assert mention.confidence <= 0.4


def test_no_dominant_country_when_two_countries_share_the_article() -> None:
    text = (
        "La France et l'Allemagne ont signé un accord. Paris et Berlin saluent le texte. "
        "Le négociateur Rui Tavares Monteiro a critiqué le texte."
    )
    actor, _ = mention_of(resolve(text, "fr"), "Rui Tavares Monteiro")
    assert actor.country is None


def test_a_multinational_organisation_never_takes_the_dominant_country() -> None:
    text = (
        "Le Portugal a présenté son budget. Lisbonne veut réduire le déficit du Portugal. "
        "L'Organisation Internationale des Pêcheurs a critiqué le texte."
    )
    actors = resolve(text, "fr")
    assert not any(a.country == "PRT" and "Internationale" in a.name for a in actors)


# -- datelines --------------------------------------------------------------------------------------
def test_datelines_are_recognised_in_several_styles() -> None:
    assert dateline_end("OSLO, Jan 4 - The government said") == len("OSLO, Jan 4 -")
    assert dateline_end("Lisboa, 12 feb (EFE). El Gobierno") == len("Lisboa, 12 feb (EFE).")
    assert dateline_end("Ourense (Galicia), 3 jun (EFE). La") == len("Ourense (Galicia), 3 jun (EFE).")
    assert dateline_end("NAIROBI (Reuters) - Kenya said") == len("NAIROBI (Reuters) -")
    assert dateline_end("Norway, Sweden and Denmark met on 4 May.") == 0


def test_a_dateline_is_a_place_never_an_acting_state() -> None:
    ids = ids_of("OSLO, Jan 4 - Sweden and Finland signed a fishing accord on Monday.", "en")
    assert "state:NOR" not in ids
    assert "state:SWE" in ids


# -- guards -----------------------------------------------------------------------------------------
def test_arabic_financial_is_not_mali() -> None:
    # مالية "financial" after its noun is an adjective, not "Malian"
    assert "state:MLI" not in ids_of("أعلنت الحكومة عن إصلاحات مالية جديدة لدعم الاقتصاد.", "ar")


def test_arabic_mali_after_a_preposition_or_an_army_is_mali() -> None:
    assert any(i.endswith("MLI") for i in ids_of("وصل الوزير إلى مالي أمس.", "ar"))
    assert any(i.endswith("MLI") for i in ids_of("هاجم الجيش المالي مواقع المتمردين.", "ar"))


def test_arabic_the_city_is_not_medina() -> None:
    ids = ids_of("قال رئيس البلدية إن المدينة تحتاج إلى مستشفى جديد.", "ar")
    assert not any(i.endswith("SAU") or "medina" in i for i in ids)


def test_a_city_name_heading_a_longer_name_is_not_that_city() -> None:
    # "Santiago de Compostela" is no mention of Santiago (Chile)
    ids = ids_of("El alcalde de Santiago de Compostela inauguró el puente.", "es")
    assert "state:CHL" not in ids and not any(i.startswith("place:CHL") for i in ids)


def test_a_namesake_town_goes_to_the_article_country() -> None:
    # Valencia: Spain and Venezuela; an article about Spain means the Spanish one
    text = (
        "El Gobierno español aprobó el plan. Madrid y el Gobierno de España lo defienden. "
        "La feria se celebró en Valencia."
    )
    actors = resolve(text, "es")
    actor, _ = mention_of(actors, "Valencia")
    assert actor.country == "ESP"


# -- renamed and former states ----------------------------------------------------------------------
def test_renamed_states_take_their_current_code() -> None:
    assert (renamed_to("BUR"), renamed_to("HVO"), renamed_to("DHY")) == ("MMR", "BFA", "BEN")
    assert renamed_to("SUN") is None and renamed_to("DDR") is None
    assert "state:MMR" in ids_of("Burma rejected the report.", "en")


def test_a_successor_stands_for_the_former_state_by_date() -> None:
    text = "Moscow rejected the proposal, Russian officials said."
    assert "state:SUN" in ids_of(text, "en", date(1987, 3, 3))
    assert "state:RUS" in ids_of(text, "en", date(2015, 3, 3))
    assert "state:YUG" in ids_of("Belgrade protested.", "en", date(1989, 5, 1))


# -- person merges --------------------------------------------------------------------------------
def test_a_close_full_name_with_another_first_name_is_another_person() -> None:
    # pattern: fuzzy match of a full name needs the first names to agree
    actors = resolve("Treasury Secretary Donald Regan met President Reagan on Monday.", "en", date(1987, 3, 3))
    actor, _ = mention_of(actors, "Donald Regan")
    assert actor.actor_id != "person:ronald-reagan"


def test_a_misspelt_full_name_with_the_same_first_name_still_matches() -> None:
    actors = resolve("Francois Mitterand a reçu le chancelier.", "fr", date(1985, 3, 3))
    actor, _ = mention_of(actors, "Francois Mitterand")
    assert actor.actor_id == "person:francois-mitterrand"


def test_a_place_name_closing_a_tagged_person_is_the_surname() -> None:
    # pattern: PER span "<given name> <toponym>" -> the toponym is the surname
    actors = resolve("Hier, Jean-Marc Paris a rencontré les élus.", "fr")
    assert any(m.text == "Jean-Marc Paris" for a in actors for m in a.mentions if a.type == "person")


def test_a_person_in_an_international_office_acts_for_no_state() -> None:
    # pattern: a dictionary person whose office that day is an IGO one (sector IGO)
    actors = by_id(resolve("Ban Ki-moon a appelé les deux camps au calme.", "fr", date(2012, 5, 2)))
    person = actors["person:ban-ki-moon"]
    assert (person.sector, person.country) == ("IGO", None)


# -- non-state actors keep their own type and sector ----------------------------------------------
def test_rebels_and_opposition_of_a_country_are_not_the_state() -> None:
    # pattern: <demonym> + non-state head noun (either order) -> a group of that country
    for text, language in (
        ("Libyan rebels shelled the port while the Libyan opposition met.", "en"),
        ("Les rebelles libyens ont bombardé le port et l'opposition libyenne s'est réunie.", "fr"),
        ("Los rebeldes libios atacaron el puerto y la oposición libia se reunió.", "es"),
        ("هاجم المتمردون الليبيون الميناء.", "ar"),
    ):
        actors = by_id(resolve(text, language))
        assert actors["org:libya-rebels"].sector == "REB", text
        assert actors["org:libya-rebels"].country == "LBY"
        assert actors["org:libya-rebels"].type == "armed_group"
        if language != "ar":
            assert actors["org:libya-opposition"].sector == "OPP", text


def test_a_national_observatory_is_an_ngo_of_its_country() -> None:
    actors = resolve("The Yemeni Observatory for Civil Liberties said ten people were held.", "en")
    actor, _ = mention_of(actors, "Yemeni Observatory for Civil Liberties")
    assert (actor.country, actor.sector) == ("YEM", "NGO")
    assert "state:YEM" not in by_id(actors)


def test_opposition_to_something_is_no_group() -> None:
    assert "org:libya-opposition" not in ids_of("Libyan opposition to the plan grew.", "en")


# -- Arabic names and offices ---------------------------------------------------------------------
def test_an_arabic_name_runs_over_its_nasab_and_family_name() -> None:
    # pattern: title + given name + (بن X)* + (آل X): the whole chain is the name
    actors = resolve("التقى الشيخ خالد بن سعود آل ثاني الوفد أمس.", "ar")
    assert any(m.text == "خالد بن سعود آل ثاني" for a in actors for m in a.mentions if a.type == "person")


def test_an_arabic_office_after_the_name_gives_the_country() -> None:
    # pattern: <name> <office ... city/country> with no comma between (Arabic apposition)
    actors = resolve("التقى الشيخ خالد بن سعود آل ثاني أمير منطقة الدوحة الوفد أمس.", "ar")
    actor = next(a for a in actors if a.type == "person")
    assert actor.country == "QAT"


def test_a_gulf_ruling_family_name_gives_the_country() -> None:
    # pattern: ... آل <ruling family> / Al <ruling family> (actors_families.yaml)
    actors = resolve("استقبل الشيخ منصور بن راشد آل نهيان السفير الياباني في مكتبه.", "ar")
    assert next(a for a in actors if a.type == "person").country == "ARE"
    actors = resolve("Sheikh Faisal bin Ali Al Khalifa opened the new port on Sunday.", "en")
    assert next(a for a in actors if a.type == "person").country == "BHR"


def test_a_family_word_without_al_gives_no_country() -> None:
    actors = resolve("Le journaliste Karim Saud a interrogé des témoins à Lyon.", "fr")
    assert next(a for a in actors if a.type == "person").country != "SAU"


def test_protocol_words_after_an_arabic_title_are_no_name() -> None:
    # pattern: title + time word + protocol noun ("وزير الخارجية اليوم وفدا"): no person
    actors = resolve("استقبل وزير الخارجية اليوم وفدا برلمانيا في مقر الوزارة.", "ar")
    assert not [a for a in actors if a.type == "person"]


def test_a_known_name_opening_a_longer_arabic_name_is_that_person() -> None:
    actors = by_id(resolve("استقبل الشيخ محمد بن زايد آل نهيان الوفد.", "ar", date(2015, 8, 2)))
    assert "person:mohammed-bin-zayed" in actors


def test_a_person_with_a_multinational_office_never_takes_the_dominant_country() -> None:
    # pattern: multinational word in the title phrase or the apposition
    text = (
        "Le Portugal a présenté son budget. Lisbonne veut réduire le déficit du Portugal. "
        "Hier, Rui Tavares Monteiro, commissaire européen aux Finances, a critiqué le texte."
    )
    actor, _ = mention_of(resolve(text, "fr"), "Rui Tavares Monteiro")
    assert actor.country is None


def test_unesco_is_an_igo() -> None:
    actors = by_id(resolve("L'UNESCO a condamné la destruction des mausolées au Portugal.", "fr"))
    assert actors["igo:unesco"].country is None and actors["igo:unesco"].sector == "IGO"


def test_a_dateline_town_the_index_does_not_know_votes_by_geonames() -> None:
    # pattern: "<town> (<region>), <day> <month> (<agency>)." -> the one country with that town
    text = "Ponferrada (León), 3 jun (EFE). El diputado Xurxo Ferreiro Lema criticó el plan."
    actor, mention = mention_of(resolve(text, "es"), "Xurxo Ferreiro Lema")
    assert actor.country == "ESP" and mention.confidence <= 0.4


def test_the_dateline_weighs_against_a_foreign_country_the_story_discusses() -> None:
    # pattern: home dateline (2 votes) vs a foreign state named three times -> no dominant country
    text = (
        "Lisboa, 3 jun (EFE). El diputado Rui Tavares Monteiro criticó al Gobierno de Chile. "
        "Chile y el gobierno chileno no respondieron."
    )
    actor, _ = mention_of(resolve(text, "es"), "Rui Tavares Monteiro")
    assert actor.country != "CHL"


def test_an_office_then_a_comma_then_a_name_is_that_person() -> None:
    # pattern: "<title> de <Complement>, <Given> <Surname>, <verb>"
    actors = resolve("El ministro de Agricultura, Tomás Barreiro Lago, anunció ayudas.", "es")
    actor, mention = mention_of(actors, "Tomás Barreiro Lago")
    assert actor.type == "person" and mention.office == "ministro de Agricultura"


def test_a_comma_list_of_places_after_a_title_is_no_person() -> None:
    ids = ids_of("The minister, France and Germany agreed on Monday.", "en")
    assert not any(i.startswith("person:") for i in ids)


def test_an_appositive_office_gives_country_and_sector() -> None:
    # pattern: "<Name>, <title> de la république <demonym>," -> country from the demonym, sector from the title
    actors = resolve("Hier, Tomas Lindqvist, président de la république finlandaise, a parlé.", "fr")
    actor, _ = mention_of(actors, "Tomas Lindqvist")
    assert (actor.country, actor.sector) == ("FIN", "GOV")


def test_a_surname_two_people_share_points_at_neither() -> None:
    # pattern: two full names with one surname and different first names; the bare surname is ambiguous
    text = (
        "Le président Anders Holmqvist a reçu le ministre Karin Holmqvist. Holmqvist a ensuite parlé aux journalistes."
    )
    actors = resolve(text, "fr")
    people = {a.actor_id for a in actors if a.type == "person"}
    assert {"person:anders-holmqvist", "person:karin-holmqvist"} <= people
    assert not any(m.text == "Holmqvist" and m.rule == "coreference" for a in actors for m in a.mentions)


def test_a_country_ending_the_previous_sentence_is_no_title_qualifier() -> None:
    # "Norway protested. Prime Minister X": Norway is not X's country
    actors = resolve("Norway protested. Prime Minister Kalle Anka Berg said it would fight.", "en")
    actor, _ = mention_of(actors, "Kalle Anka Berg")
    assert actor.country != "NOR" or all(m.confidence <= 0.4 for m in actor.mentions)


# -- party membership -----------------------------------------------------------------------------
def test_a_party_in_parentheses_after_a_person_gives_the_party_country() -> None:
    # pattern: "<Name> (<party acronym>)" with a dictionary party
    actors = resolve("Hier, Rui Tavares Monteiro (PSOE) a voté contre le budget.", "fr")
    actor, mention = mention_of(actors, "Rui Tavares Monteiro")
    assert actor.country == "ESP" and mention.confidence <= 0.7


def test_ordinary_words_are_no_parties() -> None:
    ids = ids_of("Podemos hacerlo, dijeron los Ciudadanos del barrio.", "es")
    assert not any(i.startswith("org:esp-") for i in ids)


def test_a_generic_party_name_is_not_one_country_party() -> None:
    # "le Parti socialiste" of another country is not the French PS
    actors = resolve("En Grèce, le Parti socialiste a perdu. Athènes et la Grèce votent.", "fr")
    assert not any(a.actor_id == "org:fra-parti-socialiste" for a in actors)


def test_a_un_envoy_never_takes_the_dominant_country() -> None:
    # pattern: a multinational word within a few words of the name, no punctuation between
    text = (
        "Le Portugal a présenté son budget. Lisbonne veut réduire le déficit du Portugal. "
        "L'envoyé onusien Rui Tavares Monteiro a critiqué le texte."
    )
    actor, _ = mention_of(resolve(text, "fr"), "Rui Tavares Monteiro")
    assert actor.country is None


def test_arab_inside_a_state_name_is_not_multinational() -> None:
    # "الإمارات العربية المتحدة" holds "العربية" (Arab) but names one state
    text = (
        "أعلنت الإمارات العربية المتحدة دعمها. وقالت أبوظبي إن الإمارات مستعدة. "
        "وقال الشيخ خالد بن سعود المري في الإمارات العربية المتحدة إن القرار صائب."
    )
    actor = next(a for a in resolve(text, "ar") if a.type == "person")
    assert actor.country == "ARE"
