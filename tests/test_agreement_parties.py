"""Agreements on real articles (issue 13): named only by agreement wording, bound only by the
parties the text names (transforms/events/agreement_parties.py), never by a state the sentence
merely mentions. One test per rule, on sentences written for these tests."""

from __future__ import annotations

from tests.events_support import ActorSpec, city, extract, group, person, state
from transforms.records import Agreement


def _one(found) -> Agreement:
    (agreement,) = {a.agreement_id: a for a in found.agreements}.values()
    return agreement


# --- which words name an agreement ---------------------------------------------------------------
def test_a_contract_is_an_agreement_only_beside_a_binding_verb() -> None:
    # Pattern (binding_names): "signed a … contract"; a futures contract named alone is no agreement.
    signed = extract(
        "A Kenyan textile firm has signed a 4 million dollar contract with the Ugandan government.",
        "en",
        "1999-03-11",
        [state("UGA", "Uganda", "Ugandan government")],
    )
    futures = extract("Wheat futures contracts fell in Chicago on Monday.", "en", "1987-03-11", [])
    assert [a.name for a in signed.agreements] == ["contract"]
    assert futures.agreements == ()


def test_a_memorandum_is_named_and_its_apposition_is_not_a_second_mention() -> None:
    # Patterns: "le memorandum" (a name); "Le mémorandum, accord entre …" (an apposition describes it).
    found = extract(
        "Les syndicats dénoncent le memorandum. Le mémorandum, accord entre le Chili et la Banque "
        "nordique d'investissement, le FMI et la Commission européenne, arrive à échéance en juin.",
        "fr",
        "2013-06-21",
        [
            state("CHL", "Chili"),
            group("igo:european-commission", "Commission européenne", "igo", None, "Commission européenne"),
            group("igo:imf", "FMI", "igo", None, "FMI"),
        ],
    )
    assert [a.name.lower() for a in found.agreements] == ["memorandum", "mémorandum"]
    assert _one(found).parties == ("igo:european-commission", "igo:imf", "state:CHL")


def test_arabic_names_keep_their_clitics_off() -> None:
    # Pattern: "بالاتفاقيات", "والمبادرة الخليجية": the preposition, conjunction and article peeled off.
    found = extract(
        "ورحب البرلمان بالمبادرة الخليجية وأشاد بالاتفاقيات الإقليمية.",
        "ar",
        "2015-08-09",
        [],
    )
    assert sorted(a.type for a in found.agreements) == ["agreement", "framework_agreement"]


def test_two_states_agreeing_to_act_together_is_an_agreement_and_stays_an_agree_event() -> None:
    # Pattern (agreeing_verbs): "X and Y agreed to <act>" with two or more parties as the subject.
    found = extract(
        "Ghana and Togo agreed to build a joint power plant.",
        "en",
        "2003-03-03",
        [state("GHA", "Ghana"), state("TGO", "Togo")],
    )
    agreement = _one(found)
    assert (agreement.name, agreement.parties, agreement.status) == ("agreed to", ("state:GHA", "state:TGO"), "signed")
    assert [e.event_type for e in found.events] == ["AGREE"]


def test_agreeing_that_something_is_true_or_agreeing_alone_is_no_agreement() -> None:
    # Patterns: "agreed that" is an opinion; "Chile agreed to pay" has one side only.
    opinion = extract(
        "Chile and Peru agreed that the tariff was too high.",
        "en",
        "2021-05-05",
        [state("CHL", "Chile"), state("PER", "Peru")],
    )
    alone = extract("Chile agreed to pay the debt.", "en", "2021-05-05", [state("CHL", "Chile")])
    assert opinion.agreements == () and alone.agreements == ()


def test_the_semiconductor_agreement_refers_back_to_the_agreement_named_before() -> None:
    # Pattern: "the <modifier> agreement" refers back like "the agreement".
    found = extract(
        "Brazil and Argentina signed a trade agreement in 1991. The steel agreement expired.",
        "en",
        "1995-10-20",
        [state("BRA", "Brazil"), state("ARG", "Argentina")],
    )
    assert len(found.agreement_ids()) == 1
    assert {a.parties for a in found.agreements} == {("state:ARG", "state:BRA")}


def test_the_same_specific_name_twice_is_one_agreement() -> None:
    found = extract(
        "وأكد الوزير دعم المبادرة الخليجية. وقال إن المبادرة الخليجية باقية.",
        "ar",
        "2015-08-09",
        [],
    )
    assert len(found.agreements) == 2 and len(found.agreement_ids()) == 1


# --- who is bound -----------------------------------------------------------------------------
def test_between_x_and_y_names_the_parties_and_not_the_speaker() -> None:
    # Pattern (between): "the agreement between X and Y"; Chile only speaks about it.
    found = extract(
        "Chile said the agreement between Peru and Bolivia was fragile.",
        "en",
        "2021-05-05",
        [state("CHL", "Chile"), state("PER", "Peru"), state("BOL", "Bolivia")],
    )
    assert _one(found).parties == ("state:BOL", "state:PER")


def test_between_two_parties_of_one_country_binds_both_even_the_one_in_government() -> None:
    # Pattern (between): "l'accord de coalition conclu entre le SPD et les libéraux du FDP"; the
    # SPD (sector GOV: in government) is bound as a party, not as the German state.
    found = extract(
        "L'Allemagne attend l'accord de coalition conclu entre le SPD et les libéraux du FDP.",
        "fr",
        "2021-11-24",
        [
            state("DEU", "Allemagne", "L'Allemagne"),
            ActorSpec("org:deu-spd", "SPD", "organization", "DEU", ("SPD",), "GOV"),
            group("org:deu-fdp", "FDP", "organization", "DEU", "FDP"),
        ],
    )
    assert _one(found).parties == ("org:deu-fdp", "org:deu-spd")


def test_between_skips_a_side_that_names_no_actor() -> None:
    # Pattern (between): "entre esta agrupación vecinal y el PP": the unnamed side is left out.
    found = extract(
        "La alcaldesa dimitió tras el pacto firmado entre esta agrupación vecinal y el PP para gobernar.",
        "es",
        "2011-05-23",
        [group("org:esp-pp", "PP", "organization", "ESP", "PP")],
    )
    assert _one(found).parties == ("org:esp-pp",)


def test_the_two_countries_are_the_last_two_states_named_together() -> None:
    # Pattern (two states): "between the two countries" -> "Benin and Niger" earlier; Chad,
    # named alone in between, is not one of them.
    found = extract(
        "Benin and Niger held talks on oil. Chad sent an observer. The ministers expect a pipeline agreement "
        "between the two countries by May.",
        "en",
        "2003-03-03",
        [state("BEN", "Benin"), state("NER", "Niger"), state("TCD", "Chad")],
    )
    assert _one(found).parties == ("state:BEN", "state:NER")


def test_an_agreement_with_x_binds_x_and_the_subject_of_its_clause() -> None:
    # Pattern (with): "el repliegue del Ejército ruso … conforme a un acuerdo con Georgia y Armenia".
    found = extract(
        "El repliegue del Ejército ruso tendrá lugar conforme a un acuerdo con Georgia y Armenia.",
        "es",
        "2008-05-23",
        [
            group("military:RUS", "Ejército ruso", "military", "RUS", "Ejército ruso"),
            state("RUS", "Rusia"),
            state("GEO", "Georgia"),
            state("ARM", "Armenia"),
        ],
    )
    assert _one(found).parties == ("state:ARM", "state:GEO", "state:RUS")


def test_a_contract_with_a_government_binds_that_government_and_no_unnamed_company() -> None:
    # Pattern (with): the subject "A Kenyan textile firm" is no actor: its side stays empty.
    found = extract(
        "A Kenyan textile firm has signed a contract with the Ugandan government.",
        "en",
        "1999-03-11",
        [state("UGA", "Uganda", "Ugandan government")],
    )
    agreement = _one(found)
    assert (agreement.parties, agreement.status) == (("state:UGA",), "signed")


def test_the_subject_of_a_binding_verb_is_bound_and_a_reporting_tail_is_not() -> None:
    # Pattern (signers): "X and Y signed a … agreement, the Algerian agency said".
    found = extract(
        "Morocco and Mauritania signed a trade agreement, the Algerian agency said.",
        "en",
        "2022-06-01",
        [
            state("MAR", "Morocco"),
            state("MRT", "Mauritania"),
            group("media:aps", "Algerian agency", "media", "DZA", "Algerian agency"),
        ],
    )
    assert _one(found).parties == ("state:MAR", "state:MRT")


def test_a_police_service_that_signs_binds_its_state() -> None:
    # Pattern (signers): a police service (organization, sector POL) stands for its state.
    found = extract(
        "The Kenyan police and Uganda signed a security agreement in Kampala on Friday.",
        "en",
        "2019-04-12",
        [
            ActorSpec("police:KEN", "Kenyan police", "organization", "KEN", ("Kenyan police",), "POL"),
            state("KEN", "Kenya"),
            state("UGA", "Uganda"),
            city("UGA", "Kampala"),
        ],
    )
    assert _one(found).parties == ("state:KEN", "state:UGA")


def test_an_arabic_subject_after_its_verb_is_bound() -> None:
    # Pattern (signers, verb first): "ووقعت المغرب وموريتانيا على مذكرة تفاهم".
    found = extract(
        "ووقعت المغرب وموريتانيا على مذكرة تفاهم في نواكشوط.",
        "ar",
        "2023-03-10",
        [state("MAR", "المغرب"), state("MRT", "موريتانيا"), city("MRT", "نواكشوط")],
    )
    assert _one(found).parties == ("state:MAR", "state:MRT")


def test_the_agents_of_a_signing_after_the_name_are_bound() -> None:
    # Pattern (agents): "L'accord a été signé à Rabat par le Maroc et Israël".
    found = extract(
        "L'accord a été signé à Rabat par le Maroc et Israël.",
        "fr",
        "2022-06-01",
        [state("MAR", "Maroc"), state("ISR", "Israël"), city("MAR", "Rabat")],
    )
    agreement = _one(found)
    assert (agreement.parties, agreement.place) == (("state:ISR", "state:MAR"), "Rabat")


def test_a_signing_word_after_the_name_takes_no_signatory_from_before_it() -> None:
    # "le pacte signé entre …": the person the sentence is about did not sign it.
    found = extract(
        "Le coordinateur Pierre Martin remplace le conseiller parti après le pacte signé entre son parti et le PS.",
        "fr",
        "2000-05-23",
        [person("pierre-martin", "Pierre Martin", "FRA"), group("org:fra-ps", "PS", "organization", "FRA", "PS")],
    )
    assert _one(found).signatories == ()


def test_actors_glued_before_an_english_name_are_its_parties() -> None:
    # Pattern (modifiers, before): "the India-Nepal water agreement": one hyphenated token, two actors.
    found = extract(
        "Officials reviewed the India-Nepal water agreement.",
        "en",
        "1997-10-20",
        [state("IND", "India"), state("NPL", "Nepal")],
    )
    assert _one(found).parties == ("state:IND", "state:NPL")


def test_a_compound_nationality_adjective_names_both_parties() -> None:
    # Pattern (modifiers, combining forms): "l'accord franco-allemand".
    found = extract(
        "L'accord franco-allemand prévoit des échanges de jeunes.",
        "fr",
        "2023-01-22",
        [state("DEU", "Allemagne", "allemand"), state("FRA", "France")],
    )
    assert _one(found).parties == ("state:DEU", "state:FRA")


def test_an_arabic_demonym_adjective_binds_and_a_critic_does_not() -> None:
    # Pattern (modifiers, after): "الاتفاق النووي الإيراني"; France only criticises it.
    found = extract(
        "انتقدت فرنسا الاتفاق النووي الإيراني.",
        "ar",
        "2018-05-09",
        [state("FRA", "فرنسا"), state("IRN", "الإيراني")],
    )
    assert _one(found).parties == ("state:IRN",)


def test_a_noun_coordinated_after_an_arabic_name_is_not_its_party() -> None:
    # "اتفاق السلام وبيان الاتحاد الأفريقي": the statement is another noun, not an adjective.
    found = extract(
        "رحب السفير باتفاق السلام وبيان الاتحاد الأفريقي.",
        "ar",
        "2015-08-09",
        [group("igo:african-union", "الاتحاد الأفريقي", "igo", None, "الاتحاد الأفريقي")],
    )
    assert _one(found).parties == ()


def test_the_states_of_the_event_an_agreement_came_out_of_are_its_parties() -> None:
    # Pattern (outcome): "une visite … qui a abouti à la signature d'un accord de coopération".
    found = extract(
        "Une délégation malienne a effectué une visite au Niger, qui a abouti à la signature d'un accord de coopération.",
        "fr",
        "2023-05-10",
        [
            group("military:MLI", "délégation malienne", "military", "MLI", "délégation malienne"),
            state("MLI", "Mali"),
            city("NER", "Niger"),
            state("NER", "Niger", "Niger du Nord"),
        ],
    )
    assert _one(found).parties == ("state:MLI", "state:NER")


def test_states_a_sentence_merely_names_are_no_parties() -> None:
    # Precision first: the host city's state and the funder are not parties of the treaty.
    found = extract(
        "The seminar, held in Lima with money from the Norwegian government, is part of the Minamata treaty.",
        "en",
        "2016-08-04",
        [city("PER", "Lima"), state("PER", "Peru"), state("NOR", "Norway", "Norwegian government")],
    )
    assert _one(found).parties == ()


def test_where_an_agreement_applies_is_not_where_it_was_signed() -> None:
    # "to end subsidies in Canada": no signing word, so no place, and no party from a place.
    found = extract(
        "Korea failed to honor a 1995 agreement to end subsidies in Canada.",
        "en",
        "1997-10-20",
        [state("CAN", "Canada"), state("KOR", "Korea")],
    )
    agreement = _one(found)
    assert agreement.place is None and "state:CAN" not in agreement.parties


def test_agreeing_verbs_in_french_spanish_and_arabic_need_a_joint_subject_and_no_that() -> None:
    # Patterns (agreeing_verbs): "X et Y se sont mis d'accord pour", "X y Y acordaron", "اتفقت X وY على"
    # (the Arabic subject follows its verb); "على أن" (agreed that) is an opinion.
    pair_fr = [state("FRA", "France", "La France"), state("DEU", "Allemagne", "l'Allemagne")]
    french = extract(
        "La France et l'Allemagne se sont mis d'accord pour construire un char.", "fr", "2023-01-22", pair_fr
    )
    spanish = extract(
        "Chile y Argentina acordaron abrir un paso fronterizo.",
        "es",
        "2023-01-22",
        [state("CHL", "Chile"), state("ARG", "Argentina")],
    )
    pair_ar = [state("EGY", "مصر"), state("JOR", "الأردن", "و|الأردن")]
    arabic = extract("اتفقت مصر والأردن على إجراء مناورات مشتركة.", "ar", "2023-01-22", pair_ar)
    opinion = extract("اتفقت مصر والأردن على أن الوضع خطير.", "ar", "2023-01-22", pair_ar)
    assert _one(french).parties == ("state:DEU", "state:FRA")
    assert _one(spanish).parties == ("state:ARG", "state:CHL")
    assert _one(arabic).parties == ("state:EGY", "state:JOR")
    assert opinion.agreements == ()


def test_the_subject_is_the_other_side_of_a_new_agreement_with_x_not_of_an_existing_one() -> None:
    # Pattern (with): "X seeks a deal with Y" binds X and Y; "X criticised the deal with Y" only Y.
    actors = [state("FRA", "France"), state("IRN", "Iran")]
    new = extract("France is seeking a new trade deal with Iran.", "en", "2018-05-09", actors)
    existing = extract("France criticised the nuclear deal with Iran.", "en", "2018-05-09", actors)
    assert _one(new).parties == ("state:FRA", "state:IRN")
    assert _one(existing).parties == ("state:IRN",)


def test_an_apposition_describes_the_mention_just_before_it_even_when_an_older_agreement_took_it() -> None:
    # Pattern: "Le mémorandum, accord entre …" after another agreement was named in between: the
    # apposition belongs to the mention right before it (which joined the first agreement).
    found = extract(
        "Les syndicats dénoncent le memorandum. Le Pérou et la Bolivie ont signé un traité commercial en mai. "
        "Le mémorandum, accord entre le Chili et le FMI, arrive à échéance en juin.",
        "fr",
        "2013-06-21",
        [
            state("CHL", "Chili"),
            state("PER", "Pérou"),
            state("BOL", "Bolivie"),
            group("igo:imf", "FMI", "igo", None, "FMI"),
        ],
    )
    assert "accord" not in [a.name.lower() for a in found.agreements]


def test_whoever_keeps_or_breaks_an_agreement_is_bound_by_it() -> None:
    # Pattern (compliance): "X's compliance with", "X is in full compliance with", "X violated",
    # "X a violé" before the name; a negation changes nothing (not complying still binds).
    peru = [state("PER", "Peru")]
    possessive = extract("Lima praised Peru's compliance with the fishing accord.", "en", "2004-02-02", peru)
    predicate = extract(
        "Tariffs stay until Peru is in full compliance with the fishing accord.", "en", "2004-02-02", peru
    )
    negated = extract("Peru did not comply with the fishing accord.", "en", "2004-02-02", peru)
    french = extract("Le Mali a violé l'accord de cessez-le-feu dimanche.", "fr", "2004-02-02", [state("MLI", "Mali")])
    ceremony = extract("France held a ceremony in honor of the treaty.", "en", "2004-02-02", [state("FRA", "France")])
    assert _one(possessive).parties == ("state:PER",)
    assert _one(predicate).parties == ("state:PER",)
    assert _one(negated).parties == ("state:PER",)
    assert _one(french).parties == ("state:MLI",)
    assert _one(ceremony).parties == ()  # another noun phrase between the actor and "honor"


def test_two_sides_reviewing_or_renewing_an_agreement_together_are_its_parties_one_reviewer_is_not() -> None:
    # Pattern (joint acts): "X and Y renewed / reviewed … the agreement"; a single reviewer may be a
    # court or a monitor, never read as a party.
    actors = [state("NOR", "Norway", "Norway", "Norwegian"), state("ISL", "Iceland", "Iceland", "Icelandic")]
    renewed = extract("Norway and Iceland renewed the fisheries agreement on Friday.", "en", "2004-02-02", actors)
    reviewed = extract(
        "Norwegian and Icelandic officials reviewed the quota rules of the fisheries agreement.",
        "en",
        "2004-02-02",
        actors,
    )
    alone = extract("A Norwegian court reviewed the fisheries agreement.", "en", "2004-02-02", actors)
    assert _one(renewed).parties == ("state:ISL", "state:NOR")
    assert _one(reviewed).parties == ("state:ISL", "state:NOR")
    assert _one(alone).parties == ()


def test_a_settlement_for_a_countrys_crisis_binds_that_state_and_an_armed_group_names_none() -> None:
    # Pattern (conflict): "a settlement to the <demonym> crisis", "la crise <demonym>", "للأزمة
    # <demonym>", "the war in <country>"; only states (a group's conflict says who fights).
    sudan = [state("SDN", "Sudan", "Sudanese", "Sudan")]
    before = extract("Qatar hosts talks on a peace deal for the Sudanese conflict.", "en", "2015-08-09", sudan)
    after = extract("Diplomats drafted a truce to end the war in Sudan.", "en", "2015-08-09", sudan)
    french = extract(
        "Les médiateurs cherchent un accord de paix pour la crise soudanaise.",
        "fr",
        "2015-08-09",
        [state("SDN", "Soudan", "soudanaise")],
    )
    arabic = extract(
        "تواصل الوساطة القطرية جهودها لإيجاد تسوية سياسية للأزمة السودانية.",
        "ar",
        "2015-08-09",
        [state("SDN", "السودان", "السودانية")],
    )
    group_war = extract(
        "Diplomats discussed a ceasefire in the Houthi conflict.",
        "en",
        "2015-08-09",
        [group("org:houthis", "Houthis", "armed_group", "YEM", "Houthi")],
    )
    for found in (before, after, french, arabic):
        assert _one(found).parties == ("state:SDN",)
    assert _one(group_war).parties == ()


# --- when it was signed -----------------------------------------------------------------------
def test_without_a_signing_word_only_a_date_in_the_name_dates_an_agreement() -> None:
    # Patterns: "l'accord du 3 mars" (a date in the name); "imposed tariffs last April for breaking
    # a trade agreement" (April dates the tariffs); "à l'horizon 2025" (a goal, never a signature).
    actors = [state("CHL", "Chile", "Chile", "le Chili"), state("PER", "Peru", "Peru", "le Pérou")]
    named = extract("L'accord du 3 mars entre le Chili et le Pérou reste fragile.", "fr", "2023-03-10", actors)
    other = extract(
        "Chile imposed tariffs on Peru last April for breaking a trade agreement.", "en", "2023-03-10", actors
    )
    goal = extract(
        "Le Chili a promis de baisser ses tarifs à l'horizon 2025, conformément à l'accord négocié avec le Pérou.",
        "fr",
        "2023-03-10",
        actors,
    )
    signed = extract("Chile and Peru signed a trade agreement on Monday.", "en", "2023-03-10", actors)
    assert _one(named).signed_start.isoformat() == "2023-03-03"
    assert _one(other).signed_start is None
    assert _one(goal).signed_start is None
    assert _one(signed).signed_start.isoformat() == "2023-03-06"


def test_spanish_compliance_and_joint_acts_bind_as_in_english() -> None:
    # Patterns (compliance, joint acts): "X violó el acuerdo"; "X y Y renovaron el tratado"; one
    # reviewing court binds nothing.
    actors = [state("CHL", "Chile"), state("PER", "Perú"), state("BOL", "Bolivia")]
    broken = extract("Bolivia violó el acuerdo de pesca en mayo.", "es", "2023-03-10", actors)
    renewed = extract("Chile y Perú renovaron el tratado comercial.", "es", "2023-03-10", actors)
    court = extract("Un tribunal de Chile revisó el tratado comercial.", "es", "2023-03-10", actors)
    assert _one(broken).parties == ("state:BOL",)
    assert _one(renewed).parties == ("state:CHL", "state:PER")
    assert _one(court).parties == ()
