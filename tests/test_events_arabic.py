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
    # rule scheduled_meeting: a visit the narrative announces is the visit, planned
    assert (event.event_type, event.modality) == ("CONSULT", "planned")
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


# -- issue 15 round 3 (transforms/events/arabic.py, events_ar.yaml; sentences written for these tests) --
def _extract_with_demonyms(text: str, specs, demonyms=()):
    """`extract`, with the mentions whose text is in `demonyms` marked as the actor stage marks a
    nationality adjective (rule "demonym")."""
    from dataclasses import replace

    from tests.events_support import Extraction, make_actors, shared_extractor, shared_nlp
    from transforms.dates import find_dates
    from transforms.dates.publication import parse_publication_date
    from transforms.nlp import sentences_of
    from transforms.records import ArticleRecord, LanguageGuess

    publication = parse_publication_date("2023-03-10")
    article = ArticleRecord(
        "0123456789abcdef", "test.txt", 0, None, None, None, text, LanguageGuess("ar", 1.0, "header"), publication
    )
    doc = shared_nlp().parse([text], ["ar"])[0]
    sentences = sentences_of(doc)
    dates = find_dates(text, "ar", publication.range, sentences)
    actors = tuple(
        replace(actor, mentions=tuple(replace(m, rule="demonym") if m.text in demonyms else m for m in actor.mentions))
        for actor in make_actors(text, sentences, specs)
    )
    events, agreements = shared_extractor().extract(article, doc, sentences, dates, actors)
    return Extraction(article, doc, sentences, dates, actors, events, agreements)


def test_a_reporting_verb_after_a_comma_opens_a_clause_unless_the_tail_is_short() -> None:
    # "، أعلنت الشرطة مقتل …": the police announced the killing (a clause, not a tail)
    found = extract(
        "وفي الموصل، أعلنت الشرطة العراقية مقتل خمسة أشخاص في تفجير سيارة مفخخة قرب السوق.",
        "ar",
        "2023-03-10",
        [group("police:IRQ", "Iraq police", "police", "IRQ", "الشرطة العراقية"), city("IRQ", "الموصل")],
    )
    assert found.events_of("ASSAULT")
    # "، قال مسؤول أمني." closing the sentence is a tail: the attack is reported
    tail = extract(
        "وهاجم مسلحون سوريون حاجزا للجيش السوري، قال مسؤول أمني.",
        "ar",
        "2023-03-10",
        [
            group("org:rebels", "rebels", "armed_group", "SYR", "مسلحون سوريون"),
            group("military:SYR", "Syrian army", "military", "SYR", "الجيش السوري"),
        ],
    )
    assault = tail.events_of("ASSAULT")
    assert assault and assault[0].modality == "reported"


def test_bayn_between_is_no_reporting_verb() -> None:
    # "بين" is "between" far more often than "بيّن" (explained): no tail after "، … بين"
    found = extract(
        "هدأ الوضع في المدينة، واندلعت اشتباكات بين الجيش الليبي ومسلحين قبليين.",
        "ar",
        "2023-03-10",
        [
            group("military:LBY", "Libyan army", "military", "LBY", "الجيش الليبي"),
            group("org:tribal", "tribal gunmen", "armed_group", "LBY", "مسلحين قبليين"),
        ],
    )
    assault = found.events_of("ASSAULT")
    assert assault and assault[0].modality == "asserted"


def test_a_car_bomb_is_no_future_act() -> None:
    # "سيارة" starts with "سي" like a future verb ("سيزور"); a noun has no future prefix
    found = extract(
        "وانفجرت سيارة مفخخة قرب مقر الشرطة الأفغانية في قندهار.",
        "ar",
        "2023-03-10",
        [group("police:AFG", "Afghan police", "police", "AFG", "الشرطة الأفغانية"), city("AFG", "قندهار")],
    )
    assert found.events_of("ASSAULT") and not found.events_of("THREATEN")


def test_indefinite_accusative_and_ta_marbuta_spellings() -> None:
    # "اعتصاماً": the accusative alif is no part of the word; "إصابة" (injury) is not "أصابه" (hit him)
    assert "اعتصام" in arabic_keys("اعتصاماً", frozenset({"اعتصام"}))
    assert "اختطف" in arabic_keys("اختطفا", frozenset({"اختطف"}))
    assert "اصاب" not in arabic_keys("وإصابة", frozenset({"اصاب"}))
    assert "اصاب" in arabic_keys("أصابه", frozenset({"اصاب"}))
    found = extract(
        "ونفذ المتظاهرون المغاربة اعتصاماً أمام البرلمان في الرباط.",
        "ar",
        "2023-03-10",
        [_crowd("MAR", "المتظاهرون المغاربة"), city("MAR", "الرباط")],
    )
    protest = found.events_of("PROTEST")
    assert protest and protest[0].sources == ("civilians:MAR",)


def test_self_immolation_is_a_protest_by_the_one_before_it() -> None:
    found = extract(
        "وأقدم أحد الشبان الجزائريين على إحراق نفسه احتجاجاً على البطالة.",
        "ar",
        "2023-03-10",
        [_crowd("DZA", "الشبان الجزائريين")],
    )
    assert [e.event_type for e in found.events] == ["PROTEST"]
    assert found.events[0].sources == ("civilians:DZA",)


def test_new_violence_triggers_and_their_other_senses() -> None:
    army = group("military:MMR", "Myanmar army", "military", "MMR", "جنود ميانماريون")
    for sentence in (
        "وفتح جنود ميانماريون النار على القرويين.",
        "واغتصب جنود ميانماريون نساء في القرية.",
        "وعذب جنود ميانماريون المعتقلين في السجن.",
        "وألقى جنود ميانماريون قنابل على القرية.",
    ):
        assault = extract(sentence, "ar", "2023-03-10", [army]).events_of("ASSAULT")
        assert assault and assault[0].sources == ("military:MMR",), sentence
    for sentence in (
        "وأكد الوزير التونسي أن تونس ستوقع اتفاقية مناهضة التعذيب.",
        "واتهم الوزير التونسي المعارضة بمحاولة اغتصاب السلطة.",
        "وسيلتقي الوزير التونسي نظيره الليبي في وقت لاحق.",
    ):
        found = extract(
            sentence, "ar", "2023-03-10", [state("TUN", "التونسي"), state("TUN", "تونس"), state("LBY", "الليبي")]
        )
        assert not found.events_of("ASSAULT") and not found.events_of("COERCE"), sentence


def test_an_actor_before_the_complementizer_is_not_the_subject_after_it() -> None:
    # "قال X إن مسلحين هاجموا …": the Egyptian official speaks, the gunmen attack
    found = extract(
        "وقال مسؤول مصري إن مسلحين مجهولين هاجموا نقطة تفتيش في سيناء.",
        "ar",
        "2023-03-10",
        [state("EGY", "مصري"), city("EGY", "سيناء")],
    )
    assert all("state:EGY" not in e.sources for e in found.events_of("ASSAULT"))
    # with a pronoun on the complementizer, the pronoun takes the speaker up
    found = extract(
        "وأكدت الشرطة الأردنية أنها اعتقلت ثلاثة مهربين على الحدود.",
        "ar",
        "2023-03-10",
        [group("police:JOR", "Jordan police", "police", "JOR", "الشرطة الأردنية")],
    )
    coerce = found.events_of("COERCE")
    assert coerce and coerce[0].sources == ("police:JOR",)


def test_a_pronoun_on_the_complementizer_takes_up_an_actor_never_a_place() -> None:
    # "أنه" resumes the army, not Mosul where it is
    found = extract(
        "واعترف الجيش العراقي في الموصل، أنه نفذ غارات جوية على القرية.",
        "ar",
        "2023-03-10",
        [group("military:IRQ", "Iraq armed forces", "military", "IRQ", "الجيش العراقي"), city("IRQ", "الموصل")],
    )
    assault = found.events_of("ASSAULT")
    assert assault and assault[0].sources == ("military:IRQ",)


def test_a_casualty_verb_before_a_count_is_passive_and_takes_its_cause_doers() -> None:
    found = extract(
        "وقتل أمس أربعة جنود كينيين في هجوم شنه مسلحون صوماليون على ثكنة قرب الحدود.",
        "ar",
        "2023-03-10",
        [
            group("military:KEN", "Kenya armed forces", "military", "KEN", "جنود كينيين"),
            group("org:somalia-rebels", "Somalia rebels", "armed_group", "SOM", "مسلحون صوماليون"),
        ],
    )
    killing = [e for e in found.events_of("ASSAULT") if e.cameo_code == "1823"]
    assert killing and killing[0].sources == ("org:somalia-rebels",)
    assert killing[0].targets == ("military:KEN",)


def test_a_subject_before_the_verb_and_its_count_is_active() -> None:
    found = extract(
        "وقالت الشرطة العراقية إن القوات الأميركية قتلت 11 مسلحا قرب تكريت.",
        "ar",
        "2023-03-10",
        [
            group("police:IRQ", "Iraq police", "police", "IRQ", "الشرطة العراقية"),
            group("military:USA", "US forces", "military", "USA", "القوات الأميركية"),
        ],
    )
    killing = found.events_of("ASSAULT")
    assert killing and killing[0].sources == ("military:USA",)


def test_a_killing_in_a_demonym_strike_is_that_country_doing() -> None:
    # "قتل أربعة مقاتلين في ضربة جوية أميركية": the American air strike killed them
    found = _extract_with_demonyms(
        "قتل أربعة مقاتلين في ضربة جوية أميركية شرق المدينة.",
        [state("USA", "United States", "أميركية")],
        {"أميركية"},
    )
    killing = [e for e in found.events if e.cameo_code == "1823"]
    assert killing and killing[0].sources == ("state:USA",) and "state:USA" not in killing[0].targets


def test_an_agent_phrase_may_stand_a_quantity_away_from_the_actor() -> None:
    found = extract(
        "وقالت الضحية إنه تم اغتصابها من قبل عدة جنود سودانيين.",
        "ar",
        "2023-03-10",
        [group("military:SDN", "Sudan armed forces", "military", "SDN", "جنود سودانيين")],
    )
    assault = found.events_of("ASSAULT")
    assert assault and assault[0].sources == ("military:SDN",)


def test_a_vso_light_verb_gives_the_noun_the_actor_right_after_it() -> None:
    # the doer is the light verb's subject, not the last actor before the noun
    found = extract(
        "وقامت امرأة بلجيكية متزوجة من مغربي بتفجير نفسها قرب دورية للشرطة.",
        "ar",
        "2023-03-10",
        [state("BEL", "بلجيكية"), state("MAR", "مغربي")],
    )
    assault = found.events_of("ASSAULT")
    assert assault and assault[0].sources == ("state:BEL",)


def test_a_protest_noun_with_a_possessive_is_the_crowd_act() -> None:
    found = extract(
        "وواصل آلاف المتظاهرين اليمنيين مسيراتهم في صنعاء.",
        "ar",
        "2023-03-10",
        [_crowd("YEM", "المتظاهرين اليمنيين"), city("YEM", "صنعاء")],
    )
    protest = found.events_of("PROTEST")
    assert protest and protest[0].sources == ("civilians:YEM",)


def test_a_coordinated_verb_without_a_subject_shares_the_previous_one() -> None:
    found = extract(
        "واعتقلت الشرطة التونسية ناشطا معارضا وأفرجت عنه بعد ساعات.",
        "ar",
        "2023-03-10",
        [group("police:TUN", "Tunisia police", "police", "TUN", "الشرطة التونسية")],
    )
    release = found.events_of("RETREAT")
    assert release and release[0].sources == ("police:TUN",)


def test_the_subject_of_taarrada_undergoes_the_attack() -> None:
    found = extract(
        "وتعرضت القوات الأميركية لهجوم في الرمادي.",
        "ar",
        "2023-03-10",
        [group("military:USA", "US forces", "military", "USA", "القوات الأميركية"), city("IRQ", "الرمادي")],
    )
    assault = found.events_of("ASSAULT")
    assert assault and assault[0].targets == ("military:USA",) and not assault[0].sources


def test_a_verb_after_a_relative_pronoun_has_the_antecedent_as_subject() -> None:
    specs = [
        group("military:USA", "US forces", "military", "USA", "القوات الأميركية"),
        _crowd("AFG", "المدنيين الأفغان"),
    ]
    found = extract("وكانت القوات الأميركية التي قتلت المدنيين الأفغان قد انسحبت من القرية.", "ar", "2023-03-10", specs)
    killing = found.events_of("ASSAULT")
    assert killing and killing[0].sources == ("military:USA",) and killing[0].targets == ("civilians:AFG",)
    # an object pronoun on the verb: the pronoun is the object, the subject follows
    found = extract("وزار الوزير المدنيين الأفغان الذين استهدفتهم القوات الأميركية.", "ar", "2023-03-10", specs)
    attack = found.events_of("ASSAULT")
    assert attack and attack[0].sources == ("military:USA",)


def test_a_verb_after_an_attack_noun_is_not_the_earlier_actors() -> None:
    # "… جنود أميركيين في هجوم انتحاري استهدف موكبا": the attack targeted the convoy
    found = extract(
        "وجرح أربعة جنود أميركيين في هجوم انتحاري استهدف موكبا قرب كابل.",
        "ar",
        "2023-03-10",
        [group("military:USA", "US forces", "military", "USA", "جنود أميركيين"), city("AFG", "كابل")],
    )
    assert all("military:USA" not in e.sources for e in found.events_of("ASSAULT"))


def test_a_protest_without_an_actor_is_the_crowd_its_sentence_names() -> None:
    found = extract(
        "وخرجت مظاهرات في عدة مدن، وطالب المتظاهرون الجزائريون برحيل الحكومة.",
        "ar",
        "2023-03-10",
        [_crowd("DZA", "المتظاهرون الجزائريون")],
    )
    protest = found.events_of("PROTEST")
    assert protest and protest[0].sources == ("civilians:DZA",)


def test_haythu_opens_a_clause_and_times_do_not_count_in_the_subject_gap() -> None:
    found = extract(
        "واجتمعت الحكومة الصومالية بوفد مجلس الأمن، حيث رفع متظاهرون صوماليون لافتات أمام القصر.",
        "ar",
        "2023-03-10",
        [
            state("SOM", "الحكومة الصومالية"),
            group("igo:unsc", "UN Security Council", "igo", None, "مجلس الأمن"),
            _crowd("SOM", "متظاهرون صوماليون"),
        ],
    )
    raised = [e for e in found.events_of("PROTEST") if "رفع" in e.trigger]
    assert raised and raised[0].sources == ("civilians:SOM",)
    found = extract(
        "تظاهر أمس مئات من أنصار حزب التجمع المصري أمام وزارة العدل.",
        "ar",
        "2023-03-10",
        [state("EGY", "المصري")],
    )
    protest = found.events_of("PROTEST")
    assert protest and protest[0].sources == ("state:EGY",)


def test_a_march_of_a_crowd_and_an_act_by_means_of_a_noun() -> None:
    found = extract(
        "ونظمت النقابات مسيرة للطلاب التونسيين في صفاقس.",
        "ar",
        "2023-03-10",
        [_crowd("TUN", "للطلاب التونسيين"), city("TUN", "صفاقس")],
    )
    protest = found.events_of("PROTEST")
    assert protest and protest[0].sources == ("civilians:TUN",)
    found = extract("وردت تركيا عبر اغتيال قيادي في الحزب.", "ar", "2023-03-10", [state("TUR", "تركيا")])
    assault = found.events_of("ASSAULT")
    assert assault and assault[0].sources == ("state:TUR",)


def test_bullets_and_hands_of_an_agent() -> None:
    found = extract(
        "وقتل فتى برصاص الشرطة اليونانية في أثينا.",
        "ar",
        "2023-03-10",
        [group("police:GRC", "Greece police", "police", "GRC", "الشرطة اليونانية"), city("GRC", "أثينا")],
    )
    assault = found.events_of("ASSAULT")
    assert assault and assault[0].sources == ("police:GRC",)


def test_square_and_city_are_common_words_and_the_qassam_brigades_are_hamas() -> None:
    from transforms.dates.publication import parse_publication_date
    from transforms.pipeline import Extractor
    from transforms.records import ArticleRecord, LanguageGuess

    texts = [
        "واحتشد المتظاهرون اليونانيون في ميدان سينتاغما وسط أثينا.",
        "وتظاهر مئات الصوماليين بمدينة بيداوة.",
        "وقصفت كتائب عز الدين القسام موقعا عسكريا قرب سديروت.",
    ]
    articles = [
        ArticleRecord(
            f"t{i}", "", i, None, None, None, text, LanguageGuess("ar", 1.0, "header"), parse_publication_date(None)
        )
        for i, text in enumerate(texts)
    ]
    square, city_, qassam = Extractor().extract_batch(articles)
    assert not any(a.country == "IDN" for a in square.actors)  # ميدان is no Medan
    assert not any(a.country == "SAU" for a in city_.actors)  # بمدينة is no Medina
    assert any(e.sources == ("org:hamas",) for e in qassam.events if e.event_type == "ASSAULT")


def test_searching_for_someone_is_no_talks() -> None:
    # "بحث مع" (discussed with) is a meeting; "بحثاً عن" (looking for) is not
    specs = [
        group("military:ISR", "Israel Defense Forces", "military", "ISR", "الجنود الإسرائيليون"),
        state("JOR", "الأردني"),
    ]
    searched = extract("وفتش الجنود الإسرائيليون البلدة بحثاً عن مطلوبين.", "ar", "2023-03-10", specs)
    assert not searched.events_of("CONSULT")
    talks = extract(
        "وبحث الوزير الأردني مع نظيره المصري العلاقات الثنائية.",
        "ar",
        "2023-03-10",
        [state("JOR", "الأردني"), state("EGY", "المصري")],
    )
    assert talks.events_of("CONSULT")


def test_the_group_named_after_the_attack_noun_is_no_victim_of_a_passive_killing() -> None:
    found = extract(
        "وقتل أكثر من 20 شخصا في هجمات انتحارية نسبت إلى مقاتلين موالين لحركة الشباب.",
        "ar",
        "2023-03-10",
        [group("org:shabaab", "al-Shabaab", "armed_group", "SOM", "حركة الشباب")],
    )
    assert all("org:shabaab" not in e.targets for e in found.events)


def test_a_noun_in_a_relative_clause_and_a_negated_stopping() -> None:
    # "القوات التي لم تتوقف عن تعذيب المعتقلين": the forces kept torturing (not negated), their act
    found = extract(
        "وكانت القوات الروسية التي لم تتوقف عن تعذيب المعتقلين قد انسحبت من المدينة.",
        "ar",
        "2023-03-10",
        [group("military:RUS", "Russian forces", "military", "RUS", "القوات الروسية")],
    )
    torture = [e for e in found.events if e.cameo_code == "1822"]
    assert torture and torture[0].sources == ("military:RUS",) and not torture[0].negated


def test_an_agent_phrase_after_a_later_trigger_is_that_triggers_agent() -> None:
    # Rule agent_of_nearest_trigger: "من جانب X" follows the firing, not the air strike.
    found = extract(
        "شن الجيش التركي غارة جوية على القرية إثر إطلاق نار من جانب مقاتلي حزب العمال الكردستاني.",
        "ar",
        "2023-03-10",
        [
            group("military:TUR", "Turkish army", "military", "TUR", "الجيش التركي"),
            group("org:pkk", "PKK", "armed_group", "TUR", "حزب العمال الكردستاني"),
        ],
    )
    strikes = [event for event in found.events_of("ASSAULT") if event.sources == ("military:TUR",)]
    assert strikes and "org:pkk" not in strikes[0].sources


def test_the_caller_after_min_is_the_source_of_a_received_call() -> None:
    # rule received_from: "تلقى X اتصالا هاتفيا من Y" (X received a phone call from Y)
    found = extract(
        "تلقى وزير الخارجية الأردني اتصالا هاتفيا من وزير الخارجية العماني.",
        "ar",
        "2016-02-10",
        [state("JOR", "Jordan", "الأردني"), state("OMN", "Oman", "العماني")],
    )
    (event,) = found.events
    assert (event.event_type, event.sources, event.targets) == ("CONSULT", ("state:OMN",), ("state:JOR",))


def test_an_honorific_pronoun_after_the_verb_stands_for_the_person_named_last() -> None:
    # rule pronoun_antecedent with Arabic honorific pronouns ("سموه", His Highness)
    emir = group("person:tamim-bin-hamad", "Tamim bin Hamad", "person", "QAT", "الشيخ تميم بن حمد")
    found = extract(
        "وصل الشيخ تميم بن حمد إلى عمان اليوم. وأعرب سموه عن تقديره لدعم الأردن.",
        "ar",
        "2016-02-10",
        [emir, state("JOR", "Jordan", "الأردن"), city("JOR", "Amman", "عمان")],
    )
    support = [e for e in found.events if e.event_type == "SUPPORT"]
    assert [(e.sources, e.targets) for e in support] == [(("person:tamim-bin-hamad",), ("state:JOR",))]


def test_an_actor_owning_the_place_after_the_verb_is_not_its_subject() -> None:
    # rule possessed_place: "قصفت الطائرات مواقع حركة الشباب" (the planes shelled al-Shabaab's positions)
    found = extract(
        "وقصفت الطائرات مواقع حركة الشباب في الصومال.",
        "ar",
        "2015-08-07",
        [group("org:al-shabaab", "al-Shabaab", "armed_group", "SOM", "حركة الشباب")],
    )
    events = found.events_of("ASSAULT")
    assert events and all("org:al-shabaab" not in e.sources for e in events)
    assert any("org:al-shabaab" in e.targets for e in events)
