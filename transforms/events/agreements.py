"""Agreement mentions: what agreement a sentence names, who is bound, what it covers, its status.

Reading one article:
  1. find agreement names in each unit (longest name wins: "accord de coopération" over "accord");
     a generic name after a definite or demonstrative article ("l'accord prévoit…", "the deal")
     refers back to the last agreement of a compatible type named earlier in the article;
  2. read around each mention, within its unit: status cue (nearest wins), signing word, the date
     mention nearest the signing word or agreeing verb (with neither, only a date in the name: "the
     1972 ABM treaty", "l'accord du 3 mars"; never a goal, "à l'horizon 2025"), the place of signature (an actor after a locative
     preposition), signatories (people who sign: agent "par/by X" after the signing word, or
     subject before it), parties (only what the text says binds: "between X and Y", the subject
     of "signed/concluded/reached", "with X", "the U.S.-Japan pact", "l'accord franco-allemand",
     the signatories' states…; see agreement_parties.py), provisions (topics named after the
     mention), notes ("premier du genre", in the unit or opening the next one) and domain cues;
  3. merge the mentions of one agreement; if it still has a single party, add the country where it
     was signed when that differs (an agreement signed in Rabat by an Israeli minister binds
     Morocco); no other party is guessed (issue 13: the state the article mentions most was often wrong);
  4. give it a stable id (see identity.py) and emit one `Agreement` record per mention, all
     carrying the merged attributes and their own evidence sentence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Token

from transforms.events.agreement_lexicon import (
    GENERIC_TYPE,
    STATUS_ORDER,
    TYPE_DOMAINS,
    AgreementLexicon,
    Topic,
)
from transforms.events.agreement_parties import PartyFinding, PartyReader, state_actor_for
from transforms.events.dating import can_date_an_event
from transforms.events.identity import agreement_key, date_bucket, stable_id
from transforms.events.lexicon import Phrase
from transforms.events.morphology import arabic_keys
from transforms.events.participants import Participant
from transforms.events.roles import RoleReader
from transforms.events.tokens import VERB_CONTEXT_WORDS, PhraseHit, UnitTokens
from transforms.records import Actor, Agreement, ArticleRecord, DateMention

__all__ = ["AgreementCluster", "AgreementMention", "AgreementReader", "build_agreements", "state_actor_for"]

NEXT_UNIT_NOTE_WINDOW = 6
STATUS_WINDOW = 12
BINDING_NAME_REACH = 6  # words between a binding verb and a name that needs one ("signed a 13 mln dlr contract")
NAME_DATE_GAP = 8  # tokens between a date and the name it is part of: "1972 Anti-Ballistic Missile (ABM) treaty"
# Words between a name and its date after it: "l'accord du 3 mars", "the agreement of May 2021".
DATE_LINKS = frozenset({"of", "de", "du", "del", "d'"})
# Words that end the name's noun phrase before it: "signed in 2019 [a] deal" is no "2019 deal".
DATE_GAP_STOPS = frozenset({"a", "an", "the", "un", "une", "le", "la", "les", "l'", "el", "los", "las", "una", "to", "for",
                            "by", "in", "on", "at", "with", "and", "or", "that", "which", "et", "ou", "que", "y"})  # fmt: skip
APPOSITION_WORDS = frozenset({",", "(", "—", "–"})  # "Le mémorandum, accord entre …": one agreement


@dataclass
class AgreementMention:
    tokens: UnitTokens
    start: int  # token indexes
    end: int
    type: str
    participants: list[Participant]
    signing: PhraseHit | None = None
    status: str = "unknown"
    date: DateMention | None = None
    place: Participant | None = None
    signatories: list[Participant] = field(default_factory=list)
    party_ids: list[str] = field(default_factory=list)
    party_findings: list[PartyFinding] = field(default_factory=list)
    verbal: bool = False  # "X and Y agreed to …": described by its verb, not named
    provisions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    domain_words: list[str] = field(default_factory=list)
    provision_domains: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.tokens.doc[self.start : self.end].text

    @property
    def char_start(self) -> int:
        return self.tokens.token(self.start).idx

    @property
    def char_end(self) -> int:
        last = self.tokens.token(self.end - 1)
        return last.idx + len(last)


@dataclass
class AgreementCluster:
    mentions: list[AgreementMention]
    signing_event_id: str | None = None
    inferred_party_ids: list[str] = field(default_factory=list)

    @property
    def type(self) -> str:
        specific = [m.type for m in self.mentions if m.type != GENERIC_TYPE]
        return specific[0] if specific else GENERIC_TYPE

    @property
    def first(self) -> AgreementMention:
        return self.mentions[0]

    def party_ids(self) -> list[str]:
        ids = [pid for m in self.mentions for pid in m.party_ids] + self.inferred_party_ids
        return sorted(set(ids))

    def dated_mention(self) -> AgreementMention | None:
        with_date = [m for m in self.mentions if m.date is not None and m.signing is not None]
        with_date = with_date or [m for m in self.mentions if m.date is not None]
        return with_date[0] if with_date else None

    def status(self) -> str:
        return max((m.status for m in self.mentions), key=STATUS_ORDER.index)


class AgreementReader:
    """Finds and resolves the agreements of one article."""

    def __init__(self, lexicon: AgreementLexicon) -> None:
        self.lexicon = lexicon

    def read(
        self,
        units: Sequence[UnitTokens],
        participants: Sequence[Sequence[Participant]],
        dates: Sequence[DateMention],
        actors: Sequence[Actor],
    ) -> list[AgreementCluster]:
        clusters: list[AgreementCluster] = []
        previous: AgreementMention | None = None  # the mention just placed, whichever cluster took it
        party_reader = PartyReader(self.lexicon.parties, actors)
        for position, tokens in enumerate(units):
            reader = RoleReader(tokens, participants[position])
            party_reader.note_pairs(tokens, reader)
            named = self._mentions(tokens, participants[position])
            described = self._described(tokens, participants[position], named, reader, party_reader)
            for mention in sorted(named + described, key=lambda m: m.start):
                self._read_context(mention, dates, reader, party_reader)
                self._read_notes_in_next_unit(mention, units[position + 1] if position + 1 < len(units) else None)
                if previous is not None and self._in_apposition(mention, previous):
                    _absorb(previous, mention)
                    continue
                antecedent = self._antecedent(mention, clusters)
                if antecedent is not None:
                    antecedent.mentions.append(mention)
                else:
                    clusters.append(AgreementCluster([mention]))
                previous = mention
        for cluster in clusters:
            self._complete_parties(cluster, actors)
        return clusters

    # --- finding mentions ------------------------------------------------------------------------
    def _mentions(self, tokens: UnitTokens, participants: Sequence[Participant]) -> list[AgreementMention]:
        found: list[AgreementMention] = []
        taken: set[int] = set()
        keys = self._name_keys(tokens)
        for index in tokens.word_indexes(tokens.first, tokens.last):
            if index in taken:
                continue
            for agreement_type, phrase in self.lexicon.names_starting_with(keys[index]):
                end = _match_name(tokens, keys, index, phrase)
                if end is None or not self._is_agreement_word(tokens, index, agreement_type):
                    continue
                if phrase in self.lexicon.binding_names and not self._bound(tokens, index, end):
                    continue
                found.append(AgreementMention(tokens, index, end, agreement_type, list(participants)))
                taken.update(range(index, end))
                break
        return found

    def _described(
        self,
        tokens: UnitTokens,
        participants: Sequence[Participant],
        named: list[AgreementMention],
        reader: RoleReader,
        parties: PartyReader,
    ) -> list[AgreementMention]:
        """Agreements the text describes without naming them: "Nigeria and Guinea agreed to set up a
        company", "la France et l'Allemagne se sont mis d'accord pour …". Only with two or more
        parties named as the joint subject, no "that/que" right after the verb (agreeing that
        something is true is an opinion) and no agreement named after the verb in the clause
        ("agreed to a ceasefire" is that ceasefire)."""
        found: list[AgreementMention] = []
        openers = tokens.lexicon.cues.content_openers
        for hit in tokens.find_all(self.lexicon.agreeing_verbs, tokens.first, tokens.last):
            if found and hit.start < found[-1].end or _negated_at(tokens, hit.start):
                continue
            _, clause_end = tokens.clause_bounds(hit.start)
            if any(hit.end <= m.start < clause_end for m in named):
                continue
            subject, subject_end = parties.joint_subject(tokens, hit, reader)
            following = tokens.word_indexes(max(hit.end, subject_end), tokens.last)[:3]
            if len(subject) < 2 or any(tokens.lower(i) in openers for i in following):
                continue
            mention = AgreementMention(tokens, hit.start, hit.end, GENERIC_TYPE, list(participants), verbal=True)
            mention.party_findings = [PartyFinding("joint subject", subject)]
            found.append(mention)
        return found

    def _name_keys(self, tokens: UnitTokens) -> dict[int, frozenset[str]]:
        """Text and lemma of each token; for Arabic, also its clitic-free forms that are agreement
        words ("بالاتفاقيات" -> "اتفاقيات", "والمبادرة" -> "المبادرة"), which the event lexicon
        the unit was read with may not know."""
        if tokens.lexicon.language != "ar":
            return tokens.surface_keys
        vocabulary = tokens.lexicon.vocabulary | self.lexicon.vocabulary
        return {token.i: arabic_keys(token.text, vocabulary) for token in tokens.unit.span}

    def _bound(self, tokens: UnitTokens, start: int, end: int) -> bool:
        """A name that needs a binding verb ("contract"): "has signed a 13 mln dlr contract", "le
        contrat signé", never a futures contract or an employment contract named alone."""
        verbs = self.lexicon.parties.binding_verbs
        clause_start, clause_end = tokens.clause_bounds(start)
        before = tokens.word_indexes(clause_start, start)[-BINDING_NAME_REACH:]
        after = tokens.word_indexes(end, clause_end)[:3]
        for window in (before, after):
            for hit in tokens.find_all(verbs, window[0], window[-1] + 1) if window else []:
                gap = tokens.word_indexes(hit.end, start) if window is before else tokens.word_indexes(end, hit.start)
                if not _negated_at(tokens, hit.start) and not any(tokens.lower(i) in {",", ";", ":"} for i in gap):
                    return True
        return False

    def _is_agreement_word(self, tokens: UnitTokens, index: int, agreement_type: str) -> bool:
        previous = tokens.previous_word(index)
        if previous is None:
            return True
        for phrase in self.lexicon.not_after:
            start = previous - len(phrase) + 1
            if start >= tokens.first and tokens.match_at(start, phrase) == previous + 1:
                return False
        if agreement_type == GENERIC_TYPE and not tokens.token(index).pos_:
            return tokens.lower(previous) not in VERB_CONTEXT_WORDS
        if tokens.lower(previous) in {"d'", "d’"} and tokens.lower(index) == "accord":
            return False  # "être d'accord", "d'accord": agreeing in opinion, consent, never a pact
        if _read_as_verb(tokens.token(index)):
            return False  # "des rats traités au poison": the participle of "traiter", not a treaty
        return True

    def _antecedent(self, mention: AgreementMention, clusters: list[AgreementCluster]) -> AgreementCluster | None:
        """The agreement a mention names again, if it does:
        - a definite or demonstrative article before the name, or before one or two modifiers of
          it ("l'accord", "the semiconductor agreement", "del pacto firmado"): the last agreement of
          a compatible type;
        - the same specific name again ("المبادرة الخليجية" twice): that agreement."""
        tokens = mention.tokens
        if mention.verbal:
            return None
        if mention.type != GENERIC_TYPE:
            for cluster in reversed(clusters):
                if any(_same_name(m, mention) for m in cluster.mentions):
                    return cluster
        previous = tokens.previous_word(mention.start)
        for _ in range(2):  # "the [semiconductor] agreement", "the [1986 trade] deal"
            if previous is None or tokens.lower(previous) in self.lexicon.anaphoric_determiners:
                break
            token = tokens.token(previous)
            if not (token.is_alpha and token.is_lower) and not token.like_num:
                return None
            previous = tokens.previous_word(previous)
        if previous is None or tokens.lower(previous) not in self.lexicon.anaphoric_determiners:
            return None
        for cluster in reversed(clusters):
            if mention.type in (GENERIC_TYPE, cluster.type) or cluster.type == GENERIC_TYPE:
                return cluster
        return None

    def _in_apposition(self, mention: AgreementMention, before: AgreementMention) -> bool:
        """ "Le mémorandum, accord entre la Grèce et …": a generic name right after another one,
        set off by a comma, describes that one; it is not a mention of its own."""
        if before.tokens is not mention.tokens or mention.type != GENERIC_TYPE or mention.verbal:
            return False
        between = mention.tokens.word_indexes(before.end, mention.start)
        return len(between) == 1 and mention.tokens.lower(between[0]) in APPOSITION_WORDS

    # --- reading around a mention ----------------------------------------------------------------
    def _read_context(
        self, mention: AgreementMention, dates: Sequence[DateMention], reader: RoleReader, parties: PartyReader
    ) -> None:
        tokens = mention.tokens
        signing = self._nearest(tokens, self.lexicon.signing_words, mention)
        mention.signing = signing if signing is not None and not _negated_at(tokens, signing.start) else None
        mention.status = self._status(mention)
        if mention.verbal and mention.status == "unknown":
            mention.status = "signed"  # "agreed to": concluded, unless a cue says otherwise
        if mention.signing is not None or mention.verbal:
            anchor = mention.signing.start if mention.signing is not None else mention.start
            mention.date = self._date_near(tokens, anchor, dates)
        else:
            mention.date = self._date_on_name(mention, dates)
        mention.place = self._place(mention, reader)
        mention.signatories = self._signatories(mention, reader)
        if not mention.verbal:
            mention.party_findings = parties.read(tokens, mention.start, mention.end, reader, mention.signatories)
        mention.party_ids = sorted({pid for finding in mention.party_findings for pid in finding.actor_ids})
        mention.provisions = self._topics(tokens, self.lexicon.provisions, mention.start, tokens.last)
        mention.provision_domains = [
            topic.domain for topic in self.lexicon.provisions if topic.label in mention.provisions and topic.domain
        ]
        mention.notes = self._topics(tokens, self.lexicon.notes, tokens.first, tokens.last)
        mention.domain_words = self._domains_near(mention)

    def _nearest(self, tokens: UnitTokens, phrases: Sequence[Phrase], mention: AgreementMention) -> PhraseHit | None:
        hits = tokens.find_all(phrases, tokens.first, tokens.last)
        hits = [h for h in hits if abs(h.start - mention.start) <= STATUS_WINDOW]
        return min(hits, key=lambda h: (abs(h.start - mention.start), h.start), default=None)

    def _status(self, mention: AgreementMention) -> str:
        best: tuple[int, int, str] | None = None
        for status, phrases in self.lexicon.statuses:
            hit = self._nearest(mention.tokens, phrases, mention)
            if hit is None or _negated_at(mention.tokens, hit.start):
                continue
            rank = (abs(hit.start - mention.start), -STATUS_ORDER.index(status), status)
            if best is None or rank < best:
                best = rank
        return best[2] if best is not None else "unknown"

    def _date_near(self, tokens: UnitTokens, anchor: int, dates: Sequence[DateMention]) -> DateMention | None:
        """The date mention nearest the signing word (or the agreeing verb), a goal or deadline
        ("à l'horizon 2025", "by 2030") or a century left out."""
        in_unit = [d for d in dates if tokens.unit.contains(d.start, d.end) and can_date_an_event(d, tokens)]
        anchor_char = tokens.token(anchor).idx
        return min(in_unit, key=lambda d: (abs(d.start - anchor_char), d.start), default=None)

    def _date_on_name(self, mention: AgreementMention, dates: Sequence[DateMention]) -> DateMention | None:
        """With no signing word, only a date that is part of the name dates the agreement: "the 1972
        Anti-Ballistic Missile (ABM) treaty", "l'accord du 3 mars", "the agreement of May 2021".
        Any other date of the sentence dates something else ("imposed sanctions last April for
        its failure to honor a 1986 agreement": April is when the sanctions came)."""
        tokens = mention.tokens
        for date_mention in dates:
            span = tokens.doc.char_span(date_mention.start, date_mention.end, alignment_mode="expand")
            if span is None or not tokens.unit.contains(date_mention.start, date_mention.end):
                continue
            if not can_date_an_event(date_mention, tokens):
                continue
            if span.end <= mention.start and _name_modifiers(tokens, span.end, mention.start):
                return date_mention
            between = tokens.word_indexes(mention.end, span.start)
            linked = [tokens.lower(i) for i in between] or [tokens.lower(span.start)]  # "du" may open the date
            if span.start >= mention.end and len(between) <= 1 and linked[0] in DATE_LINKS:
                return date_mention  # "the agreement of May 2021"; "the agreement earlier this week" is no name
        return None

    def _place(self, mention: AgreementMention, reader: RoleReader) -> Participant | None:
        """Where it was signed: the locative actor nearest the signing word (none without one: "to
        end dumping in the U.S." says where the agreement applies, not where it was signed)."""
        if mention.signing is None:
            return None
        locatives = [
            p
            for p in reader.participants
            if p.actor.type in {"place", "state"}
            and reader.preposition_before(p) in mention.tokens.lexicon.cues.locative_prepositions
        ]
        anchor = mention.signing.start if mention.signing is not None else mention.start
        return min(locatives, key=lambda p: abs(p.start - anchor), default=None)

    def _signatories(self, mention: AgreementMention, reader: RoleReader) -> list[Participant]:
        if mention.signing is None:
            return []
        signing = mention.signing.start
        people = [p for p in reader.participants if p.actor.type == "person"]
        agents = [
            p
            for p in people
            if p.start > signing and reader.preposition_before(p) in mention.tokens.lexicon.cues.agent_prepositions
        ]
        if agents or signing > mention.start:
            return agents  # "le pacte suscrit entre …": a signing word after the name takes only its agents
        clause_start, _ = mention.tokens.clause_bounds(signing)
        return [
            p for p in people if clause_start <= p.start and p.end <= signing and reader.preposition_before(p) is None
        ]

    def _topics(self, tokens: UnitTokens, topics: Sequence[Topic], start: int, end: int) -> list[str]:
        found: list[str] = []
        for topic in topics:
            if tokens.find(topic.phrases, start, end) is not None and topic.label not in found:
                found.append(topic.label)
        return found

    def _read_notes_in_next_unit(self, mention: AgreementMention, following: UnitTokens | None) -> None:
        """ "… un accord-cadre signé … . Le premier du genre entre …": a note opening the next sentence."""
        if following is None or self._mentions(following, []):
            return
        opening = following.word_indexes(following.first, following.last)[:NEXT_UNIT_NOTE_WINDOW]
        if not opening:
            return
        for topic in self.lexicon.notes:
            hit = following.find(topic.phrases, opening[0], opening[-1] + 1)
            if hit is not None and topic.label not in mention.notes:
                mention.notes.append(topic.label)

    def _domains_near(self, mention: AgreementMention) -> list[str]:
        """Domain words in the name and just around it, then between signing word and signatory."""
        tokens = mention.tokens
        spans = [(max(tokens.first, mention.start - 2), min(tokens.last, mention.end + 4))]
        if mention.signing is not None and mention.signatories:
            spans.append((mention.signing.start, mention.signatories[-1].end))
        found: list[str] = []
        for start, end in spans:
            for domain, phrases in self.lexicon.domains:
                if tokens.find(phrases, start, end) is not None and domain not in found:
                    found.append(domain)
        return found

    # --- merging ---------------------------------------------------------------------------------
    def _complete_parties(self, cluster: AgreementCluster, actors: Sequence[Actor]) -> None:
        parties = cluster.party_ids()
        if len(parties) != 1:
            return
        inferred: list[str] = []
        places = [m.place for m in cluster.mentions if m.place is not None]
        if places:
            host = state_actor_for(places[0].actor.country, actors)
            if host is not None and host.actor_id not in parties:
                inferred.append(host.actor_id)
        # No other guess (issue 13): the state the article mentions most is often not a party
        # ("a bank loan" is not the USA's because the story names the USA); a single party stays single.
        cluster.inferred_party_ids = inferred


def _name_modifiers(tokens: UnitTokens, end: int, start: int) -> bool:
    """Only the name's own modifiers between a date and the name: "1972 [Anti-Ballistic Missile
    (ABM)] treaty", "May 2021 [trade] deal" (capitalised words, a lower-case word or two, brackets,
    hyphens), never a verb or a clause word."""
    gap = tokens.word_indexes(end, start)
    if len(gap) > NAME_DATE_GAP:
        return False
    lower = 0
    for index in gap:
        token = tokens.token(index)
        if token.text in {"(", ")", "-", "–"} or token.is_title or token.is_upper:
            continue
        if not token.is_alpha or token.pos_ in {"VERB", "AUX"} or tokens.lower(index) in DATE_GAP_STOPS:
            return False
        lower += 1
    return lower <= 2


def _read_as_verb(token: Token) -> bool:
    """The tagger reads the name word as a verb or participle ("traités" = treated, "accorde")."""
    return token.pos_ in {"VERB", "AUX"} or "VerbForm=Part" in str(token.morph)


def _match_name(tokens: UnitTokens, keys: dict[int, frozenset[str]], index: int, phrase: Phrase) -> int | None:
    """End index if the name `phrase` matches the words from `index` (whitespace skipped)."""
    position = index
    for word in phrase:
        while position < tokens.last and tokens.token(position).is_space:
            position += 1
        if position >= tokens.last or word not in keys[position]:
            return None
        position += 1
    return position


def _absorb(head: AgreementMention, apposition: AgreementMention) -> None:
    """What an apposition says about the agreement ("accord entre la Grèce et la BCE") is said of
    the name it describes."""
    head.party_findings = head.party_findings + apposition.party_findings
    head.party_ids = sorted(set(head.party_ids) | set(apposition.party_ids))
    head.status = max(head.status, apposition.status, key=STATUS_ORDER.index)
    head.provisions = _ordered_union([head.provisions, apposition.provisions])
    head.signatories = head.signatories + [p for p in apposition.signatories if p not in head.signatories]
    if head.date is None:
        head.date = apposition.date
    if head.signing is None:
        head.signing = apposition.signing


def _same_name(earlier: AgreementMention, mention: AgreementMention) -> bool:
    return earlier.type == mention.type and earlier.text.casefold() == mention.text.casefold()


def _negated_at(tokens: UnitTokens, index: int) -> bool:
    """ "did not sign", "n'a pas signé": a negation just before the cue word."""
    cues = tokens.lexicon.cues
    before = tokens.word_indexes(index - 3, index)
    if not before:
        return False
    return tokens.find(cues.negation, before[0], index) is not None


def build_agreements(
    clusters: Sequence[AgreementCluster],
    article: ArticleRecord,
    actors: Sequence[Actor],
) -> list[tuple[AgreementCluster, Agreement]]:
    """One `Agreement` record per mention, carrying its cluster's merged attributes."""
    names = {a.actor_id: a.name for a in actors}
    records: list[tuple[AgreementCluster, Agreement]] = []
    for cluster in clusters:
        agreement_id = cluster_id(cluster, article)
        dated = cluster.dated_mention()
        date = dated.date if dated is not None else None
        parties = cluster.party_ids()
        signatories = sorted({p.actor_id for m in cluster.mentions for p in m.signatories})
        place = next((m.place for m in cluster.mentions if m.place is not None), None)
        provisions = _ordered_union(m.provisions for m in cluster.mentions)
        notes = _ordered_union(m.notes for m in cluster.mentions)
        if cluster.inferred_party_ids:
            notes = notes + [
                "party inferred from context: " + ", ".join(names.get(i, i) for i in cluster.inferred_party_ids)
            ]
        domain = _domain(cluster)
        for mention in cluster.mentions:
            unit = mention.tokens.unit
            records.append(
                (
                    cluster,
                    Agreement(
                        agreement_id=agreement_id,
                        name=mention.text,
                        normalized_name=_normalized_name(cluster.type, domain, parties, names, date),
                        type=cluster.type,
                        domain=domain,
                        parties=tuple(parties),
                        signatories=tuple(signatories),
                        signed_start=date.date_start if date is not None else None,
                        signed_end=date.date_end if date is not None else None,
                        signed_precision=date.precision if date is not None else None,
                        place=place.actor.name if place is not None else None,
                        status=cluster.status(),
                        provisions=tuple(provisions),
                        notes=tuple(notes),
                        evidence=unit.text.strip(),
                        sentence=unit.sentence,
                        start=mention.char_start,
                        end=mention.char_end,
                        signing_event_id=cluster.signing_event_id,
                        confidence=agreement_confidence(cluster, mention),
                    ),
                )
            )
    return records


def agreement_confidence(cluster: AgreementCluster, mention: AgreementMention) -> float:
    """How far to trust an agreement mention, 0.05..0.95 (see agreement_mentions.confidence in
    warehouse/schema/30_events.sql): a specific name ("accord-cadre", "ceasefire") over a generic
    one ("the deal"); the parties the article names (two or more: a full agreement; none: only a
    name); a stated status, a signing word, a date, signatories. Lowered when a party was inferred
    (the country of signature), when no status word says where it stands, and when the mention is
    reported speech (", officials said", "selon …", "X said that …")."""
    score = 0.5 if cluster.type == GENERIC_TYPE else 0.6
    named_parties = {pid for m in cluster.mentions for pid in m.party_ids}
    if len(named_parties) >= 2:
        score += 0.15
    elif named_parties:
        score += 0.05
    else:
        score -= 0.2
    if cluster.inferred_party_ids:
        score -= 0.1
    if cluster.status() == "unknown":
        score -= 0.1  # no status word: whether it was signed, proposed or ended is not said
    else:
        score += 0.05
    if any(m.signing is not None for m in cluster.mentions):
        score += 0.05
    if cluster.dated_mention() is not None:
        score += 0.05
    if any(m.signatories for m in cluster.mentions):
        score += 0.05
    if _reported_at(mention):
        score -= 0.05
    return round(min(0.95, max(0.05, score)), 2)


def _reported_at(mention: AgreementMention) -> bool:
    """The sentence attributes the mention to someone: a reporting tail (", officials said",
    ", selon le communiqué") or a reporting verb before the name ("X said (that) … the deal")."""
    tokens = mention.tokens
    if tokens.reporting_tails:
        return True
    return any(tokens.is_reporting_verb(i) for i in tokens.word_indexes(tokens.first, mention.start))


def cluster_id(cluster: AgreementCluster, article: ArticleRecord) -> str:
    dated = cluster.dated_mention()
    bucket = "undated"
    if dated is not None and dated.date is not None:
        bucket = date_bucket(dated.date.date_start, dated.date.precision)
    key = agreement_key(
        cluster.type, cluster.party_ids(), bucket, article.article_id, cluster.first.tokens.unit.sentence
    )
    return stable_id("ag", key)


def _domain(cluster: AgreementCluster) -> str | None:
    words = _ordered_union(m.domain_words for m in cluster.mentions)
    if words:
        return words[0]
    provision_domains = Counter(d for m in cluster.mentions for d in m.provision_domains)
    if provision_domains:
        return min(provision_domains, key=lambda d: (-provision_domains[d], d))
    if cluster.type in TYPE_DOMAINS:
        return TYPE_DOMAINS[cluster.type]
    return None


def _normalized_name(
    agreement_type: str, domain: str | None, parties: list[str], names: dict[str, str], date: DateMention | None
) -> str:
    label = agreement_type.replace("_", " ")
    if domain and domain not in label:
        label = f"{domain} {label}"
    if parties:
        label += " " + " – ".join(sorted(names.get(p, p) for p in parties))
    if date is not None:
        label += f" ({date.value})"
    return label


def _ordered_union(lists: Iterable[Iterable[str]]) -> list[str]:
    seen: list[str] = []
    for items in lists:
        for item in items:
            if item not in seen:
                seen.append(item)
    return seen
