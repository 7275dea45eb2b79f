"""The PLOVER/CAMEO crosswalk and the trigger lexicons agree with each other."""

from __future__ import annotations

import pytest

from transforms.events.crosswalk import PLOVER_TYPES, Crosswalk
from transforms.events.lexicon import available_languages, load_lexicon


@pytest.fixture(scope="module")
def crosswalk() -> Crosswalk:
    return Crosswalk.load()


def test_every_crosswalk_row_codes_one_of_the_sixteen_plover_types(crosswalk: Crosswalk) -> None:
    codes = crosswalk.codes()
    assert codes
    assert {crosswalk.by_cameo(code).event_type for code in codes} <= set(PLOVER_TYPES)


def test_the_crosswalk_covers_all_sixteen_types(crosswalk: Crosswalk) -> None:
    covered = {crosswalk.by_cameo(code).event_type for code in crosswalk.codes()}
    assert covered == set(PLOVER_TYPES)


def test_host_a_visit_is_consult_visit_with_its_goldstein_weight(crosswalk: Crosswalk) -> None:
    coding = crosswalk.by_cameo("043")
    assert (coding.event_type, coding.mode, coding.quad_class, coding.goldstein) == ("CONSULT", "visit", 1, 2.8)


def test_signing_an_agreement_is_agree(crosswalk: Crosswalk) -> None:
    # newsdesk codes the signature with the agreement it concludes (CAMEO2PLOVER says SUPPORT).
    assert crosswalk.by_cameo("057").event_type == "AGREE"


def test_imposing_sanctions_is_sanction(crosswalk: Crosswalk) -> None:
    # An embargo or sanctions are SANCTION, beside breaking relations (CAMEO2PLOVER says COERCE).
    assert crosswalk.by_cameo("163").event_type == "SANCTION"


def test_goldstein_weights_stay_on_the_scale(crosswalk: Crosswalk) -> None:
    weights = [crosswalk.by_cameo(code).goldstein for code in crosswalk.codes()]
    assert all(-10.0 <= weight <= 10.0 for weight in weights)


def test_quad_class_follows_the_plover_category(crosswalk: Crosswalk) -> None:
    assert crosswalk.by_cameo("190").quad_class == 4
    assert crosswalk.by_cameo("111").quad_class == 3
    assert crosswalk.by_cameo("062").quad_class == 2


def test_a_future_cooperative_act_is_recoded_as_agree(crosswalk: Crosswalk) -> None:
    recoded = crosswalk.as_intent(crosswalk.by_cameo("042"))
    assert (recoded.event_type, recoded.cameo_code) == ("AGREE", "036")


def test_a_future_attack_is_recoded_as_a_threat(crosswalk: Crosswalk) -> None:
    assert crosswalk.as_threat(crosswalk.by_cameo("190")).event_type == "THREATEN"


def test_a_refused_cooperative_act_is_recoded_as_reject(crosswalk: Crosswalk) -> None:
    assert crosswalk.as_refusal(crosswalk.by_cameo("046")).event_type == "REJECT"


def test_plover_only_events_carry_the_category_score(crosswalk: Crosswalk) -> None:
    coding = crosswalk.plover_only("RETREAT", "resign")
    assert (coding.cameo_code, coding.quad_class, coding.goldstein) == (None, 2, 7.6)


@pytest.mark.parametrize("language", available_languages())
def test_every_lexicon_entry_points_at_a_known_code(crosswalk: Crosswalk, language: str) -> None:
    lexicon = load_lexicon(language)
    unknown = sorted(
        {
            entry.code
            for entries in lexicon.entries_by_word.values()
            for entry in entries
            if not entry.code.startswith("plover:") and not crosswalk.has_code(entry.code)
        }
    )
    assert unknown == []


def test_english_triggers_match_inflected_forms() -> None:
    lexicon = load_lexicon("en")
    assert "agree" in lexicon.inflections["agreed"]
    assert "telephone" in lexicon.inflections["telephoned"]
