"""Spanish events and agreements: lexicon with generated inflections, roles from word order and
prepositions (blank Spanish pipeline: no tagger, no parser), modality. Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Sequence

from tests.events_support import ActorSpec, city, extract, group, person, shared_extractor, state
from transforms.events import EventExtractor
from transforms.events.spanish import is_indicative, spanish_inflections


def test_regular_and_future_forms_are_generated_from_the_infinitive() -> None:
    forms, future = spanish_inflections(["firmar", "reunirse", "atacar"])
    assert forms["firmó"] == {"firmar"} and forms["firmado"] == {"firmar"}
    assert forms["reunió"] == {"reunirse"}  # "se reunió": the pronoun is a word of its own
    assert "ataque" in forms  # orthographic change before -e
    assert "firmará" in future and "firmaría" in future


def test_svo_request_with_a_target_after_the_preposition_a() -> None:
    found = extract(
        "Marruecos pidió ayer a Argelia la reapertura de la frontera.",
        "es",
        "2023-03-10",
        [state("MAR", "Marruecos"), state("DZA", "Argelia")],
    )
    (event,) = found.events
    assert event.event_type == "REQUEST"
    assert event.sources == ("state:MAR",) and event.targets == ("state:DZA",)


def test_an_irregular_preterite_is_read_from_the_lexicon_forms() -> None:
    found = extract(
        "La policía portuguesa detuvo el martes a dos dirigentes del sindicato.",
        "es",
        "2023-03-10",
        [group("police:PRT", "Portuguese police", "police", "PRT", "policía portuguesa")],
    )
    (event,) = found.events
    assert (event.event_type, event.cameo_code) == ("COERCE", "173")
    assert event.sources == ("police:PRT",)


def test_a_passive_with_por_makes_the_agent_the_source() -> None:
    found = extract(
        "El ministro chileno fue recibido por el rey de Suecia en Estocolmo.",
        "es",
        "2023-03-10",
        [
            person("ministro", "ministro chileno", "CHL", "ministro chileno"),
            person("rey", "rey de Suecia", "SWE", "rey de Suecia"),
            city("SWE", "Estocolmo"),
        ],
    )
    consult = found.events_of("CONSULT")
    assert consult and consult[0].sources == ("person:rey",)
    assert consult[0].targets == ("person:ministro",)


def test_negation_before_the_verb() -> None:
    found = extract(
        "Perú no firmó la declaración con Bolivia.",
        "es",
        "2023-03-10",
        [state("PER", "Perú"), state("BOL", "Bolivia")],
    )
    assert found.events and all(e.negated for e in found.events)


def test_a_future_form_announces_the_act() -> None:
    found = extract(
        "Noruega visitará Colombia en junio.",
        "es",
        "2023-03-10",
        [state("NOR", "Noruega"), state("COL", "Colombia")],
    )
    (event,) = found.events
    assert event.modality == "planned"


def test_a_reporting_tail_with_segun_is_not_a_participant() -> None:
    found = extract(
        "Grecia condenó el ataque contra la embajada de Turquía, según informó la agencia Reuters.",
        "es",
        "2023-03-10",
        [state("GRC", "Grecia"), state("TUR", "Turquía"), group("media:reuters", "Reuters", "media", None, "Reuters")],
    )
    accuse = found.events_of("ACCUSE")
    assert accuse and accuse[0].sources == ("state:GRC",)
    assert "media:reuters" not in accuse[0].sources + accuse[0].targets
    assert accuse[0].modality == "reported"


def test_de_acuerdo_is_consent_not_an_agreement_but_a_named_pact_is() -> None:
    found = extract(
        "Chile y Argentina firmaron un acuerdo de cooperación en Santiago. El Gobierno está de acuerdo con el plan.",
        "es",
        "2023-03-10",
        [state("CHL", "Chile"), state("ARG", "Argentina"), city("CHL", "Santiago")],
    )
    types = sorted({a.type for a in found.agreements})
    assert types == ["cooperation_agreement"]


def test_coverage_is_full_for_spanish_and_none_for_an_unread_language() -> None:
    extractor = EventExtractor()
    assert extractor.coverage("es") == "full"
    assert extractor.coverage("ar") == "full"
    assert extractor.coverage("de") == "none"


def test_a_past_tense_event_under_a_backdated_header_stays_asserted_and_a_future_one_planned() -> None:
    """Issue 12: "firmaron" is done even when the header (2001-01-01) is earlier than its date."""
    parties = [state("MAR", "Marruecos"), state("MRT", "Mauritania")]
    (done,) = extract(
        "Marruecos y Mauritania firmaron el 3 de marzo de 2001 un acuerdo de defensa.", "es", "2001-01-01", parties
    ).events
    (announced,) = extract(
        "Marruecos y Mauritania firmarán el 3 de marzo de 2001 un acuerdo de defensa.", "es", "2001-01-01", parties
    ).events
    assert (done.modality, done.past_tense, done.date_start.isoformat()) == ("asserted", True, "2001-03-03")
    assert (announced.modality, announced.past_tense) == ("planned", False)


# -- issue 15 round 2 (sentences written for these tests) --------------------------------------------
def test_manifestar_without_se_is_a_statement_not_a_protest() -> None:
    found = extract(
        "El canciller peruano manifestó hoy que Perú respeta la decisión de Chile.",
        "es",
        "2023-03-10",
        [state("PER", "El canciller peruano", "Perú"), state("CHL", "Chile")],
    )
    assert not found.events_of("PROTEST")


def test_se_manifestaron_is_a_protest() -> None:
    found = extract(
        "Los estudiantes chilenos se manifestaron ayer frente al Congreso.",
        "es",
        "2023-03-10",
        [group("civilians:CHL", "civilians", "civilians", "CHL", "Los estudiantes chilenos")],
    )
    protest = found.events_of("PROTEST")
    assert protest and protest[0].sources == ("civilians:CHL",)


def test_holding_an_office_is_not_an_occupation() -> None:
    found = extract(
        "El diplomático uruguayo ocupa el cargo de embajador en Argentina desde 2019.",
        "es",
        "2023-03-10",
        [state("URY", "uruguayo"), state("ARG", "Argentina")],
    )
    assert not found.events_of("ASSAULT")


def test_police_arrest_has_the_police_as_source() -> None:
    found = extract(
        "La Policía detuvo a dos ciudadanos argentinos en Valencia.",
        "es",
        "2023-03-10",
        [group("police:ESP", "Spain police", "organization", "ESP", "Policía"), state("ARG", "argentinos")],
    )
    coerce = found.events_of("COERCE")
    assert coerce and coerce[0].sources == ("police:ESP",)


def test_soldiers_attacking_is_still_an_assault() -> None:
    # the riot recoding is for crowds only
    found = extract(
        "Los soldados colombianos atacaron un campamento en Arauca.",
        "es",
        "2023-03-10",
        [group("military:COL", "Colombian armed forces", "military", "COL", "Los soldados colombianos")],
    )
    assert found.events_of("ASSAULT") and not found.events_of("PROTEST")


# -- issue 15 round 3: morphology (transforms/events/spanish.py), lexicon rules, Spanish reading rules.
# Every sentence below was written for these tests.
def _forms() -> dict[str, frozenset[str]]:
    return shared_extractor().lexicon("es").inflections


def test_stem_classes_and_spelling_rules_give_the_inflected_forms() -> None:
    forms = _forms()
    expected = {
        "defiende": "defender",  # ie
        "aprueba": "aprobar",  # ue
        "pidió": "pedir",  # i, preterite
        "pidiendo": "pedir",  # i, gerund
        "advirtió": "advertir",  # ie_i
        "envía": "enviar",  # written accent í
        "reúnen": "reunirse",  # written accent ú, pronominal verb
        "exija": "exigir",  # g -> j before a
        "ofrezca": "ofrecer",  # c -> zc after a vowel
        "niegue": "negarse",  # ie and g -> gu before e
        "atribuyó": "atribuir",  # i -> y in -uir verbs
        "detenerlos": "detener",  # enclitic pronoun on the infinitive
        "pidiéndole": "pedir",  # enclitic pronoun on the gerund, with its accent
    }
    for form, lemma in expected.items():
        assert lemma in forms.get(form, frozenset()), form


def test_strong_stems_are_shared_by_prefixed_verbs() -> None:
    lexicon = shared_extractor().lexicon("es")
    assert "imponer" in lexicon.inflections["impuso"]  # poner
    assert "intervenir" in lexicon.inflections["intervinieron"]  # venir
    assert "detener" in lexicon.inflections["detuvieron"]  # tener
    assert "detendrá" in lexicon.future_forms and "impondría" in lexicon.future_forms


def test_a_one_letter_stem_makes_no_regular_forms() -> None:
    # "dar" would give "de" (the preposition) as a regular subjunctive: its forms are listed instead
    forms = _forms()
    assert "dar" not in forms.get("de", frozenset())
    assert "dar" in forms["dio"]


def test_indicative_forms_are_told_from_subjunctives_and_non_finite_forms() -> None:
    assert is_indicative("instó", "instar") and is_indicative("pide", "pedir") and is_indicative("detuvo", "detener")
    assert not is_indicative("pida", "pedir") and not is_indicative("respete", "respetar")
    assert not is_indicative("firmado", "firmar") and not is_indicative("retirarse", "retirar")


PARTIES = [
    state("CHL", "Chile"),
    state("PER", "Perú"),
    state("BOL", "Bolivia"),
    state("VEN", "Venezuela", "Venezuela", "Caracas"),
]


def _types(text: str, actors: Sequence[ActorSpec] = PARTIES) -> set[str]:
    return {event.event_type for event in extract(text, "es", "2023-03-10", actors).events}


def test_a_coordinated_indicative_verb_is_an_event_of_its_own() -> None:
    # pattern: governing verb … "y"/"e" + finite indicative verb
    assert {"REQUEST", "ACCUSE"} <= _types("Chile pidió a Perú la liberación de los pescadores y condenó el ataque.")


def test_a_coordinated_subjunctive_stays_inside_the_demand() -> None:
    assert "ACCUSE" not in _types("Chile pidió a Perú que libere a los pescadores y condene el ataque.")


def test_a_noun_after_a_cause_marker_is_not_part_of_the_demand() -> None:
    # pattern: governing verb … cause marker ("a raíz de", "tras") + noun trigger
    found = _types("Chile exigió explicaciones a Perú a raíz del bombardeo de Bolivia contra Arica.")
    assert {"REQUEST", "ASSAULT"} <= found
    assert "ASSAULT" not in _types("Chile exigió a Perú el fin de los bombardeos contra Bolivia.")


def test_a_trigger_after_a_with_phrase_is_not_swallowed_by_it() -> None:
    # "habló con X, quien pidió …": only the words of the `with` phrase belong to "habló … con"
    found = _types("El canciller de Chile habló con Perú, que pidió a Bolivia la reapertura de la frontera.")
    assert {"CONSULT", "REQUEST"} <= found


def test_an_aside_opened_by_segun_ends_at_its_comma() -> None:
    found = extract(
        "Chile, según informó la cancillería, agradeció a Perú su apoyo.", "es", "2023-03-10", PARTIES
    ).events
    assert any(e.event_type == "SUPPORT" and e.targets == ("state:PER",) for e in found)


def test_a_relative_clause_after_a_reporting_tail_is_what_the_reporter_added() -> None:
    found = _types("La cita fue cordial, dijo el ministro, que agregó que Chile habló con Perú sobre la frontera.")
    assert "CONSULT" in found


def test_debe_after_a_reporting_verb_is_a_demand_of_the_speaker() -> None:
    found = extract("Chile dijo que Venezuela debe liberar a los detenidos.", "es", "2023-03-10", PARTIES).events
    request = [e for e in found if e.event_type == "REQUEST"]
    assert request and request[0].sources == ("state:CHL",) and request[0].targets == ("state:VEN",)
    assert "REQUEST" not in _types("La caída de las exportaciones de Chile se debe a la crisis de Perú.")
    assert "REQUEST" not in _types("Chile cerró la frontera con Perú debido a la crisis.")


def test_honours_and_counted_support() -> None:
    assert "SUPPORT" in _types("El presidente de Perú impuso la Gran Cruz al canciller de Chile.")
    supported = extract("Perú cuenta con el apoyo de Chile.", "es", "2023-03-10", PARTIES).events
    assert supported and supported[0].sources == ("state:CHL",) and supported[0].targets == ("state:PER",)
    assert "SUPPORT" in _types("Bolivia se mostró de acuerdo con la propuesta de Chile.")


def test_a_rejected_position() -> None:
    assert "REJECT" in _types("Bolivia no comparte la postura de Chile sobre el mar.")


def test_defending_someone_is_support_and_defending_a_policy_is_not() -> None:
    assert "SUPPORT" in _types("Bolivia defendió a Venezuela ante la OEA.")
    assert "SUPPORT" not in _types("Bolivia defendió la reforma de Venezuela.")


def test_holding_a_meeting_is_not_praise() -> None:
    assert _types("Chile y Perú celebraron una reunión en Lima.") == {"CONSULT"}


def test_a_press_interview_is_not_a_meeting() -> None:
    assert "CONSULT" not in _types("En una entrevista con la prensa de Chile, el canciller criticó a Bolivia.")


def test_paro_is_a_strike_only_when_called() -> None:
    unions = [group("civilians:PER", "unions", "civilians", "PER", "Los sindicatos peruanos")]
    assert "PROTEST" in _types("Los sindicatos peruanos convocaron un paro general contra el Gobierno.", unions)
    assert "PROTEST" not in _types("El paro de Perú subió en marzo, según Chile.")


def test_figurative_and_non_violent_senses_are_no_assault() -> None:
    assert "ASSAULT" not in _types("Los precios se dispararon en Venezuela y en Perú.")
    assert "ASSAULT" not in _types("El exministro de Perú se enfrenta a una pena de cárcel en Chile.")
    assert "ASSAULT" not in _types("Chile lanzó una ofensiva diplomática contra Bolivia.")
    assert "ASSAULT" not in _types("Perú combatirá la corrupción con ayuda de Chile.")
    assert "ASSAULT" not in _types("La ley de Perú atenta contra la libertad de prensa, según Chile.")
    assert "ACCUSE" in _types("Bolivia atacó la reforma de Chile.")  # a policy attacked: criticism


def test_stopping_a_process_is_no_arrest_and_holding_elections_no_praise() -> None:
    assert "COERCE" not in _types("El ejército de Perú logró detener el avance de Bolivia.")
    assert "COERCE" in _types("El ejército de Perú detuvo a dos ciudadanos de Bolivia.")
    assert "SUPPORT" not in _types("Perú celebrará elecciones en mayo, con observadores de Chile.")


def test_police_and_court_language() -> None:
    police = [group("police:ESP", "Guardia Civil", "police", "ESP", "La Guardia Civil")]
    assert "COERCE" in _types("La Guardia Civil intervino dos kilos de cocaína en Algeciras.", police)
    assert "COERCE" in _types("El juez envió a prisión al alcalde de Lima, aliado de Perú.")
    assert "RETREAT" in _types("Venezuela puso en libertad a tres presos de Perú.")
    assert "ASSAULT" in _types("Un grupo armado secuestró a dos ciudadanos de Perú.")


def test_llegar_a_is_an_arrival_only_at_a_place() -> None:
    lima = [
        state("PER", "Perú"),
        city("PER", "Lima"),
        person("ministro", "ministro chileno", "CHL", "El ministro chileno"),
    ]
    assert "CONSULT" in _types("El ministro chileno llegó a Lima el lunes.", lima)
    assert "CONSULT" not in _types("El ministro chileno llegó a decir que Perú mentía.", lima)


def test_a_coordinated_verb_without_its_own_subject_shares_the_previous_verbs() -> None:
    # pattern: X verb … "y" + verb (same number, no actor between): X is the subject of both
    actors = [
        group("police:COL", "police", "police", "COL", "Los agentes antidisturbios"),
        group("civilians:COL", "protesters", "civilians", "COL", "los manifestantes"),
    ]
    found = extract(
        "Los agentes antidisturbios cargaron contra los manifestantes y detuvieron a doce jóvenes.",
        "es",
        "2023-03-10",
        actors,
    )
    coerce = found.events_of("COERCE")
    assert coerce and coerce[0].sources == ("police:COL",)


def test_the_caller_of_a_telephone_call_is_the_source() -> None:
    # "X telefoneó a Y": directed; "X e Y hablaron por teléfono": mutual
    called = extract("Chile telefoneó ayer a Perú.", "es", "2023-03-10", PARTIES).events_of("CONSULT")
    assert called and called[0].sources == ("state:CHL",) and called[0].targets == ("state:PER",)
    mutual = extract("Chile y Perú hablaron por teléfono.", "es", "2023-03-10", PARTIES).events_of("CONSULT")
    assert mutual and set(mutual[0].sources) == {"state:CHL", "state:PER"} and not mutual[0].targets


def test_marcha_and_concentracion_are_rallies_only_as_rallies() -> None:
    crowd = [group("civilians:PER", "protesters", "civilians", "PER", "Miles de peruanos")]
    assert "PROTEST" in _types("Miles de peruanos participaron en una marcha contra la reforma.", crowd)
    assert "PROTEST" not in _types("Perú anunció la puesta en marcha de la reforma pactada con Chile.")
    assert "PROTEST" not in _types("Chile denunció la concentración de tropas de Perú en la frontera.")


def test_a_resignation_is_a_concession_and_renouncing_violence_is_none() -> None:
    minister = [person("ministro", "ministro peruano", "PER", "El ministro peruano")]
    resigned = extract("El ministro peruano dimitió ayer.", "es", "2023-03-10", minister).events
    assert [(e.event_type, e.cameo_code) for e in resigned] == [("CONCEDE", "0831")]
    assert "CONCEDE" in _types("El ministro peruano renunció a su cargo.", minister)
    assert "CONCEDE" not in _types("El ministro peruano renunció a la violencia.", minister)


def test_street_protest_language() -> None:
    crowd = [group("civilians:PER", "protesters", "civilians", "PER", "Los estudiantes peruanos")]
    assert "PROTEST" in _types("Los estudiantes peruanos tomaron la universidad para exigir más becas.", crowd)
    assert "PROTEST" in _types("Los estudiantes peruanos corearon consignas contra el Gobierno.", crowd)
    assert "PROTEST" in _types("Los estudiantes peruanos protagonizaron cortes de carretera en el sur.", crowd)


def test_an_apposition_before_the_verb_is_not_its_subject() -> None:
    # pattern: Actor, lower-case description with another actor, verb
    found = _types("Chile, vecino y aliado de Bolivia, pidió a Perú la reapertura de la frontera.")
    request = extract(
        "Chile, vecino y aliado de Bolivia, pidió a Perú la reapertura de la frontera.", "es", "2023-03-10", PARTIES
    ).events_of("REQUEST")
    assert "REQUEST" in found and request[0].sources == ("state:CHL",)


def test_a_governing_verb_in_a_relative_clause_governs_nothing_after_it() -> None:
    # pattern: Actor, que + governing verb …, verb: the second verb is the main clause's own act
    assert {"SUPPORT", "REQUEST"} <= _types("Chile, que apoya a Bolivia, pidió a Perú la reapertura de la frontera.")


def test_an_obligation_no_one_voices_is_no_demand() -> None:
    assert "REQUEST" not in _types("Tras la sentencia, Perú debe devolver el dinero a Chile.")


def test_page_views_and_a_first_person_encuentro_are_no_visit_or_meeting() -> None:
    assert "CONSULT" not in _types("El vídeo del presidente de Perú tiene tres millones de visitas en Chile.")
    assert "CONSULT" not in _types("Me encuentro en Lima con el canciller de Perú, dijo el ministro de Chile.")


def test_a_trigger_inside_an_organisations_name_reports_no_event() -> None:
    # "detenidos" is part of the association's name, not an arrest
    association = group(
        "org:asociacion-de-madres-de-detenidos-de-peru",
        "Asociación de madres de detenidos de Perú",
        "organization",
        "PER",
        "Asociación de madres de detenidos de Perú",
    )
    found = extract(
        "La Asociación de madres de detenidos de Perú criticó al Gobierno peruano.",
        "es",
        "2015-06-02",
        [association, state("PER", "Gobierno peruano")],
    )
    assert [event.event_type for event in found.events] == ["ACCUSE"]


def test_the_partner_after_con_is_the_target_of_an_unnamed_speaker() -> None:
    # rule with_partner: Spanish drops the subject; "con X" never makes X the doer
    found = extract(
        "Ayer conversó por teléfono con el canciller brasileño, Mauro Vieira.",
        "es",
        "2023-04-12",
        [person("mauro-vieira", "Mauro Vieira", "BRA", "canciller brasileño, Mauro Vieira")],
    )
    (event,) = found.events
    assert (event.event_type, event.sources, event.targets) == ("CONSULT", (), ("person:mauro-vieira",))


def test_a_named_subject_initiates_a_talk_with_its_partner() -> None:
    # rule partner_as_target
    found = extract(
        "Portugal conversó ayer con Marruecos sobre la pesca.",
        "es",
        "2023-04-12",
        [state("PRT", "Portugal"), state("MAR", "Marruecos")],
    )
    (event,) = found.events
    assert (event.sources, event.targets) == (("state:PRT",), ("state:MAR",))


def test_a_demonym_after_an_event_noun_is_its_doer() -> None:
    # rule demonym_agent: "la ofensiva turca" is Turkey's offensive
    found = extract(
        "La ofensiva turca contra Siria comenzó el lunes.",
        "es",
        "2019-10-15",
        [state("TUR", "Turquía", "turca"), state("SYR", "Siria")],
    )
    assert [(e.event_type, e.sources, e.targets) for e in found.events] == [("ASSAULT", ("state:TUR",), ("state:SYR",))]


def test_a_delegation_received_from_a_country_is_hosted_by_the_receiver() -> None:
    # rule received_from needs a call or a message: a visit's host stays its source
    found = extract(
        "El presidente de Bolivia recibió a una delegación del Gobierno de Perú.",
        "es",
        "2022-03-02",
        [state("BOL", "Bolivia"), state("PER", "Gobierno de Perú")],
    )
    (event,) = found.events
    assert (event.sources, event.targets) == (("state:BOL",), ("state:PER",))


def test_a_person_is_never_both_sides_of_one_act() -> None:
    # rule no_self_dyad: the first "Lula" sits in a phrase before the verb, not its subject
    found = extract(
        "Tras su reunión con Lula, el canciller agradeció a Lula su apoyo.",
        "es",
        "2005-03-10",
        [person("lula", "Lula", "BRA")],
    )
    (event,) = found.events_of("SUPPORT")
    assert (event.sources, event.targets) == ((), ("person:lula",))


def test_a_possessed_act_after_subject_and_verb_is_the_subjects() -> None:
    # rule own_act
    found = extract(
        "El Ejército ruso ha completado su retirada de Georgia.",
        "es",
        "2008-10-10",
        [group("military:RUS", "Ejército ruso", "military", "RUS", "Ejército ruso"), state("GEO", "Georgia")],
    )
    (event,) = found.events_of("RETREAT")
    assert event.sources == ("military:RUS",)


def test_a_possessed_act_after_a_verb_that_is_itself_an_act_has_no_source_from_it() -> None:
    found = extract(
        "Chile criticó duramente su ofensiva contra Bolivia.",
        "es",
        "2008-10-10",
        [state("CHL", "Chile"), state("BOL", "Bolivia")],
    )
    assert "state:CHL" not in {s for e in found.events_of("ASSAULT") for s in e.sources}


def test_a_fronted_infinitive_clause_takes_the_main_subject() -> None:
    found = extract(
        "Tras reunirse con Lula, el canciller argentino viajó a Montevideo.",
        "es",
        "2005-03-10",
        [person("lula", "Lula", "BRA"), state("ARG", "canciller argentino"), city("URY", "Montevideo")],
    )
    meeting = next(e for e in found.events if e.trigger.startswith("reunirse"))
    assert (meeting.sources, meeting.targets) == (("state:ARG",), ("person:lula",))
    trip = next(e for e in found.events if not e.trigger.startswith("reunirse"))
    assert "person:lula" not in trip.sources


def test_a_possessed_act_after_a_verb_about_anothers_act_has_no_source_from_it() -> None:
    # rule own_act covers aspect and announcement verbs only: Uruguay oversees, it does not withdraw
    found = extract(
        "Argentina y Paraguay firmaron una tregua. Uruguay supervisará su retirada de la frontera.",
        "es",
        "2008-10-10",
        [state("ARG", "Argentina"), state("PRY", "Paraguay"), state("URY", "Uruguay")],
    )
    assert "state:URY" not in {s for e in found.events_of("RETREAT") for s in e.sources}


def test_a_subject_named_again_inside_its_object_keeps_the_source_side() -> None:
    # rule no_self_dyad: the NGO condemns; "un hospital de Sanitas Solidaria" is its hospital, no target
    found = extract(
        "Sanitas Solidaria condenó el bombardeo de un hospital de Sanitas Solidaria en Alepo.",
        "es",
        "2016-05-10",
        [group("org:sanitas-solidaria", "Sanitas Solidaria", "organization", None)],
    )
    (event,) = found.events_of("ACCUSE")
    assert (event.sources, event.targets) == (("org:sanitas-solidaria",), ())
