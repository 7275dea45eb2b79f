"""English events: triggers, roles, dates, modality, with the blank English pipeline."""

from __future__ import annotations

from tests.events_support import ActorSpec, city, extract, group, person, state


def test_coordinated_subjects_are_both_sources_of_an_agreement() -> None:
    found = extract(
        "Egypt and Jordan agreed on Monday to hold joint naval exercises next month, officials said.",
        "en",
        "2023-03-10",
        [state("EGY", "Egypt"), state("JOR", "Jordan")],
    )
    (event,) = found.events
    assert event.event_type == "AGREE"
    assert set(event.sources) == {"state:EGY", "state:JOR"}


def test_the_content_of_an_agreement_is_not_a_separate_event() -> None:
    found = extract(
        "Egypt and Jordan agreed on Monday to hold joint naval exercises next month.",
        "en",
        "2023-03-10",
        [state("EGY", "Egypt"), state("JOR", "Jordan")],
    )
    assert [e.event_type for e in found.events] == ["AGREE"]


def test_a_reporting_tail_makes_the_event_reported_by_its_speaker() -> None:
    found = extract(
        "Egypt and Jordan agreed on Monday to hold joint exercises, officials said.",
        "en",
        "2023-03-10",
        [state("EGY", "Egypt"), state("JOR", "Jordan")],
    )
    (event,) = found.events
    assert (event.modality, event.reported_by) == ("reported", "officials")


def test_a_passive_visit_makes_the_host_the_source() -> None:
    found = extract(
        "French President Emmanuel Macron was received in Rabat by King Mohammed VI on Tuesday.",
        "en",
        "2023-03-10",
        [
            person("emmanuel-macron", "Emmanuel Macron", "FRA"),
            city("MAR", "Rabat"),
            person("mohammed-vi", "Mohammed VI", "MAR", "King Mohammed VI"),
        ],
    )
    (event,) = found.events
    assert (event.event_type, event.cameo_code) == ("CONSULT", "043")
    assert event.sources == ("person:mohammed-vi",)
    assert event.targets == ("person:emmanuel-macron",)
    assert event.location == "Rabat"


def test_a_weekday_in_the_sentence_dates_the_event() -> None:
    found = extract(
        "Police arrested dozens of protesters in Algiers on Friday.",
        "en",
        "2023-03-10",
        [group("police:DZA", "Algerian police", "police", "DZA", "Police"), city("DZA", "Algiers")],
    )
    (event,) = found.events
    assert (event.event_type, event.mode) == ("COERCE", "arrest")
    assert (event.date_start.isoformat(), event.date_source) == ("2023-03-10", "text")


def test_without_a_date_in_the_sentence_the_publication_date_is_flagged() -> None:
    found = extract(
        "Turkey threatened to cut diplomatic ties with Sweden.",
        "en",
        "2023-03-10",
        [state("TUR", "Turkey"), state("SWE", "Sweden")],
    )
    (event,) = found.events
    assert event.date_source == "publication"


def test_a_threat_absorbs_the_act_threatened() -> None:
    found = extract(
        "Turkey threatened to cut diplomatic ties with Sweden.",
        "en",
        "2023-03-10",
        [state("TUR", "Turkey"), state("SWE", "Sweden")],
    )
    assert [(e.event_type, e.sources, e.targets) for e in found.events] == [
        ("THREATEN", ("state:TUR",), ("state:SWE",))
    ]


def test_a_cooperative_act_in_the_future_is_an_agree() -> None:
    found = extract(
        "Chile will send humanitarian aid to Peru.",
        "en",
        "2023-03-10",
        [state("CHL", "Chile"), state("PER", "Peru")],
    )
    (event,) = found.events
    assert (event.event_type, event.modality) == ("AGREE", "planned")
    assert (event.sources, event.targets) == (("state:CHL",), ("state:PER",))


def test_a_negated_signature_is_flagged_and_does_not_make_the_treaty_signed() -> None:
    found = extract("Ghana did not sign the treaty.", "en", "2023-03-10", [state("GHA", "Ghana")])
    (event,) = found.events
    assert (event.event_type, event.negated) == ("AGREE", True)
    assert {a.status for a in found.agreements} == {"unknown"}


def test_a_signed_agreement_has_type_domain_parties_place_date_and_signing_event() -> None:
    found = extract(
        "Japan and India signed a defence cooperation agreement in New Delhi on March 3, 2023.",
        "en",
        "2023-03-10",
        [state("JPN", "Japan"), state("IND", "India"), city("IND", "New Delhi")],
    )
    (agreement,) = found.agreements
    assert (agreement.type, agreement.domain, agreement.status) == ("defence_agreement", "defence", "signed")
    assert agreement.parties == ("state:IND", "state:JPN")
    assert (agreement.place, agreement.signed_start.isoformat()) == ("New Delhi", "2023-03-03")
    assert agreement.signing_event_id == found.events_of("AGREE")[0].event_id


def test_date_words_and_agreement_names_are_not_triggers() -> None:
    found = extract(
        "Japan and India signed a defence cooperation agreement in New Delhi on March 3, 2023.",
        "en",
        "2023-03-10",
        [state("JPN", "Japan"), state("IND", "India"), city("IND", "New Delhi")],
    )
    assert [e.event_type for e in found.events] == ["AGREE"]


def test_a_rejected_request_for_talks_is_a_reject_of_a_meeting() -> None:
    found = extract(
        "Kenya rejected Somalia's demand for talks.", "en", None, [state("KEN", "Kenya"), state("SOM", "Somalia")]
    )
    (event,) = found.events
    assert (event.event_type, event.mode, event.sources, event.targets) == (
        "REJECT",
        "meet",
        ("state:KEN",),
        ("state:SOM",),
    )


def test_a_shelling_is_an_assault_with_heavy_weapons() -> None:
    found = extract(
        "Rebels shelled the town of Kidal on Sunday, killing five soldiers, according to the army.",
        "en",
        "2023-03-10",
        [group("org:rebels", "rebels", "armed_group", None, "Rebels"), city("MLI", "Kidal")],
    )
    assert [(e.event_type, e.mode, e.sources) for e in found.events] == [("ASSAULT", "heavy-weapons", ("org:rebels",))]
    assert found.events[0].reported_by == "the army"


def test_an_article_in_an_uncovered_language_yields_nothing() -> None:
    found = extract("Der Minister besuchte Paris.", "de", None, [])
    assert (found.events, found.agreements) == ((), ())


def test_a_state_after_inside_is_the_location_and_the_named_victim_the_target() -> None:
    found = extract(
        "Syrian rebels attacked Jordanian border guards inside the Hashemite Kingdom on Monday.",
        "en",
        "2021-05-10",
        [
            group("military:JOR", "Jordanian border guards", "military", "JOR", "Jordanian border guards"),
            state("SYR", "Syria", "Syrian"),
            state("JOR", "Jordan", "Hashemite Kingdom"),
        ],
    )
    (event,) = found.events
    assert (event.sources, event.targets) == (("state:SYR",), ("military:JOR",))
    assert (event.location, event.location_country) == ("Jordan", "JOR")


def test_an_event_dated_after_publication_is_planned() -> None:
    found = extract(
        "Chile and Peru hold border talks on September 14 in Lima.",
        "en",
        "2023-08-02",
        [state("CHL", "Chile"), state("PER", "Peru"), city("PER", "Lima")],
    )
    (event,) = found.events
    assert event.date_start.isoformat() == "2023-09-14"
    assert event.modality == "planned"


# --- issue 13: roles, figurative triggers, dates, agreements on real wires ------------------------
def test_a_wire_dateline_is_never_a_participant() -> None:
    found = extract(
        "MADRID, May 4 - Portugal expelled two diplomats on Tuesday.",
        "en",
        "2021-05-05",
        [city("ESP", "Madrid", "MADRID"), state("PRT", "Portugal")],
    )
    (event,) = found.events
    assert event.sources == ("state:PRT",)
    assert "place:ESP:madrid" not in event.targets


def test_the_speaker_of_a_reporting_verb_is_not_the_source_of_the_reported_attack() -> None:
    found = extract(
        "Chile said unidentified gunmen attacked a police post near the border with Peru.",
        "en",
        "2021-05-05",
        [state("CHL", "Chile"), state("PER", "Peru")],
    )
    assert all("state:CHL" not in e.sources for e in found.events)


def test_a_subject_pronoun_takes_up_the_speaker_as_source() -> None:
    found = extract(
        "Chile said it would expel two Peruvian diplomats.",
        "en",
        "2021-05-05",
        [state("CHL", "Chile")],
    )
    assert any(e.sources == ("state:CHL",) for e in found.events)


def test_the_of_complement_of_an_execution_noun_is_its_target() -> None:
    found = extract(
        "The execution of three Kenyan soldiers by the militia shocked the region.",
        "en",
        "2021-05-05",
        [
            state("KEN", "Kenya", "Kenyan soldiers"),
            group("group:militia", "the militia", "armed_group", None, "the militia"),
        ],
    )
    assault = [e for e in found.events if e.event_type == "ASSAULT"]
    assert assault and assault[0].targets == ("state:KEN",)
    assert "state:KEN" not in assault[0].sources


def test_a_noun_trigger_does_not_take_the_subject_of_another_verb_as_source() -> None:
    found = extract(
        "Norway condemned the bombing of the market in the capital.",
        "en",
        "2021-05-05",
        [state("NOR", "Norway")],
    )
    assert all(not (e.event_type == "ASSAULT" and "state:NOR" in e.sources) for e in found.events)


def test_a_counted_noun_before_a_participle_is_a_reduced_passive() -> None:
    found = extract(
        "Ruritania lost 400 men killed in the offensive last month.",
        "en",
        "2021-05-05",
        [state("RUR", "Ruritania")],
    )
    for event in found.events:
        assert "state:RUR" not in event.sources


def test_an_attack_on_a_policy_is_criticism_not_assault() -> None:
    found = extract(
        "The Canadian attack on Brazil's trade policy surprised diplomats.",
        "en",
        "2021-05-05",
        [state("CAN", "Canada", "Canadian"), state("BRA", "Brazil")],
    )
    assert [e.event_type for e in found.events] == ["ACCUSE"]
    assert found.events[0].confidence < 0.9


def test_a_war_of_words_and_an_uphill_fight_are_not_assaults() -> None:
    found = extract(
        "The war of words between Chile and Peru grew. Chile faces an uphill fight against Peru in court.",
        "en",
        "2021-05-05",
        [state("CHL", "Chile"), state("PER", "Peru")],
    )
    assert not [e for e in found.events if e.event_type == "ASSAULT"]


def test_agreeing_that_something_is_true_is_an_opinion_not_an_agreement() -> None:
    found = extract(
        "Chile and Peru agreed that the tariff was too high.",
        "en",
        "2021-05-05",
        [state("CHL", "Chile"), state("PER", "Peru")],
    )
    assert not [e for e in found.events if e.event_type == "AGREE"]


def test_a_deadline_year_is_not_the_date_of_the_promise() -> None:
    found = extract(
        "Chile promised Peru to cut tariffs by 2030.",
        "en",
        "2021-05-05",
        [state("CHL", "Chile"), state("PER", "Peru")],
    )
    (event,) = found.events
    assert event.date_source == "publication"


def test_a_single_party_agreement_gets_no_invented_partner() -> None:
    found = extract(
        "Peru welcomed the decision. Chile signed a loan agreement with a group of commercial banks. "
        "Peru said Peru would watch.",
        "en",
        "2021-05-05",
        [state("CHL", "Chile"), state("PER", "Peru")],
    )
    (agreement,) = [a for a in found.agreements if a.name.lower().startswith("loan") or "agreement" in a.name]
    assert "state:PER" not in agreement.parties
    assert agreement.status == "signed"


def test_confidence_is_lower_when_the_source_is_unknown() -> None:
    found = extract(
        "Chile expelled two Peruvian diplomats. Two Peruvian diplomats were expelled.",
        "en",
        "2021-05-05",
        [state("CHL", "Chile"), state("PER", "Peruvian diplomats")],
    )
    with_source = [e for e in found.events if e.sources]
    without = [e for e in found.events if not e.sources]
    assert with_source and without
    assert max(e.confidence for e in without) < min(e.confidence for e in with_source)


# --- issue 12: the tense of the trigger, not the header date alone, decides planned ----------------
BACKDATED = [state("MAR", "Morocco"), state("MRT", "Mauritania")]


def _modality(text: str) -> tuple[str | None, bool, str]:
    (event,) = extract(text, "en", "2001-01-01", BACKDATED).events  # header earlier than the events
    return event.modality, event.past_tense, event.date_start.isoformat()


def test_a_past_tense_event_under_a_backdated_header_stays_asserted() -> None:
    assert _modality("Morocco and Mauritania signed a defence treaty on 3 March 2001.") == (
        "asserted",
        True,
        "2001-03-03",
    )
    assert _modality("Morocco and Mauritania have signed a defence treaty on 3 March 2001.")[:2] == ("asserted", True)
    assert _modality("The treaty signed by Morocco and Mauritania on 3 March 2001 covers fishing.")[:2] == (
        "asserted",
        True,
    )


def test_future_and_conditional_forms_after_publication_stay_planned() -> None:
    assert _modality("Morocco and Mauritania will sign a defence treaty on 3 March 2001.") == (
        "planned",
        False,
        "2001-03-03",
    )
    assert _modality("Morocco and Mauritania would sign a defence treaty on 3 March 2001.")[:2] == ("planned", False)
    assert _modality("The treaty to be signed by Morocco and Mauritania on 3 March 2001 covers fishing.")[:2] == (
        "planned",
        False,
    )
    assert _modality("Morocco and Mauritania sign a defence treaty on 3 March 2001.")[:2] == ("planned", False)


def test_an_agreement_with_parties_status_and_date_is_more_confident_than_a_bare_reported_deal() -> None:
    signed = extract(
        "Kenya and Uganda signed a border security agreement in Nairobi on May 4, 2023.",
        "en",
        "2023-05-10",
        [state("KEN", "Kenya"), state("UGA", "Uganda"), city("KEN", "Nairobi")],
    )
    bare = extract("There is talk of a deal, officials said.", "en", "2023-05-10", [])
    (full,) = signed.agreements
    (loose,) = bare.agreements
    assert full.confidence >= 0.8
    assert loose.confidence <= 0.3  # generic name, no party, no status, reported speech
    assert 0.05 <= loose.confidence < full.confidence <= 0.95


def test_a_weekday_governed_by_a_future_marker_is_the_coming_one() -> None:
    # Pattern: "scheduled for Friday" binds the weekday to the future even when a past verb
    # ("were confirmed") is nearer; the article is of Tuesday 9 May 2023.
    found = extract(
        "Talks between Kenya and Uganda, scheduled for Friday, were confirmed.",
        "en",
        "2023-05-09",
        [state("KEN", "Kenya"), state("UGA", "Uganda")],
    )
    (talks,) = found.events_of("AGREE")  # a planned meeting is an intent (PLOVER)
    assert talks.date_start.isoformat() == "2023-05-12"
    assert talks.modality == "planned"


def test_the_date_of_a_reporting_tail_does_not_date_an_announced_act() -> None:
    # Pattern: "X will meet Y, the ministry said on Monday": Monday is when it was said.
    found = extract(
        "Kenya and Uganda will meet in Nairobi, the ministry said on Monday.",
        "en",
        "2023-05-09",
        [state("KEN", "Kenya"), state("UGA", "Uganda")],
    )
    (meeting,) = found.events
    assert meeting.date_source == "publication"
    done = extract(
        "Kenya and Uganda met in Nairobi on Monday, the ministry said.",
        "en",
        "2023-05-09",
        [state("KEN", "Kenya"), state("UGA", "Uganda")],
    )
    assert done.events[0].date_start.isoformat() == "2023-05-08"


def test_a_quoted_first_person_subject_is_the_speaker_of_the_reporting_tail() -> None:
    # Pattern: "\"I urge Y to …\", X said": X is the source, Y the target.
    found = extract(
        '"I urge Uganda to withdraw its troops from the border," William Ruto said.',
        "en",
        "2023-05-09",
        [state("UGA", "Uganda"), person("ruto", "William Ruto", "KEN")],
    )
    (request,) = found.events_of("REQUEST")
    assert (request.sources, request.targets) == (("person:ruto",), ("state:UGA",))


def test_actors_of_a_relative_clause_between_subject_and_verb_are_not_the_subject() -> None:
    # Pattern: "X, who met Y last week, criticised Z": X criticises, not Y.
    found = extract(
        "William Ruto, who met Yoweri Museveni last week, criticised Tanzania.",
        "en",
        "2023-05-09",
        [person("ruto", "William Ruto", "KEN"), person("museveni", "Yoweri Museveni", "UGA"), state("TZA", "Tanzania")],
    )
    (criticism,) = found.events_of("ACCUSE")
    assert (criticism.sources, criticism.targets) == (("person:ruto",), ("state:TZA",))


def test_a_possessor_s_meeting_with_a_partner_is_directed_but_talks_between_stay_symmetric() -> None:
    # Pattern: "X's meeting with Y": X initiates (source), Y is met (target).
    actors = [person("ruto", "William Ruto", "KEN", "William Ruto"), person("museveni", "Yoweri Museveni", "UGA")]
    found = extract("William Ruto's meeting with Yoweri Museveni ended without a deal.", "en", "2023-05-09", actors)
    (meeting,) = found.events_of("CONSULT")
    assert (meeting.sources, meeting.targets) == (("person:ruto",), ("person:museveni",))
    talks = extract("Talks between William Ruto and Yoweri Museveni ended.", "en", "2023-05-09", actors)
    assert set(talks.events_of("CONSULT")[0].sources) == {"person:ruto", "person:museveni"}


def test_a_trigger_word_inside_a_capitalised_title_is_not_an_event() -> None:
    # Pattern: "headed by Finance Minister X": "Finance" is part of an office name, not funding.
    found = extract(
        "Chile set up a debt commission headed by Finance Minister Ana Rojas.",
        "en",
        "2023-05-09",
        [state("CHL", "Chile"), person("ana-rojas", "Ana Rojas", "CHL")],
    )
    assert not found.events_of("AID") and not found.events_of("AGREE")


def test_going_back_to_work_is_not_a_visit() -> None:
    # Pattern: "go (back) to work/school/the polls" is no travel to a counterpart.
    found = extract(
        "Dockers went back to work in most ports across Chile.", "en", "2023-05-09", [state("CHL", "Chile")]
    )
    assert not found.events_of("CONSULT")
    visit = extract(
        "Ana Rojas flew to Chile on Monday.",
        "en",
        "2023-05-09",
        [state("CHL", "Chile"), person("ana-rojas", "Ana Rojas", "PER")],
    )
    assert visit.events_of("CONSULT")


# --- issue 13, round 3: roles on whole articles -------------------------------------------------


def test_a_dateline_comma_does_not_make_the_lead_sentence_a_reporting_tail() -> None:
    found = extract(
        "OTTAWA, June 19 - Canada's foreign minister said Canada had agreed to send troops to Haiti.",
        "en",
        "1987-06-19",
        [city("CAN", "OTTAWA"), state("CAN", "Canada"), state("HTI", "Haiti")],
    )
    assert [e.event_type for e in found.events] == ["AGREE"]


def test_a_reporting_verb_followed_by_a_clause_opens_the_sentence_not_a_tail() -> None:
    found = extract(
        "After the vote, Portugal said Spain had criticised Morocco.",
        "en",
        "2023-03-10",
        [state("PRT", "Portugal"), state("ESP", "Spain"), state("MAR", "Morocco")],
    )
    (event,) = found.events
    assert (event.event_type, event.sources, event.targets) == ("ACCUSE", ("state:ESP",), ("state:MAR",))


def test_a_short_reporting_tail_is_still_a_tail() -> None:
    found = extract(
        "Egypt and Jordan agreed to hold joint exercises, the spokesman said on Monday.",
        "en",
        "2023-03-10",
        [state("EGY", "Egypt"), state("JOR", "Jordan")],
    )
    (event,) = found.events
    assert (event.modality, event.reported_by) == ("reported", "the spokesman")


def test_the_capitalised_states_of_a_country_name_is_no_reporting_verb() -> None:
    found = extract(
        "NAIROBI, May 3 - The United States may lift sanctions against Sudan next year, diplomats said.",
        "en",
        "2023-05-03",
        [city("KEN", "NAIROBI"), state("USA", "United States"), state("SDN", "Sudan")],
    )
    (event,) = found.events
    assert (event.event_type, event.sources, event.targets) == ("RETREAT", ("state:USA",), ("state:SDN",))


def test_a_hyphen_inside_a_name_does_not_end_a_dateline() -> None:
    found = extract(
        "COUNCIL Chairman Hans-Peter Keller called for the resignation of the governor.",
        "en",
        "2023-05-03",
        [person("hans-peter-keller", "Hans-Peter Keller", "CHE")],
    )
    (event,) = found.events
    assert (event.event_type, event.sources) == ("REQUEST", ("person:hans-peter-keller",))


def test_a_meeting_with_reporters_is_no_consultation() -> None:
    found = extract(
        "Baker met with reporters in Paris on Monday.",
        "en",
        "2023-03-10",
        [person("james-baker", "James Baker", "USA", "Baker"), city("FRA", "Paris")],
    )
    assert found.events_of("CONSULT") == []


def test_a_subject_meeting_a_named_partner_initiates_the_meeting() -> None:
    found = extract(
        "Brazil's finance minister Dilson Funaro met British Chancellor Nigel Lawson in London.",
        "en",
        "2023-03-10",
        [
            person("dilson-funaro", "Dilson Funaro", "BRA"),
            person("nigel-lawson", "Nigel Lawson", "GBR"),
            city("GBR", "London"),
        ],
    )
    (event,) = found.events
    assert (event.sources, event.targets) == (("person:dilson-funaro",), ("person:nigel-lawson",))


def test_coordinated_subjects_that_meet_stay_symmetric() -> None:
    found = extract(
        "Nigel Lawson and Dilson Funaro met in London on Monday.",
        "en",
        "2023-03-10",
        [
            person("dilson-funaro", "Dilson Funaro", "BRA"),
            person("nigel-lawson", "Nigel Lawson", "GBR"),
            city("GBR", "London"),
        ],
    )
    (event,) = found.events
    assert (set(event.sources), event.targets) == ({"person:dilson-funaro", "person:nigel-lawson"}, ())


def test_a_possessive_pronoun_before_a_noun_trigger_stands_for_the_last_person_named() -> None:
    found = extract(
        "Gro Harlem Brundtland returned home on Friday. Several newspapers wrote warmly about her trip to Japan.",
        "en",
        "2023-05-03",
        [person("gro-harlem-brundtland", "Gro Harlem Brundtland", "NOR"), state("JPN", "Japan")],
    )
    (event,) = found.events
    assert (event.event_type, event.sources, event.targets) == (
        "CONSULT",
        ("person:gro-harlem-brundtland",),
        ("state:JPN",),
    )


def test_a_subject_pronoun_before_a_verb_trigger_stands_for_the_last_person_named() -> None:
    found = extract(
        "Khomeini spoke to army commanders on Sunday. He warned Iraq against any new offensive.",
        "en",
        "1987-03-15",
        [person("ruhollah-khomeini", "Ruhollah Khomeini", "IRN", "Khomeini"), state("IRQ", "Iraq")],
    )
    (event,) = found.events
    assert (event.event_type, event.sources, event.targets) == (
        "THREATEN",
        ("person:ruhollah-khomeini",),
        ("state:IRQ",),
    )


def test_a_named_subject_beats_a_pronoun_antecedent() -> None:
    found = extract(
        # "it" takes up the speaker; "he" could not stand for a state (see the test of a person
        # pronoun after a report's verb below)
        "Khomeini spoke on Sunday. Iraq said it warned Syria.",
        "en",
        "1987-03-15",
        [
            person("ruhollah-khomeini", "Ruhollah Khomeini", "IRN", "Khomeini"),
            state("IRQ", "Iraq"),
            state("SYR", "Syria"),
        ],
    )
    (event,) = found.events
    assert event.sources == ("state:IRQ",)


def test_a_resignation_is_a_concession() -> None:
    found = extract(
        "Peru's trade minister Luis Alvarado resigned after the vote on Tuesday.",
        "en",
        "2023-05-03",
        [person("luis-alvarado", "Luis Alvarado", "PER")],
    )
    (event,) = found.events
    assert (event.event_type, event.cameo_code) == ("CONCEDE", "0831")


def test_declining_to_comment_is_no_rejection() -> None:
    found = extract(
        "Japan's trade minister declined to comment on the report.",
        "en",
        "2023-03-10",
        [state("JPN", "Japan")],
    )
    assert found.events == ()


def test_an_actor_past_a_comma_is_not_the_complement_of_a_noun_trigger() -> None:
    found = extract(
        "There were many arrests, broken windows, and violent clashes between dockers and police.",
        "en",
        "2023-05-03",
        [group("civilians:AUS", "Australia civilians", "civilians", "AUS", "dockers")],
    )
    assert found.events_of("COERCE") == []
    (clash,) = found.events_of("ASSAULT")
    assert clash.sources == ("civilians:AUS",)


def test_a_demand_with_must_needs_its_addressee_right_before_it() -> None:
    found = extract(
        "The memo reflects Chile's belief that a negotiated settlement must be reached quickly.",
        "en",
        "2023-03-10",
        [state("CHL", "Chile")],
    )
    assert found.events_of("REQUEST") == []


def test_stepping_up_pressure_is_no_demand() -> None:
    found = extract(
        "In an effort to step up pressure on Canberra, postal workers walked out in Melbourne.",
        "en",
        "2023-05-03",
        [city("AUS", "Canberra"), city("AUS", "Melbourne")],
    )
    assert found.events_of("REQUEST") == []


def test_talking_to_an_actor_is_a_consultation() -> None:
    found = extract(
        "Funaro spent two days talking to Jim Baker about the debt in Washington.",
        "en",
        "1987-03-10",
        [
            person("dilson-funaro", "Dilson Funaro", "BRA", "Funaro"),
            person("james-baker", "James Baker", "USA", "Jim Baker"),
            city("USA", "Washington"),
        ],
    )
    (event,) = found.events
    assert (event.event_type, event.sources, event.targets) == (
        "CONSULT",
        ("person:dilson-funaro",),
        ("person:james-baker",),
    )


def test_talking_to_reporters_is_no_consultation() -> None:
    found = extract(
        "Funaro talked to reporters in Washington about the debt.",
        "en",
        "1987-03-10",
        [person("dilson-funaro", "Dilson Funaro", "BRA", "Funaro"), city("USA", "Washington")],
    )
    assert found.events == ()


def test_renegotiating_a_debt_with_creditors_is_a_negotiation() -> None:
    found = extract(
        "Brazil renegotiated its debt with the Paris Club in June.",
        "en",
        "1987-03-10",
        [state("BRA", "Brazil"), group("igo:paris-club", "Paris Club", "igo", None, "Paris Club")],
    )
    (event,) = found.events
    assert (event.event_type, event.cameo_code) == ("CONSULT", "046")


def test_an_actor_after_a_later_verb_trigger_is_that_verb_s_argument() -> None:
    found = extract(
        "Funaro spent two days talking to bank officials and then criticised Britain.",
        "en",
        "1987-03-10",
        [person("dilson-funaro", "Dilson Funaro", "BRA", "Funaro"), state("GBR", "Britain")],
    )
    assert [(e.sources, e.targets) for e in found.events_of("CONSULT")] == [(("person:dilson-funaro",), ())]
    assert [e.targets for e in found.events_of("ACCUSE")] == [("state:GBR",)]


def test_talking_to_someone_does_not_swallow_the_next_trigger() -> None:
    found = extract(
        "Funaro talked to Jim Baker on Monday and criticised Japan on Tuesday.",
        "en",
        "1987-03-10",
        [
            person("dilson-funaro", "Dilson Funaro", "BRA", "Funaro"),
            person("james-baker", "James Baker", "USA", "Jim Baker"),
            state("JPN", "Japan"),
        ],
    )
    assert sorted(e.event_type for e in found.events) == ["ACCUSE", "CONSULT"]


def test_pressure_after_a_form_of_be_is_the_noun_and_swallows_nothing() -> None:
    found = extract(
        "Kohl told the party that there will be pressure on Lafontaine after his trip to Moscow.",
        "en",
        "2023-05-03",
        [
            person("helmut-kohl", "Helmut Kohl", "DEU", "Kohl"),
            person("oskar-lafontaine", "Oskar Lafontaine", "DEU", "Lafontaine"),
            city("RUS", "Moscow"),
        ],
    )
    assert [e.event_type for e in found.events] == ["CONSULT"]


def test_a_date_in_a_later_clause_dates_that_clause_not_the_trigger() -> None:
    # Pattern: "<trigger> …, adding that X had done it in 2019": the year dates the act of the "that"
    # clause; a clause opened right after the trigger ("the raid, which …") still describes it.
    actors = [state("CHL", "Chile"), state("PER", "Peru")]
    later = extract(
        "Chile condemned the blockade, adding that Peru had imposed it in 2019.", "en", "2023-03-10", actors
    )
    own = extract(
        "Chile condemned the blockade on Thursday, adding that Peru had imposed it.", "en", "2023-03-10", actors
    )
    (event,) = later.events
    assert (event.date_start.isoformat(), event.date_source) == ("2023-03-10", "publication")
    (event,) = own.events
    assert (event.date_start.isoformat(), event.date_source) == ("2023-03-09", "text")


def test_a_date_after_before_is_a_deadline_not_the_event_date() -> None:
    # Pattern (horizon_markers): "before 2030" bounds the act, it does not date it ("before dawn on
    # Monday" still dates the attack: the marker is not right before the date).
    actors = [state("CHL", "Chile"), state("PER", "Peru")]
    deadline = extract("Chile promised Peru to cut its tariffs before 2030.", "en", "2023-03-10", actors)
    dawn = extract("Chile attacked Peru before dawn on Monday.", "en", "2023-03-10", actors)
    (event,) = deadline.events
    assert event.date_source == "publication"
    (event,) = dawn.events
    assert (event.date_start.isoformat(), event.date_source) == ("2023-03-06", "text")


# --- issue 13, round 4: English role patterns without a parse ------------------------------------


def test_a_verb_after_a_subordinator_is_an_event_of_its_own_not_part_of_the_demand() -> None:
    # rule complement_closer: "after Israel rejected …" is no part of what Egypt asked for
    found = extract(
        "Egypt called for new talks after Israel rejected the proposal.",
        "en",
        "2023-03-10",
        [state("EGY", "Egypt"), state("ISR", "Israel")],
    )
    (rejection,) = found.events_of("REJECT")
    assert rejection.sources == ("state:ISR",)
    assert [e.sources for e in found.events_of("REQUEST")] == [("state:EGY",)]


def test_the_main_subject_is_not_the_source_inside_a_because_clause() -> None:
    # rule adverbial_clause_subject: Kenya banned the group; nobody here says Kenya killed anyone
    found = extract(
        "Kenya on Friday banned the sect because of its alleged role in killing villagers.",
        "en",
        "2023-03-10",
        [state("KEN", "Kenya")],
    )
    assert [e.event_type for e in found.events] == ["COERCE"]


def test_a_place_between_subject_and_verb_is_not_the_subject() -> None:
    # rule subject_past_locative: the envoys negotiate, Geneva is where
    found = extract(
        "Norway and Sweden spent a week in Geneva negotiating with Iran.",
        "en",
        "2023-03-10",
        [state("NOR", "Norway"), state("SWE", "Sweden"), city("CHE", "Geneva"), state("IRN", "Iran")],
    )
    (event,) = found.events
    assert event.event_type == "CONSULT"
    assert set(event.sources) == {"state:NOR", "state:SWE"}
    assert event.targets == ("state:IRN",)


def test_a_fronted_participle_takes_the_main_clause_subject() -> None:
    # rule fronted_participle: Britain urges, Iran is urged
    found = extract(
        "Urging Iran to show restraint, Britain said it was ready for talks.",
        "en",
        "2023-03-10",
        [state("IRN", "Iran"), state("GBR", "Britain")],
    )
    (request,) = found.events_of("REQUEST")
    assert request.sources == ("state:GBR",)
    assert request.targets == ("state:IRN",)


def test_the_partner_of_an_unnamed_signer_is_the_target() -> None:
    # rule with_partner: the firm signs with Chile; Chile does not sign alone
    found = extract(
        "A Canadian mining firm has signed a supply contract with the Chilean government.",
        "en",
        "2023-03-10",
        [state("CHL", "Chile", "Chilean government")],
    )
    (event,) = found.events_of("AGREE")
    assert event.sources == ()
    assert event.targets == ("state:CHL",)


def test_deciding_against_an_act_is_a_refusal_by_the_subject() -> None:
    found = extract(
        "Officials said Peru has decided against a military intervention in the dispute.",
        "en",
        "2023-03-10",
        [state("PER", "Peru")],
    )
    (event,) = found.events
    assert event.event_type == "REJECT"
    assert event.sources == ("state:PER",)


def test_polled_by_telephone_is_no_phone_call() -> None:
    # "by telephone" names the means of another act: no call between actors
    found = extract(
        "The institute said 900 Danish voters polled by telephone backed the plan.",
        "en",
        "2023-03-10",
        [state("DNK", "Denmark", "Danish")],
    )
    assert not found.events_of("CONSULT")


def test_a_return_from_a_country_ends_a_visit_there() -> None:
    found = extract(
        "Chancellor Anna Berg gave a press conference on her return from Japan on Sunday.",
        "en",
        "2023-03-10",
        [person("anna-berg", "Anna Berg", "DEU", "Chancellor Anna Berg"), state("JPN", "Japan")],
    )
    (visit,) = found.events_of("CONSULT")
    assert visit.sources == ("person:anna-berg",)
    assert visit.targets == ("state:JPN",)


def test_a_resignation_already_tendered_is_not_planned_by_a_later_date() -> None:
    # rule past_light_verb: "has tendered his resignation" is done; "next month" dates the leaving
    found = extract(
        "Finance Minister Karl Moser has tendered his resignation and will leave the cabinet next month.",
        "en",
        "2023-03-10",
        [person("karl-moser", "Karl Moser", "AUT", "Finance Minister Karl Moser")],
    )
    (event,) = found.events
    assert event.event_type == "CONCEDE"
    assert event.modality != "planned"
    assert event.date_source == "publication"


def test_a_visit_announced_is_no_done_visit() -> None:
    # rule past_light_verb reads light verbs only: "announced a visit … next month" reports no visit
    # made (a planned visit is coded AGREE, as PLOVER codes it), unlike "held talks"
    found = extract(
        "Chile announced a visit to Peru next month.",
        "en",
        "2023-03-10",
        [state("CHL", "Chile"), state("PER", "Peru")],
    )
    assert [event.event_type for event in found.events] == ["AGREE"]


def test_giving_a_warning_is_a_threat_by_the_person_the_pronoun_stands_for() -> None:
    # a reporting verb closes the complement of a governing participle before it ("monitored by");
    # "he" after "said" is not the report, it is the person named before
    found = extract(
        "President Ilir Hoxha addressed the army on Friday. A bulletin, monitored by Reuters, "
        "said he gave a stern warning to the generals.",
        "en",
        "2023-03-10",
        [
            person("ilir-hoxha", "Ilir Hoxha", "ALB", "President Ilir Hoxha"),
            group("media:reuters", "Reuters", "media", "GBR"),
        ],
    )
    (event,) = found.events_of("THREATEN")
    assert event.sources == ("person:ilir-hoxha",)


def test_coordinated_parties_that_agree_agree_with_each_other() -> None:
    # rule joint_agreement: Kenya is a partner of the planned company, not the target of the agreement
    found = extract(
        "Uganda and Tanzania agreed to build a new pipeline with Kenya, a joint statement said.",
        "en",
        "2023-03-10",
        [state("UGA", "Uganda"), state("TZA", "Tanzania"), state("KEN", "Kenya")],
    )
    (event,) = found.events_of("AGREE")
    assert set(event.sources) == {"state:UGA", "state:TZA"}
    assert event.targets == ()


def test_a_relative_clause_after_a_complement_is_an_event_of_its_own() -> None:
    # rule complement_closer: ", which Jordan also rejected" is no part of what Egypt urged
    found = extract(
        "Egypt urged Israel to accept the plan, which Jordan also rejected.",
        "en",
        "2023-03-10",
        [state("EGY", "Egypt"), state("ISR", "Israel"), state("JOR", "Jordan")],
    )
    (rejection,) = found.events_of("REJECT")
    assert rejection.sources == ("state:JOR",)


def test_support_after_an_adjective_is_a_noun() -> None:
    # "financial support" is a noun phrase (noun_context_words): no SUPPORT or AGREE verb reading
    found = extract(
        "The loan will be made with the backing of Japan, which is expected to give financial support.",
        "en",
        "2023-03-10",
        [state("JPN", "Japan")],
    )
    assert not [e for e in found.events if e.event_type in {"SUPPORT", "AGREE"} and e.trigger == "support"]


def test_a_market_captured_by_rivals_is_no_assault() -> None:
    # figurative object of a passive combat verb: business rivalry, not a capture
    found = extract(
        "The minister said the Kenyan tea market, which until now had been captured by Indian exporters, is open.",
        "en",
        "2023-03-10",
        [state("KEN", "Kenya", "Kenyan"), state("IND", "India", "Indian")],
    )
    assert not found.events_of("ASSAULT")


def test_a_town_captured_by_rebels_is_still_an_assault() -> None:
    found = extract(
        "The town of Goma, which had been captured by Rwandan troops, was quiet.",
        "en",
        "2023-03-10",
        [city("COD", "Goma"), state("RWA", "Rwanda", "Rwandan troops")],
    )
    assert found.events_of("ASSAULT")


def test_a_hyphenated_participle_names_no_doer() -> None:
    # rule attributive_participle: Peru is not the one who criticises
    found = extract(
        "Peru compared the much-criticized measures Chile adopted last year with its own.",
        "en",
        "2023-03-10",
        [state("PER", "Peru"), state("CHL", "Chile")],
    )
    accusations = found.events_of("ACCUSE")
    assert accusations and all(e.sources == () for e in accusations)
    assert accusations[0].targets == ("state:CHL",)


def test_talks_here_are_hosted_by_the_dateline_country() -> None:
    # rule dateline_host: filed from Nairobi, "talks here" are hosted by the Kenyan side
    found = extract(
        "NAIROBI, May 4 - A joint statement was issued on Thursday. It followed two days of talks here "
        "between Ethiopia and Kenyan officials.",
        "en",
        "2023-05-04",
        [city("KEN", "Nairobi", "NAIROBI"), state("ETH", "Ethiopia"), state("KEN", "Kenya", "Kenyan officials")],
    )
    (talks,) = found.events_of("CONSULT")
    assert talks.sources == ("state:KEN",)
    assert talks.targets == ("state:ETH",)


def test_talks_without_here_stay_symmetric() -> None:
    found = extract(
        "NAIROBI, May 4 - It followed two days of talks between Ethiopia and Kenyan officials.",
        "en",
        "2023-05-04",
        [city("KEN", "Nairobi", "NAIROBI"), state("ETH", "Ethiopia"), state("KEN", "Kenya", "Kenyan officials")],
    )
    (talks,) = found.events_of("CONSULT")
    assert set(talks.sources) == {"state:ETH", "state:KEN"}
    assert talks.targets == ()


def test_a_participle_right_after_a_subordinator_keeps_the_main_subject() -> None:
    found = extract(
        "Ghana criticised Togo on Monday while visiting Benin.",
        "en",
        "2023-03-10",
        [state("GHA", "Ghana"), state("TGO", "Togo"), state("BEN", "Benin")],
    )
    (visit,) = found.events_of("CONSULT")
    assert visit.sources == ("state:GHA",)


# --- issue 13, round 5 -------------------------------------------------------------------------


def test_a_stop_named_by_a_noun_is_the_same_sanction_as_the_verb() -> None:
    # "the suspension of aid to Y", "a freeze on credit" name the act "suspend aid" names (CAMEO 162)
    found = extract(
        "The suspension of aid to Myanmar took effect on Monday.",
        "en",
        "2022-03-08",
        [state("MMR", "Myanmar")],
    )
    sanction = found.events_of("SANCTION")
    assert sanction and sanction[0].targets == ("state:MMR",)


def test_a_freeze_on_something_else_is_no_sanction() -> None:
    found = extract(
        "Norway announced a freeze on hiring in its ministries.", "en", "2022-03-08", [state("NOR", "Norway")]
    )
    assert found.events_of("SANCTION") == []


def test_an_adverbial_clause_after_according_to_tells_an_act_of_its_own() -> None:
    # rule attribution_closer: the attribution ends at "since"; "his return from China" is an act
    # (the end of a visit) whose doer the pronoun takes up
    found = extract(
        "PARIS, March 3 - French President Jacques Chirac is popular, according to a survey taken since his return from China.",
        "en",
        "2001-03-05",
        [person("chirac", "Jacques Chirac", "FRA", "French President Jacques Chirac"), state("CHN", "China")],
    )
    visit = found.events_of("CONSULT")
    assert visit and visit[0].sources == ("person:chirac",) and visit[0].targets == ("state:CHN",)


def test_the_source_named_by_according_to_stays_no_participant() -> None:
    found = extract(
        "Rebels shelled the town of Goma, according to officials of the Congolese army.",
        "en",
        "2001-03-05",
        [
            group("reb:x", "rebels", "armed_group", "COD", "Rebels"),
            group("mil:cod", "Congolese army", "military", "COD", "Congolese army"),
        ],
    )
    assert all("mil:cod" not in e.sources + e.targets for e in found.events)


def test_a_run_of_pronouns_keeps_the_person_named_before_it() -> None:
    # rule pronoun_chain: each "he" takes up the same senator, nobody else is named between
    found = extract(
        "Senator Tom Reyes spoke to a meeting of farmers in the capital on Monday afternoon. "
        "The committee will not act on the farm bill or on the water bill this year, he said at the time. "
        "He added that the budget would stay tight for the next two years at the very least. "
        "Later he said the new plan for a sales tax was weak, which he also opposes.",
        "en",
        "2022-03-08",
        [person("reyes", "Tom Reyes", "USA", "Senator Tom Reyes")],
    )
    rejection = found.events_of("REJECT")
    assert rejection and rejection[0].sources == ("person:reyes",)


def test_a_possessed_noun_restates_its_doer_s_earlier_act_and_takes_its_target() -> None:
    # rule possessed_restatement: "her visit" is the return from Beijing told before
    found = extract(
        "Senator Mary Walsh returned from Beijing on Monday. A poll taken after her visit showed her support rising.",
        "en",
        "2022-03-08",
        [person("walsh", "Mary Walsh", "USA", "Senator Mary Walsh"), state("CHN", "Beijing")],
    )
    visits = found.events_of("CONSULT")
    assert len(visits) == 2 and all(v.targets == ("state:CHN",) for v in visits)
    assert visits[0].event_id == visits[1].event_id


def test_an_agentless_detention_is_made_by_the_police_that_reports_it() -> None:
    # rule police_make_arrests: ", police said" is the reporter, and the arrester
    police = ActorSpec("police:KEN", "Kenyan police", "organization", "KEN", ("Kenyan police",), "POL")
    found = extract(
        "Three opposition activists were detained in Nairobi on Saturday, Kenyan police said.",
        "en",
        "2017-08-14",
        [police, city("KEN", "Nairobi")],
    )
    (event,) = found.events
    assert (event.event_type, event.sources) == ("COERCE", ("police:KEN",))


def test_two_parties_agreeing_that_something_will_be_done_is_an_agreement() -> None:
    # rule joint_decision; one side "agreeing that" stays an opinion (no event)
    specs = [state("PER", "Peru"), state("BOL", "Bolivia")]
    found = extract("Peru and Bolivia agreed that the border bridge would be rebuilt.", "en", "2011-06-02", specs)
    assert [(e.event_type, e.sources) for e in found.events] == [("AGREE", ("state:PER", "state:BOL"))]
    assert not extract("Peru agreed that the report was flawed.", "en", "2011-06-02", specs).events


def test_talks_between_two_titled_ministers_join_both() -> None:
    # coordination reads past the office written before the second name (roles._before_office)
    found = extract(
        "Talks between Kenyan trade minister Ann Wanjiru and Ugandan minister of trade and industry "
        "Paul Okello ended on Friday.",
        "en",
        "2012-03-02",
        [
            person("ann-wanjiru", "Ann Wanjiru", "KEN", "Ann Wanjiru", office="Kenyan trade minister"),
            person("paul-okello", "Paul Okello", "UGA", "Paul Okello", office="Ugandan minister of trade and industry"),
        ],
    )
    (event,) = found.events
    assert set(event.sources) | set(event.targets) == {"person:ann-wanjiru", "person:paul-okello"}


def test_calling_a_move_unacceptable_is_criticism() -> None:
    found = extract(
        "Canada called the Chinese decision unacceptable on Monday.",
        "en",
        "2019-03-05",
        [state("CAN", "Canada"), state("CHN", "China", "Chinese")],
    )
    (event,) = found.events
    assert (event.event_type, event.sources, event.targets) == ("ACCUSE", ("state:CAN",), ("state:CHN",))


def test_a_visit_the_narrative_announces_is_a_planned_visit() -> None:
    # rule scheduled_meeting
    specs = [state("KEN", "Kenya", "Kenyan"), state("UGA", "Uganda")]
    found = extract("The Kenyan president will visit Uganda next week.", "en", "2016-05-02", specs)
    (event,) = found.events
    assert (event.event_type, event.modality) == ("CONSULT", "planned")


def test_a_visit_announced_in_reported_speech_is_an_intent() -> None:
    specs = [state("KEN", "Kenya"), state("UGA", "Uganda")]
    found = extract("Kenya said on Monday that its president would visit Uganda.", "en", "2016-05-02", specs)
    assert [e.event_type for e in found.events] == ["AGREE"]


def test_a_past_talk_and_a_planned_visit_in_one_sentence_are_two_events() -> None:
    # a planned mention is never merged with one that is not; rule shared_subject gives the visit
    # the first verb's subject, not its object
    specs = [
        person("amina-odhiambo", "Amina Odhiambo", "KEN"),
        state("GBR", "Britain", "British"),
        state("FRA", "France"),
    ]
    found = extract(
        "Amina Odhiambo talked to British officials on Monday and will visit France next week.",
        "en",
        "2016-05-02",
        specs,
    )
    consults = {(e.trigger, e.sources, e.modality) for e in found.events if e.event_type == "CONSULT"}
    assert consults == {
        ("talked to", ("person:amina-odhiambo",), "asserted"),
        ("visit", ("person:amina-odhiambo",), "planned"),
    }


def test_police_arrested_are_not_the_arresters() -> None:
    police = ActorSpec("police:GHA", "Ghana police", "organization", "GHA", ("Ghanaian police officers",), "POL")
    found = extract("Four Ghanaian police officers were arrested in Accra on Tuesday.", "en", "2018-05-02", [police])
    assert all("police:GHA" not in e.sources for e in found.events)


def test_a_police_reporting_an_arrest_abroad_did_not_make_it() -> None:
    police = ActorSpec("police:NOR", "Norwegian police", "organization", "NOR", ("Norwegian police",), "POL")
    found = extract(
        "Norwegian police said two Norwegian citizens had been detained in Iran.",
        "en",
        "2018-05-02",
        [police, ActorSpec("place:IRN", "Iran", "place", "IRN", ("Iran",))],
    )
    assert all("police:NOR" not in e.sources for e in found.events)


def test_shared_opinions_about_the_future_are_no_agreement() -> None:
    specs = [state("PER", "Peru"), state("BOL", "Bolivia")]
    found = extract("Peru and Bolivia agreed that the harvest would be poor.", "en", "2011-06-02", specs)
    assert not [e for e in found.events if e.event_type == "AGREE"]


def test_its_withdrawal_after_subject_and_verb_is_the_subjects_withdrawal() -> None:
    # rule own_act
    found = extract(
        "Russia quietly accelerated its withdrawal from Georgia.",
        "en",
        "2008-10-10",
        [state("RUS", "Russia"), state("GEO", "Georgia")],
    )
    (event,) = found.events_of("RETREAT")
    assert event.sources == ("state:RUS",)


def test_monitors_followed_by_a_verb_are_people_not_an_investigation() -> None:
    found = extract(
        "Officials said Finnish election monitors reported that Estonia counted the votes fairly.",
        "en",
        "2008-10-10",
        [state("FIN", "Finnish"), state("EST", "Estonia")],
    )
    assert not found.events_of("ACCUSE")


def test_let_us_is_no_concession() -> None:
    found = extract(
        "Let us be clear about Chile, the Peruvian minister said.",
        "en",
        "2008-10-10",
        [state("CHL", "Chile"), state("PER", "Peruvian")],
    )
    assert not found.events_of("RETREAT")


def test_allowing_someone_to_act_is_a_concession() -> None:
    found = extract(
        "Chile allowed the Peruvian fishing fleet to return to port.",
        "en",
        "2008-10-10",
        [state("CHL", "Chile"), state("PER", "Peruvian")],
    )
    (event,) = found.events_of("RETREAT")
    assert event.sources == ("state:CHL",)


def test_a_fronted_after_clause_takes_the_main_subject() -> None:
    # rule fronted_participle with an opener
    found = extract(
        "After meeting Putin in Moscow, Macron flew to Berlin.",
        "en",
        "2019-05-10",
        [person("vladimir-putin", "Putin", "RUS"), person("emmanuel-macron", "Macron", "FRA"), city("DEU", "Berlin")],
    )
    meeting = next(e for e in found.events if e.trigger == "meeting")
    assert (meeting.sources, meeting.targets) == (("person:emmanuel-macron",), ("person:vladimir-putin",))
    flight = next(e for e in found.events if e.trigger != "meeting")
    assert "person:vladimir-putin" not in flight.sources


def test_a_fronted_clause_ends_at_its_comma() -> None:
    found = extract(
        "After criticising Chile, the Peruvian minister said Bolivia would sign.",
        "en",
        "2019-05-10",
        [state("CHL", "Chile"), state("PER", "Peruvian minister"), state("BOL", "Bolivia")],
    )
    (criticism,) = found.events_of("ACCUSE")
    assert (criticism.sources, criticism.targets) == (("state:PER",), ("state:CHL",))


def test_its_withdrawal_after_and_is_not_the_objects_withdrawal() -> None:
    # rule own_act: after "and" the verb shares the first verb's subject; Georgia is an object
    found = extract(
        "Armenia hosted Georgia and accelerated its withdrawal from the border zone.",
        "en",
        "2008-10-10",
        [state("ARM", "Armenia"), state("GEO", "Georgia")],
    )
    assert "state:GEO" not in {s for e in found.events_of("RETREAT") for s in e.sources}
