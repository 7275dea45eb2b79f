"""The event and agreement stage: one article's parse, dates and actors in; events and agreements out.

Per unit (sentence): find triggers (matching.py), code them (crosswalk.py), read roles (roles.py),
date (dating.py) and modality (modality.py). Then, per article:
  - an event stated for the future is recoded as PLOVER says (AGREE for cooperation, THREATEN for
    conflict, REJECT for a refused cooperation);
  - two triggers of one type in one sentence whose participants nest are one event mention;
  - a mention with no actor borrows them when the text points back: "les deux parties", "both
    sides" take the participants of the previous event; "cette visite", "this visit" is a new
    mention of the previous event of its type;
  - a signing trigger next to an agreement mention is that agreement's signing event; it takes the
    agreement's parties and date when its own sentence gives none;
  - a mention still without any actor is dropped: an event record says who did what to whom;
  - ids come from identity.py (the merge rule lives there).
Languages without a lexicon (`transforms/data/events_<lang>.yaml`) yield no events (see docs/events.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from spacy.tokens import Doc

from transforms import syntax
from transforms.events import arabic, spanish
from transforms.events.agreement_lexicon import AgreementLexicon, load_agreement_lexicon
from transforms.events.agreement_parties import FORCE_SECTORS
from transforms.events.agreements import (
    AgreementCluster,
    AgreementReader,
    build_agreements,
    state_actor_for,
)
from transforms.events.crosswalk import CONFLICTUAL_ACTS, COOPERATIVE_ACTS, Coding, Crosswalk
from transforms.events.dating import event_date, from_mention, from_publication
from transforms.events.drafts import EventDraft
from transforms.events.figurative import figurative_reading, other_sense
from transforms.events.identity import date_bucket, event_key, stable_id
from transforms.events.lexicon import LanguageLexicon, available_languages, load_lexicon
from transforms.events.matching import TriggerMatch, find_triggers
from transforms.events.modality import read_modality
from transforms.events.participants import Participant, unit_participants
from transforms.events.roles import RoleReader
from transforms.events.tokens import UnitTokens
from transforms.events.units import analysis_units
from transforms.records import (
    Actor,
    Agreement,
    ArticleRecord,
    DateMention,
    Event,
    Sentence,
)

SIGNING_CODE = "057"
CRITICISM_CODE = "111"
RIOT_CODE = "145"  # protest violently, riot (PLOVER PROTEST)
# Rule joint_decision: the words after "agreed" where the decision's modal may stand; a copula
# after the modal needs a participle ("would be extended"), else it describes ("would be difficult").
DECISION_REACH = 8
COPULAS = frozenset({"be", "ser"})
COPULAR_MODALS = frozenset({"será", "serán", "sería", "serían"})
IRREGULAR_PARTICIPLES = frozenset(
    {
        "built",
        "rebuilt",
        "held",
        "sent",
        "kept",
        "set",
        "made",
        "paid",
        "sold",
        "brought",
        "put",
        "cut",
        "met",
        "left",
        "begun",
        "run",
        "won",
        "lent",
        "spent",
        "shut",
        "laid",
        "led",
        "sought",
        "told",
    }
)
PARTICIPLE_ENDINGS = ("ed", "en", "ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas")  # decision_modals: en, es
# Organisations' names of this many tokens or more block triggers inside them ("Front de libération
# nationale"); shorter ones are often a title's ("Défense") that the trigger rules already handle.
# Police and armed forces are named by descriptions that may hold a trigger of their own act
# ("the riot police" are no riot, but "Liberian riot police" are no name either): never blocked.
NAMED_BODY_TYPES = frozenset({"organization", "armed_group", "media", "igo"})
NAME_WORDS_BLOCKING = 3
DEMONSTRATIVES = frozenset({"ce", "cet", "cette", "ces", "this", "these", "that", "those"})
PLURAL_DEMONSTRATIVES = frozenset({"ces", "these", "those"})


class EventExtractor:
    """Loads the crosswalk once, and each language's lexicons the first time that language is seen."""

    def __init__(self) -> None:
        self.crosswalk = Crosswalk.load()
        self.languages = available_languages()
        self._lexicons: dict[str, LanguageLexicon] = {}
        self._agreement_lexicons: dict[str, AgreementLexicon | None] = {}

    def extract(
        self,
        article: ArticleRecord,
        doc: Doc,
        sentences: Sequence[Sentence],
        dates: Sequence[DateMention],
        actors: Sequence[Actor],
    ) -> tuple[tuple[Event, ...], tuple[Agreement, ...]]:
        language = article.language.language
        if language not in self.languages:
            return (), ()
        lexicon = self.lexicon(language)
        units = [UnitTokens(unit, lexicon) for unit in analysis_units(doc, sentences)]
        participants = [unit_participants(tokens.unit, actors) for tokens in units]
        clusters = self._agreements(language, units, participants, dates, actors)
        blocked = _blocked_tokens(doc, dates, clusters, actors)
        drafts = self._drafts(units, participants, dates, article, blocked, actors)
        self._resolve_anaphora(drafts, actors)
        self._attach_signing_events(clusters, drafts, actors)
        # "Who did what to whom": a mention with no actor at all, even after the rules above,
        # is not an event record ("Un passant, touché par une balle perdue", "Les séances suivantes").
        drafts = [draft for draft in drafts if draft.actor_ids]
        self._assign_ids(drafts, article)
        self._link_signing_events(clusters, drafts)
        events = tuple(sorted((_event_record(d) for d in drafts), key=lambda e: (e.start, e.event_id)))
        agreements = tuple(
            sorted(
                (record for _, record in build_agreements(clusters, article, actors)),
                key=lambda a: (a.start, a.agreement_id),
            )
        )
        return events, agreements

    def coverage(self, language: str) -> str:
        """How far this stage reads a language: "full" (event and agreement lexicons), "partial"
        (one of them), "none" (no events, no agreements: not extracted, not "nothing happened")."""
        has_events = language in self.languages
        has_agreements = self._agreement_lexicon(language) is not None
        if has_events and has_agreements:
            return "full"
        return "partial" if has_events or has_agreements else "none"

    def lexicon(self, language: str) -> LanguageLexicon:
        if language not in self._lexicons:
            self._lexicons[language] = load_lexicon(language)
        return self._lexicons[language]

    def _agreement_lexicon(self, language: str) -> AgreementLexicon | None:
        if language not in self._agreement_lexicons:
            self._agreement_lexicons[language] = load_agreement_lexicon(language)
        return self._agreement_lexicons[language]

    # --- agreements -----------------------------------------------------------------------------
    def _agreements(
        self,
        language: str,
        units: Sequence[UnitTokens],
        participants: Sequence[Sequence[Participant]],
        dates: Sequence[DateMention],
        actors: Sequence[Actor],
    ) -> list[AgreementCluster]:
        lexicon = self._agreement_lexicon(language)
        if lexicon is None:
            return []
        return AgreementReader(lexicon).read(units, participants, dates, actors)

    # --- events, sentence by sentence -------------------------------------------------------------
    def _drafts(
        self,
        units: Sequence[UnitTokens],
        participants: Sequence[Sequence[Participant]],
        dates: Sequence[DateMention],
        article: ArticleRecord,
        blocked: frozenset[int],
        actors: Sequence[Actor],
    ) -> list[EventDraft]:
        drafts: list[EventDraft] = []
        earlier: list[Participant] = []  # actor mentions of the units before: pronouns' antecedents
        for tokens, unit_participants_ in zip(units, participants):
            matches = find_triggers(tokens, blocked)
            reader = RoleReader(tokens, unit_participants_, earlier, matches)
            earlier.extend(unit_participants_)
            restatements = self._restatements(matches)
            unit_drafts = [
                self._draft(match, tokens, reader, dates, article, actors, restatements[index])
                for index, match in enumerate(matches)
            ]
            unit_drafts = [d for d in (self._literal(d) for d in unit_drafts) if d is not None]
            if tokens.lexicon.language == "ar":  # passive casualties and shared subjects (arabic.py)
                arabic.link_drafts(unit_drafts, unit_participants_)
            if tokens.lexicon.language == "es":  # "cargaron contra X y detuvieron …" (spanish.py)
                spanish.link_drafts(unit_drafts)
            unit_drafts = [self._riot(d, actors) for d in unit_drafts]
            unit_drafts = [d for d in unit_drafts if not other_sense(d.match, tokens, unit_participants_)]
            drafts.extend(_collapse_same_event(unit_drafts))
        return drafts

    def _restatements(self, matches: Sequence[TriggerMatch]) -> list[list[TriggerMatch]]:
        """For each trigger, the other noun triggers of its sentence coding the same event type
        ("reçu … pour la première visite"): they restate its event (see roles.py)."""
        types = [self._code(match, False, False, False)[0].event_type for match in matches]
        return [
            [
                other
                for other, other_type in zip(matches, types)
                if other is not match and other.is_noun and other_type == event_type
            ]
            for match, event_type in zip(matches, types)
        ]

    def _draft(
        self,
        match: TriggerMatch,
        tokens: UnitTokens,
        reader: RoleReader,
        dates: Sequence[DateMention],
        article: ArticleRecord,
        actors: Sequence[Actor],
        restatements: Sequence[TriggerMatch] = (),
    ) -> EventDraft:
        roles = reader.roles(match, match.entry.roles, restatements)
        targets = [_state_for_place(p, actors) for p in roles.targets]
        date = event_date(match, tokens, dates, article.published)
        modality = read_modality(match, tokens)
        published = article.published.range
        if published is not None and date.start is not None and date.start > published.end:
            if not modality.past:
                # A date after publication is announced, not reported: a planned act. Unless the verb
                # says it is done ("signed", "a signé", "firmó"): then the header is the one that is early.
                modality = replace(modality, future=True)
            elif date.mention is not None and date.mention.kind == "relative_publication":
                # A done act cannot fall on a date counted forward from the publication ("has
                # resigned and will leave next month"): that date is the later act's.
                date = from_publication(article.published)
        coding, negated = self._code(
            match, modality.future, modality.conditional, modality.negated, stated=not modality.reported
        )
        return EventDraft(
            match=match,
            tokens=tokens,
            coding=coding,
            sources=_unique(p.actor_id for p in roles.sources),
            targets=_unique(targets),
            location=roles.location,
            date=date,
            modality=modality,
            negated=negated,
        )

    def _literal(self, draft: EventDraft) -> EventDraft | None:
        """Figurative triggers (figurative.py): dropped, or recoded as criticism ("attack on the policy")."""
        base_type = self._code(draft.match, False, False, False)[0].event_type
        reading = figurative_reading(draft.match, draft.tokens, base_type)
        if reading == "drop" and not _joint_decision(draft, base_type):
            return None
        if reading == "criticism":
            draft.coding = self.crosswalk.by_cameo(CRITICISM_CODE)
            draft.recoded = True
        return draft

    def _riot(self, draft: EventDraft, actors: Sequence[Actor]) -> EventDraft:
        """Violence whose doers are all crowds ("protesters stormed the office", "أحرق المتظاهرون
        ...", "los manifestantes atacaron ...") is a violent protest (CAMEO 145, PROTEST), as
        PLOVER codes riots. Verbs only: a noun's doer is read less surely (victims in "مقتل 15 شخصا"
        are no rioters); a planned, conditional or refused act keeps its coding (THREATEN, ...)."""
        kinds = {actor.actor_id: actor.type for actor in actors}
        if (
            draft.event_type == "ASSAULT"
            and draft.sources
            and not draft.recoded
            and not draft.match.is_noun
            and all(kinds.get(source) == "civilians" for source in draft.sources)
        ):
            draft.coding = self.crosswalk.by_cameo(RIOT_CODE)
            draft.recoded = True
        return draft

    def _code(
        self, match: TriggerMatch, future: bool, conditional: bool, negated: bool, stated: bool = False
    ) -> tuple[Coding, bool]:
        """The trigger's coding, recoded for future, conditional and refused acts."""
        code = match.entry.code
        if code.startswith("plover:"):
            event_type, _, mode = code.removeprefix("plover:").partition("/")
            coding = self.crosswalk.plover_only(event_type, mode or None)
        else:
            coding = self.crosswalk.by_cameo(code)
        if match.entry.mode:
            coding = replace(coding, mode=match.entry.mode)
        if future and negated and coding.event_type in COOPERATIVE_ACTS:
            return self.crosswalk.as_refusal(coding), False
        if (future or conditional) and not negated and coding.event_type in CONFLICTUAL_ACTS:
            return self.crosswalk.as_threat(coding), False
        if future and not negated and coding.event_type in COOPERATIVE_ACTS and not (stated and _scheduled(coding)):
            return self.crosswalk.as_intent(coding), False
        return coding, negated

    # --- article-level rules ------------------------------------------------------------------------
    def _resolve_anaphora(self, drafts: list[EventDraft], actors: Sequence[Actor]) -> None:
        for position, draft in enumerate(drafts):
            earlier = drafts[:position]
            if _is_demonstrative_noun(draft):
                same_type = [d for d in earlier if d.event_type == draft.event_type and d.actor_ids]
                if _is_plural_demonstrative(draft) and len({_dyad(d.same_as or d) for d in same_type}) > 1:
                    # Rule plural_restatement: "ces arrestations", "these attacks" take up every
                    # act of the type told before; when those acts have different sides, the noun
                    # has no one dyad to inherit, and it is not guessed from the latest.
                    continue
                if same_type:
                    antecedent = same_type[-1].same_as or same_type[-1]
                    draft.same_as = antecedent
                    draft.sources, draft.targets = list(antecedent.sources), list(antecedent.targets)
                    if draft.date.source != "text":
                        draft.date = antecedent.date
                    draft.inferred_actors = True
                    continue
            if draft.sources and not draft.targets and _is_possessed_noun(draft):
                # Rule possessed_restatement: "Thatcher returned from Moscow … before her visit",
                # "… to capitalise on her trip": a noun after a possessive whose doer already did
                # an act of its type, with a target, is a new mention of that act (the latest).
                told = [
                    d for d in earlier if d.event_type == draft.event_type and d.targets and d.sources == draft.sources
                ]
                if told:
                    antecedent = told[-1].same_as or told[-1]
                    draft.same_as = antecedent
                    draft.targets = list(antecedent.targets)
                    if draft.date.source != "text":
                        draft.date = antecedent.date
                    draft.inferred_actors = True
                    continue
            if draft.actor_ids:
                continue
            if _has_dyad_anaphor(draft):
                dyads = [d for d in earlier if len(d.actor_ids) >= 2]
                if dyads:
                    draft.sources = _as_states(sorted(dyads[-1].actor_ids), actors)
                    draft.inferred_actors = True

    def _attach_signing_events(
        self, clusters: Sequence[AgreementCluster], drafts: list[EventDraft], actors: Sequence[Actor]
    ) -> None:
        """A signing trigger beside an agreement mention takes the agreement's parties and date."""
        countries = {a.actor_id: a.country for a in actors}
        for cluster in clusters:
            for mention in cluster.mentions:
                signing = _nearest_signing_draft(mention.tokens, mention.start, drafts)
                if signing is None:
                    continue
                parties = cluster.party_ids()
                if not signing.sources and signing.targets and not signing.match.is_noun:
                    # "a firm signed a contract with the Iraqi government": the partner after
                    # "with" is the other side (rule with_partner), never the signer; the signer is
                    # the agreement's other party, if any, and none of the partner's own country.
                    target_countries = {countries.get(i) for i in signing.targets}
                    signing.sources = [
                        p for p in parties if p not in signing.targets and countries.get(p) not in target_countries
                    ]
                    signing.inferred_actors = bool(signing.sources)
                elif not signing.sources or signing.match.is_noun:
                    # "la signature d'un accord": a signing noun names no signer, all parties sign.
                    signing.sources, signing.targets = list(parties), []
                    signing.inferred_actors = True
                elif not signing.targets:
                    source_countries = {countries.get(i) for i in signing.sources}
                    signing.targets = [
                        p for p in parties if p not in signing.sources and countries.get(p) not in source_countries
                    ]
                if signing.date.source != "text" and mention.date is not None:
                    signing.date = from_mention(mention.date)

    def _assign_ids(self, drafts: list[EventDraft], article: ArticleRecord) -> None:
        for draft in drafts:
            if draft.same_as is not None:
                continue
            key = event_key(
                draft.event_type,
                draft.actor_ids,
                date_bucket(draft.date.start, draft.date.precision),
                draft.negated,
                article.article_id,
                draft.sentence,
            )
            draft.event_id = stable_id("ev", key)
        for draft in drafts:
            if draft.same_as is not None:
                draft.event_id = draft.same_as.event_id

    def _link_signing_events(self, clusters: Sequence[AgreementCluster], drafts: list[EventDraft]) -> None:
        for cluster in clusters:
            for mention in cluster.mentions:
                signing = _nearest_signing_draft(mention.tokens, mention.start, drafts)
                if signing is not None and cluster.signing_event_id is None:
                    cluster.signing_event_id = signing.event_id


def _scheduled(coding: Coding) -> bool:
    """Rule scheduled_meeting: a meeting, visit or talks the narrative announces ("X will visit Y
    next week", "les deux ministres se rencontreront lundi") is that meeting, planned (modality),
    as the realnews guide codes it; a future act in reported speech ("X said it would meet Y") or
    any other cooperative act announced ("Turkey will allow ...": a commitment) stays an intent
    (AGREE), as CAMEO 03x and PLOVER code it."""
    return coding.event_type == "CONSULT"


def _joint_decision(draft: EventDraft, base_type: str) -> bool:
    """Rule joint_decision: "Nigeria and Ghana agreed that the project would be extended": two
    parties or more agreeing that something will be done (a modal of `decision_modals` in the next
    words) decide it together, an agreement between them; "X and Y agreed that the tariff was too
    high" shares an opinion."""
    if base_type != "AGREE" or len(draft.sources) < 2 or draft.targets:
        return False
    tokens = draft.tokens
    _, clause_end = tokens.clause_bounds(draft.match.start)
    following = tokens.word_indexes(draft.match.end, min(draft.match.end + DECISION_REACH, clause_end))
    for position, index in enumerate(following):
        modal = tokens.lower(index)
        if modal in tokens.lexicon.cues.decision_modals:
            rest = following[position + 1 :]
            if modal in COPULAR_MODALS:  # "será ampliado" (a passive), not "será difícil"
                return bool(rest) and tokens.lower(rest[0]).endswith(PARTICIPLE_ENDINGS)
            return _modal_does(tokens, rest)
    return False


def _modal_does(tokens: UnitTokens, after: list[int]) -> bool:
    """The modal governs an act: a verb, or "be" + a participle ("would be extended"); "would be
    difficult", "will be slow" describe, and the agreement is one of opinion."""
    if not after:
        return False
    if tokens.lower(after[0]) not in COPULAS:
        return True
    participle = tokens.lower(after[1]) if len(after) > 1 else ""
    return participle.endswith(PARTICIPLE_ENDINGS) or participle in IRREGULAR_PARTICIPLES


def _blocked_tokens(
    doc: Doc, dates: Sequence[DateMention], clusters: Sequence[AgreementCluster], actors: Sequence[Actor]
) -> frozenset[int]:
    """Tokens of date expressions, agreement names and organisations' names, which never report an
    event themselves ("Front de libération nationale", "Asociación de familiares de detenidos")."""
    blocked: set[int] = set()
    for mention in dates:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            blocked.update(range(span.start, span.end))
    for cluster in clusters:
        for agreement in cluster.mentions:
            if not agreement.verbal:  # "agreed to …" stays the AGREE event it reports
                blocked.update(range(agreement.start, agreement.end))
    for actor in actors:
        if actor.type in NAMED_BODY_TYPES and actor.sector not in FORCE_SECTORS:
            for name in actor.mentions:
                span = doc.char_span(name.start, name.end, alignment_mode="expand")
                if span is not None and len(span) >= NAME_WORDS_BLOCKING:
                    blocked.update(range(span.start, span.end))
    return frozenset(blocked)


def _collapse_same_event(drafts: list[EventDraft]) -> list[EventDraft]:
    """Mentions of one type in one sentence that describe one event become one mention.

    - a noun trigger restating a verb trigger of its type ("reçu … pour la première visite",
      "co-organisé" inside "participé à l'exercice") is dropped in favour of the verb, when it
      sits in the verb's subtree (parsed languages) or after it in its clause;
    - otherwise, when one mention's participants are a subset of another's, the larger one stays,
      and of equals the one whose date is attached to it (then the nearest date) stays.
    """
    kept: list[EventDraft] = []
    for draft in sorted(drafts, key=_collapse_rank):
        twin = next((k for k in kept if k.event_type == draft.event_type and _restates(draft, k)), None)
        if twin is None:
            kept.append(draft)
        else:
            _absorb_twin(twin, draft)
    return sorted(kept, key=lambda d: d.match.start)


def _absorb_twin(kept: EventDraft, twin: EventDraft) -> None:
    """Keep what the dropped mention knew better: a date of its own, and then its trigger.

    "Le rapprochement entre le Maroc et Israël … depuis la normalisation des relations en décembre
    2020": the actors come from one noun, the date from the other; the event is where the date is.
    """
    if twin.date.source == "text" and (kept.date.source != "text" or (twin.date.attached and not kept.date.attached)):
        kept.date = twin.date
        if twin.date.attached:
            kept.match = twin.match


def _collapse_rank(draft: EventDraft) -> tuple:
    return (
        draft.match.is_noun and draft.tokens.unit.has_parse is False,
        -len(draft.actor_ids),
        draft.date.source != "text",
        not draft.date.attached,
        draft.date.distance if draft.date.distance is not None else 10**6,
        draft.match.start,
    )


def _restates(draft: EventDraft, kept: EventDraft) -> bool:
    if draft.modality.future != kept.modality.future:
        return False  # "talking to officials and will visit Britain": a past act and a planned one
    if draft.actor_ids <= kept.actor_ids:
        return True
    if not draft.match.is_noun or kept.match.is_noun:
        return False
    tokens = kept.tokens
    if tokens.unit.has_parse:
        head = tokens.token(kept.match.start)
        return any(t.i == draft.match.start for t in syntax.subtree(head))
    _, clause_end = tokens.clause_bounds(kept.match.start)
    return kept.match.end <= draft.match.start < clause_end


def _state_for_place(participant: Participant, actors: Sequence[Actor]) -> str:
    """The place a visit goes to stands for its host state, when the article names that state."""
    if participant.actor.type != "place":
        return participant.actor_id
    state = state_actor_for(participant.actor.country, actors)
    return state.actor_id if state is not None else participant.actor_id


def _as_states(actor_ids: list[str], actors: Sequence[Actor]) -> list[str]:
    """ "Les deux parties": the states of the previous event's participants, when there are two."""
    by_id = {a.actor_id: a for a in actors}
    states = []
    for actor_id in actor_ids:
        actor = by_id.get(actor_id)
        state = state_actor_for(actor.country, actors) if actor is not None else None
        states.append(state.actor_id if state is not None else actor_id)
    distinct = sorted(set(states))
    return distinct if len(distinct) >= 2 else actor_ids


def _is_demonstrative_noun(draft: EventDraft) -> bool:
    if not draft.match.is_noun:
        return False
    previous = draft.tokens.previous_word(draft.match.start)
    return previous is not None and draft.tokens.lower(previous) in DEMONSTRATIVES


def _is_plural_demonstrative(draft: EventDraft) -> bool:
    previous = draft.tokens.previous_word(draft.match.start)
    return previous is not None and draft.tokens.lower(previous) in PLURAL_DEMONSTRATIVES


def _dyad(draft: EventDraft) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return tuple(sorted(draft.sources)), tuple(sorted(draft.targets))


def _is_possessed_noun(draft: EventDraft) -> bool:
    """A noun trigger right after a possessive determiner ("her visit", "sa visite"), an
    adjective between at most ("her Soviet trip")."""
    if not draft.match.is_noun:
        return False
    tokens = draft.tokens
    possessives = tokens.lexicon.cues.possessives
    before = tokens.word_indexes(max(tokens.first, draft.match.start - 2), draft.match.start)
    return any(tokens.lower(i) in possessives for i in before)


def _has_dyad_anaphor(draft: EventDraft) -> bool:
    tokens = draft.tokens
    clause_start, _ = tokens.clause_bounds(draft.match.start)
    return tokens.find(tokens.lexicon.cues.dyad_anaphors, clause_start, draft.match.start) is not None


def _nearest_signing_draft(tokens: UnitTokens, position: int, drafts: list[EventDraft]) -> EventDraft | None:
    candidates = [d for d in drafts if d.tokens is tokens and d.coding.cameo_code == SIGNING_CODE]
    return min(candidates, key=lambda d: abs(d.match.start - position), default=None)


def _event_record(draft: EventDraft) -> Event:
    coding = draft.coding
    unit = draft.tokens.unit
    location = draft.location
    return Event(
        event_id=draft.event_id,
        event_type=coding.event_type,
        mode=coding.mode,
        context=coding.context,
        cameo_code=coding.cameo_code,
        quad_class=coding.quad_class,
        goldstein=coding.goldstein,
        sources=tuple(draft.sources),
        targets=tuple(draft.targets),
        date_start=draft.date.start,
        date_end=draft.date.end,
        date_precision=draft.date.precision,
        date_source=draft.date.source,  # type: ignore[arg-type]
        location=location.actor.name if location is not None else None,
        location_country=location.actor.country if location is not None else None,
        evidence=unit.text.strip(),
        sentence=unit.sentence,
        start=draft.char_start,
        end=draft.char_end,
        trigger=draft.trigger_text,
        negated=draft.negated,
        modality=draft.modality.label,
        reported_by=draft.modality.reported_by,
        confidence=draft.confidence,
        past_tense=draft.modality.past,
    )


def _unique(values: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for value in values:
        if value not in seen:
            seen.append(value)
    return seen
