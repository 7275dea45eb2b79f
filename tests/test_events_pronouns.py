"""Rule pronoun_antecedent: a pronoun takes up the person just named, never one named long before."""

from __future__ import annotations

from tests.events_support import extract, person, state

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
