"""Who an agreement binds, read only from what the text says around one mention (issue 13).

Each rule names the pattern it reads; a mention's parties are the union of what the explicit rules
find. When none applies, two fallbacks may still read the text; otherwise the parties stay empty:
an agreement's parties are never guessed from the states a sentence happens to name ("a bank
loan" is not the USA's because the story names the USA; the place of a workshop is no party).

Explicit rules (word lists: the `parties` section of transforms/data/agreements_<lang>.yaml):
  between      "an agreement between X and Y", "l'accord électoral négocié entre le PS et EELV",
               "pacto suscrito entre esta formación y el PSOE" (an unnamed first side is left out)
  with         "a contract with X", "un accord conclu avec X", "firmó con X un acuerdo"
  signers      the subject of a binding verb before the name ("X and Y signed / concluded / reached
               … an agreement", "X et Y sont parvenus à un accord"), or right after it when the
               subject follows its verb ("ووقعت المغرب وموريتانيا على مذكرة تفاهم"), or between
               the name and a binding verb after it ("the deal Japan signed")
  agents       the "by/par/por X" agent of a binding verb after the name ("un accord signé par X")
  modifiers    actors glued to the name: before it ("the U.S.-Japan agreement", "Japan's pact"),
               after it ("l'accord israélo-marocain", "الاتفاق النووي الإيراني"), and the combining
               forms of compound nationality adjectives ("franco-" in "l'accord franco-allemand")
  signatories  the states that the people who signed it serve
  compliance   the actor whose compliance, breach or withdrawal the text names: "Japan's compliance
               with the agreement", "until Peru is in full compliance with the accord", "Israel
               violated the truce", "X a violé l'accord" (only a party can keep or break it)
  conflict     the state of the crisis or war a settlement is for: "a political settlement to the
               Yemeni crisis", "تسوية سياسية للأزمة اليمنية", "un règlement du conflit ivoirien",
               "a ceasefire in the war in Sudan" (the sides of a country's own conflict; another
               state takes part only when the text names it)
  joint acts   two sides or more, as the subject of an act only parties do together: "U.S. and
               Japanese officials reviewed … the agreement", "Russia and China renewed their treaty"
Fallbacks (only when no explicit rule found a party):
  two states   "between the two countries", "les deux pays ont signé": the last two states the
               article named together ("Nigeria and Guinea"), the article's own antecedent
  outcome      "a visit by X to Y that led to the signing of an agreement": the states of the
               event the agreement came out of, named in the clause before the outcome verb
An actor stands for a party as itself (a state, an IGO, a political party even in government, a
company, an armed group), or through the state it serves (an official, the armed forces, police or
intelligence, a country named as a place; a force whose state the article does not name stands for
itself); a person with no state office, the media and crowds are never parties.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from transforms.data_files import load_data
from transforms.events.agreement_lexicon import PartyWords
from transforms.events.lexicon import Phrase
from transforms.events.morphology import arabic_proclitic, arabic_variants, normalize_arabic
from transforms.events.participants import STATE_LIKE_TYPES, Participant
from transforms.events.roles import RoleReader
from transforms.events.tokens import PhraseHit, UnitTokens
from transforms.records import Actor

_WORDS = load_data("events_function_words.yaml")
COORDINATORS = frozenset({",", "and", "et", "y", "e", "&", "و", "-", "–", "/"})
HYPHENS = frozenset({"-", "–", "/"})
GENITIVES = frozenset(_WORDS["genitive_prepositions"]) | {"del"}
# Words a noun phrase may hold between its determiner and an actor's name ("the Iraqi government",
# "le ministre israélien de la Défense"); titles, capitalised words and numbers pass as well.
NP_WORDS = frozenset(_WORDS["np_skip_words"]) | frozenset(_WORDS["coordination_words"])
DETERMINERS = frozenset(
    {"the", "a", "an", "le", "la", "les", "l'", "un", "une", "el", "los", "las", "una", "unos", "unas"}
)
# Determiners and possessives that open the name's noun phrase ("its 1986 agreement", "leur accord").
NAME_DETERMINERS = DETERMINERS | frozenset(
    {"its", "their", "this", "that", "these", "those", "son", "sa", "ses", "leur", "leurs", "ce", "cet", "cette",
     "su", "sus", "este", "esta", "d'", "de", "du", "des", "of"}
)  # fmt: skip
INDEFINITES = frozenset({"a", "an", "un", "une", "una", "another"})
# Words that end a noun phrase: a clause or a complement starts ("the agreement that Japan …").
PHRASE_ENDS = frozenset(
    {"that", "which", "who", "to", "for", "in", "on", "at", "by", "from", "que", "qui", "dont", "pour", "à",
     "au", "aux", "dans", "sur", "par", "en", "para", "por", "a", "al", "con", "sin", "avec", "with", "según",
     "selon", "since", "depuis", "desde", "after", "après", "tras", "before", "avant", "antes", "الذي", "التي"}
)  # fmt: skip
PREMODIFYING_LANGUAGES = frozenset({"en"})  # adjectives and noun modifiers come before the noun
PERSONAL_TYPES = frozenset({"person"})
NEVER_PARTIES = frozenset({"media", "civilians", "place"})
STATE_AGENT_TYPES = frozenset({"military", "police"})
# POL: the actors stage codes police and intelligence services (and their officials) POL.
STATE_SECTORS = frozenset({"GOV", "MIL", "POL"})
FORCE_SECTORS = frozenset({"MIL", "POL"})
BETWEEN_REACH = 5  # words after the name within which "between/with" must come ("accord électoral négocié entre")
VERB_REACH = 12  # words between a binding verb and the name it binds ("has signed a 13 mln dlr contract")
AFTER_VERB_REACH = 6  # words between the name and a binding verb after it ("un accord-cadre signé")
OUTCOME_REACH = 8  # words between an outcome verb and the name ("abouti à la signature d'un accord de")
UNNAMED_SIDE_WORDS = 6  # "la Banque africaine de développement": a list item that is no actor
PREMODIFIER_WORDS = 2  # lower-case words between an actor and the name: "the U.S.-Japan semiconductor pact"
COMPLIANCE_REACH = 4  # words between the bound actor and its compliance word: "Japan [is in full] compliance with"
COMPLIANCE_NAME_REACH = 4  # words between the compliance word and the name: "with [the 1986 semiconductor] agreement"
CONFLICT_REACH = 3  # words between the name and the conflict word: "settlement [to the] Yemeni crisis"
JOINT_ACT_REACH = 6  # words between a joint act and the name: "reviewed [Japan's compliance with the] agreement"


@dataclass(frozen=True)
class PartyFinding:
    rule: str  # between, with, signers, agents, modifiers, signatories, two states, outcome
    actor_ids: tuple[str, ...]


@dataclass(frozen=True)
class Pair:
    """Two states the article names together ("Nigeria and Guinea"): what "the two countries" means."""

    index: int  # token index of the second one
    actor_ids: tuple[str, str]


class PartyReader:
    """The parties of the agreement mentions of one article."""

    def __init__(self, words: PartyWords, actors: Sequence[Actor]) -> None:
        self.words = words
        self.actors = actors
        self.combining = dict(words.combining_forms)
        self.pairs: list[Pair] = []

    # --- what stands for a party ------------------------------------------------------------------
    def party_of(self, actor: Actor) -> str | None:
        """The party an actor stands for: itself, its state, or none."""
        if actor.type in STATE_LIKE_TYPES:
            return actor.actor_id
        stands_for_state = (
            actor.type == "place"  # "a visit to Morocco"
            or actor.type in STATE_AGENT_TYPES
            or actor.type in PERSONAL_TYPES
            and actor.sector in STATE_SECTORS  # an official
            or actor.sector in FORCE_SECTORS  # an army, a police or intelligence service
        )
        if stands_for_state:
            state = state_actor_for(actor.country, self.actors)
            if state is not None:
                return state.actor_id
            return actor.actor_id if actor.type not in PERSONAL_TYPES | {"place"} else None
        if actor.type in PERSONAL_TYPES or actor.type in NEVER_PARTIES:
            return None
        # A political party (in government or not), a company, an armed group, an organisation.
        return actor.actor_id

    def _ids(self, participants: Sequence[Participant]) -> tuple[str, ...]:
        ids = [self.party_of(p.actor) for p in participants]
        return tuple(sorted({i for i in ids if i is not None}))

    # --- the article's pairs of states ----------------------------------------------------------
    def note_pairs(self, tokens: UnitTokens, reader: RoleReader) -> None:
        """Remember the unit's groups of exactly two states, for a later "the two countries"."""
        pool = reader.participants
        position = 0
        while position < len(pool):
            group = [pool[position]]
            while position + len(group) < len(pool) and _joined(group[-1], pool[position + len(group)], tokens):
                group.append(pool[position + len(group)])
            ids = [self.party_of(p.actor) for p in group]
            states = sorted({i for i in ids if i is not None and i.startswith("state:")})
            if len(group) == 2 and len(states) == 2:
                self.pairs.append(Pair(group[-1].start, (states[0], states[1])))
            position += len(group)

    def _pair_before(self, index: int) -> tuple[str, ...]:
        earlier = [pair for pair in self.pairs if pair.index < index]
        return earlier[-1].actor_ids if earlier else ()

    def joint_subject(self, tokens: UnitTokens, verb: PhraseHit, reader: RoleReader) -> tuple[tuple[str, ...], int]:
        """The coordinated subject of an agreeing verb and where it ends: just before the verb
        ("Nigeria and Guinea agreed to …", an auxiliary or a reflexive pronoun between), or right
        after it where subjects follow their verb ("اتفقت مصر والسعودية على …")."""
        clause_start, clause_end = tokens.clause_bounds(verb.start)
        pool = [p for p in reader.participants if clause_start <= p.start and p.end <= clause_end]
        before = [p for p in pool if p.end <= verb.start and _unmarked(reader, p)]
        group = _last_group(before, tokens)
        if group and len(tokens.word_indexes(group[-1].end, verb.start)) <= 2:
            return self._ids(group), verb.end
        if tokens.lexicon.cues.postverbal_subjects:
            group = _group_after(tokens, verb.end, clause_end, pool)
            if group and _unmarked(reader, group[0]):
                return self._ids(group), group[-1].end
        return (), verb.end

    # --- the rules ------------------------------------------------------------------------------
    def read(
        self,
        tokens: UnitTokens,
        start: int,
        end: int,
        reader: RoleReader,
        signatories: Sequence[Participant],
    ) -> list[PartyFinding]:
        """The findings for the name at tokens [start, end): explicit rules, else the fallbacks."""
        clause_start, clause_end = tokens.clause_bounds(start)
        pool = [p for p in reader.participants if clause_start <= p.start and p.end <= clause_end]
        anaphors: list[int] = []
        findings = [
            PartyFinding("between", self._between(tokens, start, end, clause_end, pool, anaphors)),
            PartyFinding("with", self._with(tokens, start, end, clause_start, clause_end, pool, reader)),
            PartyFinding(
                "signers", self._signers(tokens, start, end, clause_start, clause_end, pool, reader, anaphors)
            ),
            PartyFinding("agents", self._agents(tokens, end, clause_end, pool, reader)),
            PartyFinding("modifiers", self._modifiers(tokens, start, end, pool, reader)),
            PartyFinding("signatories", self._signatories(signatories)),
            PartyFinding("compliance", self._compliance(tokens, start, clause_start, pool, reader)),
            PartyFinding("joint acts", self._joint_acts(tokens, start, clause_start, pool, reader)),
            PartyFinding("conflict", self._conflict(tokens, end, clause_end, pool)),
        ]
        findings = [f for f in findings if f.actor_ids]
        if findings:
            return findings
        fallbacks = [PartyFinding("two states", self._pair_before(index)) for index in anaphors[:1]]
        fallbacks.append(PartyFinding("outcome", self._outcome(tokens, start, clause_start, pool)))
        return [f for f in fallbacks if f.actor_ids][:1]

    def _between(
        self, tokens: UnitTokens, start: int, end: int, clause_end: int, pool: list[Participant], anaphors: list[int]
    ) -> tuple[str, ...]:
        """ "an agreement between X and Y", "l'accord négocié entre X et Y"."""
        hit = self._word_after(tokens, self.words.between, end, clause_end)
        if hit is None:
            return ()
        anaphor = _phrase_at(tokens, tokens.lexicon.cues.dyad_anaphors, hit.end, clause_end)
        if anaphor is not None:
            anaphors.append(anaphor.start)
            return ()
        return self._ids(_group_after(tokens, hit.end, clause_end, pool, unnamed=True))

    def _with(
        self,
        tokens: UnitTokens,
        start: int,
        end: int,
        clause_start: int,
        clause_end: int,
        pool: list[Participant],
        reader: RoleReader,
    ) -> tuple[str, ...]:
        """ "a contract with the Iraqi government", "firmó con Francia un acuerdo": X, and the
        subject of the clause as the other side."""
        hit = self._word_after(tokens, self.words.with_words, end, clause_end)
        if hit is None:
            verb = self._binding_verb_before(tokens, start, clause_start)
            hits = tokens.find_all(self.words.with_words, verb.end, start) if verb is not None else []
            hit = hits[0] if hits else None
        if hit is None:
            return ()
        others = _group_after(tokens, hit.end, clause_end, pool)
        if not others:
            return ()
        # The other side of a new agreement ("a/un/una …"): the subject of its clause ("la retirada del
        # Ejército israelí se hacía en el marco de un acuerdo con Siria y Líbano"). "France criticised
        # the agreement with Iran" names an existing one, whose other side the clause does not say.
        subject: list[Participant] = []
        if _indefinite(tokens, start):
            before = [p for p in pool if p.end <= min(start, hit.start) and _unmarked(reader, p)]
            subject = _last_group(before, tokens)
            if subject and len(tokens.word_indexes(subject[-1].end, start)) > VERB_REACH:
                subject = []
        return self._ids(subject + others)

    def _signers(
        self,
        tokens: UnitTokens,
        start: int,
        end: int,
        clause_start: int,
        clause_end: int,
        pool: list[Participant],
        reader: RoleReader,
        anaphors: list[int],
    ) -> tuple[str, ...]:
        """The subject of a binding verb: "X and Y signed a pact", "ووقعت المغرب وموريتانيا على مذكرة"."""
        verb = self._binding_verb_before(tokens, start, clause_start)
        if verb is not None:
            before = [p for p in pool if p.end <= verb.start and _unmarked(reader, p)]
            group = _last_group(before, tokens)
            if group and len(tokens.word_indexes(group[-1].end, verb.start)) <= VERB_REACH:
                return self._ids(group)
            anaphor = _phrase_ending_near(tokens, tokens.lexicon.cues.dyad_anaphors, clause_start, verb.start)
            if anaphor is not None:
                anaphors.append(anaphor.start)
                return ()
            inverted = [p for p in pool if verb.end <= p.start and p.end <= start]
            group = _group_after(tokens, verb.end, start, inverted)
            return self._ids([p for p in group if _unmarked(reader, p)])
        verb = self._binding_verb_after(tokens, end, clause_end)
        if verb is None:
            return ()
        between = [p for p in pool if end <= p.start and p.end <= verb.start and _unmarked(reader, p)]
        return self._ids(_group_after(tokens, end, verb.start, between))

    def _agents(
        self, tokens: UnitTokens, end: int, clause_end: int, pool: list[Participant], reader: RoleReader
    ) -> tuple[str, ...]:
        """ "un accord-cadre signé en 2021 à Rabat par le Maroc et Israël": the agents of the verb."""
        verb = self._binding_verb_after(tokens, end, clause_end)
        if verb is None:
            return ()
        cues = tokens.lexicon.cues
        agent_words = cues.agent_prepositions | {" ".join(phrase) for phrase in cues.agent_phrases}
        after = [p for p in pool if p.start >= verb.end]
        first = next((p for p in after if reader.preposition_before(p) in agent_words), None)
        if first is None:
            return ()
        group = [first]
        for participant in after[after.index(first) + 1 :]:
            if not _joined(group[-1], participant, tokens):
                break
            group.append(participant)
        return self._ids(group)

    def _modifiers(
        self, tokens: UnitTokens, start: int, end: int, pool: list[Participant], reader: RoleReader
    ) -> tuple[str, ...]:
        """Actors glued to the name, before ("the U.S.-Japan agreement") or after it ("l'accord
        israélo-marocain"), and the combining forms of compound adjectives ("franco-allemand")."""
        group: list[Participant] = []
        before = [p for p in pool if p.end <= start]
        premodifying = tokens.lexicon.language in PREMODIFYING_LANGUAGES
        if premodifying and before and _premodifies(tokens, before[-1].end, start):
            group = _last_group(before, tokens, glue_only=True)
        after = [p for p in pool if p.start >= end]
        if after and _postmodifies(tokens, end, after[0]) and reader.preposition_before(after[0]) is None:
            trailing = [after[0]]
            for participant in after[1:]:
                if not _joined(trailing[-1], participant, tokens, glue_only=True):
                    break
                trailing.append(participant)
            group += trailing
        if not group:
            return ()
        ids = set(self._ids(group)) | self._inside_compounds(tokens, group)
        for word in _compound_pieces(tokens, start, end, group):
            state = state_actor_for(self.combining.get(word), self.actors)
            if state is not None:
                ids.add(state.actor_id)
        return tuple(sorted(ids))

    def _inside_compounds(self, tokens: UnitTokens, group: list[Participant]) -> set[str]:
        """Every actor named inside the group's hyphenated words: "U.S.-Japan" is one token that
        holds two mentions, of which the unit's participants keep one."""
        ids: set[str] = set()
        for participant in group:
            for index in range(participant.start, participant.end):
                token = tokens.token(index)
                if "-" not in token.text and "–" not in token.text:
                    continue
                first, last = token.idx, token.idx + len(token.text)
                for actor in self.actors:
                    if any(first <= m.start and m.end <= last for m in actor.mentions):
                        party = self.party_of(actor)
                        if party is not None:
                            ids.add(party)
        return ids

    def _signatories(self, signatories: Sequence[Participant]) -> tuple[str, ...]:
        """The people who signed it bind the states they serve."""
        ids = []
        for person in signatories:
            state = state_actor_for(person.actor.country, self.actors)
            if state is not None:
                ids.append(state.actor_id)
        return tuple(sorted(set(ids)))

    def _compliance(
        self, tokens: UnitTokens, start: int, clause_start: int, pool: list[Participant], reader: RoleReader
    ) -> tuple[str, ...]:
        """ "Japan's compliance with the agreement", "Peru is in full compliance with the accord",
        "Israel violated the truce": whoever keeps, breaks or leaves an agreement is bound by it.
        A negation changes nothing ("Iran did not comply with the deal": still a party)."""
        hits = [h for h in tokens.find_all(self.words.compliance, clause_start, start) if h.end <= start]
        hits = [h for h in hits if _leads_to_name(tokens, h.end, start, COMPLIANCE_NAME_REACH)]
        if not hits:
            return ()
        hit = hits[-1]
        group = _last_group([p for p in pool if p.end <= hit.start and _unmarked(reader, p)], tokens)
        if not group or not _short_gap(tokens, group[-1].end, hit.start, COMPLIANCE_REACH):
            return ()
        gap = tokens.word_indexes(group[-1].end, hit.start)
        if any(tokens.lower(i) in DETERMINERS and tokens.token(i).pos_ not in {"AUX", "VERB"} for i in gap):
            return ()  # "France held a ceremony in honor of the treaty" (not the auxiliary of "le Mali a violé")
        return self._ids(group)

    def _joint_acts(
        self, tokens: UnitTokens, start: int, clause_start: int, pool: list[Participant], reader: RoleReader
    ) -> tuple[str, ...]:
        """ "U.S. and Japanese officials reviewed Japan's compliance with the agreement", "Russia and
        China renewed their treaty": reviewing, renewing, extending or amending an agreement together
        is what its parties do. Two sides or more only: "the court reviewed the agreement" or "UN
        inspectors reviewed the deal" name a judge or a monitor, not a party."""
        hits = [h for h in tokens.find_all(self.words.joint_acts, clause_start, start) if h.end <= start]
        hits = [h for h in hits if len(tokens.word_indexes(h.end, start)) <= JOINT_ACT_REACH]
        if not hits or _crosses_punctuation(tokens, hits[-1].end, start):
            return ()
        verb = hits[-1]
        group = _last_group([p for p in pool if p.end <= verb.start and _unmarked(reader, p)], tokens)
        if not group or not _short_gap(tokens, group[-1].end, verb.start, 2):
            return ()  # "U.S. and Japanese [officials] reviewed": the subject's head noun at most
        ids = self._ids(group)
        return ids if len(ids) >= 2 else ()

    def _conflict(self, tokens: UnitTokens, end: int, clause_end: int, pool: list[Participant]) -> tuple[str, ...]:
        """ "a political settlement to the Yemeni crisis", "تسوية سياسية للأزمة اليمنية", "a truce in
        the war in Sudan": the state whose crisis or war the agreement is for, named by the adjective
        or the place right before or after the conflict word. Only states: "the Houthi conflict"
        says who fights, not which sides settle."""
        window = tokens.word_indexes(end, clause_end)[: CONFLICT_REACH + 1]
        conflict = next((i for i in window if self._conflict_word(tokens, i)), None)
        if conflict is None:
            return ()
        adjective = next((p for p in pool if p.end == conflict and p.start >= end), None)  # "the Sudanese"
        gap = [i for i in window[: window.index(conflict)] if adjective is None or i < adjective.start]
        if not all(self._link_word(tokens, i) for i in gap):
            return ()
        after = tokens.word_indexes(conflict + 1, clause_end)[:2]
        named = [
            p
            for p in pool
            if p.end == conflict  # "the Yemeni crisis"
            or after
            and p.start == after[0]  # "la crise ivoirienne", "للأزمة اليمنية"
            or len(after) == 2
            and p.start == after[1]
            and self._link_word(tokens, after[0])  # "the war in Sudan"
        ]
        ids = [self.party_of(p.actor) for p in named]
        return tuple(sorted({i for i in ids if i is not None and i.startswith("state:")}))

    def _conflict_word(self, tokens: UnitTokens, index: int) -> bool:
        return bool(self.words.conflicts & _word_forms(tokens, index))

    def _link_word(self, tokens: UnitTokens, index: int) -> bool:
        return tokens.lower(index) in self.words.conflict_links or tokens.lower(index) in DETERMINERS

    def _outcome(self, tokens: UnitTokens, start: int, clause_start: int, pool: list[Participant]) -> tuple[str, ...]:
        """ "une visite de gradés israéliens au Maroc, qui avait abouti à la signature d'un accord"."""
        hits = [h for h in tokens.find_all(self.words.outcomes, clause_start, start) if h.end <= start]
        hits = [h for h in hits if len(tokens.word_indexes(h.end, start)) <= OUTCOME_REACH]
        if not hits:
            return ()
        return self._ids([p for p in pool if p.end <= hits[-1].start])

    # --- finding the words ----------------------------------------------------------------------
    def _word_after(
        self, tokens: UnitTokens, phrases: tuple[Phrase, ...], end: int, clause_end: int
    ) -> PhraseHit | None:
        window = tokens.word_indexes(end, clause_end)[:BETWEEN_REACH]
        if not window:
            return None
        hit = tokens.find(phrases, window[0], window[-1] + 1)
        if hit is None or _crosses_punctuation(tokens, end, hit.start):
            return None
        return hit

    def _binding_verb_before(self, tokens: UnitTokens, start: int, clause_start: int) -> PhraseHit | None:
        hits = [h for h in tokens.find_all(self.words.binding_verbs, clause_start, start) if h.end <= start]
        hits = [h for h in hits if len(tokens.word_indexes(h.end, start)) <= VERB_REACH]
        hits = [h for h in hits if not _negated(tokens, h.start)]
        return hits[-1] if hits else None

    def _binding_verb_after(self, tokens: UnitTokens, end: int, clause_end: int) -> PhraseHit | None:
        window = tokens.word_indexes(end, clause_end)[:AFTER_VERB_REACH]
        if not window:
            return None
        hit = tokens.find(self.words.binding_verbs, window[0], window[-1] + 1)
        return hit if hit is not None and not _negated(tokens, hit.start) else None


# --- groups of coordinated actors --------------------------------------------------------------
def _group_after(
    tokens: UnitTokens, start: int, stop: int, pool: list[Participant], unnamed: bool = False
) -> list[Participant]:
    """The actors coordinated right after `start`: "between [the] X and Y". With `unnamed` (the
    list after "between"), sides that name no actor are skipped: "entre esta formación política y
    el PSOE", "entre la Grèce et la Banque centrale européenne, la Commission et le FMI"."""
    candidates = [p for p in pool if start <= p.start and p.end <= stop]
    if not candidates:
        return []
    gap = tokens.word_indexes(start, candidates[0].start)
    if not _np_gap(tokens, gap) and not (unnamed and _unnamed_conjuncts(tokens, gap)):
        return []
    group = [candidates[0]]
    for participant in candidates[1:]:
        if not (
            _joined(group[-1], participant, tokens) or unnamed and _joined_past_unnamed(group[-1], participant, tokens)
        ):
            break
        group.append(participant)
    return group


def _last_group(participants: list[Participant], tokens: UnitTokens, glue_only: bool = False) -> list[Participant]:
    if not participants:
        return []
    group = [participants[-1]]
    for participant in reversed(participants[:-1]):
        if not _joined(participant, group[0], tokens, glue_only):
            break
        group.insert(0, participant)
    return group


def _joined(left: Participant, right: Participant, tokens: UnitTokens, glue_only: bool = False) -> bool:
    """ "X and Y", "X, Y et Z", "le PS et les écologistes d'EELV", "U.S.-Japan", "مصر والسعودية".
    `glue_only`: only a hyphen, a slash or nothing between (the halves of a compound modifier)."""
    between = tokens.word_indexes(left.end, right.start)
    words = [tokens.lower(i) for i in between]
    if not words:
        if glue_only or tokens.lexicon.language != "ar":
            return True
        return normalize_arabic(tokens.token(right.start).text).startswith("و")
    if glue_only:
        return all(word in HYPHENS for word in words)
    if not any(word in COORDINATORS for word in words) or len(words) > 6:
        return False
    while len(words) >= 4 and words[-1] in DETERMINERS and words[-2] in GENITIVES:
        words, between = words[:-1], between[:-1]  # "de l'|UDI", "of the|…": the article after "de"
    if len(words) >= 3 and words[-1] in GENITIVES and not _is_name_word(tokens, between[-2]):
        words, between = words[:-2], between[:-2]  # "et les centristes d'|UDI": the head noun and "de"
    return all(word in NP_WORDS or word in HYPHENS or _is_name_word(tokens, i) for i, word in zip(between, words))


def _np_gap(tokens: UnitTokens, gap: list[int]) -> bool:
    """Only a determiner, a title or a name before the actor: "between [the Iraqi] government"."""
    return len(gap) <= 4 and all(
        tokens.lower(i) in NP_WORDS and tokens.lower(i) not in COORDINATORS or _is_name_word(tokens, i) for i in gap
    )


def _unnamed_conjuncts(tokens: UnitTokens, gap: list[int]) -> bool:
    """ "esta formación política y [el]": short sides that name no actor, each closed by "and" or a
    comma, before the next actor (after its determiner or title)."""
    joins = [n for n, i in enumerate(gap) if tokens.lower(i) in COORDINATORS - HYPHENS]
    if not joins or joins[0] == 0:
        return False
    sides = [gap[a + 1 : b] for a, b in zip([-1] + joins, joins)]
    return all(_unnamed_side(tokens, side) for side in sides) and _np_gap(tokens, gap[joins[-1] + 1 :])


def _unnamed_side(tokens: UnitTokens, side: list[int]) -> bool:
    """A short noun phrase that is no actor: no clause word, no verb (where there is a tagger)."""
    return 0 < len(side) <= UNNAMED_SIDE_WORDS and not any(
        tokens.lower(i) in PHRASE_ENDS or tokens.lower(i) in {";", ":"} or tokens.token(i).pos_ in {"VERB", "AUX"}
        for i in side
    )


def _joined_past_unnamed(left: Participant, right: Participant, tokens: UnitTokens) -> bool:
    """ "la Grèce et [la Banque centrale européenne], la Commission": a list item that is no actor."""
    gap = tokens.word_indexes(left.end, right.start)
    return bool(gap) and tokens.lower(gap[0]) in COORDINATORS - HYPHENS and _unnamed_conjuncts(tokens, gap[1:])


def _is_name_word(tokens: UnitTokens, index: int) -> bool:
    token = tokens.token(index)
    return token.is_title or token.is_upper or token.like_num


def _unmarked(reader: RoleReader, participant: Participant) -> bool:
    """No preposition but "of/de" before it: a subject, or the state a subject serves."""
    preposition = reader.preposition_before(participant)
    return preposition is None or preposition in GENITIVES


# --- modifiers ---------------------------------------------------------------------------------
def _premodifies(tokens: UnitTokens, actor_end: int, start: int) -> bool:
    """ "Japan's", "U.S.-Japan", "the Soviet-U.S. arms control": nothing but a possessive, a hyphen,
    a number or up to two lower-case modifiers between the actor and the name."""
    words = tokens.word_indexes(actor_end, start)
    lower_words = 0
    for index in words:
        word = tokens.lower(index)
        token = tokens.token(index)
        if word in {"'s", "’s", "'"} or word in HYPHENS or token.like_num:
            continue
        if not token.is_alpha or word in PHRASE_ENDS or word in NP_WORDS or word.endswith(("ed", "ing")):
            return False
        lower_words += 1
    return lower_words <= PREMODIFIER_WORDS


def _postmodifies(tokens: UnitTokens, end: int, actor: Participant) -> bool:
    """ "l'accord israélo-marocain", "l'accord UE-Maroc", "الاتفاق النووي الإيراني": the actor
    follows the name with at most a compound's first half or one adjective between. In Arabic an
    adjective carries the article and no clitic ("وقرار مجلس الأمن" is another noun, "للأزمة
    اليمنية" a complement)."""
    words = tokens.word_indexes(end, actor.start)
    if len(words) > 2:
        return False
    arabic = tokens.lexicon.language == "ar"
    if arabic and not _arabic_adjective(tokens.token(actor.start).text):
        return False
    for index in words:
        word = tokens.lower(index)
        if word in HYPHENS:
            continue
        token = tokens.token(index)
        if not token.is_alpha or word in PHRASE_ENDS or word in NP_WORDS or word in DETERMINERS:
            return False
        if token.pos_ and token.pos_ != "ADJ" or arabic and not _arabic_adjective(token.text):
            return False
    return True


def _arabic_adjective(word: str) -> bool:
    return normalize_arabic(word).startswith("ال") and arabic_proclitic(word) is None


def _compound_pieces(tokens: UnitTokens, start: int, end: int, group: list[Participant]) -> list[str]:
    """The lower-cased pieces of the hyphenated words next to the name ("israélo", "marocain")."""
    first = min([start] + [p.start for p in group])
    last = max([end] + [p.end for p in group])
    pieces: list[str] = []
    for index in tokens.word_indexes(first, last):
        pieces.extend(piece for piece in tokens.lower(index).replace("–", "-").split("-") if piece)
    return pieces


# --- small helpers -----------------------------------------------------------------------------
def _phrase_at(tokens: UnitTokens, phrases: tuple[Phrase, ...], start: int, stop: int) -> PhraseHit | None:
    words = tokens.word_indexes(start, stop)
    if not words:
        return None
    hit = tokens.find(phrases, words[0], stop)
    return hit if hit is not None and hit.start == words[0] else None


def _phrase_ending_near(tokens: UnitTokens, phrases: tuple[Phrase, ...], start: int, verb: int) -> PhraseHit | None:
    """ "les deux pays ont signé": a dyad anaphor at most two words before the verb."""
    hits = [h for h in tokens.find_all(phrases, start, verb) if len(tokens.word_indexes(h.end, verb)) <= 2]
    return hits[-1] if hits else None


def _indefinite(tokens: UnitTokens, start: int) -> bool:
    """ "a 13 mln dlr contract", "un acuerdo", "اتفاق" (no article): a new agreement, not one named before."""
    if tokens.lexicon.language == "ar":
        word = normalize_arabic(tokens.token(start).text)
        word = word[1:] if word[:1] in {"و", "ف"} else word
        return not word.startswith(("ال", "لل", "بال"))
    words = tokens.word_indexes(tokens.first, start)[-5:]
    for index in reversed(words):  # past modifiers: "a [13 mln dlr] contract", "un [nouvel] accord"
        word = tokens.lower(index)
        if word in INDEFINITES:
            return True
        token = tokens.token(index)
        if word in DETERMINERS or not (token.is_alpha or token.like_num) or token.is_title:
            return False
    return False


def _word_forms(tokens: UnitTokens, index: int) -> frozenset[str]:
    """The lower-cased word; in Arabic, its normalised forms without clitics ("للأزمة" -> "ازمه")."""
    if tokens.lexicon.language == "ar":
        return frozenset(arabic_variants(tokens.token(index).text))
    return frozenset({tokens.lower(index)})


def _leads_to_name(tokens: UnitTokens, end: int, start: int, reach: int) -> bool:
    """Only the name's noun phrase between a word and the name: "with [the 1986 semiconductor]
    agreement", "violated [the] truce" (no clause word, no punctuation, no verb where tagged)."""
    gap = tokens.word_indexes(end, start)
    return len(gap) <= reach and all(tokens.lower(i) in NAME_DETERMINERS or _modifier_word(tokens, i) for i in gap)


def _modifier_word(tokens: UnitTokens, index: int) -> bool:
    token = tokens.token(index)
    return (
        (token.is_alpha or token.like_num)
        and tokens.lower(index) not in PHRASE_ENDS
        and token.pos_ not in {"VERB", "AUX"}
    )


def _short_gap(tokens: UnitTokens, end: int, start: int, reach: int) -> bool:
    """At most `reach` words and no punctuation between an actor and the word after it."""
    return len(tokens.word_indexes(end, start)) <= reach and not _crosses_punctuation(tokens, end, start)


def _crosses_punctuation(tokens: UnitTokens, start: int, stop: int) -> bool:
    return any(tokens.lower(i) in {",", ";", ":", "(", ")"} for i in tokens.word_indexes(start, stop))


def _negated(tokens: UnitTokens, index: int) -> bool:
    """ "did not sign", "n'a pas signé": a negation just before the verb."""
    before = tokens.word_indexes(index - 3, index)
    return bool(before) and tokens.find(tokens.lexicon.cues.negation, before[0], index) is not None


def state_actor_for(country: str | None, actors: Sequence[Actor]) -> Actor | None:
    """The article's state actor for a country code, if the article has one."""
    if not country:
        return None
    states = [a for a in actors if a.type == "state" and a.country == country]
    return min(states, key=lambda a: a.actor_id, default=None)
