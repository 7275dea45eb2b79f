"""Rule pronoun_antecedent: a pronoun takes up the person just named, never one named long before."""

from __future__ import annotations

from tests.events_support import extract, group, person, state

FAR_BACK = (
    "Lucia Ferreira opened the harbour festival in Porto on Friday with a short speech about fishing. "
    "Thousands of visitors walked along the river until late in the evening, and the local restaurants "
    "served grilled sardines, octopus salad and green wine to long queues of families and tourists. "
    "The organisers counted more boats than in any year since the festival began in the nineteen sixties. "
    "She warned Spain against any new fishing quotas."
)


def test_a_pronoun_takes_up_the_person_named_in_the_sentence_before() -> None:
    found = extract(
        "Lucia Ferreira opened the harbour festival in Porto. She warned Spain against any new fishing quotas.",
        "en",
        "2022-06-12",
        [person("lucia-ferreira", "Lucia Ferreira", "PRT"), state("ESP", "Spain")],
    )
    (event,) = found.events_of("THREATEN")
    assert event.sources == ("person:lucia-ferreira",)


def test_a_pronoun_far_from_the_last_person_named_gets_no_source() -> None:
    found = extract(
        FAR_BACK, "en", "2022-06-12", [person("lucia-ferreira", "Lucia Ferreira", "PRT"), state("ESP", "Spain")]
    )
    (event,) = found.events_of("THREATEN")
    assert event.sources == ()


# -- rule pronoun_speaker: a tail's pronoun names the quotation's speaker -----------------------------
def test_a_quotation_closed_by_he_said_is_spoken_by_the_person_named_before_it() -> None:
    found = extract(
        'Tomas Lind spoke in Oslo on Monday. "We support the Danish government fully," he said.',
        "en",
        "2022-06-12",
        [person("tomas-lind", "Tomas Lind", "NOR"), state("DNK", "Danish government")],
    )
    (event,) = found.events_of("SUPPORT")
    assert (event.sources, event.targets) == (("person:tomas-lind",), ("state:DNK",))


def test_a_french_quotation_closed_by_a_t_il_dit_is_spoken_by_the_person_named_before_it() -> None:
    found = extract(
        "Le ministre Paul Girard est arrivé à Dakar. « Nous soutenons le gouvernement sénégalais », a-t-il dit.",
        "fr",
        "2022-06-12",
        [person("paul-girard", "Paul Girard", "FRA"), state("SEN", "gouvernement sénégalais")],
    )
    (event,) = found.events_of("SUPPORT")
    assert event.sources == ("person:paul-girard",)


def test_a_quotation_far_from_the_last_person_named_gets_no_speaker() -> None:
    text = FAR_BACK.replace("She warned Spain against any new fishing quotas.", '"We condemn Spain," she said.')
    found = extract(
        text, "en", "2022-06-12", [person("lucia-ferreira", "Lucia Ferreira", "PRT"), state("ESP", "Spain")]
    )
    (event,) = found.events_of("ACCUSE")
    assert event.sources == ()


def test_a_quotation_after_two_persons_gets_no_speaker_from_the_pronoun() -> None:
    # the pronoun may stand for either person (and "il" cannot tell them apart): no guess
    found = extract(
        "Paul Girard a reçu Marc Delorme à Lyon. « Nous soutenons le gouvernement sénégalais », a-t-il dit.",
        "fr",
        "2022-06-12",
        [
            person("paul-girard", "Paul Girard", "FRA"),
            person("marc-delorme", "Marc Delorme", "BEL"),
            state("SEN", "gouvernement sénégalais"),
        ],
    )
    assert all(event.sources == () for event in found.events_of("SUPPORT"))


def test_only_the_tail_closing_the_quotation_names_its_speaker() -> None:
    # "it said" closes the first quotation; the later "he said" belongs to the aide's quotation,
    # and the ministry's statement between them means the person named first no longer speaks.
    found = extract(
        "Tomas Lind arrived in Nairobi on Tuesday. The Kenyan ministry issued a statement. "
        '"We condemn the Ugandan government," it said, and an aide added: "We condemn Uganda," he said.',
        "en",
        "2022-06-12",
        [
            person("tomas-lind", "Tomas Lind", "NOR"),
            state("KEN", "Kenyan ministry"),
            state("UGA", "Ugandan government", "Uganda"),
        ],
    )
    assert found.events_of("ACCUSE")
    assert all("person:tomas-lind" not in event.sources for event in found.events_of("ACCUSE"))


def test_an_unnamed_official_after_the_person_takes_the_pronoun_away_from_them() -> None:
    found = extract(
        "Tomas Lind spoke in Oslo on Monday. His foreign minister was blunter. "
        '"We condemn the Danish government," he said.',
        "en",
        "2022-06-12",
        [person("tomas-lind", "Tomas Lind", "NOR"), state("DNK", "Danish government")],
    )
    (event,) = found.events_of("ACCUSE")
    assert event.sources == ()


# -- rule first_person_obligation ------------------------------------------------------------------
def test_we_must_support_is_the_speakers_support_not_a_demand() -> None:
    found = extract(
        'Tomas Lind spoke in Oslo on Monday. "We must support the Danish government," he said.',
        "en",
        "2022-06-12",
        [person("tomas-lind", "Tomas Lind", "NOR"), state("DNK", "Danish government")],
    )
    assert [e.event_type for e in found.events] == ["SUPPORT"]
    assert found.events[0].sources == ("person:tomas-lind",)


def test_a_third_party_must_is_still_a_demand() -> None:
    found = extract(
        "Tomas Lind said Denmark must withdraw its proposal.",
        "en",
        "2022-06-12",
        [person("tomas-lind", "Tomas Lind", "NOR"), state("DNK", "Denmark")],
    )
    (event,) = found.events_of("REQUEST")
    assert (event.sources, event.targets) == (("person:tomas-lind",), ("state:DNK",))


def test_we_must_before_a_material_act_announces_it_rather_than_reports_it() -> None:
    # rule first_person_obligation: "we must support" is support said now, "we must fight" no fight yet
    found = extract(
        '"We must fight the Ugandan rebels," Tomas Lind said in Oslo on Monday.',
        "en",
        "2022-06-12",
        [
            person("tomas-lind", "Tomas Lind", "NOR"),
            group("org:ugandan-rebels", "Ugandan rebels", "armed_group", "UGA"),
        ],
    )
    assert found.events
    assert found.events_of("ASSAULT") == []
    assert all(event.modality == "planned" for event in found.events)
