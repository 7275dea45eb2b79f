"""Who did it and to whom: source actors, target actors and location of one trigger.

Two readers, same output:
  - syntactic (languages with a dependency parse, French): the relation that links each actor
    mention to the trigger decides — subject -> source; passive subject -> target; agent ("par X")
    -> source; object or oblique -> target; locative oblique -> location; for a noun trigger,
    "de X" -> source, "entre X et Y" -> sources, "à/avec/contre X" -> target; a noun trigger that
    is the object of a light or control verb takes that verb's subject ("effectuer une visite").
    Hyphenated words are one node of the parse (hyphenated.py). A mention inside the "de X"
    complement of a noun that restates the trigger's event ("reçu … pour la visite d'un chef
    d'état-major …") re-describes a participant the clause names: it is not added, though a
    locative inside it gives the place.
  - linear (every language): the group of coordinated actors nearest before the trigger in its
    clause is the source, the first group after it the target; passive triggers ("was received
    by X", "a été reçu par X") swap them, with the "by/par" actors as sources.
The syntactic reader runs first where there is a parse; the linear one fills what it left empty.
Actors inside reporting tails (", officials said") are never roles, wherever the parse hangs them.
A place after a locative preposition, or a state after a territorial one ("in/dans <state>"), is
the location, not a participant; a place stands in for the target only when none is named.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from spacy.tokens import Token

from transforms import syntax
from transforms.data_files import load_data
from transforms.events import arabic, spanish
from transforms.events.hyphenated import attaching_token, word_head, word_start, word_tokens
from transforms.events.lexicon import RoleScheme
from transforms.events.matching import TriggerMatch
from transforms.events.morphology import arabic_proclitic, normalize_arabic
from transforms.events.participants import PLACE_TYPES, STATE_LIKE_TYPES, Participant
from transforms.events.tokens import UnitTokens

# Word lists (transforms/data/events_function_words.yaml); the dependency labels below are the parser's.
_WORDS = load_data("events_function_words.yaml")
COORDINATION_WORDS: frozenset[str] = frozenset(_WORDS["coordination_words"])
NP_SKIP_WORDS: frozenset[str] = frozenset(_WORDS["np_skip_words"])
GENITIVE_PREPOSITIONS: frozenset[str] = frozenset(_WORDS["genitive_prepositions"])
SUBJECT_PRONOUNS: frozenset[str] = frozenset(_WORDS["subject_pronouns"])
# What may stand between an actor and a noun trigger it modifies: "the U.S. attack", "Iraq's raid".
NOUN_PREMODIFIER_GAP: frozenset[str] = frozenset(_WORDS["noun_premodifier_gap"])
EXTRA_PREPOSITIONS: frozenset[str] = frozenset(_WORDS["extra_prepositions"])
SUBJECT_RELATIONS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_RELATIONS = frozenset({"nsubj:pass", "csubj:pass"})
# The reflexive clitic of a pronominal verb ("se", "s'"), which the French parser labels like the
# marker of a passive: "des milliers de personnes se sont rassemblées" (the crowd gathered).
PRONOMINAL_RELATIONS = frozenset({"expl:pass", "expl:pv", "expl:comp"})
OBJECT_RELATIONS = frozenset({"obj", "iobj", "dobj", "ccomp", "xcomp"})
OBLIQUE_RELATIONS = frozenset({"obl", "obl:arg", "obl:mod", "obl:agent", "nmod", "obl:tmod"})
# Rule noun_complement (languages whose cues set noun_complements_nearby): at most this many words
# between a noun trigger and an actor after it that is its complement ("the arrest of the former
# prime minister X").
NOUN_COMPLEMENT_REACH = 6


@dataclass(frozen=True)
class Roles:
    sources: tuple[Participant, ...] = ()
    targets: tuple[Participant, ...] = ()
    location: Participant | None = None


# Rule proposer_as_target: CAMEO roots of the acts that answer a proposal or a statement
# (11 disapprove, 12 reject) and 051 (praise or endorse): their target is its author.
RESPONSE_CODES = ("11", "12", "051")  # code prefixes

# Rule police_make_arrests: CAMEO 173 (arrest, detain). An arrest told without its agent ("five men
# were arrested", "les arrestations") was made by the police the sentence cites, also as its reporter
# ("selon la police londonienne", ", police said"), unless they are the ones arrested or the arrest
# is abroad (RoleReader._reporting_police). A police named only in an earlier sentence is left out:
# who made that arrest is then a guess.
ARREST_CODE = "173"
POLICE_SECTOR = "POL"

# Rule received_from: how far before the trigger the receipt verb may stand, and how many words
# (titles: "صاحب السمو الشيخ") may separate "from" from the caller's name.
RECEIPT_REACH = 15
CONSULT_CODE = "04"
RECEIPT_TITLE_WORDS = 6
RECEIPT_FROM_GAP = 2
RECEIPT_CALL_WORDS = 6  # "recibió una llamada", "a reçu un coup de fil": the call after the verb

NOUN_FIRST_LANGUAGES = frozenset({"fr", "es", "ar"})

# Characters of spacing allowed between an office and the name it precedes (_before_office).
OFFICE_GAP = 8

# Rule shared_subject: the words joining two verb phrases, and at most this many words (auxiliaries,
# adverbs: "and will this week visit") between the join and the second verb.
SHARED_SUBJECT_JOINS = frozenset({"and", "but"})
SHARED_SUBJECT_GAP = 4

# "a pact signed between X and Y", "suscrito entre X y el PSOE": both sides alike, none initiates.
BETWEEN_WORDS = frozenset({"between", "entre", "بين"})

# Rule subject_past_locative: at most this many words (the preposition, an article, a modifier)
# between an actor and a place that modifies it ("Albanians in south Serbia").
POSTMODIFIER_GAP = 3
# Rule pronoun_antecedent: words between a pronoun and the person it stands for, at most.
PRONOUN_REACH = 40
# "X met Y and accelerated its …", "X recibió a Y y aceleró su …": a join opens a verb phrase of X's
OWN_ACT_JOINS = SHARED_SUBJECT_JOINS | {"y", "e", "pero"}
OWN_ACT_VERB_WORDS = 3  # "accelerated", "has accelerated", "anunció ayer" before "its/su <act>"
MAIN_SUBJECT_GAP = 3  # words between a fronted clause's comma and the main subject ("the French president X")
QUOTES = frozenset({'"', "«", "“"})


class RoleReader:
    """Assigns roles for the triggers of one unit."""

    def __init__(
        self,
        tokens: UnitTokens,
        participants: Sequence[Participant],
        earlier: Sequence[Participant] = (),
        triggers: Sequence[TriggerMatch] = (),
    ) -> None:
        self.tokens = tokens
        self.cues = tokens.lexicon.cues
        self.all_participants = list(participants)
        # the article's actor mentions before this unit (the caller's list keeps growing: read
        # only its first entries, without copying it for every unit)
        self._earlier = earlier
        self._earlier_count = len(earlier)
        self.triggers = list(triggers)  # the unit's triggers that report events of their own
        # Reporting tails (", officials said") and wire datelines ("WASHINGTON, March 3 -") name who
        # reports and where the story was filed, never a participant.
        self.participants = [
            p for p in participants if not tokens.in_reporting_tail(p.start) and not tokens.in_dateline(p.start)
        ]
        # the noun phrases of framework phrases (rule frame_phrase); agreement parties still read them
        self._framed = _in_frame_phrases(tokens)

    def roles(self, match: TriggerMatch, scheme: RoleScheme, restatements: Sequence[TriggerMatch] = ()) -> Roles:
        """Roles of one trigger; `restatements` are the unit's other noun triggers of its event type."""
        candidates = [p for p in self.participants if not _overlaps(p, match)]
        fronted_end = self._fronted_clause_end
        if fronted_end is not None and fronted_end < match.start:
            # rule fronted_participle: "After meeting Y, X flew …": Y belongs to the fronted clause
            candidates = [p for p in candidates if p.start > fronted_end]
        if match.start not in self._framed:
            candidates = [p for p in candidates if p.root.i not in self._framed]
        described = self._described_by_restatement(match, candidates, restatements)
        kept = [p for p in candidates if p not in described]
        roles = self._roles(match, scheme, kept)
        agent = self._demonym_agent(match, kept)
        if agent is not None and not roles.sources:
            # the other roles are read without the demonym, which is no target then
            others = self._roles(match, scheme, [p for p in kept if p is not agent])
            roles = replace(others, sources=(agent,), targets=tuple(p for p in others.targets if p is not agent))
        received = self._received_from(match, kept) if match.entry.code.startswith(CONSULT_CODE) else None
        if received is not None:
            roles = replace(roles, sources=received.sources, targets=received.targets)
        if not roles.sources and match.entry.code.startswith(ARREST_CODE) and self._agentless(match):
            police = self._reporting_police(roles)
            if police is not None:
                roles = replace(roles, sources=(police,))
        if roles.location is None:
            roles = replace(roles, location=next((p for p in described if self._is_locative(p)), None))
        # places first: a target dropped by no_self_dyad leaves no room for a place to stand in
        return self._without_self_dyad(_without_places(roles, scheme))

    def _without_self_dyad(self, roles: Roles) -> Roles:
        """Rule no_self_dyad: a person or an organisation never acts on itself. When one is read on
        both sides, the side a preposition introduces is the guess and is dropped ("En su
        conversación con X, … Y agradeció a X": the first X is no subject; the target stays). A
        bare subject does act: its name after the trigger sits inside the object ("MSF condemned
        the bombing of an MSF hospital": the hospital's, not the condemned), and the target side
        is dropped. A state may stand on both sides (its government and its parliament are both
        coded by its country)."""
        targets = {p.actor_id for p in roles.targets if p.actor.type not in STATE_LIKE_TYPES}
        clash = {p.actor_id for p in roles.sources} & targets
        if not clash:
            return roles
        if any(
            p.actor_id in clash and p in self.participants and self.preposition_before(p) is None for p in roles.sources
        ):
            return replace(roles, targets=tuple(p for p in roles.targets if p.actor_id not in clash))
        return replace(roles, sources=tuple(p for p in roles.sources if p.actor_id not in clash))

    def _received_from(self, match: TriggerMatch, candidates: list[Participant]) -> Roles | None:
        """Rule received_from: "X received a phone call from Y", "تلقى X اتصالا هاتفيا من Y": the
        trigger holds the call, message or letter received (`call_nouns`), a receipt verb opens it
        or stands before it in its clause, and "from" follows the call at once (a day word or two
        between), then the caller (title words between): the caller is the source, the receivers
        the targets."""
        if not self.cues.receipt_verbs:
            return None
        # the call is the trigger, or right after a receipt verb that is the trigger ("a reçu un coup
        # de fil de Y", "recibió una llamada de Y"): "received a letter ... and met Y" is no call
        opens_with_receipt = self.tokens.lower(match.start) in self.cues.receipt_verbs
        call_end = max(match.end, match.start + RECEIPT_CALL_WORDS) if opens_with_receipt else match.end
        call = self.tokens.find(self.cues.call_nouns, match.start, call_end)
        if call is None:
            return None
        clause_start, clause_end = self.tokens.clause_bounds(match.start)
        if opens_with_receipt:
            verb: int | None = match.start
        else:
            before = self.tokens.word_indexes(max(clause_start, match.start - RECEIPT_REACH), call.start)
            verb = next((i for i in before if self.tokens.lower(i) in self.cues.receipt_verbs), None)
        if verb is None:
            return None
        caller = self._caller_after(call.end, candidates, clause_end)
        if self.tokens.lexicon.language == "ar":  # V S O: "تلقى X اتصالا"
            receivers = tuple(p for p in candidates if verb < p.start and p.end <= call.start)
        else:
            receivers = tuple(p for p in candidates if clause_start <= p.start and p.end <= verb)
        if caller is None or not receivers:
            return None
        return Roles((caller,), receivers)

    def _caller_after(self, call_end: int, candidates: list[Participant], clause_end: int) -> Participant | None:
        """The actor right after "from" following the call: "from" within RECEIPT_FROM_GAP words of
        the call ("اتصالا هاتفيا اليوم من"), then at most RECEIPT_TITLE_WORDS words, none of them
        punctuation, before the caller ("من صاحب السمو الشيخ X", "du président algérien X")."""
        after_call = self.tokens.word_indexes(call_end, min(call_end + RECEIPT_FROM_GAP + 1, clause_end))
        preposition = next((i for i in after_call if self.tokens.lower(i) in self.cues.from_prepositions), None)
        if preposition is None:
            return None
        for participant in candidates:
            between = self.tokens.word_indexes(preposition + 1, participant.start)
            if (
                preposition < participant.start < clause_end
                and len(between) <= RECEIPT_TITLE_WORDS
                and not any(self.tokens.token(i).is_punct for i in between)
            ):
                return participant
        return None

    def _demonym_agent(self, match: TriggerMatch, candidates: list[Participant]) -> Participant | None:
        """Rule demonym_agent (noun-first languages): a state's demonym right after an event noun is
        its doer ("l'offensive russe", "la retirada israelí", "الانسحاب الإسرائيلي"), unless the
        noun names what is done to someone ("l'arrestation"; patient_genitive_nouns)."""
        if not match.is_noun or self.tokens.lexicon.language not in NOUN_FIRST_LANGUAGES:
            return None
        if self.tokens.lower(match.end - 1) in self.cues.patient_genitive_nouns:
            return None
        following = self.tokens.word_indexes(match.end, match.end + 1)
        for participant in candidates:
            if following and participant.start == following[0] and participant.actor.type == "state":
                text = participant.mention.text
                if text[:1].islower() or self.tokens.lexicon.language == "ar":
                    return participant
        return None

    def _agentless(self, match: TriggerMatch) -> bool:
        """A passive verb, or a noun, with no agent phrase ("were arrested", "les arrestations")."""
        return match.is_noun or self._is_passive(match)

    def _reporting_police(self, roles: Roles) -> Participant | None:
        """Rule police_make_arrests: the first police mention of the unit, its reporter included —
        unless the police are those arrested (a target: "three police officers were arrested") or
        the arrest happened in another country than theirs ("la police britannique a indiqué que
        deux journalistes avaient été arrêtés en Iran")."""
        police = next((p for p in self.all_participants if p.actor.sector == POLICE_SECTOR), None)
        if police is None or police in roles.targets or self._passive_subject_of_unit(police):
            return None
        places = [p for p in (roles.location, *roles.targets) if p is not None and p.actor.type in PLACE_TYPES]
        if any(place.actor.country != police.actor.country for place in places):
            return None
        return police

    def _passive_subject_of_unit(self, participant: Participant) -> bool:
        """The mention is the subject of a passive in its unit ("two police officers were arrested
        in Lyon, prosecutors said"): read from the parse where there is one, else from word order
        (the mention right before "were/was/ont été ...")."""
        if self.tokens.unit.has_parse:
            return syntax.dep(participant.root) in PASSIVE_SUBJECT_RELATIONS
        following = self.tokens.word_indexes(participant.end, participant.end + 3)
        return any(self.tokens.lower(i) in self.cues.passive_auxiliaries for i in following)

    def _described_by_restatement(
        self, match: TriggerMatch, candidates: list[Participant], restatements: Sequence[TriggerMatch]
    ) -> list[Participant]:
        """Mentions inside the "de X" complement of a noun that restates the trigger's event.

        "X a été reçu par Y pour la première visite d'un chef d'état-major de Z": the visit is
        the reception and its "de" complement names the visitor again ("un chef d'état-major de
        Z" is X), so it adds no participant. The noun's other complements ("une manifestation
        contre W") still count: they may name what the clause did not.
        """
        if not restatements or not self.tokens.unit.has_parse:
            return []
        head = word_start(_head_of(match, self.tokens))
        nouns = frozenset(i for noun in restatements for i in range(noun.start, noun.end))
        return [p for p in candidates if _reaches_through_genitive(p.root, head, nouns)]

    def _roles(self, match: TriggerMatch, scheme: RoleScheme, candidates: list[Participant]) -> Roles:
        if not self.tokens.unit.has_parse:
            return self._linear(match, scheme, candidates)
        head = _head_of(match, self.tokens)
        # "La motion déposée par le PCF a été rejetée": the PCF is the agent of "déposée", a verb
        # inside the trigger's subject, not a participant of the rejection.
        authors: list[Participant] = []
        if not match.is_noun:  # "la visite effectuée par X": a noun's participle does name its actor
            authors = [p for p in candidates if _author_of_subject_clause(p.root, head)]
            candidates = [p for p in candidates if not _argument_of_inner_verb(p.root, head)]
        linear = self._linear(match, scheme, candidates)
        syntactic = self._syntactic(match, scheme, candidates)
        if match.is_noun:
            # A noun's arguments are its own dependents; the nearest actor to its left is usually
            # the subject of some other verb ("… au Maroc qui avait abouti à la signature").
            return syntactic
        passive = self._is_passive(match)
        # The parse names the trigger's own subject (a pronoun, "la motion", "le texte") and it is
        # no actor: the nearest actor to the left is someone else's, leave that role empty. A
        # non-finite trigger ("en refusant", "de signer") has no subject of its own: its source
        # is the governing verb's subject (_controller_subjects) or nobody, never the object
        # before it ("a protégé le général X en refusant de l'extrader").
        own_subject = _has_own_subject(head) or _non_finite(head)
        linear_sources = () if own_subject and not passive else linear.sources
        if own_subject and not passive and not syntactic.sources:
            # "« Nous exigeons … », a déclaré X": the first-person subject is the tail's speaker.
            clause_start, _ = self.tokens.clause_bounds(match.start)
            linear_sources = tuple(self._quoted_first_person_speaker(match, clause_start))
        linear_targets = () if own_subject and passive else linear.targets
        if not passive and _has_thing_object(head, candidates):
            # Rule own_object: the parse gives the trigger a direct object that names no actor
            # ("a acclamé le nouveau premier ministre, écouta un discours … de X"): what it acted
            # on is said, and an actor further right belongs elsewhere; leave the target empty.
            linear_targets = ()
        sources = syntactic.sources or linear_sources
        targets = syntactic.targets or (linear_targets if not syntactic.sources else ())
        if passive and sources and not targets and match.entry.code.startswith(RESPONSE_CODES):
            # Rule proposer_as_target: "[l'amendement proposé par X] a été rejeté par Y", "[le plan
            # que X a présenté] a été critiqué par Y": who answers a proposal answers its author,
            # as CAMEO codes a rejection, a criticism or an endorsement (the author is the target).
            # Only beside a named answerer: alone, the author would make an event of a vote count.
            targets = tuple(p for p in authors if p not in sources)
        return Roles(
            sources=sources,
            targets=tuple(p for p in targets if p not in sources),  # one mention, one side
            location=syntactic.location or linear.location,
        )

    # --- linear reading ------------------------------------------------------------------------
    def _linear(self, match: TriggerMatch, scheme: RoleScheme, candidates: list[Participant]) -> Roles:
        clause_start, clause_end = self.tokens.clause_bounds(match.start)
        in_clause = [p for p in candidates if clause_start <= p.start and p.end <= clause_end]
        left = [p for p in in_clause if p.end <= match.start]
        if scheme != "speaker":
            left = self._after_reporting_verb(match, left, clause_start)
        left = self._outside_relative_clauses(match, left, clause_start)
        if self.tokens.lexicon.language == "es":  # "Francia, antigua potencia …, pidió" (spanish.py)
            left = spanish.outside_apposition(self.tokens, match, left)
        if self.tokens.lexicon.language == "ar":  # "قال X إن Y هاجم": X is not Y's (arabic.py)
            left = arabic.subject_candidates(self.tokens, match, left, clause_start)
        left = self._shared_subject(match, left)
        right = [p for p in in_clause if p.start >= match.end]
        if match.is_noun and self.cues.noun_complements_nearby:
            right = self._noun_complements(match, right)
        if not match.is_noun and self.cues.noun_complements_nearby:
            # Rule next_verb_argument: an actor after a later verb trigger of the clause is that
            # verb's ("X spent days talking to officials and will visit Y": Y is visited).
            later = [m.start for m in self.triggers if m.start >= match.end and not m.is_noun]
            if later:
                right = [p for p in right if p.start < min(later)]
        agents = [p for p in right if self.preposition_before(p) in self.cues.agent_prepositions]
        if self.cues.agent_phrases:
            # Rule agent_of_nearest_trigger: an agent phrase after a later trigger of the clause
            # is that trigger's agent ("ضربة جوية إثر تعرضها لإطلاق نار من جانب X": X fired, the
            # air strike was not X's).
            later = [m.start for m in self.triggers if m.start >= match.end]
            if later:
                agents = [p for p in agents if p.start < min(later)]
        locatives = [p for p in right if self._is_locative(p)]
        location = locatives[0] if locatives else None
        plain_right = [p for p in right if p not in agents and p not in locatives]
        if scheme == "speaker":
            return self._speaker_roles(match, left, location)
        fronted = self._fronted_participle(match, in_clause)
        if fronted is not None:
            comma = self._comma_after(match.end)  # the fronted clause's place is before its comma
            return replace(fronted, location=next((p for p in locatives if comma is None or p.end <= comma), None))
        if scheme == "experiencer":
            after_object = [p for p in right if match.with_hit is None or p.start >= match.with_hit.end]
            return Roles(
                tuple(_first_group(after_object, self.tokens)), tuple(_last_group(left, self.tokens)), location
            )
        if self._is_passive(match) or (self.cues.agent_phrases and agents):
            # "was received by X"; Arabic "تلقت تدريبات على يد X" (trained at the hands of X):
            # the agent acts, the one named before (or right after, VSO) undergoes.
            sources = tuple(_first_group(agents, self.tokens))
            targets = tuple(_last_group(left, self.tokens))
            if self.cues.postverbal_subjects and not match.is_noun:
                # Arabic "وقتل 4 جنود إثيوبيين": the victims follow the passive verb (arabic.py)
                after = tuple(self._postverbal_subject(match, [], plain_right))
                if after or not targets or self._opens_clause(match):
                    victims = arabic.before_cause(self.tokens, match, plain_right)
                    targets = after or tuple(_first_group(victims, self.tokens))
            elif not targets and self.cues.postverbal_subjects:
                targets = tuple(self._postverbal_subject(match, [], plain_right))
            return Roles(sources, targets, location)
        if self.cues.locatives_not_subjects:
            left = self._without_adverbial_places(left)
        left = self._inside_adverbial_clause(match, left, clause_start)
        clause_left = left
        if match.is_noun:
            left = self._noun_left_arguments(match, left)
            if self._is_patient_noun(match):
                # "the execution of 28 soldiers": the "of" complement undergoes the act.
                patients = [p for p in plain_right if self.preposition_before(p) in GENITIVE_PREPOSITIONS]
                if patients:
                    first = plain_right.index(patients[0])
                    group = _first_group(plain_right[first:], self.tokens)
                    sources = tuple(_last_group(left, self.tokens)) or tuple(_first_group(agents, self.tokens))
                    return Roles(sources, tuple(group), location)
        sources = tuple(_last_group(left, self.tokens))
        if sources and self._attributive_participle(match):
            # Rule attributive_participle: "the much-criticized efforts Reagan made": nobody
            # named criticises; the subject before belongs to the sentence's own verb.
            sources = ()
            left = []
        elif not sources and not match.is_noun:
            sources = tuple(self._quoted_first_person_speaker(match, clause_start))
        if not sources:
            sources = tuple(self._pronoun_antecedent(match, clause_start))
        antecedent = arabic.relative_subject(self, match, clause_left) if self.cues.postverbal_subjects else None
        if antecedent:
            # Arabic "القوات التي قتلت المدنيين": the relative pronoun is the subject (arabic.py)
            sources = tuple(antecedent)
        elif self.cues.postverbal_subjects and not match.is_noun:
            # Arabic VSO ("وأدان الأمين العام X ..."): the verb opening its clause takes the actor
            # right after it as subject; an actor before it belongs to an earlier clause.
            subject = self._postverbal_subject(match, list(sources), plain_right)
            if subject:
                sources = tuple(subject)
                plain_right = [p for p in plain_right if p not in subject]
            elif self._opens_clause(match):
                sources = tuple(self._pronoun_antecedent(match, clause_start))
        if not sources and match.is_noun:
            sources = tuple(self._noun_sources(match, plain_right))
            if not sources and self.tokens.lexicon.language == "ar":  # "الضربات الأميركية" (arabic.py)
                sources = tuple(arabic.noun_agent(self, match, plain_right))
            plain_right = [p for p in plain_right if p not in sources]
        if len(sources) >= 2 and not match.is_noun and self.tokens.keys[match.start] & self.cues.joint_verbs:
            # Rule joint_agreement: "X and Y agreed to …" is an agreement between them.
            return Roles(sources, (), location)
        if scheme == "destination":
            targets = tuple(_first_group(locatives or plain_right, self.tokens))
        else:
            targets = tuple(_first_group(plain_right or locatives, self.tokens))
        if scheme == "reciprocal":
            partners = tuple(p for p in _first_group(plain_right, self.tokens) if p not in sources)
            if match.is_noun and sources and partners and self._possessed(match, sources):
                # "X's meeting with Y", "his talks with Y": the possessor initiates (source), the
                # partner is the target.
                return Roles(sources, partners, location)
            if (
                self.cues.partner_as_target
                and not match.is_noun
                and sources
                and partners
                and not self._between_phrase(match, partners[0])
            ):
                # "X met Y", "X signed a contract with Y": the subject initiates (rule
                # partner_as_target); "X and Y met" stays symmetric.
                return Roles(sources, partners, location)
            if not sources and partners and self._introduced_as_partner(match, partners[0]):
                # Rule with_partner: "a company has signed a contract with the Iraqi government":
                # the partner after "with" is the other side of the act, not its doer.
                return Roles((), partners, location)
            hosted = self._dateline_host(match, sources + partners)
            if hosted is not None:
                return replace(hosted, location=location)
            return Roles(sources + partners, (), location)
        return Roles(sources, targets, location)

    def _between_phrase(self, match: TriggerMatch, partner: Participant) -> bool:
        """ "entre X y Y", "between X and Y" stands between the trigger and the partner."""
        return any(self.tokens.lower(i) in BETWEEN_WORDS for i in self.tokens.word_indexes(match.end, partner.start))

    def _shared_subject(self, match: TriggerMatch, left: list[Participant]) -> list[Participant]:
        """Rule shared_subject (word-order languages with `noun_complements_nearby`): a verb joined
        by "and/but" to an earlier verb trigger, with no subject of its own ("X talked to Y and will
        visit Z"), has that verb's subject: the actors before the earlier trigger, not its object Y."""
        if match.is_noun or not self.cues.noun_complements_nearby or not left:
            return left
        between = self.tokens.word_indexes(left[-1].end, match.start)
        joins = [i for i in between if self.tokens.lower(i) in SHARED_SUBJECT_JOINS]
        if not joins:
            return left
        join = joins[-1]
        after_join = [i for i in between if i > join]
        if len(after_join) > SHARED_SUBJECT_GAP or any(self.tokens.token(i).is_punct for i in after_join):
            return left
        earlier = [m for m in self.triggers if not m.is_noun and m.end <= join and m.start >= left[0].start]
        if not earlier:
            return left
        first_verb = min(m.start for m in earlier)
        subject = [p for p in left if p.end <= first_verb]
        if any(self.tokens.is_reporting_verb(i) for i in self.tokens.word_indexes(left[0].start, first_verb)):
            return left  # "Obama said Russia attacked Ukraine and will ...": whose act is unclear
        return subject or left

    def _introduced_as_partner(self, match: TriggerMatch, partner: Participant) -> bool:
        """The partner follows "with/avec/con": its own preposition, or the trigger's companion word
        ("habló … con el secretario general de la ONU, Kofi Annan": the name stands in apposition)."""
        if self.preposition_before(partner) in self.cues.partner_prepositions:
            return True
        hit = match.with_hit
        return hit is not None and " ".join(hit.phrase) in self.cues.partner_prepositions and partner.start >= hit.end

    def _dateline_host(self, match: TriggerMatch, sides: tuple[Participant, ...]) -> Roles | None:
        """Rule dateline_host: "two days of talks here between X and Y", filed from a town of X's
        country: X hosts (source), Y is the target. None unless exactly one side is from there."""
        following = self.tokens.word_indexes(match.end, match.end + 1)
        if not following or self.tokens.lower(following[0]) not in self.cues.here_words or len(sides) < 2:
            return None
        country = self._dateline_country()
        hosts = tuple(p for p in sides if country is not None and p.actor.country == country)
        if not hosts or len(hosts) == len(sides):
            return None
        return Roles(hosts, tuple(p for p in sides if p not in hosts))

    def _dateline_country(self) -> str | None:
        """The country of the article's dateline town ("LAGOS, March 3 -"): the first actor mention
        of the article when it is a place written in capitals that opens the text."""
        if self._earlier_count:
            first: Participant | None = self._earlier[0]
        else:
            first = self.all_participants[0] if self.all_participants else None
        if first is None or first.actor.type not in PLACE_TYPES or not first.mention.text.isupper():
            return None
        text = first.span.doc.text
        return first.actor.country if first.mention.start == len(text) - len(text.lstrip()) else None

    def _attributive_participle(self, match: TriggerMatch) -> bool:
        """A verb trigger glued by a hyphen to a lowercase modifier ("much-criticized",
        "long-awaited", "widely-condemned") is an adjective before a noun: its doer is not named
        (English; a capitalised first part, "U.S.-backed", names the doer and is read as usual)."""
        if match.is_noun or not self.cues.attributive_participles:
            return False
        hyphen = match.start - 1
        if hyphen <= self.tokens.first or self.tokens.token(hyphen).text != "-":
            return False
        modifier = self.tokens.token(hyphen - 1)
        glued = not modifier.whitespace_ and not self.tokens.token(hyphen).whitespace_
        return glued and modifier.is_alpha and modifier.is_lower

    def _without_adverbial_places(self, left: list[Participant]) -> list[Participant]:
        """Rule subject_past_locative: "X spent two days in Washington talking to Y": a place
        after a locative preposition that modifies the verb is where X was, not who acts; the
        subject is the actor before it. A place right after an actor ("Albanians in south Serbia
        are demanding") modifies that actor and stays: its state may stand for the group."""
        kept: list[Participant] = []
        for position, participant in enumerate(left):
            if position and self._is_locative(participant):
                gap = self.tokens.word_indexes(left[position - 1].end, participant.start)
                if len(gap) > POSTMODIFIER_GAP:
                    continue
            kept.append(participant)
        return kept

    def _inside_adverbial_clause(
        self, match: TriggerMatch, left: list[Participant], clause_start: int
    ) -> list[Participant]:
        """Rule adverbial_clause_subject: a trigger after a subordinator (`complement_closers`:
        "after", "because", …) is in an adverbial clause; its subject is inside that clause. The
        main clause's subject before the subordinator is not its source ("X banned the group
        because of its involvement in killing": X killed nobody). A participle right after the
        subordinator ("while visiting Z") has no subject of its own and keeps the main one."""
        closers = self.cues.complement_closers
        if not closers:
            return left
        found = [i for i in self.tokens.word_indexes(clause_start, match.start) if self.tokens.lower(i) in closers]
        if not found:
            return left
        if not self.tokens.word_indexes(found[-1] + 1, match.start):
            # "X criticised Y while visiting Z", "after signing": a participle right after the
            # subordinator has no subject of its own; the main clause's subject (before the main
            # verb, not its object Y) is its doer.
            main_verbs = [m.start for m in self.triggers if clause_start <= m.start < found[-1]]
            return [p for p in left if p.end <= main_verbs[0]] if main_verbs else left
        return [p for p in left if p.start > found[-1]]

    def _fronted_participle(self, match: TriggerMatch, in_clause: list[Participant]) -> Roles | None:
        """Rule fronted_participle: "Urging Y to restrain itself, X said …", "After meeting Y in
        Moscow, X flew …", "Tras reunirse con Y, X viajó …": a verb trigger opening its sentence as
        a participle (`fronted_participle_endings`), or right after a preposition that opens a
        non-finite clause (`fronted_openers`), and closed by a comma has the main clause's subject,
        the first actors after the comma, as its source (a reporting tail's speaker too: "Urging
        calm, the minister said"); its object comes before the comma. Passive ("After being
        received by Y, X …"): the agent acts, the main subject undergoes."""
        if match.is_noun or not self._opens_fronted_clause(match):
            return None
        comma = self._comma_after(match.end)
        if comma is None:
            return None
        objects = [p for p in in_clause if p.start >= match.end and p.end <= comma]
        after = [p for p in self.all_participants if p.start > comma and not self.tokens.in_dateline(p.start)]
        # the main clause's subject opens it ("…, the French president X said"); an actor further on
        # is another phrase's ("…, París se encuentra ante … la retirada israelí": not Israel)
        opens = bool(after) and len(self.tokens.word_indexes(comma + 1, after[0].start)) <= MAIN_SUBJECT_GAP
        subjects = after if opens and after[0].actor.type not in PLACE_TYPES else []
        main = tuple(_first_group(subjects, self.tokens))
        agents = [p for p in objects if self.preposition_before(p) in self.cues.agent_prepositions]
        if agents:
            return Roles(tuple(_first_group(agents, self.tokens)), main)
        return Roles(main, tuple(_first_group(objects, self.tokens)))

    def _comma_after(self, start: int) -> int | None:
        return next((i for i in self.tokens.word_indexes(start, self.tokens.last) if self.tokens.lower(i) == ","), None)

    @cached_property
    def _fronted_clause_end(self) -> int | None:
        """The comma closing a fronted clause that opens the sentence with an opener of
        `fronted_openers` ("After meeting Y in Moscow, X flew …"): actors before it belong to that
        clause, never to a later verb's subject. One per unit, read once."""
        first = next(
            (
                i
                for i in self.tokens.word_indexes(self.tokens.first, self.tokens.last)
                if not self.tokens.token(i).is_punct
            ),
            None,
        )
        if first is None:
            return None
        opener = self.tokens.find(self.cues.fronted_openers, first, first + 4)
        if opener is None or opener.start != first:
            return None
        return self._comma_after(opener.end)

    def _opens_fronted_clause(self, match: TriggerMatch) -> bool:
        """Only punctuation before the trigger and its -ing ending, or only an opener phrase (a
        preposition that takes a non-finite verb: "after", "after having", "tras", "antes de")."""
        before = [
            i for i in self.tokens.word_indexes(self.tokens.first, match.start) if not self.tokens.token(i).is_punct
        ]
        if not before:
            endings = self.cues.fronted_participle_endings
            return bool(endings) and self.tokens.lower(match.start).endswith(endings)
        opener = self.tokens.find(self.cues.fronted_openers, before[0], match.start)
        return opener is not None and opener.start == before[0] and opener.end >= before[-1] + 1

    def _after_reporting_verb(
        self, match: TriggerMatch, left: list[Participant], clause_start: int
    ) -> list[Participant]:
        """ "X said (that) Y attacked Z": the speaker of a reporting verb is not the source of the
        reported act. Only the actors after the last reporting verb before the trigger can be; when
        there are none, the speaker stays only if a subject pronoun takes it up ("X said it would
        attack …", "X a déclaré qu'il allait …"), else the source is left empty."""
        verbs = [
            i
            for i in self.tokens.word_indexes(clause_start, match.start)
            if self.tokens.is_reporting_verb(i) and not self.tokens.in_reporting_tail(i)
        ]
        if not verbs:
            return left
        verb = verbs[-1]
        after = [p for p in left if p.start > verb]
        if after:
            return after
        following = [
            self.tokens.lower(i)
            for i in self.tokens.word_indexes(verb + 1, match.start)
            if self.tokens.lower(i) not in {"that", "que", "qu'", ",", "on", "le", "mardi", "lundi"}
        ][:3]
        if following and following[0] in SUBJECT_PRONOUNS:
            if following[0] in self.cues.person_pronouns and left and left[-1].actor.type != "person":
                # "A report, monitored by the BBC, said he gave a warning": "he" is no report or
                # broadcaster; the person it stands for is read by pronoun_antecedent.
                return []
            return left
        return []

    def _noun_complements(self, match: TriggerMatch, right: list[Participant]) -> list[Participant]:
        """Rule noun_complement: without a parse, an actor after a noun trigger is its complement
        ("the arrest of X", "talks with Y in Z") only within a few words and before any punctuation;
        past a comma it belongs to another phrase ("several arrests, property damage, and clashes
        between strikers and …": the strikers clash, nobody says who was arrested)."""
        reach = NOUN_COMPLEMENT_REACH
        kept: list[Participant] = []
        for participant in right:
            between = self.tokens.word_indexes(match.end, participant.start)
            if any(
                self.tokens.token(i).is_punct and self.tokens.lower(i) not in {"'", "’", "-", "(", ")"} for i in between
            ):
                break
            if len(between) > reach and not (kept and _coordinated(kept[-1], participant, self.tokens)):
                break
            kept.append(participant)
        return kept

    def _pronoun_antecedent(self, match: TriggerMatch, clause_start: int) -> list[Participant]:
        """Rule pronoun_antecedent: "He declined to …", "… after her trip to Moscow": a third-person
        subject pronoun right before a verb trigger (an auxiliary or adverb or two between), or a
        possessive right before a noun trigger (an adjective or two between), stands for the person
        mentioned last before it, in this sentence or an earlier one. Only when no actor before
        the trigger is its source (the caller checks), so a named subject never loses to it."""
        pronouns = self.cues.person_possessives if match.is_noun else self.cues.person_pronouns
        if not pronouns:
            return []
        before = self.tokens.word_indexes(clause_start, match.start)[-3:]
        if self.cues.postverbal_subjects and not match.is_noun:
            # Arabic puts the subject after the verb: "وأعرب سموه عن تقديره" (His Highness expressed)
            before = self.tokens.word_indexes(match.start + 1, max(match.end, match.start + 2))
        found = [i for i in before if self.tokens.lower(i) in pronouns]
        if not found:
            return []
        pronoun = found[-1]
        between = [i for i in before if i > pronoun]
        if any(self.tokens.token(i).is_punct for i in between):
            return []
        earlier = self._earlier[: self._earlier_count]
        persons = [p for p in [*earlier, *self.all_participants] if p.actor.type == "person" and p.end <= pronoun]
        # A pronoun takes up someone just named: further back (a sentence or two), the reader may
        # mean another person, and a wrong source is worse than none.
        if not persons:
            return []
        reach_from = self._pronoun_chain_start(pronoun, persons[-1].end)
        return [p for p in persons[-1:] if reach_from - p.end <= PRONOUN_REACH]

    def _pronoun_chain_start(self, pronoun: int, person_end: int) -> int:
        """Rule pronoun_chain: "X predicted … . The taxwriters will not …, he said. In addition, he
        said …, which he also opposes": a run of person pronouns with nobody named between them
        keeps the same person as the topic, so the reach counts from the first pronoun of the
        run, each pronoun within reach of the next."""
        words = self.cues.person_pronouns | self.cues.person_possessives
        doc = self.tokens.doc
        start = pronoun
        position = pronoun - 1
        while position >= person_end and start - position <= PRONOUN_REACH:
            if doc[position].lower_ in words:
                start = position
            position -= 1
        return start

    def _possessed(self, match: TriggerMatch, sources: tuple[Participant, ...]) -> bool:
        """The actor right before the noun is its possessor: "X's meeting", "X' talks"."""
        between = [self.tokens.lower(i) for i in self.tokens.word_indexes(sources[-1].end, match.start)]
        return bool(between) and between[0] in {"'s", "’s", "'", "’"} and len(between) <= 2

    def _outside_relative_clauses(
        self, match: TriggerMatch, left: list[Participant], clause_start: int
    ) -> list[Participant]:
        """ "X, who met Y last week, criticised Z": actors inside a relative clause set off by
        commas and closed before the trigger belong to that clause, not to the trigger's subject."""
        pronouns = self.cues.relative_pronouns
        if not pronouns or not left:
            return left
        words = self.tokens.word_indexes(clause_start, match.start)
        commas = [i for i in words if self.tokens.lower(i) == ","]
        inserted: list[tuple[int, int]] = []
        for position, comma in enumerate(commas):
            following = self.tokens.word_indexes(comma + 1, match.start)[:1]
            if following and self.tokens.lower(following[0]) in pronouns and position + 1 < len(commas):
                inserted.append((comma, commas[position + 1]))
        return [p for p in left if not any(start < p.start and p.end <= end for start, end in inserted)]

    def _quoted_first_person_speaker(self, match: TriggerMatch, clause_start: int) -> list[Participant]:
        """ "\"I urge Y to …\", X said" / "« Nous exigeons … », a déclaré X": a first-person subject
        just before the trigger (at most two words between: "we strongly condemn", "I will not
        accept") is the speaker the reporting tail names."""
        pronouns = self.cues.first_person_pronouns
        tails = self.tokens.reporting_tails
        if not pronouns or not tails:
            return []
        before = self.tokens.word_indexes(clause_start, match.start)[-3:]
        if not any(self.tokens.lower(i) in pronouns for i in before):
            return []
        speakers = [
            p
            for p in self.all_participants
            if any(start <= p.start < end for start, end in tails)
            and p.start > match.start
            and p.actor.type not in PLACE_TYPES
        ]
        return _first_group(speakers, self.tokens) or self._pronoun_speaker(match, tails)

    def _pronoun_speaker(self, match: TriggerMatch, tails: list[tuple[int, int]]) -> list[Participant]:
        """Rule pronoun_speaker: "\"We must support the army,\" he said.": a tail whose speaker is a
        person pronoun quotes the person named last before the quotation opened,
        within a subject pronoun's reach (rule pronoun_antecedent)."""
        pronouns = self.cues.speaker_pronouns or self.cues.person_pronouns
        # Only the tail closing this quotation names its speaker: in "\"…,\" it said, and an
        # official added: \"…,\" he said" the later "he" speaks another quotation.
        tail = min((t for t in tails if t[0] > match.start), default=None)
        if tail is None or not any(self.tokens.lower(i) in pronouns for i in range(*tail)):
            return []
        doc = self.tokens.doc
        # The quotation may open before this sentence ("\"We must …. We must …,\" he said").
        opening = next((i for i in range(match.start - 1, -1, -1) if doc[i].text in QUOTES), None)
        if opening is None:
            return []
        earlier = self._earlier[: self._earlier_count]
        persons = [p for p in [*earlier, *self.all_participants] if p.actor.type == "person" and p.end <= opening]
        # The reach counts to the quotation's opening: a quotation is long, its speaker is not.
        near = [p for p in persons if opening - p.end <= PRONOUN_REACH]
        if not near or len({p.actor_id for p in near}) > 1:
            # "Macron a reçu Scholz. « Nous … », a-t-il dit": two persons within reach, the
            # pronoun may stand for either (or, without gender, for the wrong one): no guess.
            return []
        speaker = near[-1]
        if any(speaker.end <= start < opening for start, _ in tails):
            # another quotation between the person and this one had its own speaker ("X arrived.
            # \"…,\" it said, and an aide added: \"…,\" he said"): the turn has passed.
            return []
        later = range(max(speaker.end, doc[speaker.end - 1].sent.end), opening)
        if any(self.tokens.lower(i) in self.cues.speaker_nouns for i in later):
            # "X spoke on Monday. His defence minister was blunter. \"…,\" he said": an official
            # named after X without a name may be the one the pronoun stands for.
            return []
        return [speaker]

    def _noun_left_arguments(self, match: TriggerMatch, left: list[Participant]) -> list[Participant]:
        """Actors before a noun trigger that are its own argument, read without a parse:
        a premodifier or possessive right before it ("the U.S. attack", "Iraq's offensive"), or
        the subject of a light verb governing it ("X launched an attack", "X held talks").
        Any other actor to the left is someone else's argument ("X condemned the killing of Y")."""
        if not left:
            return left
        clause_start, _ = self.tokens.clause_bounds(match.start)
        if self.tokens.lexicon.language == "ar":
            # "في مسيراتهم" (their marches); VSO light verb before its subject, "قام متظاهرون …
            # بالاحتجاج", "قامت امرأة بلجيكية … بتفجير" (arabic.py)
            found = arabic.noun_left_arguments(self, match, left, clause_start)
            if found is not None:
                return found
        last = left[-1]
        between = [self.tokens.lower(i) for i in self.tokens.word_indexes(last.end, match.start)]
        if len(between) <= 2 and all(w in NOUN_PREMODIFIER_GAP for w in between):
            return left
        light = self.tokens.find(self.cues.light_verbs, last.end, match.start)
        if light is not None and len(self.tokens.word_indexes(light.end, match.start)) <= 4:
            return left
        if self._own_act(match, last):
            return left
        return []

    def _own_act(self, match: TriggerMatch, subject: Participant) -> bool:
        """Rule own_act: "Israel accelerated its withdrawal", "Francia anunció ayer su apoyo a X":
        a verb with no event of its own between the subject and a possessive right before the noun
        (an adjective between at most: "su precipitada retirada") makes the act the subject's. A
        verb that is itself a trigger ("X condemned its attacks") may speak of another's act."""
        possessives = self.cues.subject_possessives
        if not possessives:
            return False
        before = self.tokens.word_indexes(subject.end, match.start)
        at = [i for i in before[-2:] if self.tokens.lower(i) in possessives]
        if not at or not 1 <= len(before[: before.index(at[-1])]) <= OWN_ACT_VERB_WORDS:
            return False
        if any(self.tokens.token(i).is_punct for i in before):
            return False
        verbs = before[: before.index(at[-1])]
        if self.tokens.lower(verbs[0]) in OWN_ACT_JOINS:
            # "Turkey hosted Israel and accelerated its withdrawal": after "and" the verb shares the
            # first verb's subject (rule shared_subject); the actor just before it is an object.
            return False
        if not any(self.tokens.keys[i] & self.cues.own_act_verbs for i in verbs):
            # "Egipto supervisará su retirada de Gaza": only a verb whose subject does the act it
            # governs (aspect, announcement) makes a possessive its subject's; after another verb
            # (oversee, monitor, await) "su"/"their" may stand for any actor named before.
            return False
        return not any(subject.end <= m.start < match.start for m in self.triggers if m is not match)

    def _is_patient_noun(self, match: TriggerMatch) -> bool:
        nouns = self.cues.patient_genitive_nouns
        return bool(nouns) and any(self.tokens.keys[i] & nouns for i in range(match.start, match.end))

    def _speaker_roles(self, match: TriggerMatch, left: list[Participant], location: Participant | None) -> Roles:
        """ "X said Y must ...": X demands, Y is asked."""
        verbs = [
            i for i in self.tokens.word_indexes(self.tokens.first, match.start) if self.tokens.is_reporting_verb(i)
        ]
        # Rule speaker_addressee: the one who "must" is the subject right before the trigger (a
        # word or two between: "the armed forces also must"); an actor further back is not asked
        # anything ("the government's contention that a solution must be found").
        left = [
            p for p in left if len(self.tokens.word_indexes(p.end, match.start)) <= 2 or p.end <= (verbs or [0])[-1]
        ]
        if not verbs:
            return Roles((), tuple(_last_group(left, self.tokens)), location)
        verb = verbs[-1]
        speakers = [p for p in left if p.end <= verb]
        addressees = [p for p in left if p.start > verb]
        return Roles(tuple(_last_group(speakers, self.tokens)), tuple(_last_group(addressees, self.tokens)), location)

    def _opens_clause(self, match: TriggerMatch) -> bool:
        """A verb that starts its clause: glued to و/ف ("وأدان"), after punctuation, a
        complementiser or a relative ("إن", "التي"), or first in the sentence."""
        word = self.tokens.lower(match.start)
        if word[:1] in {"و", "ف"} and word not in match.entry.pattern:
            return True
        previous = self.tokens.previous_word(match.start)
        return (
            previous is None
            or self.tokens.token(previous).is_punct
            or self.tokens.lower(previous) in self.cues.content_openers
        )

    def _postverbal_subject(
        self, match: TriggerMatch, left: list[Participant], right: list[Participant]
    ) -> list[Participant]:
        """The actor group right after a clause-opening verb (a title or two may come between:
        "الأمين العام … بان كي مون"), with no preposition before it; none when SVO order applies."""
        if left and not self._opens_clause(match):
            return []
        if not right:
            return []
        first = right[0]
        gap = self.tokens.word_indexes(match.end, first.start)
        if any(self.tokens.token(i).is_punct for i in gap):
            return []
        if not arabic.subject_gap_fits(self.tokens, match.end, first.start):
            return []  # (times of day do not count: "وقتل أول من أمس 4 جنود")
        if self.preposition_before(first) is not None:
            return []
        return _first_group(right, self.tokens)

    def _noun_sources(self, match: TriggerMatch, right: list[Participant]) -> list[Participant]:
        """ "visit by X", "talks between X and Y", "X's visit"."""
        for participant in right:
            preposition = self.preposition_before(participant)
            if preposition in self.cues.agent_prepositions or preposition in {
                "between",
                "entre",
                "of",
                "de",
                "d'",
                "du",
                "des",
            }:
                return _first_group(right[right.index(participant) :], self.tokens)
        return []

    def _is_passive(self, match: TriggerMatch) -> bool:
        token = self.tokens.token(match.start)
        morph = str(token.morph)
        if _pronominal(_head_of(match, self.tokens)):
            return False
        if "Voice=Pass" in morph or any(syntax.dep(child) == "aux:pass" for child in syntax.children(token)):
            return True
        if match.is_noun:  # Arabic "تعرضت القوات لهجوم": the forces underwent the attack (arabic.py)
            return self.tokens.lexicon.language == "ar" and arabic.undergone(self.tokens, match)
        if syntax.dep(_first_participle(token)) == "acl" and "VerbForm=Part" in morph and "Tense=Past" in morph:
            # "l'accord signé par X" is passive; "M. X ayant accepté" (compound participle with
            # an auxiliary of tense) is active: the noun it hangs on did it. So is a participle
            # the parser cut from its auxiliary by an adverbial ("X a de son côté dénoncé").
            if self._tense_auxiliary_before(match):
                return False
            return not any(syntax.dep(child) == "aux:tense" for child in syntax.children(token))
        if token.pos_:
            return False
        if self.tokens.lexicon.language == "ar":  # "قتل 15 شخصا", "أصيب" (arabic.py)
            return arabic.is_passive(self.tokens, match)
        words = self.tokens.word_indexes(match.start - 4, match.start)
        has_auxiliary = any(self.tokens.lower(i) in self.cues.passive_auxiliaries for i in words)
        inflected = token.lower_ != match.entry.pattern[0] and token.lower_.endswith(self.cues.passive_endings)
        following = self.tokens.word_indexes(match.end, match.end + 1)
        adjectival = match.entry.governs and bool(following) and self.tokens.lower(following[0]) == "to"
        if not has_auxiliary and inflected and self._reduced_passive(match):
            return True
        return has_auxiliary and inflected and not adjectival  # "is opposed to" is not a passive

    def _tense_auxiliary_before(self, match: TriggerMatch) -> bool:
        """ "a de son côté dénoncé", "ont également condamné": a form of avoir among the four words
        before the participle, with no punctuation between (rule participle_after_auxiliary)."""
        for index in reversed(self.tokens.word_indexes(match.start - 5, match.start)):
            token = self.tokens.token(index)
            if token.is_punct:
                return False
            if token.lemma_ == "avoir" and token.pos_ in {"AUX", "VERB"}:
                return True
        return False

    def _reduced_passive(self, match: TriggerMatch) -> bool:
        """ "28 soldiers killed in the raid", "lost 3,000 men killed": a participle right after a
        counted noun phrase (a number within the two words before it) with no object after it is
        a reduced passive: what comes before undergoes the act, "by X" does it."""
        before = self.tokens.word_indexes(match.start - 3, match.start)[-2:]
        if len(before) < 2:
            return False
        number, noun = (self.tokens.token(i) for i in before)
        if not (number.like_num and noun.is_alpha and noun.is_lower):
            return False  # "On February 20 Brazil suspended …" is active: a name, not a counted noun
        following = self.tokens.word_indexes(match.end, match.end + 1)
        if not following:
            return True
        nxt = self.tokens.token(following[0])
        return not (nxt.is_title or nxt.lower_ in {"the", "a", "an", "his", "her", "their", "its"} or nxt.like_num)

    def _is_locative(self, participant: Participant) -> bool:
        return self._locates(participant, self.preposition_before(participant))

    def _locates(self, participant: Participant, preposition: str | None) -> bool:
        """ "à Rabat", "in Norway": a place after a locative preposition; "dans le royaume
        hachémite", "in the kingdom": a state after a territorial one (the act happens there)."""
        if self.tokens.lexicon.language == "ar" and arabic.is_demonym_adjective(participant):
            return False  # "في ضربة جوية أميركية": "في" governs the strike, the adjective is no place
        if participant.actor.type in PLACE_TYPES:
            return preposition in self.cues.locative_prepositions
        if participant.actor.type == "state":
            return preposition in self.cues.territory_prepositions
        return False

    def preposition_before(self, participant: Participant) -> str | None:
        """The preposition that governs a mention ("par le ministre … Gantz" -> "par")."""
        if self.tokens.unit.has_parse:
            found = _case_marker(participant.root)
            if found is not None:
                return found
        return self._preposition_looking_back(participant)

    def _preposition_looking_back(self, participant: Participant) -> str | None:
        if self.tokens.lexicon.language == "ar":  # "من قبل عدة ضباط عراقيين" (arabic.py)
            agent = arabic.agent_phrase_before(self.tokens, participant, self.cues.agent_phrases)
            if agent is not None:
                return agent
        for phrase in self.cues.agent_phrases:  # "على يد X", "من قبل X"
            start = participant.start - len(phrase)
            if start >= self.tokens.first and self.tokens.match_at(start, phrase) == participant.start:
                return " ".join(phrase)
        if self.tokens.lexicon.language == "ar":
            glued = self._glued_preposition(participant)
            if glued is not None:
                return glued
        prepositions = (
            self.cues.agent_prepositions
            | self.cues.locative_prepositions
            | self.cues.target_prepositions
            | EXTRA_PREPOSITIONS
        )
        skipped = 0
        for index in range(participant.start - 1, max(self.tokens.first, participant.start - 8) - 1, -1):
            token = self.tokens.token(index)
            if token.is_space:
                continue
            word = self.tokens.lower(index)
            if word in prepositions and word not in {"of", "de", "d'", "du", "des"}:
                return word
            if word in {"of", "de", "d'", "du", "des"} and skipped == 0:
                return word
            if token.is_punct or skipped >= 5:
                return None
            is_name_word = token.is_title or token.is_upper or word in NP_SKIP_WORDS or token.like_num
            if not is_name_word and skipped >= 3:
                return None
            skipped += 1
        return None

    def _glued_preposition(self, participant: Participant) -> str | None:
        """Arabic prepositions written on the noun: "للأمم المتحدة" (ل), "بالقاهرة" (ب), or
        "لمصر" when the actor stage left the clitic outside the mention."""
        token = self.tokens.token(participant.start)
        offset = participant.mention.start - token.idx
        if 0 < offset < len(token.text):
            prefix = normalize_arabic(token.text[:offset]).lstrip("وف")
            if prefix in {"ب", "ل", "ك", "لل"}:
                return prefix[0]
        return arabic_proclitic(token.text)

    # --- syntactic reading ---------------------------------------------------------------------
    def _syntactic(self, match: TriggerMatch, scheme: RoleScheme, candidates: list[Participant]) -> Roles:
        head = _head_of(match, self.tokens)
        sources: list[Participant] = []
        targets: list[Participant] = []
        location: Participant | None = None
        passive = self._is_passive(match)
        for participant in candidates:
            relation, child = _relation_to(participant.root, head)
            if relation is None or child is None:
                continue
            role = self._role_of(participant, relation, child, passive, match, scheme)
            if role == "source":
                sources.append(participant)
            elif role == "target":
                targets.append(participant)
            elif role == "location" and location is None:
                location = participant
                if scheme == "destination":
                    targets.append(participant)
        if not match.is_noun:
            antecedent_role, antecedents = self._relative_antecedent(head, candidates)
            if antecedent_role == "source" and not sources:
                sources = [p for p in antecedents if p not in targets]
            elif antecedent_role == "target" and not targets:
                targets = [p for p in antecedents if p not in sources]
        if not match.is_noun and passive and not targets:
            targets = [p for p in _participle_patients(head, candidates) if p not in sources]
        if not match.is_noun and passive and not targets and _non_finite(head):
            # "après avoir été reçu par X, Y a …": the clause's subject is who was received
            targets = [p for p in self._controller_subjects(head, candidates) if p not in sources]
        if match.is_noun and self._commanded(head):
            # "X a ordonné le retrait des troupes du Niger": X carries the act out (rule
            # command_is_the_act, matching.py); the "de" complement may be a place left.
            sources = self._controller_subjects(head, candidates) or sources
        if not sources:
            sources = self._controller_subjects(head, candidates)
        if not sources and match.is_noun:
            sources = self._possessor(match, candidates)
        if scheme == "reciprocal":
            partners = [p for p in targets if p not in sources]
            if self.cues.partner_as_target and sources and partners:
                # "X a rencontré Y", "sa rencontre avec Y": the subject or possessor initiates
                # (rule partner_as_target); "la rencontre entre X et Y" stays symmetric.
                return Roles(tuple(sources), tuple(partners), location)
            return Roles(tuple(sources + partners), (), location)
        return Roles(tuple(sources), tuple(p for p in targets if p not in sources), location)

    def _role_of(
        self,
        participant: Participant,
        relation: str,
        child: Token,
        passive: bool,
        match: TriggerMatch,
        scheme: RoleScheme,
    ) -> str | None:
        """Role from the trigger's dependent that dominates the mention.

        The mention's own preposition counts only when the mention is that dependent (or in
        apposition to it); deeper down it belongs to another phrase ("à l'exercice co-organisé
        par le Maroc": Morocco is inside the object, not the agent of "participer").
        """
        direct = _is_same_phrase(participant.root, child)
        own = self.preposition_before(participant) if direct else _case_marker(participant.root)
        governing = own if direct else (_case_marker(child) or "")
        if scheme == "experiencer":
            return self._experiencer_role(participant, relation, match)
        if relation in SUBJECT_RELATIONS:
            return "target" if passive else "source"
        if self._caller(participant, child):
            return "source"
        if (
            not match.is_noun
            and not direct
            and relation not in OBJECT_RELATIONS
            and self._instrument_agent(participant, child)
        ):
            # an adjunct only: in "a condamné l'attaque de Y" the attack is the object, Y its target
            return "source"
        if relation in PASSIVE_SUBJECT_RELATIONS:
            return "source" if not passive and _pronominal(_head_of(match, self.tokens)) else "target"
        if relation == "obl:agent" or (direct and own in self.cues.agent_prepositions):
            return "source"
        if self._locates(participant, own):
            return "location"
        if match.is_noun and governing in GENITIVE_PREPOSITIONS and self._is_patient_noun(match):
            return "target"  # "l'exécution de 28 soldats": the "de" complement undergoes the act
        if (
            match.is_noun
            and governing in GENITIVE_PREPOSITIONS
            and _possessed_noun(_head_of(match, self.tokens))
            and not self._undergone(_head_of(match, self.tokens))
        ):
            # Rule possessed_noun_complement: "son retrait du Liban", "sa visite de la Chine": the
            # possessive fills the noun's doer, so its "de" complement is what the act is about.
            return "target"
        if match.is_noun and governing in {"de", "d'", "du", "des", "entre", "between", "of"}:
            return "source"
        if relation in OBJECT_RELATIONS or relation in OBLIQUE_RELATIONS:
            return "target"
        return None

    def _undergone(self, head: Token) -> bool:
        """The noun is the object of a verb of undergoing ("Israël a subi sa pire attaque du
        Hamas"): the possessive is the act's victim, and its "de" complement stays the doer."""
        governor = syntax.head(head)
        return governor.i != head.i and bool(self.tokens.keys[governor.i] & self.cues.undergo_verbs)

    def _commanded(self, head: Token) -> bool:
        """The noun is the direct object of a verb of command ("a ordonné le retrait")."""
        governor = syntax.head(head)
        return (
            syntax.dep(head) == "obj"
            and governor.i != head.i
            and bool(self.tokens.keys[governor.i] & self.cues.command_verbs)
        )

    def _instrument_agent(self, participant: Participant, child: Token) -> bool:
        """Rule instrument_agent: "X a été tué d'un tir d'obus lancé par Y", "tué lors d'un
        bombardement de Y": the trigger's adjunct is the weapon or the attack (`instrument_nouns`),
        and whoever fired it ("de Y", "par Y" below it) is the source, not a second victim."""
        noun = word_start(child)
        if not self.cues.instrument_nouns & {noun.lemma_.lower(), noun.lower_}:
            return False
        own = _case_marker(participant.root)
        return own in GENITIVE_PREPOSITIONS or own in self.cues.agent_prepositions

    def _caller(self, participant: Participant, child: Token) -> bool:
        """Rule caller_phrase: "ont manifesté à l'appel de X", "réunis à l'initiative de X": X called
        or initiated the act, its source, though it sits in an oblique that otherwise names a target.
        The mention is inside the "de" complement of the caller noun ("à l'appel du parti
        sénégalais": the demonym too), and that noun is the trigger's own adjunct."""
        nouns = self.cues.caller_nouns
        noun = word_start(child)
        if not nouns or noun.lemma_.lower() not in nouns:
            return False
        for current, parent in _climb(participant.root):  # the step into the noun is its "de" phrase
            if parent.i == noun.i:
                return _case_marker(current) in GENITIVE_PREPOSITIONS
        return False

    def _experiencer_role(self, participant: Participant, relation: str, match: TriggerMatch) -> str | None:
        """ "X suscite la défiance de Y": Y disapproves (source) of X (target)."""
        if relation in SUBJECT_RELATIONS:
            return "target"
        hit = match.with_hit
        root = participant.root
        if (
            hit is not None
            and hit.start <= word_head(root).i < hit.end
            and _case_marker(root) in {"de", "d'", "du", "des"}
        ):
            return "source"
        return None

    def _relative_antecedent(self, head: Token, candidates: list[Participant]) -> tuple[str | None, list[Participant]]:
        """ "le quotidien X qui a accusé Y": a relative pronoun subject ("qui") stands for the noun
        the relative clause hangs on: its actor is the source (the target in the passive: "X, qui
        a été arrêté")."""
        if syntax.dep(head) != "acl:relcl" or not self.cues.relative_pronouns:
            return None, []
        relation = next(
            (
                syntax.dep(c)
                for c in syntax.children(head)
                if syntax.dep(c) in SUBJECT_RELATIONS | PASSIVE_SUBJECT_RELATIONS
                and c.lower_ in self.cues.relative_pronouns
            ),
            None,
        )
        if relation is None:
            return None, []
        antecedent = syntax.head(head)
        found = [p for p in candidates if _is_same_phrase(p.root, antecedent)]
        if not found:
            # Rule relative_antecedent_modifier: "le quotidien français Libération qui a accusé
            # Y": the antecedent noun is no actor, but the name set beside it (a bare nmod) or,
            # failing that, its demonym adjective is.
            for relations in ({"nmod", "appos", "flat", "flat:name"}, {"amod"}):
                found = [
                    p
                    for p in candidates
                    if syntax.head(word_start(p.root)).i == antecedent.i
                    and syntax.dep(attaching_token(word_start(p.root))) in relations
                    and _case_marker(p.root) is None
                ]
                if found:
                    break
        if not found:
            return None, []
        return ("target" if relation in PASSIVE_SUBJECT_RELATIONS else "source"), found

    def _controller_subjects(self, head: Token, candidates: list[Participant]) -> list[Participant]:
        """ "X a effectué une visite", "X a décidé de signer", "X a protégé Y en refusant de
        l'extrader" (a gerund or infinitive adjunct): the governing verb's subject. Not when the
        trigger has a subject of its own ("X annonce que Y a été tué": Y is the passive subject)
        nor through a reporting verb ("Le journal annonce que …": the reporter does not act)."""
        relations = {"obj", "xcomp", "obl:arg", "obl", "ccomp"}
        subject_relations = SUBJECT_RELATIONS
        governor = syntax.head(head) if syntax.dep(head) in relations else None
        if governor is None and _non_finite(head) and syntax.dep(head) in {"advcl", "acl"}:
            # A gerund or an infinitive adjunct shares the surface subject of the clause's verb
            # (active or passive: "X est intervenu en demandant …"), wherever the parser hung it.
            governor = _nearest_verb_above(head)
            subject_relations = SUBJECT_RELATIONS | PASSIVE_SUBJECT_RELATIONS
        if governor is None or governor is head:
            return []
        if _has_own_subject(head) or self.tokens.is_reporting_verb(governor.i):
            return []
        subjects = [c for c in syntax.children(governor) if syntax.dep(c) in subject_relations]
        found: list[Participant] = []
        for subject in subjects:
            subtree = set(t.i for t in syntax.subtree(subject))
            found.extend(p for p in candidates if p.root.i in subtree)
        return found

    def _possessor(self, match: TriggerMatch, candidates: list[Participant]) -> list[Participant]:
        """ "… le Front Polisario dans sa guérilla": the possessive points to the nearest actor before."""
        determiners = [self.tokens.lower(i) for i in self.tokens.word_indexes(match.start - 2, match.start)]
        if not any(word in self.cues.possessives for word in determiners):
            return []
        before = [p for p in candidates if p.end <= match.start]
        return before[-1:]


def _possessed_noun(head: Token) -> bool:
    """A noun with a possessive determiner ("son retrait", "leur visite")."""
    return any(syntax.dep(c) == "det" and "Poss=Yes" in str(c.morph) for c in syntax.children(head))


def _without_places(roles: Roles, scheme: RoleScheme) -> Roles:
    """A place (a city, a territory) is where things happen, not who acts: never a source.

    As PLOVER codes it, the place an act is directed at or happens in stands for the target
    when the sentence names no other ("lifted the curfew in Montenegro", "sent arms to
    Pakistan", "a visité le Maroc"); the extractor then reads it as that country's state.
    """
    sources = tuple(p for p in roles.sources if p.actor.type != "place")
    actors = tuple(p for p in roles.targets if p.actor.type != "place")
    places = tuple(p for p in roles.targets if p.actor.type == "place")
    if actors:
        targets = actors
    elif places:
        targets = places
    elif roles.location is not None and scheme != "reciprocal":
        targets = (roles.location,)
    else:
        targets = ()
    return Roles(sources, targets, roles.location)


def _in_frame_phrases(tokens: UnitTokens) -> frozenset[int]:
    """Rule frame_phrase (parsed languages; `frame_markers`): "conformément à l'accord entre X et Y",
    "dans le cadre de l'accord conclu entre X et Y": the phrase names the framework an act follows,
    and the actors inside it are that framework's parties, not the act's source or target. Returns
    the token indexes of the noun phrases such markers introduce."""
    markers = tokens.lexicon.cues.frame_markers
    if not markers or not tokens.unit.has_parse:
        return frozenset()
    inside: set[int] = set()
    for hit in tokens.find_all(markers, tokens.first, tokens.last):
        # up to the next punctuation mark (the parser often hangs the phrase's own participle,
        # "négocié entre X et Y", elsewhere), and the subtree of its noun when it reaches further
        for index in tokens.word_indexes(hit.end, tokens.last):
            if tokens.token(index).is_punct:
                break
            inside.add(index)
        nouns = [
            i
            for i in tokens.word_indexes(hit.end, min(hit.end + 3, tokens.last))
            if tokens.token(i).pos_ in {"NOUN", "PROPN"}
        ][:1]
        for index in nouns:
            inside.update(t.i for t in syntax.subtree(tokens.token(index)))
    return frozenset(inside)


def _participle_patients(head: Token, candidates: list[Participant]) -> list[Participant]:
    """Rule participle_patient: "Ana X, critiquée par le parti …", "le gouvernement, composé de …
    et soutenu par Y": a passive participle set on a noun (directly or coordinated with one that
    is) says what was done to that noun's actor, its target."""
    current = _first_participle(head)
    if syntax.dep(current) != "acl" or "VerbForm=Part" not in str(current.morph):
        return []
    noun = syntax.head(current)
    return [p for p in candidates if _is_same_phrase(p.root, noun)]


def _first_participle(token: Token) -> Token:
    """ "composé de … et soutenu par Y": up the coordination to the first participle."""
    current = token
    for _ in range(3):
        parent = syntax.head(current)
        if syntax.dep(current) != "conj" or parent.i == current.i or "VerbForm=Part" not in str(parent.morph):
            break
        current = parent
    return current


def _has_thing_object(head: Token, candidates: list[Participant]) -> bool:
    """The verb has a direct object (not a number or a date-like noun the parser took for one)
    whose phrase holds no actor mention."""
    for child in syntax.children(head):
        if syntax.dep(child) != "obj" or child.pos_ not in {"NOUN", "PROPN"}:
            continue
        inside = {t.i for t in syntax.subtree(child)}
        if not any(p.root.i in inside for p in candidates):
            return True
    return False


def _has_own_subject(head: Token) -> bool:
    """The parse gives the verb a subject (active or passive) of its own."""
    return not _non_finite(head) and any(
        syntax.dep(child) in SUBJECT_RELATIONS | PASSIVE_SUBJECT_RELATIONS for child in syntax.children(head)
    )


def _nearest_verb_above(token: Token) -> Token | None:
    current = token
    for _ in range(10):
        parent = syntax.head(current)
        if parent.i == current.i:
            return None
        if parent.pos_ in {"VERB", "AUX"}:
            return parent
        current = parent
    return None


def _non_finite(head: Token) -> bool:
    """An infinitive ("de signer", the compound "après avoir rencontré") or a gerund ("en
    refusant"): a verb with no subject of its own."""
    morph = str(head.morph)
    if head.pos_ not in {"VERB", "AUX"}:
        return False
    if "VerbForm=Inf" in morph or "VerbForm=Ger" in morph:
        return True
    if any(syntax.dep(c).startswith("aux") and "VerbForm=Inf" in str(c.morph) for c in syntax.children(head)):
        return True  # rule compound_infinitive: "après avoir rencontré X, Y a …" is Y's meeting
    return (
        "VerbForm=Part" in morph
        and "Tense=Pres" in morph
        and any(syntax.dep(child) == "mark" and child.lower_ == "en" for child in syntax.children(head))
    )


def _argument_of_inner_verb(token: Token, head: Token) -> bool:
    """The mention is the subject or agent of another verb inside the trigger's subject (a
    relative or participial clause: "[la motion déposée par le PCF] a été rejetée", "[le texte
    que X a proposé] a été adopté"), so it belongs to that verb's event, not the trigger's. Inside
    the object it still counts ("a participé à l'exercice co-organisé par X": X is the target)."""
    relation, _ = _relation_to(token, head)
    if relation not in SUBJECT_RELATIONS | PASSIVE_SUBJECT_RELATIONS:
        return False
    for current, parent in _climb(token):
        if parent.i == head.i:
            return False
        if parent.pos_ in {"VERB", "AUX"} and syntax.dep(attaching_token(current)) in (
            SUBJECT_RELATIONS | PASSIVE_SUBJECT_RELATIONS | {"obl:agent"}
        ):
            # only when that verb itself lies under the trigger
            return _under(parent, head)
    return False


def _author_of_subject_clause(token: Token, head: Token) -> bool:
    """The mention is the subject or the "par" agent (not a patient) of a verb inside the trigger's
    subject: "[l'amendement proposé par X]", "[le plan que X a présenté]" (rule proposer_as_target)."""
    if not _argument_of_inner_verb(token, head):
        return False
    for current, parent in _climb(token):
        if parent.pos_ in {"VERB", "AUX"}:
            return syntax.dep(attaching_token(current)) in {"nsubj", "obl:agent"}
    return False


def _under(token: Token, head: Token) -> bool:
    return any(parent.i == head.i for _, parent in _climb(token))


def _climb(token: Token) -> Iterator[tuple[Token, Token]]:
    """(word, the word it hangs on), word by word (a hyphenated word is one node) from `token` up to
    the root of its sentence; at most 40 steps, so a malformed tree cannot loop."""
    current = word_start(token)
    for _ in range(40):
        parent = word_head(current)
        if parent.i == current.i:
            return
        yield current, parent
        current = parent


def _overlaps(participant: Participant, match: TriggerMatch) -> bool:
    return participant.start < match.end and match.start < participant.end


def _head_of(match: TriggerMatch, tokens: UnitTokens) -> Token:
    """The token of a multi-word trigger whose head lies outside it."""
    for index in range(match.start, match.end):
        token = tokens.token(index)
        if not (match.start <= syntax.head(token).i < match.end) or syntax.head(token).i == token.i:
            return token
    return tokens.token(match.start)


def _relation_to(token: Token, head: Token) -> tuple[str | None, Token | None]:
    """The dependency relation of the child of `head` that dominates `token`, if any.

    Walks word by word (a hyphenated word is one node) and returns the child's first token.
    """
    target = word_start(head)
    for current, parent in _climb(token):
        if parent.i == target.i:
            return syntax.dep(attaching_token(current)), current
    return None, None


def _reaches_through_genitive(token: Token, head: Token, nouns: frozenset[int]) -> bool:
    """True when the parse path from `token` up to `head` enters one of `nouns` by a "de/of" phrase."""
    crossed = False
    for current, parent in _climb(token):
        if parent.i == head.i:
            return crossed
        crossed = crossed or (parent.i in nouns and _case_marker(current) in GENITIVE_PREPOSITIONS)
    return False


def _is_same_phrase(token: Token, child: Token) -> bool:
    """True when `token` is `child` or hangs on it by apposition, flat name or coordination."""
    current = word_start(token)
    for _ in range(4):
        if current.i == child.i:
            return True
        link = attaching_token(current)
        if syntax.dep(link) not in {"appos", "flat:name", "flat", "conj", "fixed"} or syntax.head(link).i == link.i:
            return False
        current = word_head(current)
    return False


def _case_marker(token: Token) -> str | None:
    """The preposition attached to a noun, looking through appositions and flat names."""
    current = word_start(token)
    for _ in range(3):
        cases = [
            child
            for member in word_tokens(current)
            for child in syntax.children(member)
            if syntax.dep(child) in {"case", "mark"} and child.i < current.i
        ]
        if cases:
            return min(cases, key=lambda case: case.i).lower_.replace("\u2019", "'")
        link = attaching_token(current)
        if syntax.dep(link) in {"appos", "flat:name", "flat", "conj"} and syntax.head(link).i != link.i:
            current = word_head(current)
            continue
        return None
    return None


def _last_group(participants: list[Participant], tokens: UnitTokens) -> list[Participant]:
    """The nearest participant and those coordinated with it, reading leftwards."""
    if not participants:
        return []
    group = [participants[-1]]
    for participant in reversed(participants[:-1]):
        if _coordinated(participant, group[0], tokens):
            group.insert(0, participant)
        else:
            break
    return group


def _glued_conjunction(participant: Participant, tokens: UnitTokens) -> bool:
    """Arabic "و" written on the second conjunct: "مصر والسعودية", or left outside the mention."""
    token = tokens.token(participant.start)
    offset = participant.mention.start - token.idx
    if 0 < offset < len(token.text):
        return normalize_arabic(token.text[:offset]).startswith("و")
    return normalize_arabic(token.text).startswith(("وال", "ول"))


def _first_group(participants: list[Participant], tokens: UnitTokens) -> list[Participant]:
    if not participants:
        return []
    group = [participants[0]]
    for participant in participants[1:]:
        if _coordinated(group[-1], participant, tokens):
            group.append(participant)
        else:
            break
    return group


def _coordinated(left: Participant, right: Participant, tokens: UnitTokens) -> bool:
    """ "X and Y", "X, Y and Z", "X and Bulgarian President Y", "X (Y)"."""
    between = tokens.word_indexes(left.end, right.start)
    if between:
        between = _before_office(between, right, tokens)
        if not between:
            return False  # only the office stands between: "the committee's chairman X"
    if not between:
        if tokens.lexicon.language == "ar":  # VSO: "زار الرئيس الجزائري موريتانيا" is subject, object
            return _glued_conjunction(right, tokens)
        return True
    words = [tokens.lower(i) for i in between]
    if words == ["("]:
        return True  # an alias in brackets: "Hizbollah (Party of God)"
    has_coordinator = any(word in {",", "and", "et", "&", "or", "ou", "y", "e"} for word in words)
    allowed = all(
        word in COORDINATION_WORDS
        or word in {"the", "le", "la", "les", "l'"}
        or word in NP_SKIP_WORDS
        or tokens.token(i).is_title
        or tokens.token(i).is_upper
        for i, word in zip(between, words)
    )
    return has_coordinator and allowed and len(words) <= 6


def _before_office(between: list[int], right: Participant, tokens: UnitTokens) -> list[int]:
    """The words between two mentions, less the office written right before the second ("X and
    Nigerian minister of mines and power Y"): the office is part of Y's noun phrase."""
    office = right.mention.office
    if not office:
        return between
    # only the text just before the name is read (a slice from the start of a long article on
    # every coordination test would make the stage quadratic)
    window_start = max(0, right.span.start_char - len(office) - OFFICE_GAP)
    before = tokens.doc.text[window_start : right.span.start_char].rstrip()
    if not before.endswith(office):
        return between
    office_start = window_start + len(before) - len(office)
    return [index for index in between if tokens.token(index).idx < office_start]


def _pronominal(verb: Token) -> bool:
    """A pronominal verb, not a passive: a reflexive clitic and no passive auxiliary ("se sont
    rassemblés", "s'est retiré"). Its subject does the act, although the French parser may label it
    a passive subject (nsubj:pass) with "se" as expl:pass or expl:comp; "ont été arrêtés" (aux:pass)
    stays passive."""
    children = list(syntax.children(verb))
    if any(syntax.dep(child) == "aux:pass" for child in children):
        return False
    return any(syntax.dep(child) in PRONOMINAL_RELATIONS and child.lower_ in ("se", "s'", "s’") for child in children)
