"""How an event is stated: negated, announced for the future, proposed, reported by someone.

  negated   a negation in the trigger's verb group: "did not sign", "n'a pas signé".
  planned   a future or intent marker before the trigger in its clause ("will visit", "ready to
            send", "va signer") or a French future/conditional verb form.
  proposed  a proposal word governing the trigger ("proposed to hold talks", "propose de …").
  reported  the clause is attributed: ", officials said", "selon le communiqué", "X said that …";
            `reported_by` is who reports, as written.

`past` says the trigger itself is written in a past tense ("signed", "has signed", "a signé",
"signa", "firmó", an Arabic perfect "وقع"), and neither a future nor a conditional marker governs
it. Such an act is reported as done, so it stays asserted even when its date falls after the
article's publication date (a header dated before the events it reports): see extractor.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from transforms import syntax
from transforms.dates.tense import tense_markers
from transforms.events import arabic
from transforms.events.matching import TriggerMatch
from transforms.events.tokens import UnitTokens

FUTURE_WINDOW = 5
MATERIAL_ROOTS = frozenset({6, 7, 8, 14, 15, 16, 17, 18, 19, 20})  # CAMEO roots of material acts (quad 2, 4)
# Rule past_light_verb: words between a light verb and its noun ("tendered his formal resignation").
LIGHT_VERB_REACH = 3
LIGHT_VERB_GAP = frozenset({"a", "an", "the", "his", "her", "its", "their", "formal", "new", "fresh", "official"})


@dataclass(frozen=True)
class Modality:
    negated: bool
    future: bool
    conditional: bool
    proposed: bool
    reported_by: str | None
    reported: bool
    past: bool = False  # the trigger is in a past tense (and not future or conditional)

    @property
    def label(self) -> str:
        if self.future:
            return "planned"
        if self.proposed:
            return "proposed"
        if self.reported:
            return "reported"
        return "asserted"


def read_modality(match: TriggerMatch, tokens: UnitTokens) -> Modality:
    clause_start, _ = tokens.clause_bounds(match.start)
    reported_by, reported = _reporting(match, tokens)
    future = _future(match, tokens, clause_start)
    conditional = _conditional(match, tokens, clause_start)
    return Modality(
        negated=_negated(match, tokens),
        future=future,
        conditional=conditional,
        proposed=_proposed(match, tokens),
        reported_by=reported_by,
        reported=reported,
        past=not future and not conditional and _past(match, tokens),
    )


# A participle after these is not a done act: "to be signed", "must be signed", "is signed on
# Friday" (English present passive), "doit être signé".
_NOT_DONE_BEFORE = frozenset({"be", "being", "to", "is", "are", "am", "être", "ser", "estar", "es", "son"})
_ARABIC_IMPERFECT_PREFIXES = frozenset("يتن")  # يوقع, توقع, نوقع (not أ: أعلن is a perfect in news)


def _past(match: TriggerMatch, tokens: UnitTokens) -> bool:
    """Whether the trigger verb itself is in a past tense: the tagger's tense where the unit is
    parsed (French), else the word's form (dates.tense's past markers; the Arabic perfect)."""
    if match.is_noun:
        return _past_light_verb(match, tokens)
    if match.start > tokens.first and tokens.lower(match.start - 1) in _NOT_DONE_BEFORE:
        return False
    token = tokens.token(match.start)
    if tokens.unit.has_parse and token.morph.get("Tense", []):
        return _past_by_parse(token)
    if tokens.lexicon.language == "ar":
        word = tokens.lower(match.start)
        bare = word[1:] if word[:1] in {"و", "ف"} and word[1:2] in _ARABIC_IMPERFECT_PREFIXES else word
        return bool(bare) and bare[0] not in _ARABIC_IMPERFECT_PREFIXES
    return _past_by_form(match, tokens)


def _past_light_verb(match: TriggerMatch, tokens: UnitTokens) -> bool:
    """Rule past_light_verb (untagged languages whose cues list light verbs): a noun trigger
    that is the object of a past light verb ("has tendered his resignation", "held talks",
    "launched an attack") reports a done act, like the verb itself; a later future in the
    sentence ("… and will be leaving next month") is another act's."""
    if tokens.unit.has_parse or tokens.lexicon.language != "en":
        return False
    before = tokens.word_indexes(max(tokens.first, match.start - LIGHT_VERB_REACH - 1), match.start)
    words = [tokens.lower(i) for i in before]
    for position in range(len(before) - 1, -1, -1):
        if words[position] in LIGHT_VERB_GAP:
            continue
        verb = TriggerMatch(match.entry, before[position], before[position] + 1)
        return (
            tokens.token(before[position]).is_alpha
            and _ends_a_light_verb(before[position], tokens)
            and _past_by_form(verb, tokens)
        )
    return False


def _ends_a_light_verb(index: int, tokens: UnitTokens) -> bool:
    """Word `index` ends a light verb of the lexicon ("held", "carried out"), not any verb
    ("postponed a visit" reports no visit)."""
    hit = tokens.find(tokens.lexicon.cues.light_verbs, max(tokens.first, index - 1), index + 1)
    return hit is not None and hit.end == index + 1


def _past_by_parse(token) -> bool:  # type: ignore[no-untyped-def]
    """French: passé simple or imparfait ("signa", "signait"), passé composé or plus-que-parfait
    ("a signé", "avait signé", "est arrivé", "a été signé"), a past passive ("fut signé"), or a
    bare participle ("l'accord signé le 3 mars"); not "est signé" nor "doit être signé"."""
    tense, form = token.morph.get("Tense", []), token.morph.get("VerbForm", [])
    if not {"Past", "Imp"} & set(tense):
        return False
    if "Fin" in form:
        return True
    auxiliaries = [child for child in syntax.children(token) if syntax.dep(child).startswith("aux")]
    if any("Inf" in child.morph.get("VerbForm", []) for child in auxiliaries):
        return False
    if any(syntax.dep(child) == "aux:tense" for child in auxiliaries):
        return True
    passive = [child for child in auxiliaries if syntax.dep(child) == "aux:pass"]
    return all(
        {"Past", "Imp"} & set(child.morph.get("Tense", [])) or "Part" in child.morph.get("VerbForm", [])
        for child in passive
    )


def _past_by_form(match: TriggerMatch, tokens: UnitTokens) -> bool:
    """A past marker of the language (transforms/dates/tense.py: "signed", "firmó", "ha firmado",
    "a signé") that ends with the trigger word."""
    token = tokens.token(match.start)
    end = token.idx + len(token.text)
    text = tokens.doc.text
    pattern = tense_markers(tokens.lexicon.language).past
    return any(found.end() == end for found in pattern.finditer(text, max(0, token.idx - 40), end))


def _negated(match: TriggerMatch, tokens: UnitTokens) -> bool:
    cues = tokens.lexicon.cues
    if cues.negation_particles:  # French: "ne … pas" around the verb
        before = tokens.word_indexes(match.start - 4, match.start)
        after = tokens.word_indexes(match.end, match.end + 2)
        has_particle = any(tokens.lower(i) in cues.negation_particles for i in before)
        has_negation = tokens.find(cues.negation, min(before, default=match.start), match.end + 2) is not None
        return has_particle and (has_negation or any(tokens.lower(i) in {"pas", "jamais", "plus"} for i in after))
    before = tokens.word_indexes(match.start - 3, match.start)
    if not before:
        return False
    negation = tokens.find(cues.negation, before[0], match.start)
    if (
        negation is not None
        and tokens.lexicon.language == "ar"
        and arabic.stops_between(tokens, negation.end, match.start)
    ):
        return False  # "لم تتوقف عن تعذيب" (did not stop torturing) negates the stopping (arabic.py)
    return negation is not None


def is_announced(match: TriggerMatch, tokens: UnitTokens) -> bool:
    """The trigger is written in the future or announced by a future marker in its clause."""
    return _future(match, tokens, tokens.clause_bounds(match.start)[0])


def _future(match: TriggerMatch, tokens: UnitTokens, clause_start: int) -> bool:
    token = tokens.token(match.start)
    morph = str(token.morph)
    if "Tense=Fut" in morph or "Mood=Cnd" in morph:
        return True
    if any(syntax.dep(child).startswith("aux") and "Tense=Fut" in str(child.morph) for child in syntax.children(token)):
        return True
    if syntax.head(token).lemma_ == "aller" and "VerbForm=Inf" in morph:
        return True
    if _announced_by_form(match, tokens):
        return True
    start = max(clause_start, match.start - FUTURE_WINDOW)
    if tokens.find(tokens.lexicon.cues.future_markers, start, match.start) is not None:
        return True
    obligations = tokens.lexicon.cues.obligation_markers
    return _material(match) and bool(obligations) and tokens.find(obligations, start, match.start) is not None


def _material(match: TriggerMatch) -> bool:
    """A material act (CAMEO quad classes 2 and 4: 06-08, 14-20), not a verbal one: "we must
    support X" is support said, "we must fight X" a fight still to come."""
    root = match.entry.code[:2]
    return root.isdigit() and int(root) in MATERIAL_ROOTS


def _announced_by_form(match: TriggerMatch, tokens: UnitTokens) -> bool:
    """Future or conditional written in the word itself, for untagged languages: Spanish
    "firmará", "visitaría" (lexicon future_forms); Arabic "س" glued to the verb ("سيزور",
    "وستفرج")."""
    lexicon = tokens.lexicon
    word = tokens.lower(match.start)
    if word in lexicon.future_forms:
        return True
    if lexicon.cues.future_prefixes and not match.is_noun:  # a noun's "سي" is its own: "سيارة مفخخة"
        bare = word[1:] if word[:1] in {"و", "ف"} else word
        return any(bare.startswith(prefix) and len(bare) > len(prefix) + 1 for prefix in lexicon.cues.future_prefixes)
    return False


def _conditional(match: TriggerMatch, tokens: UnitTokens, clause_start: int) -> bool:
    markers = tokens.lexicon.cues.conditional_markers
    return tokens.has_word(markers, max(clause_start, match.start - FUTURE_WINDOW), match.start) is not None


def _proposed(match: TriggerMatch, tokens: UnitTokens) -> bool:
    markers = tokens.lexicon.cues.proposal_markers
    return tokens.has_word(markers, match.start - 4, match.start) is not None


def _reporting(match: TriggerMatch, tokens: UnitTokens) -> tuple[str | None, bool]:
    for tail in tokens.reporting_tails:
        if tail[0] > match.start or tail[0] <= tokens.first + 1:
            return tokens.reporter_text(tail), True
    # "X said (that) …": a reporting verb before the trigger in the same unit.
    for index in tokens.word_indexes(tokens.first, match.start):
        if tokens.is_reporting_verb(index):
            commas = [i for i in tokens.word_indexes(tokens.first, index) if tokens.lower(i) == ","]
            subject = [
                i
                for i in tokens.word_indexes(commas[-1] + 1 if commas else tokens.first, index)
                if not tokens.token(i).is_punct and tokens.lower(i) not in {"has", "have", "had", "a", "ont"}
            ]
            text = tokens.doc[subject[0] : subject[-1] + 1].text if subject else None
            return text, True
    return None, False
