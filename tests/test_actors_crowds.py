"""Crowds and unnamed police as actors (transforms/actors/crowds.py). Sentences written for these tests."""

from __future__ import annotations

from tests.actors_support import by_id, ids_of, resolve


def test_a_crowd_noun_with_a_demonym_is_that_countrys_civilians() -> None:
    # noun + demonym in Spanish and Arabic, demonym + noun in English
    actors = by_id(resolve("Los huelguistas bolivianos cortaron ayer la carretera.", "es"))
    crowd = actors["civilians:BOL"]
    assert crowd.type == "civilians" and crowd.sector == "CVL" and crowd.country == "BOL"
    assert "state:BOL" not in actors  # the demonym belongs to the crowd, not to the state
    assert "civilians:JOR" in ids_of("واعتصم الطلاب الأردنيون في الجامعة.", "ar")
    assert "civilians:PER" in ids_of("Peruvian strikers blocked the highway on Monday.", "en")


def test_a_bare_crowd_noun_takes_the_articles_dominant_country() -> None:
    text = (
        "Miles de manifestantes recorrieron el centro de Quito. El Gobierno de Ecuador "
        "anunció una reunión con los sindicatos ecuatorianos."
    )
    actors = by_id(resolve(text, "es"))
    assert actors["civilians:ECU"].mentions[0].text == "manifestantes"
    assert actors["civilians:ECU"].mentions[0].confidence <= 0.4  # the dominant country is a weak cue


def test_a_crowd_nobody_can_place_is_no_actor() -> None:
    assert not any(i.startswith("civilians") for i in ids_of("Los manifestantes cortaron la calle principal.", "es"))
    assert not any(i.startswith("civilians") for i in ids_of("تجمع المتظاهرون أمام المبنى.", "ar"))


def test_a_glued_conjunction_is_left_out_of_the_crowd_mention() -> None:
    actors = by_id(resolve("وتظاهر آلاف في الرباط، والمتظاهرون طالبوا الحكومة المغربية بالإصلاح.", "ar"))
    texts = [m.text for m in actors["civilians:MAR"].mentions]
    assert "المتظاهرون" in texts


def test_unnamed_police_is_the_national_police_of_the_article() -> None:
    text = "La Policía detuvo anoche a tres hombres en Sevilla, informó el Ministerio del Interior español."
    actors = by_id(resolve(text, "es"))
    assert actors["police:ESP"].sector == "POL"
    assert "police:IRQ" in ids_of("فرقت الشرطة المتظاهرين في وسط بغداد.", "ar")
    assert not any(i.startswith("police") for i in ids_of("La Policía detuvo a tres hombres.", "es"))


def test_a_name_or_institution_wins_over_the_crowd_noun() -> None:
    # "policía" inside "la policía colombiana" is the institution named by the demonym
    actors = by_id(resolve("La policía colombiana detuvo a dos estudiantes en Cali.", "es"))
    assert actors["police:COL"].mentions[0].text.lower().startswith("policía colombiana")


def test_a_bare_capitalised_government_noun_is_the_articles_state() -> None:
    text = "El Gobierno aprobó ayer el presupuesto de Chile, y el Senado lo votará en Santiago."
    actors = by_id(resolve(text, "es"))
    assert [m.text for m in actors["state:CHL"].mentions if m.text in {"Gobierno", "Senado"}] == ["Gobierno", "Senado"]
    # lower case is the adjective ("director ejecutivo"), and with no country there is no state
    assert not any(i.startswith("state") for i in ids_of("El director ejecutivo habló con el Gobierno.", "es"))


def test_a_count_of_nationals_is_a_crowd_of_that_country() -> None:
    # "thousands of Iranians": a count word, an optional "of", a demonym used as a noun
    assert "civilians:IRN" in ids_of("وتظاهر آلاف الإيرانيين امس.", "ar")
    assert "civilians:NPL" in ids_of("وخرج الآلاف من النيباليين إلى الشوارع.", "ar")
    assert "civilians:PER" in ids_of("Miles de peruanos marcharon ayer.", "es")
    assert "civilians:PER" in ids_of("Thousands of Peruvians marched on Monday.", "en")


def test_an_arabic_crowd_takes_the_country_of_the_place_its_clause_puts_it_in() -> None:
    # "في كييف" places the crowd; the embassy's country names no place, so it does not count
    text = "وقف محتجون قرب سفارة بولندا في كييف رفضا للقانون الجديد."
    actors = by_id(resolve(text, "ar"))
    assert actors["civilians:UKR"].mentions[0].text == "محتجون"
    assert "civilians:POL" not in actors
    assert "civilians:EGY" in ids_of("خرج متظاهرون في مدينة الإسكندرية ضد الغلاء.", "ar")


def test_an_arabic_crowd_placed_in_two_countries_or_another_clause_stays_unplaced() -> None:
    assert not any(i.startswith("civilians") for i in ids_of("تظاهر طلاب في القاهرة وفي باريس.", "ar"))
    # the place is in the next clause, after the comma: not where this crowd is
    text = "تجمع المتظاهرون أمام المبنى، وقال مسؤول في موسكو إن الوضع في كييف هادئ."
    assert not any(i.startswith("civilians") for i in ids_of(text, "ar"))


def test_arabic_unnamed_gunmen_placed_by_their_clause_are_that_countrys_rebels() -> None:
    actors = by_id(resolve("هاجم مسلحون حاجزا للشرطة في بغداد.", "ar"))
    gunmen = actors["org:iraq-rebels"]
    assert gunmen.type == "armed_group" and gunmen.sector == "REB" and gunmen.mentions[0].text == "مسلحون"
    # with no place in their clause, nobody can say whose gunmen they are
    assert not any(i.endswith("rebels") for i in ids_of("جرح أربعة مسلحين في اشتباك، وزار الوزير البصرة.", "ar"))


def test_arabic_settlers_are_israeli_civilians() -> None:
    actors = by_id(resolve("وقال شهود إن العشرات من مستوطني المستوطنة اقتحموا حقول القرية.", "ar"))
    settlers = actors["civilians:ISR"]
    assert settlers.sector == "CVL" and settlers.mentions[0].text == "مستوطني"
    assert "civilians:ISR" in ids_of("ورشق المستوطنون السيارات بالحجارة.", "ar")


def test_an_arabic_crowd_is_placed_by_a_town_smaller_than_the_gazetteers_cities() -> None:
    # Najaf and Nablus are below the gazetteer's population line: read only as places after "في"/"ب"
    assert "civilians:IRQ" in ids_of("تظاهر الطلاب في النجف ضد الحكومة.", "ar")
    assert "civilians:PSE" in ids_of("خرج متظاهرون بنابلس ضد الاحتلال.", "ar")
    # a town spelled like a common word is never one ("بالخبر": with the news)
    assert not any(i.startswith("civilians") for i in ids_of("تجمع الطلاب في الساحة ورحبوا بالخبر.", "ar"))


def test_settlers_and_clause_placed_crowds_cast_no_vote_for_the_dominant_country() -> None:
    # the settlers are Israeli, the villagers they attack are not: no dominant country for them
    text = "هاجم مستوطنون المواطنين في قرية قرب المستوطنة."
    ids = ids_of(text, "ar")
    assert "civilians:ISR" in ids and not any(i.startswith("civilians") and i != "civilians:ISR" for i in ids)
    assert [m.text for m in by_id(resolve(text, "ar"))["civilians:ISR"].mentions] == ["مستوطنون"]


def test_an_arabic_policeman_is_the_police() -> None:
    # "شرطي" (a policeman) and "شرطيون" are bare police nouns like "الشرطة"
    assert "police:IRQ" in ids_of("قتل شرطي في انفجار عبوة في بغداد.", "ar")


def test_a_definite_government_or_army_noun_is_the_dominant_countrys_institution() -> None:
    text = (
        "OSLO - Norway's fishermen blocked the port of Bergen on Tuesday. Norwegian unions said "
        "the federal government had ignored them, and the armed forces were put on alert in Norway."
    )
    actors = by_id(resolve(text, "en"))
    assert "federal government" in [m.text for m in actors["state:NOR"].mentions]
    army = actors["military:NOR"]
    assert army.sector == "MIL" and [m.text for m in army.mentions] == ["armed forces"]
    assert all(m.confidence <= 0.4 for m in army.mentions)  # only the dominant country says whose
    french = (
        "Au Pérou, les syndicats péruviens ont manifesté à Lima. Le nouveau gouvernement a promis des réformes, "
        "que l'assemblée nationale examinera."
    )
    texts = [m.text for m in by_id(resolve(french, "fr"))["state:PER"].mentions]
    assert "gouvernement" in texts and "assemblée nationale" in texts


def test_a_definite_government_noun_is_no_actor_without_a_clear_owner() -> None:
    # no dominant country
    assert not any(i.startswith("state") for i in ids_of("The government raised taxes again.", "en"))
    # another country named in the same sentence could own it
    text = (
        "Peru's president spoke in Lima on Monday. Peruvian ministers flew to Lima and Cusco. "
        "Visiting Brazil, the government signed a loan."
    )
    mentions = [m.text for a in resolve(text, "en") if a.actor_id.startswith("state") for m in a.mentions]
    assert "government" not in mentions
    # a name after the noun says whose it is ("le gouvernement Rajoy")
    french = (
        "En France, les députés français ont voté à Paris. Le gouvernement Dupont a démissionné, "
        "comme les ministres du régime d'Henri Durand."
    )
    mentions = [m.text for a in resolve(french, "fr") for m in a.mentions]
    assert "gouvernement" not in mentions and "régime" not in mentions
    # a noun of the list that means a system, not a government, is left out
    text = "En France, les députés français ont voté à Paris. Le régime fiscal des artisans change."
    assert "régime" not in [m.text for a in resolve(text, "fr") for m in a.mentions]


def test_rebels_of_a_place_are_that_countrys_rebels() -> None:
    # a town only GeoNames' smaller towns know, and a capital
    actors = by_id(resolve("Un obus tiré par les rebelles de Homs a touché le marché.", "fr"))
    assert actors["org:syria-rebels"].sector == "REB"
    assert [m.text for m in actors["org:syria-rebels"].mentions] == ["rebelles de Homs"]
    assert "org:libya-rebels" in ids_of("Los milicianos de Trípoli cerraron el aeropuerto.", "es")
    # punctuation between: "de X à Y" is another phrase
    assert not any(i.endswith("rebels") for i in ids_of("Les rebelles, de Homs à Alep, reculent.", "fr"))


def test_a_definite_noun_with_a_demonym_is_that_countrys_institution() -> None:
    # the demonym, not the article's dominant country, says whose commission it is
    text = "À Paris, les ministres français ont reçu le rapport. La commission électorale égyptienne a reporté le vote."
    actors = by_id(resolve(text, "fr"))
    assert [m.text for m in actors["state:EGY"].mentions] == ["commission électorale égyptienne"]
    assert "state:FRA" not in actors or "commission électorale" not in [m.text for m in actors["state:FRA"].mentions]


def test_a_definite_government_noun_with_an_owner_after_du_or_de_l_is_not_the_dominant_state() -> None:
    # rule definite institution: "le gouvernement de l'Ontario" names its owner, it is not France's
    text = (
        "La France a salué mardi la décision de Paris. Le gouvernement de l'Ontario a protesté contre "
        "la décision française."
    )
    france = by_id(resolve(text, "fr"))["state:FRA"]
    assert "gouvernement" not in {mention.text.lower() for mention in france.mentions}


def test_a_count_of_people_is_a_crowd_placed_like_the_protesters() -> None:
    # count word + "of" + a word for people (crowd_people): a bare crowd, placed by the article
    actors = by_id(resolve("Des centaines de personnes ont défilé samedi à Paris contre la réforme.", "fr"))
    assert [m.text for m in actors["civilians:FRA"].mentions] == ["centaines de personnes"]
    assert "civilians:CAN" in ids_of("Hundreds of people marched through Montreal on Sunday.", "en")


def test_a_count_of_people_nobody_can_place_is_no_actor() -> None:
    assert not any(i.startswith("civilians") for i in ids_of("Thousands of people marched on Sunday.", "en"))


# -- rule striking_workers -------------------------------------------------------------------------
def test_workers_who_walk_out_are_a_crowd() -> None:
    assert "civilians:POL" in ids_of("Polish dock workers walked out in Gdansk on Monday.", "en")
    text = "Le gouvernement grec a présenté son budget. Les cheminots sont en grève depuis lundi à Athènes."
    assert "civilians:GRC" in ids_of(text, "fr")


def test_workers_who_do_not_strike_are_no_actor() -> None:
    text = "The Chilean government closed the mine. Miners were evacuated from the shaft on Monday."
    assert not any(actor_id.startswith("civilians") for actor_id in ids_of(text, "en"))


def test_a_comma_after_the_worker_noun_breaks_the_strike_reading() -> None:
    text = "The Chilean government spoke to the miners, who protested later."
    assert not any(actor_id.startswith("civilians") for actor_id in ids_of(text, "en"))


# -- rule creditors --------------------------------------------------------------------------------
def test_creditor_banks_are_one_business_actor_without_a_country() -> None:
    text = (
        "Argentina suspended its payments. Creditor banks rejected the plan, and the foreign lenders met in New York."
    )
    creditors = by_id(resolve(text, "en"))["business:creditors"]
    assert (creditors.country, creditors.sector) == (None, "BUS")
    assert [mention.text for mention in creditors.mentions] == ["Creditor banks", "foreign lenders"]
    assert "business:creditors" in ids_of("L'Argentine a suspendu ses paiements aux créanciers.", "fr")
    assert "business:creditors" in ids_of("Argentina suspendió los pagos a los bancos acreedores.", "es")


def test_creditors_never_take_the_debtors_country() -> None:
    actors = by_id(resolve("Argentina asked its creditors for more time.", "en"))
    assert actors["business:creditors"].country is None
