"""English events: triggers, roles, dates, modality, with the blank English pipeline."""

from __future__ import annotations

from tests.events_support import city, extract, group, person, state


def test_coordinated_subjects_are_both_sources_of_an_agreement() -> None:
    found = extract(
        "Egypt and Jordan agreed on Monday to hold joint naval exercises next month, officials said.",
        "en", "2023-03-10", [state("EGY", "Egypt"), state("JOR", "Jordan")],
    )
    (event,) = found.events
    assert event.event_type == "AGREE"
    assert set(event.sources) == {"state:EGY", "state:JOR"}


def test_the_content_of_an_agreement_is_not_a_separate_event() -> None:
    found = extract(
        "Egypt and Jordan agreed on Monday to hold joint naval exercises next month.",
        "en", "2023-03-10", [state("EGY", "Egypt"), state("JOR", "Jordan")],
    )
    assert [e.event_type for e in found.events] == ["AGREE"]


def test_a_reporting_tail_makes_the_event_reported_by_its_speaker() -> None:
    found = extract(
        "Egypt and Jordan agreed on Monday to hold joint exercises, officials said.",
        "en", "2023-03-10", [state("EGY", "Egypt"), state("JOR", "Jordan")],
    )
    (event,) = found.events
    assert (event.modality, event.reported_by) == ("reported", "officials")


def test_a_passive_visit_makes_the_host_the_source() -> None:
    found = extract(
        "French President Emmanuel Macron was received in Rabat by King Mohammed VI on Tuesday.",
        "en", "2023-03-10",
        [person("emmanuel-macron", "Emmanuel Macron", "FRA"), city("MAR", "Rabat"),
         person("mohammed-vi", "Mohammed VI", "MAR", "King Mohammed VI")],
    )
    (event,) = found.events
    assert (event.event_type, event.cameo_code) == ("CONSULT", "043")
    assert event.sources == ("person:mohammed-vi",)
    assert event.targets == ("person:emmanuel-macron",)
    assert event.location == "Rabat"


def test_a_weekday_in_the_sentence_dates_the_event() -> None:
    found = extract(
        "Police arrested dozens of protesters in Algiers on Friday.", "en", "2023-03-10",
        [group("police:DZA", "Algerian police", "police", "DZA", "Police"), city("DZA", "Algiers")],
    )
    (event,) = found.events
    assert (event.event_type, event.mode) == ("COERCE", "arrest")
    assert (event.date_start.isoformat(), event.date_source) == ("2023-03-10", "text")


def test_without_a_date_in_the_sentence_the_publication_date_is_flagged() -> None:
    found = extract(
        "Turkey threatened to cut diplomatic ties with Sweden.", "en", "2023-03-10",
        [state("TUR", "Turkey"), state("SWE", "Sweden")],
    )
    (event,) = found.events
    assert event.date_source == "publication"


def test_a_threat_absorbs_the_act_threatened() -> None:
    found = extract(
        "Turkey threatened to cut diplomatic ties with Sweden.", "en", "2023-03-10",
        [state("TUR", "Turkey"), state("SWE", "Sweden")],
    )
    assert [(e.event_type, e.sources, e.targets) for e in found.events] == [
        ("THREATEN", ("state:TUR",), ("state:SWE",))
    ]


def test_a_cooperative_act_in_the_future_is_an_agree() -> None:
    found = extract(
        "Chile will send humanitarian aid to Peru.", "en", "2023-03-10",
        [state("CHL", "Chile"), state("PER", "Peru")],
    )
    (event,) = found.events
    assert (event.event_type, event.modality) == ("AGREE", "planned")
    assert (event.sources, event.targets) == (("state:CHL",), ("state:PER",))


def test_a_negated_signature_is_flagged_and_does_not_make_the_treaty_signed() -> None:
    found = extract("Ghana did not sign the treaty.", "en", "2023-03-10", [state("GHA", "Ghana")])
    (event,) = found.events
    assert (event.event_type, event.negated) == ("SUPPORT", True)
    assert {a.status for a in found.agreements} == {"unknown"}


def test_a_signed_agreement_has_type_domain_parties_place_date_and_signing_event() -> None:
    found = extract(
        "Japan and India signed a defence cooperation agreement in New Delhi on March 3, 2023.",
        "en", "2023-03-10", [state("JPN", "Japan"), state("IND", "India"), city("IND", "New Delhi")],
    )
    (agreement,) = found.agreements
    assert (agreement.type, agreement.domain, agreement.status) == ("defence_agreement", "defence", "signed")
    assert agreement.parties == ("state:IND", "state:JPN")
    assert (agreement.place, agreement.signed_start.isoformat()) == ("New Delhi", "2023-03-03")
    assert agreement.signing_event_id == found.events_of("SUPPORT")[0].event_id


def test_date_words_and_agreement_names_are_not_triggers() -> None:
    found = extract(
        "Japan and India signed a defence cooperation agreement in New Delhi on March 3, 2023.",
        "en", "2023-03-10", [state("JPN", "Japan"), state("IND", "India"), city("IND", "New Delhi")],
    )
    assert [e.event_type for e in found.events] == ["SUPPORT"]


def test_a_rejected_request_for_talks_is_a_reject_of_a_meeting() -> None:
    found = extract("Kenya rejected Somalia's demand for talks.", "en", None, [state("KEN", "Kenya"), state("SOM", "Somalia")])
    (event,) = found.events
    assert (event.event_type, event.mode, event.sources, event.targets) == ("REJECT", "meet", ("state:KEN",), ("state:SOM",))


def test_a_shelling_is_an_assault_with_heavy_weapons() -> None:
    found = extract(
        "Rebels shelled the town of Kidal on Sunday, killing five soldiers, according to the army.",
        "en", "2023-03-10", [group("org:rebels", "rebels", "armed_group", None, "Rebels"), city("MLI", "Kidal")],
    )
    assert [(e.event_type, e.mode, e.sources) for e in found.events] == [("ASSAULT", "heavy-weapons", ("org:rebels",))]
    assert found.events[0].reported_by == "the army"


def test_an_article_in_an_uncovered_language_yields_nothing() -> None:
    found = extract("Der Minister besuchte Paris.", "de", None, [])
    assert (found.events, found.agreements) == ((), ())


def test_a_state_after_inside_is_the_location_and_the_named_victim_the_target() -> None:
    found = extract(
        "Syrian rebels attacked Jordanian border guards inside the Hashemite Kingdom on Monday.",
        "en", "2021-05-10",
        [group("military:JOR", "Jordanian border guards", "military", "JOR", "Jordanian border guards"),
         state("SYR", "Syria", "Syrian"), state("JOR", "Jordan", "Hashemite Kingdom")],
    )
    (event,) = found.events
    assert (event.sources, event.targets) == (("state:SYR",), ("military:JOR",))
    assert (event.location, event.location_country) == ("Jordan", "JOR")


def test_an_event_dated_after_publication_is_planned() -> None:
    found = extract(
        "Chile and Peru hold border talks on September 14 in Lima.", "en", "2023-08-02",
        [state("CHL", "Chile"), state("PER", "Peru"), city("PER", "Lima")],
    )
    (event,) = found.events
    assert event.date_start.isoformat() == "2023-09-14"
    assert event.modality == "planned"
