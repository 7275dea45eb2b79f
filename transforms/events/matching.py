"""Finding event triggers in a unit and deciding which of them report events of their own.

A trigger is a lexicon entry matched at a token (with its `with` constraint satisfied and no
`without` word in its window). Overlapping triggers keep the most specific one. Then triggers that
are part of another event are absorbed:
  - a noun inside another trigger's `with` object ("participer à l'exercice militaire");
  - anything inside the complement of a governing trigger ("threatened to shell", "refused to
    allow", "agreed to a ceasefire"): it says what was threatened/refused/agreed;
  - anything after a content marker ("l'accord prévoit des exercices conjoints"): provisions are
    not events;
  - an act introduced by a purpose marker after an earlier trigger ("... in protest at ...",
    "used tear gas to disperse ..."): the first act is the event.
"""

from __future__ import annotations

from dataclasses import dataclass

from transforms import syntax
from transforms.events import spanish
from transforms.events.lexicon import TriggerEntry
from transforms.events.tokens import VERB_CONTEXT_WORDS, PhraseHit, UnitTokens

REFLEXIVE_PRONOUNS = frozenset({"se", "s'"})
# Rule complement_closer: at most this many words (a subject, an adverb) between the subordinator
# and the verb of its clause.
ADVERBIAL_SUBJECT_REACH = 5


@dataclass(frozen=True)
class TriggerMatch:
    entry: TriggerEntry
    start: int  # token indexes in the doc
    end: int
    with_hit: PhraseHit | None = None

    @property
    def is_noun(self) -> bool:
        return self.entry.kind == "noun"

    def overlaps(self, other: TriggerMatch) -> bool:
        return self.start < other.end and other.start < self.end


def find_triggers(tokens: UnitTokens, blocked: frozenset[int] = frozenset()) -> list[TriggerMatch]:
    """The triggers of a unit that each report an event, in text order.

    `blocked` holds token indexes that cannot start or hold a trigger: date expressions ("March
    3") and agreement names ("defence cooperation agreement" names an agreement, not an act).
    """
    candidates = [
        match
        for index in tokens.word_indexes(tokens.first, tokens.last)
        if index not in blocked
        for match in _matches_at(tokens, index)
        if not blocked.intersection(range(match.start, match.end))
    ]
    return _absorb(_resolve_overlaps(candidates), tokens)


def _matches_at(tokens: UnitTokens, index: int) -> list[TriggerMatch]:
    found: list[TriggerMatch] = []
    for entry in tokens.lexicon.candidates(tokens.keys[index]):
        end = tokens.match_at(index, entry.pattern)
        # a reflexive pattern ("se rassembler", "s'en prendre") is tagged on its verb, not its pronoun
        head = end - 1 if end is not None and entry.pattern[0] in REFLEXIVE_PRONOUNS else index
        if end is None or not _part_of_speech_fits(tokens, head, entry):
            continue
        clause_start, clause_end = tokens.clause_bounds(index)
        window_end = min(end + entry.window, clause_end)
        with_hit = None
        if entry.with_phrases:
            with_hit = tokens.find(entry.with_phrases, end, window_end) or _passive_subject_companion(
                tokens, entry, head, clause_start
            )
            if with_hit is None:
                continue
        if entry.without_phrases and tokens.find(entry.without_phrases, end, window_end):
            continue
        if entry.object_name and not _proper_object(tokens, head):
            continue
        previous = tokens.previous_word(index)
        if entry.not_after and previous is not None and tokens.lower(previous) in entry.not_after:
            continue
        following = tokens.word_indexes(end, end + 1)
        if entry.not_before and following and tokens.lower(following[0]) in entry.not_before:
            continue
        if tokens.in_reporting_tail(index):
            continue
        if _inside_a_name(tokens, index, end):
            continue
        found.append(TriggerMatch(entry, index, end, with_hit))
    return found


def _proper_object(tokens: UnitTokens, head: int) -> bool:
    """The verb's direct object (or, passive, its subject) is a proper noun: "a arrêté Peter
    Greste", "le journaliste Peter Greste a été arrêté" (the name in apposition to a title noun)."""
    token = tokens.token(head)
    for child in syntax.children(token):
        if syntax.dep(child) in {"obj", "nsubj:pass"}:
            phrase = [child, *(c for c in syntax.children(child) if syntax.dep(c) in {"appos", "flat:name"})]
            if any(t.pos_ == "PROPN" for t in phrase):
                return True
    return False


def _passive_subject_companion(
    tokens: UnitTokens, entry: TriggerEntry, head: int, clause_start: int
) -> PhraseHit | None:
    """A companion word in the passive subject ("cinq hommes ont été arrêtés"): what follows the
    active verb ("a arrêté cinq hommes") stands before its passive. Read only where the parse
    marks the verb passive, in the subject's own words."""
    token = tokens.token(head)
    if "Voice=Pass" not in str(token.morph) and not any(syntax.dep(c) == "aux:pass" for c in syntax.children(token)):
        return None
    for child in syntax.children(token):
        if syntax.dep(child) == "nsubj:pass":
            first, last = child.left_edge.i, child.right_edge.i + 1
            if clause_start <= first:
                return tokens.find(entry.with_phrases + entry.passive_with_phrases, first, last)
    return None


def _inside_a_name(tokens: UnitTokens, start: int, end: int) -> bool:
    """A capitalised trigger word inside a run of capitalised words, away from the sentence
    start, is part of a name or a title, not an act: "Finance Minister Dilson Funaro", "the
    Defence Aid Commission", "le ministère de la Défense Nationale"."""
    words = tokens.word_indexes(tokens.first, tokens.last)
    if not words or start == words[0]:
        return False
    previous = tokens.previous_word(start)
    if previous is None or not tokens.token(previous).is_alpha and tokens.token(previous).text not in {"'s", "’s"}:
        return False  # after punctuation or a quote: a new sentence may start there
    if not _title_case(tokens.token(start).text):
        return False
    following = tokens.word_indexes(end, end + 1)
    neighbours = [previous] if previous != words[0] else []
    neighbours += following
    return any(_title_case(tokens.token(i).text) for i in neighbours)


def _title_case(text: str) -> bool:
    return len(text) > 1 and text[0].isupper() and text[1:].islower() and text.isalpha()


def _part_of_speech_fits(tokens: UnitTokens, index: int, entry: TriggerEntry) -> bool:
    token = tokens.token(index)
    if token.pos_:  # a tagged language (French): trust the tagger, loosely
        if entry.kind == "noun":
            return token.pos_ not in {"VERB", "AUX", "ADP", "DET", "PRON"}
        return token.pos_ not in {"DET", "ADP", "PRON", "CCONJ", "SCONJ"}
    if entry.kind == "verb":
        return tokens.looks_like_verb(index)
    previous = tokens.previous_word(index)
    return previous is None or tokens.lower(previous) not in VERB_CONTEXT_WORDS


def _resolve_overlaps(candidates: list[TriggerMatch]) -> list[TriggerMatch]:
    """Among overlapping triggers keep the most specific (then the finer CAMEO code)."""
    ranked = sorted(candidates, key=_rank)
    kept: list[TriggerMatch] = []
    for match in ranked:
        if not any(match.overlaps(other) for other in kept):
            kept.append(match)
    return sorted(kept, key=lambda match: match.start)


def _rank(match: TriggerMatch) -> tuple[int, int, int, int]:
    code_detail = len(match.entry.code) if not match.entry.code.startswith("plover:") else 3
    return (-match.entry.specificity, -code_detail, match.start, match.entry.order)


def _absorb(matches: list[TriggerMatch], tokens: UnitTokens) -> list[TriggerMatch]:
    kept: list[TriggerMatch] = []
    content_starts = [
        hit.end for hit in tokens.find_all(tokens.lexicon.cues.content_markers, tokens.first, tokens.last)
    ]
    commands = [match for match in matches if _commands_an_act(match, matches, tokens)]
    for match in matches:
        if match in commands:
            continue  # "a ordonné le retrait des troupes": the withdrawal is the event
        if _inside_object(match, matches, tokens, strict=tokens.lexicon.language == "es"):
            continue
        if any(
            _governed_by(match, governor, tokens) and not _outside_complement(match, governor, tokens)
            for governor in kept
            if governor.entry.governs
        ):
            continue
        if any(_after_content_marker(match, start, tokens) for start in content_starts):
            continue
        if kept and _introduced_by_purpose(match, tokens):
            continue
        kept.append(match)
    return kept


def _commands_an_act(match: TriggerMatch, matches: list[TriggerMatch], tokens: UnitTokens) -> bool:
    """Rule command_is_the_act: "X a ordonné le retrait des troupes", "en ordonnant l'arrestation de
    Y": an order whose direct object is another event noun is how X carries that act out, as CAMEO
    codes it (the withdrawal, the arrest, with X as its source), not a demand. Read from the parse."""
    verbs = tokens.lexicon.cues.command_verbs
    if match.is_noun or not verbs or not tokens.unit.has_parse or not tokens.keys[match.start] & verbs:
        return False
    return any(
        other.is_noun
        and syntax.dep(tokens.token(other.start)) == "obj"
        and syntax.head(tokens.token(other.start)).i == match.start
        for other in matches
        if other is not match
    )


def _inside_object(match: TriggerMatch, matches: list[TriggerMatch], tokens: UnitTokens, strict: bool = False) -> bool:
    """The trigger lies in another trigger's `with` phrase. Spanish (`strict`) reads exactly that;
    the other languages' figures are tuned on a wider test that also takes in every trigger after
    the phrase's start ("habló con X, quien ha pedido …" would lose "pedido"), except a verb
    opening an adverbial clause after it (rule complement_closer: "called for talks after Y
    rejected …")."""
    return any(
        other is not match
        and other.with_hit is not None
        and other.with_hit.start <= match.start
        and (match.start < other.with_hit.end or not strict)
        and not (match.start >= other.with_hit.end and _opens_adverbial_clause(match, other.with_hit.end, tokens))
        for other in matches
    )


def _outside_complement(match: TriggerMatch, governor: TriggerMatch, tokens: UnitTokens) -> bool:
    """Spanish: a trigger after a governing verb in its clause that is no part of its complement
    (coordinated verbs, past acts after a cause marker, a relative clause closed: spanish.py).
    Rule complement_closer (languages whose cues list `complement_closers`): a subordinator
    between the governor and the trigger opens an adverbial clause, which is no part of what is
    demanded or refused ("asked for talks after the army attacked the town": the attack happened).
    With a parse: a finite verb coordinated with the governing verb (rule coordinated_finite_verb)."""
    if tokens.lexicon.language == "es":
        return spanish.outside_complement(match, governor, tokens)
    return (
        _opens_adverbial_clause(match, governor.end, tokens)
        or _reported_after(match, governor, tokens)
        or (tokens.unit.has_parse and _coordinated_finite_verb(match, governor, tokens))
    )


def _reported_after(match: TriggerMatch, governor: TriggerMatch, tokens: UnitTokens) -> bool:
    """Rule complement_closer, reporting verbs and relative clauses (languages with
    `complement_closers`): a reporting verb between the governor and the trigger is the nearer
    head, the trigger is what was said, not what the governor demands ("A report, monitored by
    the BBC, said he gave a warning"); after ", which/who" the trigger is the relative clause's."""
    cues = tokens.lexicon.cues
    if not cues.complement_closers:
        return False
    words = tokens.word_indexes(governor.end, match.start)
    if any(tokens.is_reporting_verb(i) for i in words):
        return True
    # a non-restrictive relative clause (", which he also opposes") comments on the complement,
    # it is no part of it
    return any(tokens.lower(i) == "," and tokens.lower(j) in cues.relative_pronouns for i, j in zip(words, words[1:]))


def _opens_adverbial_clause(match: TriggerMatch, start: int, tokens: UnitTokens) -> bool:
    """A subordinator (`complement_closers`) between `start` and the verb trigger, with at most a
    subject between them: the trigger is that adverbial clause's own verb ("after the union
    formally rejected"). Further on, or past a preposition ("because of", "after 12 days of
    battles"), it is a word inside that clause ("after a court cleared him of all charges"); a
    noun there is most often a circumstance."""
    closers = tokens.lexicon.cues.complement_closers
    if not closers or match.is_noun:
        return False
    cues = tokens.lexicon.cues
    # a preposition between them makes the trigger a noun's complement ("after 12 days of battles")
    prepositions = cues.agent_prepositions | cues.locative_prepositions | cues.target_prepositions | {"of"}
    # only a subordinator among the last REACH + 1 words can have at most REACH words after it
    words = tokens.last_words(start, match.start, ADVERBIAL_SUBJECT_REACH + 1)
    for position, index in enumerate(words):
        if tokens.lower(index) in closers:
            rest = [tokens.lower(i) for i in words[position + 1 :]]
            # none between: a participle ("while visiting Y") is the adverbial clause's own verb
            if len(rest) <= ADVERBIAL_SUBJECT_REACH and not prepositions.intersection(rest):
                return True
    return False


def _coordinated_finite_verb(match: TriggerMatch, governor: TriggerMatch, tokens: UnitTokens) -> bool:
    """Rule coordinated_finite_verb: "X a dénoncé … et a menacé Y de poursuites": a verb joined by
    a conjunction ("et", "mais") and in the indicative (its own form or its auxiliary's) is a
    second act of the clause's subject, not what the governing verb governs, wherever the parser
    hung it (a quotation between may mislead it). Infinitives and subjunctives stay inside: "a
    refusé de signer et de ratifier", "a exigé que Y se retire et cesse le feu"."""
    if match.is_noun:
        return False
    verb = tokens.token(match.start)
    if syntax.dep(verb) != "conj" or verb.i <= governor.start:
        return False
    return _joined_indicative(verb)


def _joined_indicative(verb) -> bool:  # type: ignore[no-untyped-def]
    """A verb joined by a conjunction ("et", "mais") and in the indicative, by its own form or its
    auxiliary's: an act of its own (rule coordinated_finite_verb)."""
    children = syntax.children(verb)
    if not any(syntax.dep(child) == "cc" for child in children):
        return False
    forms = [verb, *(child for child in children if syntax.dep(child) in {"aux:tense", "aux:pass"})]
    return any("Mood=Ind" in str(form.morph) for form in forms)


def _governed_by(match: TriggerMatch, governor: TriggerMatch, tokens: UnitTokens) -> bool:
    _, clause_end = tokens.clause_bounds(governor.start)
    return governor.end <= match.start < clause_end


def _after_content_marker(match: TriggerMatch, marker_end: int, tokens: UnitTokens) -> bool:
    _, clause_end = tokens.clause_bounds(marker_end - 1)
    if not marker_end <= match.start < clause_end:
        return False
    return not (tokens.unit.has_parse and _conjunct_of_earlier_verb(match, marker_end, tokens))


def _conjunct_of_earlier_verb(match: TriggerMatch, marker_end: int, tokens: UnitTokens) -> bool:
    """Rule coordinated_finite_verb, content markers: "X a abaissé ses prévisions en affirmant que
    le gouvernement ne prévoit plus que …, mais a réitéré son engagement": a finite verb joined by
    a conjunction to the marker verb or to a verb before it is a second act of that verb's subject, not
    a provision of what "prévoit" announces. A conjunct of a verb after the marker ("l'accord
    prévoit que X retire ses troupes et libère …") stays inside."""
    if match.is_noun:
        return False
    verb = tokens.token(match.start)
    if syntax.dep(verb) != "conj" or syntax.head(verb).i >= marker_end:
        return False
    return _joined_indicative(verb)


def _introduced_by_purpose(match: TriggerMatch, tokens: UnitTokens) -> bool:
    for phrase in tokens.lexicon.cues.purpose_markers:
        start = match.start - len(phrase)
        if start >= tokens.first and tokens.match_at(start, phrase) == match.start:
            return True
    return False
