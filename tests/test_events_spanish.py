"""Spanish events and agreements: lexicon with generated inflections, roles from word order and
prepositions (blank Spanish pipeline: no tagger, no parser), modality. Sentences written for these tests."""

from __future__ import annotations

from tests.events_support import city, extract, group, person, state
from transforms.events import EventExtractor
from transforms.events.morphology import spanish_inflections


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
