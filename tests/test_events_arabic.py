"""Arabic events and agreements: normalised spellings, clitics, VSO and SVO order, agent phrases,
negation, future prefix, reported speech (blank Arabic pipeline). Sentences written for these tests."""

from __future__ import annotations

from tests.events_support import city, extract, group, state
from transforms.events.morphology import arabic_keys, arabic_proclitic, normalize_arabic


def test_spellings_are_normalised() -> None:
    assert normalize_arabic("أدانت") == normalize_arabic("ادانت")
    assert normalize_arabic("ثنائية") == normalize_arabic("ثنائيه")
    assert normalize_arabic("مستشفى") == "مستشفي"


def test_clitics_are_peeled_least_first() -> None:
    vocabulary = frozenset({"بحث", "حث", "هجوم", "ادان", "ملاحقه"})
    assert "بحث" in arabic_keys("وبحث", vocabulary) and "حث" not in arabic_keys("وبحث", vocabulary)
    assert "هجوم" in arabic_keys("بالهجوم", vocabulary)
    assert "ادان" in arabic_keys("وأدان", vocabulary)
    assert "ملاحقه" in arabic_keys("ملاحقتهم", vocabulary)
    assert arabic_proclitic("للحكومة") == "ل" and arabic_proclitic("لبنان") is None


def test_vso_condemnation_takes_the_actor_after_the_verb_as_source() -> None:
    found = extract(
        "وأدانت الحكومة الأردنية الهجوم على السفارة الكويتية.",
        "ar",
        "2023-03-10",
        [state("JOR", "الحكومة الأردنية"), state("KWT", "الكويتية")],
    )
    accuse = found.events_of("ACCUSE")
    assert accuse and accuse[0].sources == ("state:JOR",)


def test_svo_order_keeps_the_actor_before_the_verb() -> None:
    found = extract(
        "قالت الوزارة إن تونس تدين بشدة الاعتداء على ليبيا.",
        "ar",
        "2023-03-10",
        [state("TUN", "تونس"), state("LBY", "ليبيا")],
    )
    accuse = found.events_of("ACCUSE")
    assert accuse and accuse[0].sources == ("state:TUN",)
    assert accuse[0].modality == "reported"


def test_meeting_verb_with_coordinated_participants_is_reciprocal() -> None:
    found = extract(
        "والتقى وزير خارجية عمان نظيره القطري في الدوحة.",
        "ar",
        "2023-03-10",
        [state("OMN", "عمان"), state("QAT", "القطري"), city("QAT", "الدوحة")],
    )
    consult = found.events_of("CONSULT")
    assert consult and not consult[0].targets
    assert set(consult[0].sources) <= {"state:OMN", "state:QAT"}


def test_agent_phrase_makes_the_trainer_the_source() -> None:
    found = extract(
        "تلقت القوات الصومالية تدريبات على يد الجيش التركي.",
        "ar",
        "2023-03-10",
        [
            group("military:SOM", "Somali forces", "military", "SOM", "القوات الصومالية"),
            group("military:TUR", "Turkish army", "military", "TUR", "الجيش التركي"),
        ],
    )
    aid = found.events_of("AID")
    assert aid and aid[0].sources == ("military:TUR",)
    assert aid[0].targets == ("military:SOM",)


def test_negation_with_lam() -> None:
    found = extract(
        "لم تستقبل مصر الوفد السوداني.",
        "ar",
        "2023-03-10",
        [state("EGY", "مصر"), state("SDN", "السوداني")],
    )
    assert found.events and all(e.negated for e in found.events)


def test_future_prefix_sin_makes_the_visit_planned_and_vso_object_the_target() -> None:
    found = extract(
        "وسيزور الرئيس الجزائري موريتانيا الأسبوع المقبل.",
        "ar",
        "2023-03-10",
        [state("DZA", "الجزائري"), state("MRT", "موريتانيا")],
    )
    (event,) = found.events
    # PLOVER: a cooperative act announced for the future is AGREE (intent to visit, CAMEO 036).
    assert (event.event_type, event.modality) == ("AGREE", "planned")
    assert event.sources == ("state:DZA",) and event.targets == ("state:MRT",)


def test_a_named_agreement_with_a_clitic_is_found() -> None:
    found = extract(
        "ووقعت المغرب وموريتانيا على مذكرة تفاهم في نواكشوط.",
        "ar",
        "2023-03-10",
        [state("MAR", "المغرب"), state("MRT", "موريتانيا"), city("MRT", "نواكشوط")],
    )
    assert [a.type for a in found.agreements][:1] == ["memorandum_of_understanding"]


def test_every_spanish_and_arabic_trigger_code_is_in_the_crosswalk() -> None:
    from transforms.events.crosswalk import Crosswalk
    from transforms.events.lexicon import load_lexicon

    crosswalk = Crosswalk.load()
    for language in ("es", "ar"):
        lexicon = load_lexicon(language)
        for entries in lexicon.entries_by_word.values():
            for entry in entries:
                if not entry.code.startswith("plover:"):
                    assert crosswalk.by_cameo(entry.code).event_type, (language, entry.code)


def test_a_perfect_verb_under_a_backdated_header_stays_asserted_and_an_imperfect_one_planned() -> None:
    """Issue 12: the perfect "ووقعت" is done even when the header (2001-01-01) is earlier than its date."""
    parties = [state("MAR", "المغرب"), state("MRT", "موريتانيا"), city("MRT", "نواكشوط")]
    sentence = "{} المغرب وموريتانيا على مذكرة تفاهم في نواكشوط في 3 مارس 2001."
    (done,) = extract(sentence.format("ووقعت"), "ar", "2001-01-01", parties).events
    (announced,) = extract(sentence.format("وستوقع"), "ar", "2001-01-01", parties).events
    assert (done.modality, done.past_tense, done.date_start.isoformat()) == ("asserted", True, "2001-03-03")
    assert (announced.modality, announced.past_tense) == ("planned", False)


# -- issue 15 round 2: crowd protests, kidnappings, "فجر" as dawn (sentences written for these tests) --
def _crowd(iso3: str, *surfaces: str):
    return group(f"civilians:{iso3}", "civilians", "civilians", iso3, *surfaces)


def test_a_singular_verb_before_a_plural_crowd_is_a_protest() -> None:
    # VSO: the verb stays singular before its plural subject ("واحتشد المتظاهرون")
    found = extract(
        "واحتشد المتظاهرون الليبيون أمس في طرابلس.",
        "ar",
        "2023-03-10",
        [_crowd("LBY", "المتظاهرون الليبيون"), city("LBY", "طرابلس")],
    )
    protest = found.events_of("PROTEST")
    assert protest and protest[0].sources == ("civilians:LBY",)


def test_marching_and_chanting_crowds_protest() -> None:
    found = extract(
        "وسار المتظاهرون السودانيون نحو القصر وهتفوا ضد الحكومة السودانية.",
        "ar",
        "2023-03-10",
        [_crowd("SDN", "المتظاهرون السودانيون"), state("SDN", "الحكومة السودانية")],
    )
    assert found.events_of("PROTEST")


def test_tajammu_without_a_crowd_is_not_a_protest() -> None:
    # "تجمع" also means "unites": "the ties that unite the two countries"
    found = extract(
        "وأشاد الوزير المغربي بالعلاقات التي تجمع المغرب وتونس.",
        "ar",
        "2023-03-10",
        [state("MAR", "المغرب"), state("TUN", "تونس")],
    )
    assert not found.events_of("PROTEST")


def test_fajr_as_dawn_is_no_bombing() -> None:
    found = extract(
        "وصل الوفد الأردني إلى القاهرة فجر الخميس.",
        "ar",
        "2023-03-10",
        [state("JOR", "الأردني"), city("EGY", "القاهرة")],
    )
    assert not found.events_of("ASSAULT")


def test_gunmen_kidnapping_is_an_assault() -> None:
    found = extract(
        "وقالت الشرطة إن مسلحين اختطفوا مهندسا تركيا في الموصل.",
        "ar",
        "2023-03-10",
        [group("org:gunmen", "gunmen", "armed_group", None, "مسلحين"), state("TUR", "تركيا"), city("IRQ", "الموصل")],
    )
    assault = found.events_of("ASSAULT")
    assert assault and assault[0].sources == ("org:gunmen",)


def test_a_light_verb_before_its_subject_gives_the_noun_its_doer() -> None:
    # VSO light verb: "قام X بالاحتجاج" (X carried out a protest)
    found = extract(
        "وقام متظاهرون أتراك في إسطنبول بالاحتجاج على القرار.",
        "ar",
        "2023-03-10",
        [_crowd("TUR", "متظاهرون أتراك"), city("TUR", "إسطنبول")],
    )
    protest = found.events_of("PROTEST")
    assert protest and protest[0].sources == ("civilians:TUR",)


def test_kana_qad_is_a_pluperfect_not_a_threat() -> None:
    # "وكانت ... قد أطلقت": had fired (done), not "may fire"
    found = extract(
        "وكانت القوات الإثيوبية قد قصفت مواقع المتمردين الصوماليين أمس.",
        "ar",
        "2023-03-10",
        [
            group("military:ETH", "Ethiopian forces", "military", "ETH", "القوات الإثيوبية"),
            group("org:somalia-rebels", "Somalia rebels", "armed_group", "SOM", "المتمردين الصوماليين"),
        ],
    )
    assert found.events_of("ASSAULT") and not found.events_of("THREATEN")


def test_violence_by_a_crowd_is_a_riot() -> None:
    # PLOVER codes rioting crowds as PROTEST (CAMEO 145), not ASSAULT
    found = extract(
        "وهاجم المتظاهرون الكينيون مقر الحزب الحاكم في نيروبي.",
        "ar",
        "2023-03-10",
        [_crowd("KEN", "المتظاهرون الكينيون"), city("KEN", "نيروبي")],
    )
    assert [e.event_type for e in found.events] == ["PROTEST"]
    assert found.events[0].cameo_code == "145"


def test_the_subject_before_qad_acts() -> None:
    # "وكان X قد فعل" (X had done): X, before "قد", is the subject; the verb does not open a clause
    found = extract(
        "وكان المتظاهرون التونسيون قد تظاهروا أمس في صفاقس.",
        "ar",
        "2023-03-10",
        [_crowd("TUN", "المتظاهرون التونسيون"), city("TUN", "صفاقس")],
    )
    protest = found.events_of("PROTEST")
    assert protest and protest[0].sources == ("civilians:TUN",)
