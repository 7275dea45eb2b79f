"""Triggers that do not report the act their word names (issue 13).

Patterns covered, each read from cue lists in `transforms/data/events_<lang>.yaml`:
  - a combat word used figuratively: a modifier right before or after it ("an uphill fight",
    "a price war", "the war of words", "la guerre des prix", "une bataille juridique") -> no event;
  - a combat word aimed at a problem, not at an enemy ("the fight against inflation", "la lutte
    contre la corruption") -> no event;
  - a combat word aimed at a policy, a plan, a statement ("the U.S. attack on Japan's fiscal
    policy", "a attaqué la réforme") -> criticism (CAMEO 111, ACCUSE), not ASSAULT;
  - "agree that …" states an opinion, not an agreement ("officials agreed that the plan was
    flawed") -> no event.
The object is looked for in the few words after the trigger, up to the first punctuation mark, so
"attacked the town, ruining the plan" stays an attack; for a passive, in the few words before its
auxiliary ("the market … had been captured by").

Round 2, read from the parse (French), `other_sense`:
  - a meeting verb whose direct object is the partner (`partner_object_verbs`: recevoir,
    consulter) used with a thing as object or passive subject ("X reçoit la Justice", a
    portfolio; "le document peut être consulté", read) -> no event: a meeting is between actors;
  - a threat verb (`patient_object_verbs`: menacer) whose object or passive subject is a thing,
    not an actor or a person noun ("menace la stabilité", "la liberté est menacée"): a danger
    described, no threat made (round 4); "a menacé de frapper" (no object) stays a threat;
  - a bare passive of a verb that then means a dismissal (`dismissal_passives`: "X fut
    remerciée") -> no SUPPORT, unless a reason follows ("remercié pour son aide").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from spacy.tokens import Token

from transforms import syntax
from transforms.events.matching import TriggerMatch
from transforms.events.participants import Participant
from transforms.events.tokens import UnitTokens

OBJECT_WINDOW = 6  # words after the trigger where its object is looked for
COMBAT_TYPES = frozenset({"ASSAULT", "FIGHT"})
AGREE_CODES = frozenset({"030"})

Reading = Literal["drop", "criticism"]


def figurative_reading(match: TriggerMatch, tokens: UnitTokens, event_type: str) -> Reading | None:
    """ "drop" when the trigger reports no event, "criticism" when it is verbal, else None."""
    cues = tokens.lexicon.cues
    if event_type in COMBAT_TYPES:
        if _modified(match, tokens):
            return "drop"
        end = _object_window_end(match, tokens)
        if cues.figurative_objects and tokens.find(cues.figurative_objects, match.end, end) is not None:
            return "drop"
        if cues.figurative_objects and _figurative_passive_subject(match, tokens):
            return "drop"
        if cues.criticised_objects and tokens.find(cues.criticised_objects, match.end, end) is not None:
            return "criticism"
        return None
    if match.entry.code in AGREE_CODES and cues.opinion_complements and not match.entry.with_phrases:
        following = tokens.word_indexes(match.end, match.end + 2)
        if following and any(tokens.match_at(following[0], phrase) for phrase in cues.opinion_complements):
            return "drop"
    return None


def _modified(match: TriggerMatch, tokens: UnitTokens) -> bool:
    """A figurative modifier ends on the word before the trigger or starts on the word after it."""
    modifiers = tokens.lexicon.cues.figurative_modifiers
    if not modifiers:
        return False
    previous = tokens.previous_word(match.start)
    if previous is not None:
        for phrase in modifiers:
            start = previous - len(phrase) + 1
            if start >= tokens.first and tokens.match_at(start, phrase) == previous + 1:
                return True
    following = tokens.word_indexes(match.end, match.end + 2)
    return bool(following) and any(tokens.match_at(following[0], phrase) for phrase in modifiers)


def _figurative_passive_subject(match: TriggerMatch, tokens: UnitTokens) -> bool:
    """A combat verb in the passive whose subject, a few words before it, is a figurative object:
    "the market, which had been captured by rival firms" is a business rivalry, not a capture."""
    cues = tokens.lexicon.cues
    previous = tokens.previous_word(match.start)
    if previous is None or tokens.lower(previous) not in cues.passive_auxiliaries:
        return False
    start = previous
    for index in reversed(tokens.word_indexes(max(tokens.first, previous - OBJECT_WINDOW - 2), previous)):
        if tokens.token(index).is_punct and tokens.lower(index) != ",":
            break
        start = index
    return tokens.find(cues.figurative_objects, start, previous) is not None


def _object_window_end(match: TriggerMatch, tokens: UnitTokens) -> int:
    end = match.end
    for index in tokens.word_indexes(match.end, tokens.last):
        token = tokens.token(index)
        if token.is_punct and token.text not in {"'", "’", "-"}:
            return index
        end = index + 1
        if len(tokens.word_indexes(match.end, end)) >= OBJECT_WINDOW:
            break
    return end


def other_sense(match: TriggerMatch, tokens: UnitTokens, participants: Sequence[Participant]) -> bool:
    """True when the parse shows the trigger verb in a sense that is no event (see the module doc)."""
    cues = tokens.lexicon.cues
    if match.is_noun or not tokens.unit.has_parse or len(match.entry.pattern) != 1:
        return False
    keys = tokens.keys[match.start]
    verb = tokens.token(match.start)
    threat_to_act = keys & cues.patient_object_verbs and any(
        syntax.dep(c) in {"xcomp", "ccomp"} for c in syntax.children(verb)
    )  # "a menacé la veille d'envahir …": a threat to do something, whatever the parse took as object
    if keys & (cues.partner_object_verbs | cues.patient_object_verbs) and not threat_to_act:
        patient = _patient(verb)
        if (
            patient is not None
            and patient.lower_ not in cues.partner_nouns
            and patient.lemma_.lower() not in cues.partner_nouns
            and (patient.pos_ != "PRON" or patient.lower_ in cues.thing_pronouns)
            and patient.ent_type_ != "PER"
        ):
            inside = {t.i for t in syntax.subtree(patient)}
            return not any(p.root.i in inside or patient.i in range(p.start, p.end) for p in participants)
    if keys & cues.dismissal_passives and _passive(verb):
        reasons = [
            c
            for c in syntax.children(verb)
            if any(syntax.dep(g) == "case" and g.lower_ in cues.reason_prepositions for g in syntax.children(c))
        ]
        return not reasons
    return False


def _passive(verb: Token) -> bool:
    return "Voice=Pass" in str(verb.morph) or any(syntax.dep(c) == "aux:pass" for c in syntax.children(verb))


def _patient(verb: Token) -> Token | None:
    """What the verb acts on: its direct object; in the passive its subject (also a raised one,
    "le document peut être consulté"); for a participle on a noun ("la vidéo consultée"), that noun."""
    children = syntax.children(verb)
    if not _passive(verb):
        # the last object: the parser may read a date before it as one ("a reçu le 4 mai le ministre")
        objects = [c for c in children if syntax.dep(c) == "obj" and c.pos_ != "NUM"]
        if objects:
            return objects[-1]
        if syntax.dep(verb) == "acl" and "VerbForm=Part" in str(verb.morph) and "Tense=Past" in str(verb.morph):
            if not any(syntax.dep(c) == "aux:tense" for c in children):
                return syntax.head(verb)
        return None
    subjects = [c for c in children if syntax.dep(c) in {"nsubj:pass", "nsubj"}]
    if subjects:
        return subjects[0]
    if syntax.dep(verb) == "xcomp":
        raised = [c for c in syntax.children(syntax.head(verb)) if syntax.dep(c) == "nsubj"]
        return raised[0] if raised else None
    if syntax.dep(verb) == "acl":
        return syntax.head(verb)
    return None
