"""Arabic-only reading rules for the event stage (the Arabic pipeline has no tagger and no parser).

Each rule names the pattern it reads; the callers (tokens.py, roles.py, extractor.py) call it only
for Arabic, so no other language goes through here. Word lists are cues of
`transforms/data/events_ar.yaml`. Tests: tests/test_events_arabic.py.

  reporting tail        in VSO order a reporting verb after a comma usually opens the next clause,
                        its object a verbal noun ("، أعلنت الشرطة مقتل سبعة أشخاص": the police
                        announced the killing of seven people). Only a short attribution closing
                        the sentence is a tail ("، قال مسؤول أمني.", "، كما أفاد مراسل …"): the
                        verb within the first two words after the comma, at most TAIL_WORDS words
                        after it.
  complementizer        "قال X إن Y هاجم Z": an actor before "أن/إن" belongs to the main clause,
                        never to a verb after it; with a pronoun on it ("أكدت الشرطة أنها اعتقلت")
                        the pronoun takes the main clause's actor up.
  victims               after a passive verb only the actors before the attack noun that caused it
                        can be its victims ("قتل 30 شخصا في هجمات … الموالين لطالبان").
  stopping negated      "لم تتوقف عن تعذيب" (did not stop torturing): the negation is the stopping's,
                        the act is not negated.
  undergone             "تعرضت القوات الأميركية لهجوم" (the forces came under attack): a noun trigger
                        after "تعرض ل/إلى" is passive, the subject of "تعرض" its target.
  passive before count  unvocalised "قتل 15 شخصا" is passive (fifteen people were killed): a verb
                        followed by a number or a count word (times of day may come between) or a
                        form that is only passive ("أصيب", "اغتيل") has its victims after it and
                        its doer after an agent phrase ("على يد", "بنيران", "برصاص").
  agent phrase gap      "من قبل عدة ضباط عراقيين": a quantity word or a noun may stand between the
                        agent phrase and the actor mention (at most AGENT_GAP words).
  light verb subject    "قامت امرأة بلجيكية … بتفجير نفسها": a light verb before its subject gives a
                        noun trigger that subject, the actor right after the light verb, not the
                        last actor before the noun.
  relative subject      "القوات الأميركية التي قتلت المدنيين": after a relative pronoun the verb's
                        subject is the actor the pronoun stands for (right before it), the actor
                        after the verb its object; a noun trigger a few words into the relative
                        clause is that actor's act too. Not "الرجل الذي قتلته القوات" (an object
                        pronoun on the verb: the subject follows it).
  noun subject          "… جنود أميركيين في هجوم انتحاري استهدف موكبا": a verb after an event noun
                        (an indefinite antecedent, no relative pronoun) has that noun as subject,
                        not the actor before it.
  reflexive, means      "أحد التونسيين … عن إحراق نفسه" (burning himself), "ردت إسرائيل عبر اغتيال X"
                        (by assassinating X): the actor before a reflexive noun trigger, or before
                        "عبر/من خلال" + noun trigger, is its doer.
  protest possessive    "استمر آلاف المتظاهرين الصوماليين في مسيراتهم": a protest noun with a
                        possessive pronoun ("مسيراتهم", their marches) is the nearest actor's act.
  noun agent            "الضربات الجوية الأميركية", "هجوم شنه مسلحون صوماليون": a demonym adjective
                        right after a noun trigger (one adjective may come between), or the subject
                        of a light verb with a pronoun resuming the noun ("شنه", "نفذه"), is its doer;
                        not for nouns whose complement undergoes the act ("مقتل", "اعتقال": the
                        lexicon's patient_genitive_nouns).
  cause of a casualty   "قتل 150 مدنيا في سلسلة من الضربات الجوية الأميركية": a passive casualty verb
                        with no named doer takes the doers of the attack noun that follows it after
                        a cause word ("في", "جراء", "إثر", "ب"): the strike killed them.
  crowd of a protest    "خرجت مظاهرات في مدن … وطالب المتظاهرون": a protest trigger with no doer of its
                        own is the act of the crowd its sentence names (the nearest one); "مسيرة
                        للطلاب" (a march of the students): "ل" + a crowd after a protest noun is
                        its doer.
  shared subject        "أطلقت القوات الإسرائيلية صاروخا … فقتلت المدرس": a verb glued to و/ف with no
                        subject of its own shares the subject of the verb trigger before it in
                        its sentence (Arabic drops a repeated subject).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from transforms.data_files import load_data
from transforms.events.morphology import normalize_arabic

if TYPE_CHECKING:
    from transforms.events.drafts import EventDraft
    from transforms.events.matching import TriggerMatch
    from transforms.events.participants import Participant
    from transforms.events.roles import RoleReader
    from transforms.events.tokens import UnitTokens

TAIL_WORDS = 8  # words after the reporting verb of an Arabic reporting tail ("قال مصدر في الشرطة العراقية")
SUBJECT_GAP = 4  # words between a verb and its postverbal subject, times of day not counted
AGENT_GAP = 2  # words between an agent phrase and the actor ("من قبل عدة ضباط عراقيين")
LIGHT_VERB_REACH = 12  # words from a VSO light verb to the noun it governs ("قام X ... بتفجير")
CAUSE_REACH = 6  # words from a cause word to the attack noun ("في سلسلة من الضربات")
SHARED_SUBJECT_REACH = 20
RELATIVE_REACH = 5  # words from a relative pronoun to a noun trigger in its clause ("التي لم تتوقف عن تعذيب")  # words from the previous verb trigger to a verb sharing its subject
ASSAULT = "ASSAULT"
PROTEST_CODE_PREFIX = "14"
CONJUNCTIONS = ("و", "ف")
POSSESSIVE_ENDINGS = ("هم", "هن", "ها")  # not "ه": unvocalised it is also the ta marbuta "ة"
DEMONYM_RULE = "demonym"
CIVILIANS = "civilians"
AGENT_TYPES_BY_NAME = frozenset({"military", "organization", "armed_group", "police", "civilians"})


@cache
def _cues() -> dict[str, frozenset[str]]:
    cues = load_data("events_ar.yaml")["cues"]
    keys = (
        "complementizers",
        "pronoun_complementizers",
        "count_words",
        "time_words",
        "passive_forms",
        "casualty_verbs",
        "cause_words",
        "resumptive_light_verbs",
        "subjection_verbs",
        "subjection_prepositions",
        "reflexives",
        "relative_pronouns",
        "stop_verbs",
        "possessed_place_nouns",
    )
    return {key: frozenset(normalize_arabic(str(word)) for word in cues.get(key, [])) for key in keys}


def _words(key: str) -> frozenset[str]:
    return _cues()[key]


@cache
def _instrument_markers() -> tuple[tuple[str, ...], ...]:
    markers = load_data("events_ar.yaml")["cues"].get("instrument_markers", [])
    return tuple(tuple(normalize_arabic(word) for word in str(marker).split()) for marker in markers)


# --- reporting tails -------------------------------------------------------------------------------
def is_reporting_tail(tokens: UnitTokens, comma: int, verb: int, end: int) -> bool:
    """ "، قال مسؤول أمني." is a tail; "، أعلنت الشرطة مقتل سبعة أشخاص بتفجير …" is a clause."""
    before = tokens.word_indexes(comma + 1, verb)
    after = [i for i in tokens.word_indexes(verb + 1, end) if not tokens.token(i).is_punct]
    return len(before) <= 1 and len(after) <= TAIL_WORDS


# --- complementizers ---------------------------------------------------------------------------
def subject_candidates(
    tokens: UnitTokens, match: TriggerMatch, left: list[Participant], clause_start: int
) -> list[Participant]:
    """The actors before a trigger that may be its subject (complementizer and noun subject rules)."""
    left = after_complementizer(tokens, match, left, clause_start)
    if left and not match.is_noun and _noun_trigger_between(tokens, left[-1].end, match.start):
        return []  # "… جنود أميركيين في هجوم انتحاري استهدف موكبا": the attack targeted, not the soldiers
    return left


def _noun_trigger_between(tokens: UnitTokens, start: int, end: int) -> bool:
    lexicon = tokens.lexicon
    return any(
        entry.kind == "noun" and tokens.match_at(index, entry.pattern) is not None
        for index in tokens.word_indexes(start, end)
        for entry in lexicon.candidates(tokens.keys[index])
    )


def after_complementizer(
    tokens: UnitTokens, match: TriggerMatch, left: list[Participant], clause_start: int
) -> list[Participant]:
    """The actors before a trigger that may be its subject: those after the last "أن/إن" before
    it; all of them when that complementizer carries a pronoun and no actor follows it."""
    if not left:
        return left
    openers = [
        i for i in tokens.word_indexes(clause_start, match.start) if tokens.lower(i) in _words("complementizers")
    ]
    if not openers:
        return left
    opener = openers[-1]
    after = [p for p in left if p.start > opener]
    if after or tokens.lower(opener) in _words("pronoun_complementizers"):
        # the pronoun takes up an actor, never a place where it was ("أقر التحالف في أفغانستان أنه نفذ")
        return after or [p for p in left if p.actor.type != "place"]
    return []


def opens_with_pronoun_complementizer(tokens: UnitTokens, index: int) -> bool:
    previous = tokens.previous_word(index)
    return previous is not None and tokens.lower(previous) in _words("pronoun_complementizers")


# --- passive ----------------------------------------------------------------------------------
def is_passive(tokens: UnitTokens, match: TriggerMatch) -> bool:
    """A verb that is only passive as written ("أصيب"); a casualty verb followed by a cause or an
    agent ("قتلوا في مواجهات مع …", "قتل بنيران مسلحين": no object after it); a casualty verb
    opening its clause and followed by a count ("قتل 15 شخصا", "وقتل أول من أمس 4 جنود", "قتل أحد
    عناصر الشرطة"): its victims follow it. Not "أن القوات قتلت 11 مسلحا" (its subject before it),
    nor "تظاهر آلاف" (no casualty verb)."""
    if match.is_noun:
        return False
    word = tokens.lower(match.start)
    bare = word[1:] if word[:1] in CONJUNCTIONS and word not in match.entry.pattern else word
    if bare in _words("passive_forms"):
        return True
    if bare not in _words("casualty_verbs"):
        return False
    for index in tokens.word_indexes(match.end, match.end + SUBJECT_GAP + 3):
        key = tokens.lower(index)
        if key in _words("time_words"):
            continue
        if key in _words("cause_words") or _agent_phrase_at(tokens, index) or _glued_cause(tokens, index):
            return True  # "قتلوا في مواجهات", "قتل بنيران مسلحين", "قتل بانفجار": nothing killed after it
        counted = tokens.token(index).like_num or any(char.isdigit() for char in key) or key in _words("count_words")
        return counted and _opens_clause(tokens, match)
    return False


def _agent_phrase_at(tokens: UnitTokens, index: int) -> bool:
    return any(tokens.match_at(index, phrase) is not None for phrase in tokens.lexicon.cues.agent_phrases)


def undergone(tokens: UnitTokens, match: TriggerMatch) -> bool:
    """ "تعرضت القوات الأميركية لهجوم", "تعرض قيادي … للخطف", "تعرضت الحسينية الى هجوم": a noun
    trigger after "تعرض ل/إلى" (underwent) is passive: the subject of "تعرض" undergoes it."""
    if not match.is_noun:
        return False
    word = tokens.lower(match.start)
    glued = word[:1] == "ل" and any(key != word and word.endswith(key) for key in tokens.keys[match.start])
    words = tokens.word_indexes(max(tokens.first, match.start - LIGHT_VERB_REACH), match.start)
    if not glued:
        if not words or tokens.lower(words[-1]) not in _words("subjection_prepositions"):
            return False
        words = words[:-1]
    return any(_without_conjunction(tokens.lower(i)) in _words("subjection_verbs") for i in words)


def _without_conjunction(word: str) -> str:
    return word[1:] if word[:1] in CONJUNCTIONS and len(word) > 3 else word


def before_cause(tokens: UnitTokens, match: TriggerMatch, right: list[Participant]) -> list[Participant]:
    """The actors after a passive verb that may be its victims: those before the attack noun that
    caused it ("قتل 30 شخصا في هجمات يعتقد أنها من فعل الموالين لطالبان": the Taliban are not killed)."""
    return [p for p in right if not _noun_trigger_between(tokens, match.end, p.start)]


def stops_between(tokens: UnitTokens, start: int, end: int) -> bool:
    """ "لم تتوقف عن تعذيب": a verb of stopping between a negation and the trigger takes the
    negation (did not stop torturing: tortured)."""
    return any(_without_conjunction(tokens.lower(i)) in _words("stop_verbs") for i in tokens.word_indexes(start, end))


def _opens_clause(tokens: UnitTokens, match: TriggerMatch) -> bool:
    """Glued to و/ف, first in its sentence, after punctuation or a complementizer/relative."""
    word = tokens.lower(match.start)
    if word[:1] in CONJUNCTIONS and word not in match.entry.pattern:
        return True
    previous = tokens.previous_word(match.start)
    return (
        previous is None
        or previous < tokens.first
        or tokens.token(previous).is_punct
        or tokens.lower(previous) in tokens.lexicon.cues.content_openers
    )


def subject_gap_fits(tokens: UnitTokens, start: int, end: int) -> bool:
    """The words between a verb and an actor after it leave that actor its subject: at most
    SUBJECT_GAP of them besides times of day, and no preposition or cause word ("قتلوا جراء ضربة
    جوية أميركية": the Americans are not the ones killed)."""
    words = [i for i in tokens.word_indexes(start, end) if tokens.lower(i) not in _words("time_words")]
    prepositions = _prepositions(tokens)
    if words and _without_conjunction(tokens.lower(words[-1])) in _words("possessed_place_nouns"):
        return False  # rule possessed_place: "هاجمت قوات التحالف مواقع الحوثيين": whose positions, not who
    return len(words) <= SUBJECT_GAP and not any(tokens.lower(i) in prepositions for i in words)


# --- agent phrases ---------------------------------------------------------------------------
def agent_phrase_before(tokens: UnitTokens, participant: Participant, phrases: Sequence[tuple[str, ...]]) -> str | None:
    """ "على يد مسلحين", "من قبل عدة ضباط عراقيين", "بنيران قوات الاحتلال": the agent phrase
    at most AGENT_GAP words before the mention (no punctuation between)."""
    gap = 0
    position = participant.start
    while position > tokens.first and gap <= AGENT_GAP:
        for phrase in phrases:
            start = position - len(phrase)
            if start >= tokens.first and tokens.match_at(start, phrase) == position:
                return " ".join(phrase)
        previous = tokens.previous_word(position)
        if previous is None or tokens.token(previous).is_punct or tokens.lower(previous) in _prepositions(tokens):
            return None  # "على أيدي مسلحين في رام الله": the place is not the agent
        position = previous
        gap += 1
    return None


def _prepositions(tokens: UnitTokens) -> frozenset[str]:
    cues = tokens.lexicon.cues
    return cues.locative_prepositions | cues.target_prepositions | _words("cause_words")


# --- noun triggers ---------------------------------------------------------------------------
def noun_left_arguments(
    reader: RoleReader, match: TriggerMatch, left: list[Participant], clause_start: int
) -> list[Participant] | None:
    """The actors before a noun trigger that are its doer, by the possessive and light verb rules;
    None when neither applies (the language-neutral rules decide)."""
    from transforms.events.roles import _first_group, _last_group

    tokens = reader.tokens
    actors = [p for p in left if not reader._is_locative(p) and p.actor.type != "place"]
    if not actors:
        return None
    text = normalize_arabic(tokens.token(match.end - 1).text)
    if _is_protest(match) and text.endswith(POSSESSIVE_ENDINGS):
        return _last_group(actors, tokens)  # "في مسيراتهم": their marches
    if any(word in _words("reflexives") for word in match.entry.pattern):
        return _last_group(actors, tokens)  # "أحد التونسيين … عن إحراق نفسه": the self is the doer
    if tokens.find(tuple(_instrument_markers()), max(clause_start, match.start - 2), match.start) is not None:
        return _last_group(actors, tokens)  # "ردت إسرائيل عبر اغتيال X": Israel's act
    lights = tokens.find_all(reader.cues.light_verbs, max(clause_start, match.start - LIGHT_VERB_REACH), match.start)
    for light in reversed(lights):
        following = [p for p in actors if p.start >= light.end]
        if following and len(tokens.word_indexes(light.end, following[0].start)) <= AGENT_GAP:
            return _first_group(following, tokens)  # "قامت امرأة بلجيكية … بتفجير"
    return None


def relative_subject(reader: RoleReader, match: TriggerMatch, left: list[Participant]) -> list[Participant] | None:
    """ "القوات الأميركية التي قتلت المدنيين", "القوات التي لم تتوقف عن تعذيب المحتجزين": a verb
    right after a relative pronoun, or a noun trigger a few words after one, has the actor the
    pronoun stands for (right before it) as doer; not when the verb carries an object pronoun
    ("الرجل الذي قتلته القوات": the pronoun is its object, the subject follows)."""
    from transforms.events.roles import _last_group

    tokens = reader.tokens
    pronouns = [
        i
        for i in tokens.word_indexes(max(tokens.first, match.start - RELATIVE_REACH), match.start)
        if tokens.lower(i) in _words("relative_pronouns")
    ]
    if not pronouns or not left:
        return None
    pronoun = pronouns[-1]
    if not match.is_noun and (pronoun != tokens.previous_word(match.start) or _object_pronoun(tokens, match)):
        return None
    before = [p for p in left if p.end <= pronoun and p.actor.type != "place"]
    if not before or len(tokens.word_indexes(before[-1].end, pronoun)) > 1:
        return None
    return _last_group(before, tokens)


def _object_pronoun(tokens: UnitTokens, match: TriggerMatch) -> bool:
    """The verb carries an object pronoun beyond the lexicon form: "قتلته", "استهدفتهم"."""
    word = tokens.lower(match.start)
    return any(
        word.endswith(form + ending) for form in match.entry.pattern[:1] for ending in ("ه", "ها", "هم", "هما", "هن")
    )


def noun_agent(reader: RoleReader, match: TriggerMatch, right: list[Participant]) -> list[Participant]:
    """The doer named after a noun trigger: a demonym adjective ("الضربات الجوية الأميركية"), or
    the subject of a resuming light verb ("هجوم شنه مسلحون صوماليون", "الهجوم نفذه انتحاري")."""
    from transforms.events.roles import _first_group

    tokens = reader.tokens
    if not right or reader._is_patient_noun(match):
        return []
    first = right[0]
    gap = tokens.word_indexes(match.end, first.start)
    if any(tokens.token(i).is_punct or tokens.lower(i) in _prepositions(tokens) for i in gap):
        return []
    resumptive = [i for i in gap if tokens.lower(i) in _words("resumptive_light_verbs")]
    if resumptive and len(tokens.word_indexes(resumptive[0] + 1, first.start)) <= AGENT_GAP:
        return _first_group(right, tokens)
    glued = reader._glued_preposition(first)
    if len(gap) <= 1 and is_demonym_adjective(first) and glued is None:
        return [first]
    if len(gap) <= 1 and _is_protest(match) and first.actor.type == CIVILIANS and glued == "ل":
        return _first_group(right, tokens)  # "مسيرة للطلاب": the students' march
    return []


def _is_protest(match: TriggerMatch) -> bool:
    return match.entry.code.startswith(PROTEST_CODE_PREFIX)


def is_demonym_adjective(participant: Participant) -> bool:
    """An actor named by a nationality adjective alone ("الأميركية" after "الضربات الجوية"): a
    nationality, never a place where something happens."""
    return participant.mention.rule == DEMONYM_RULE


# --- drafts of one sentence ------------------------------------------------------------------
def link_drafts(drafts: list[EventDraft], participants: Sequence[Participant]) -> None:
    """Sentence-level rules: a passive casualty takes its cause's doers, a verb without a subject
    shares the previous verb's, a protest with no actor is the sentence's crowd's."""
    for draft in drafts:
        if not draft.sources and _is_protest(draft.match):
            crowd = _sentence_crowd(draft, participants)
            if crowd is not None:  # (read after the noun, the crowd was taken for its target)
                draft.sources = [crowd.actor_id]
                draft.targets = [t for t in draft.targets if t != crowd.actor_id]
    for position, draft in enumerate(drafts):
        if draft.sources or draft.match.is_noun:
            continue
        tokens = draft.tokens
        if is_passive(tokens, draft.match):
            if draft.event_type == ASSAULT:
                cause = _cause(draft, drafts[position + 1 :])
                if cause is not None:  # the attack's doers are no victims of it
                    draft.sources = list(cause.sources)
                    draft.targets = [t for t in draft.targets if t not in cause.sources]
            continue
        word = tokens.lower(draft.match.start)
        if word[:1] not in CONJUNCTIONS or word in draft.match.entry.pattern:
            continue
        previous = _previous_verb(draft, drafts[:position])
        if previous is not None:
            draft.sources = [s for s in previous.sources if s not in draft.targets]


def _sentence_crowd(draft: EventDraft, participants: Sequence[Participant]) -> Participant | None:
    """ "خرجت مظاهرات في مدن … وطالب المتظاهرون …": the crowd a sentence names (outside a
    reporting tail), nearest to the protest trigger, is the protest's doer."""
    tokens = draft.tokens
    crowds = [p for p in participants if p.actor.type == CIVILIANS and not tokens.in_reporting_tail(p.start)]
    return min(crowds, key=lambda p: abs(p.start - draft.match.start), default=None)


def _cause(draft: EventDraft, later: Sequence[EventDraft]) -> EventDraft | None:
    tokens = draft.tokens
    _, clause_end = tokens.clause_bounds(draft.match.start)
    for other in later:
        if other.match.start >= clause_end:
            return None
        if other.event_type != ASSAULT or not other.match.is_noun or not other.sources:
            continue
        reach = tokens.word_indexes(max(draft.match.end, other.match.start - CAUSE_REACH), other.match.start)
        if _glued_cause(tokens, other.match.start) or any(tokens.lower(i) in _words("cause_words") for i in reach):
            return other
    return None


def _glued_cause(tokens: UnitTokens, index: int) -> bool:
    """ "بانفجار", "بقصف": the preposition ب written on the attack noun."""
    word = tokens.lower(index)
    return word[:1] == "ب" and any(key != word and word[1:] in {key, "ال" + key} for key in tokens.keys[index])


def _previous_verb(draft: EventDraft, earlier: Sequence[EventDraft]) -> EventDraft | None:
    tokens = draft.tokens
    for other in reversed(earlier):
        if other.match.is_noun or not other.sources:
            continue
        if len(tokens.word_indexes(other.match.end, draft.match.start)) > SHARED_SUBJECT_REACH:
            return None
        return other
    return None
