"""Per-language trigger lexicons and cue words, read once from `transforms/data/events_<lang>.yaml`.

Every phrase is tokenized with the same spaCy tokenizer rules the pipeline uses for that language,
so a lexicon phrase and the article text split the same way ("cessez-le-feu", "sit-in"). Words
are matched against a token's lower-cased text or lemma; for English, whose pipeline has no
lemmatizer, the inflected forms of every lexicon word are generated with lemminflect and mapped
back to the lexicon word.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import spacy
from spacy.strings import StringStore

from transforms.data_files import load_data
from transforms.events.crosswalk import DATA_DIR
from transforms.events.morphology import normalize_arabic
from transforms.events.spanish import spanish_inflections
from transforms.events.units import normalize_word, word_keys

Phrase = tuple[str, ...]
RoleScheme = Literal["directed", "reciprocal", "destination", "speaker", "experiencer"]
TriggerKind = Literal["verb", "noun"]
DEFAULT_WINDOW = 10
WORD_KEYS_CACHE_SIZE = 1 << 17  # distinct (text, lemma) pairs a lexicon remembers


@dataclass(frozen=True)
class TriggerEntry:
    """One way of reporting an event: a word or phrase, its constraints and how it is coded."""

    code: str  # CAMEO code, or "plover:TYPE/mode" for PLOVER-only events
    pattern: Phrase
    kind: TriggerKind
    with_phrases: tuple[Phrase, ...] = ()
    without_phrases: tuple[Phrase, ...] = ()
    not_after: frozenset[str] = frozenset()
    # companions read only in the passive subject ("cinq hommes ont été arrêtés"): after the verb
    # they would be anybody ("arrêté par des jeunes" is a convoy stopped by young men)
    passive_with_phrases: tuple[Phrase, ...] = ()
    not_before: frozenset[str] = frozenset()  # words right after the trigger ("arrêter de" = stop)
    # the parse gives the verb a proper-noun object ("a arrêté Peter Greste"): what a `with` word
    # would say of a common-noun object ("a arrêté trois militants"), a name says of a person
    object_name: bool = False
    window: int = DEFAULT_WINDOW
    governs: bool = False
    roles: RoleScheme = "directed"
    mode: str | None = None
    order: int = 0  # position in the lexicon file, the last tie-breaker

    @property
    def specificity(self) -> int:
        """More words and a satisfied `with` constraint make an entry more specific."""
        return len(self.pattern) + (2 if self.with_phrases else 0)


@dataclass(frozen=True)
class Cues:
    """Closed-class words and phrases the coder needs to read a clause (see the YAML header)."""

    reporting_verbs: frozenset[str]
    reporting_phrases: tuple[Phrase, ...]
    future_markers: tuple[Phrase, ...]
    conditional_markers: frozenset[str]
    negation: tuple[Phrase, ...]
    negation_particles: frozenset[str]
    proposal_markers: frozenset[str]
    passive_auxiliaries: frozenset[str]
    agent_prepositions: frozenset[str]
    locative_prepositions: frozenset[str]
    target_prepositions: frozenset[str]
    light_verbs: tuple[Phrase, ...]
    possessives: frozenset[str]
    content_markers: tuple[Phrase, ...]
    purpose_markers: tuple[Phrase, ...]
    dyad_anaphors: tuple[Phrase, ...]
    clause_breaks: frozenset[str]
    territory_prepositions: frozenset[str] = frozenset()
    # Spanish, Arabic (no tagger, no parser): see their YAML headers.
    agent_phrases: tuple[Phrase, ...] = ()  # "على يد X", "من قبل X": X is the agent
    postverbal_subjects: bool = False  # Arabic VSO: the actor right after a verb is its subject
    passive_endings: tuple[str, ...] = ("ed", "en", "wn", "ht", "lt")  # participle endings
    content_openers: frozenset[str] = frozenset({"that", "que", "qu'"})  # "said that …"
    future_prefixes: frozenset[str] = frozenset()  # Arabic "س" glued to the verb: "سيزور"
    # issue 13 (see the YAML headers): nouns whose "of/de X" complement undergoes the act, words that
    # make a combat trigger figurative, and markers of a date that is a goal, not the event's date.
    patient_genitive_nouns: frozenset[str] = frozenset()
    figurative_modifiers: tuple[Phrase, ...] = ()
    figurative_objects: tuple[Phrase, ...] = ()
    criticised_objects: tuple[Phrase, ...] = ()
    horizon_markers: tuple[Phrase, ...] = ()
    opinion_complements: tuple[Phrase, ...] = ()
    # issue 13, round 2: verbs whose direct object is the partner met or received (a thing there
    # means another sense: "reçoit la Défense", "une vidéo consultée"), and verbs whose bare
    # passive means a dismissal ("fut remerciée") unless a reason follows ("remercié pour …").
    partner_object_verbs: frozenset[str] = frozenset()
    # issue 13, round 4: verbs acting on an actor ("menacer Y"); a thing as their object or passive
    # subject is figurative ("menacer la paix", "la liberté est menacée"): no event.
    patient_object_verbs: frozenset[str] = frozenset()
    # nouns whose "de X" complement calls or initiates the act ("à l'appel de X"): X is the source
    caller_nouns: frozenset[str] = frozenset()
    # verbs of command whose object, an event noun, is the act itself ("a ordonné le retrait")
    command_verbs: frozenset[str] = frozenset()
    # verbs of undergoing ("subir une attaque"): a possessed act noun they govern is done to the
    # possessor (roles.py, rule possessed_noun_complement does not apply)
    undergo_verbs: frozenset[str] = frozenset()
    # weapons and attacks an act is done with ("tué d'un tir de X"): their "de/par" actor is the source
    instrument_nouns: frozenset[str] = frozenset()
    # phrases naming the framework an act follows ("conformément à l'accord entre X et Y"): no roles inside
    frame_markers: tuple[Phrase, ...] = ()
    partner_nouns: frozenset[str] = frozenset()
    thing_pronouns: frozenset[str] = frozenset()  # "reçoit celui de la Justice": a thing, no partner
    dismissal_passives: frozenset[str] = frozenset()
    reason_prepositions: frozenset[str] = frozenset()
    relative_pronouns: frozenset[str] = frozenset()
    first_person_pronouns: frozenset[str] = frozenset()
    # issue 13, round 3: words after a reporting verb (before the next comma) that show it opens
    # the reported clause ("…, Baker said the ministers have agreed …"), so it is no reporting tail.
    tail_content_words: frozenset[str] = frozenset()
    # a reciprocal act (meeting, call, signing) with a named subject and a named partner after the
    # trigger: the subject initiates it (source), the partner is the target ("X met Y", "X a signé
    # avec Y"); "X and Y met" stays symmetric. The convention of the realnews annotation guide.
    partner_as_target: bool = False
    # a third-person subject pronoun right before a verb trigger ("He declined …"), or a possessive
    # right before a noun trigger ("his trip"), with no actor named in its clause: the person last
    # mentioned before it is the source.
    person_pronouns: frozenset[str] = frozenset()
    person_possessives: frozenset[str] = frozenset()
    # a reporting tail's person pronoun (", he said", ", a-t-il dit"): the quotation's speaker is the
    # person named last before it (rule pronoun_speaker); person_pronouns when not given.
    speaker_pronouns: frozenset[str] = frozenset()
    # a person's office named without a name ("His defence minister was blunter. \"…,\" he said"):
    # in a sentence after the person named, the pronoun may stand for that official (pronoun_speaker)
    speaker_nouns: frozenset[str] = frozenset()
    # a possessive right before a noun trigger after "subject + verb" ("Israel accelerated its
    # withdrawal"): the act is the subject's (roles.py, rule own_act). Unparsed languages.
    subject_possessives: frozenset[str] = frozenset()
    # the verbs of rule own_act: those whose subject does the act they govern ("accelerated its
    # withdrawal", "anunció su retirada"); after another verb ("will oversee their withdrawal") the
    # possessive may stand for someone else. Empty: the rule does not apply.
    own_act_verbs: frozenset[str] = frozenset()
    # a first-person obligation before a material act ("we must fight X", rule
    # first_person_obligation): the act is still to come, announced like a future (modality.py)
    obligation_markers: tuple[Phrase, ...] = ()
    # without a parse, an actor after a noun trigger is its complement only a few words after it
    # and before any punctuation (roles.py, NOUN_COMPLEMENT_REACH).
    noun_complements_nearby: bool = False
    # issue 13, round 4 (English, no parse; see events_en.yaml): a place after a locative
    # preposition before the trigger is no candidate subject ("X spent days in Y talking to Z");
    # a clause-opening participle with these endings takes the main clause's subject ("Urging Y
    # to …, X said"); the preposition that introduces a reciprocal act's partner ("signed a
    # contract with Y"); words opening an adverbial clause that closes a governing trigger's
    # complement ("the request made after X rejected …").
    locatives_not_subjects: bool = False
    fronted_participle_endings: tuple[str, ...] = ()
    # prepositions that open a fronted non-finite clause ("After meeting Y, X said", "Tras reunirse
    # con Y, X viajó"): its verb takes the main clause's subject too (rule fronted_participle)
    fronted_openers: tuple[Phrase, ...] = ()
    partner_prepositions: frozenset[str] = frozenset()
    complement_closers: frozenset[str] = frozenset()
    # verbs whose coordinated subjects agree with each other ("X and Y agreed to …"): no target.
    joint_verbs: frozenset[str] = frozenset()
    # a verb trigger hyphenated to a lowercase modifier ("much-criticized") is an adjective whose
    # doer is not named (roles.py, rule attributive_participle)
    attributive_participles: bool = False
    # "talks here between X and Y": the dateline's town hosts (roles.py, rule dateline_host)
    here_words: frozenset[str] = frozenset()
    # "X received a phone call from Y": the caller after "from" is the source, the receiver the
    # target (roles.py, rule received_from)
    receipt_verbs: frozenset[str] = frozenset()
    from_prepositions: frozenset[str] = frozenset()
    call_nouns: tuple[Phrase, ...] = ()
    # "X and Y agreed that Z would be done": a decision together (extractor.py, rule joint_decision)
    decision_modals: frozenset[str] = frozenset()


@dataclass(frozen=True)
class LanguageLexicon:
    language: str
    entries_by_word: dict[str, tuple[TriggerEntry, ...]]
    cues: Cues
    inflections: dict[str, frozenset[str]] = field(default_factory=dict)
    future_forms: frozenset[str] = frozenset()  # inflected forms that announce (Spanish "firmará")
    vocabulary: frozenset[str] = frozenset()  # every lexicon word (Arabic clitic stripping)
    # (text id, lemma id) -> word_keys: the same words come back in every sentence of every article.
    _word_keys: dict[tuple[int, int], frozenset[str]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def word_keys(self, orth: int, lemma: int, strings: StringStore) -> frozenset[str]:
        """The lexicon keys (units.word_keys) of a token with this text and lemma, given as the
        string ids of a spaCy vocabulary (a hash of the string: the same in every pipeline), remembered."""
        found = self._word_keys.get((orth, lemma))
        if found is None:
            if len(self._word_keys) >= WORD_KEYS_CACHE_SIZE:
                self._word_keys.clear()  # a long run meets ever more words: bound the memory
            text, lemma_text = strings[orth], strings[lemma] if lemma else ""
            found = self._word_keys[(orth, lemma)] = word_keys(text, lemma_text, self.inflections)
        return found

    _candidates: dict[frozenset[str], tuple[TriggerEntry, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def candidates(self, keys: frozenset[str]) -> tuple[TriggerEntry, ...]:
        """Entries whose first pattern word is one of a token's keys, in lexicon order; remembered
        per key set (asked for every token of every unit)."""
        found = self._candidates.get(keys)
        if found is None:
            if len(self._candidates) >= WORD_KEYS_CACHE_SIZE:
                self._candidates.clear()  # a long run meets ever more words: bound the memory
            entries = {entry for key in keys for entry in self.entries_by_word.get(key, ())}
            found = self._candidates[keys] = tuple(sorted(entries, key=lambda entry: entry.order))
        return found


class PhraseTokenizer:
    """Splits lexicon phrases the way spaCy splits article text in that language."""

    def __init__(self, language: str) -> None:
        self._arabic = language == "ar"
        try:
            self._nlp = spacy.blank(language)
        except (ImportError, KeyError, ValueError):
            self._nlp = spacy.blank("xx")

    def normalize(self, word: str) -> str:
        """A cue word as tokens will read it: Arabic spellings normalised (morphology.py)."""
        return " ".join(normalize_arabic(part) for part in word.split()) if self._arabic else word

    def __call__(self, phrase: str) -> Phrase:
        words = tuple(normalize_word(token.text) for token in self._nlp.tokenizer(phrase) if not token.is_space)
        return tuple(normalize_arabic(word) for word in words) if self._arabic else words


def load_lexicon(language: str, folder: Path = DATA_DIR) -> LanguageLexicon:
    raw = load_data(folder / f"events_{language}.yaml")
    tokenize = PhraseTokenizer(language)
    entries = _entries(raw["triggers"], tokenize)
    by_word: dict[str, list[TriggerEntry]] = defaultdict(list)
    for entry in entries:
        by_word[entry.pattern[0]].append(entry)
    cues = _cues(raw.get("cues", {}), tokenize)
    future_forms: frozenset[str] = frozenset()
    if language == "en":
        inflections = english_inflections(raw)
    elif language == "es":
        inflections, future_forms = spanish_lexicon_inflections(raw)
    else:
        inflections = {}
    return LanguageLexicon(
        language=language,
        entries_by_word={word: tuple(found) for word, found in by_word.items()},
        cues=cues,
        inflections=inflections,
        future_forms=future_forms,
        vocabulary=_vocabulary(entries, cues),
    )


def _vocabulary(entries: list[TriggerEntry], cues: Cues) -> frozenset[str]:
    words: set[str] = set()
    for entry in entries:
        words.update(entry.pattern)
        for phrase in entry.with_phrases + entry.without_phrases + entry.passive_with_phrases:
            words.update(phrase)
    for value in vars(cues).values():
        if isinstance(value, frozenset):
            words.update(str(word) for word in value)
        elif isinstance(value, tuple):
            for phrase in value:
                if isinstance(phrase, tuple):
                    words.update(phrase)
    return frozenset(words)


def spanish_lexicon_inflections(raw: dict[str, Any]) -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """Spanish forms of the lexicon's verbs and nouns (see spanish.py), plus `irregular_forms`."""
    verbs, nouns = _english_vocabulary(raw)  # the same collection: every verb-like and noun-like word
    forms, future = spanish_inflections(verbs, raw.get("verb_classes"), raw.get("irregular_bases"))
    merged: dict[str, set[str]] = defaultdict(set)
    for form, lemmas in forms.items():
        merged[form].update(lemmas)
    for noun in nouns:  # plurals: "detenciones", "ataques", "acuerdos"
        if noun.endswith("ón"):
            merged[noun[:-2] + "ones"].add(noun)
        else:
            merged[noun + ("s" if noun[-1] in "aeiouáéó" else "es")].add(noun)
    for lemma, irregular in (raw.get("irregular_forms") or {}).items():
        for form in irregular:
            merged[str(form).lower()].add(str(lemma).lower())
    cleaned = {form: frozenset(lemma for lemma in lemmas if lemma != form) for form, lemmas in merged.items()}
    return {form: lemmas for form, lemmas in cleaned.items() if lemmas}, future


def available_languages(folder: Path = DATA_DIR) -> tuple[str, ...]:
    return tuple(sorted(path.stem.removeprefix("events_") for path in folder.glob("events_??.yaml")))


def _entries(raw_entries: list[dict[str, Any]], tokenize: PhraseTokenizer) -> list[TriggerEntry]:
    entries: list[TriggerEntry] = []
    for raw in raw_entries:
        code = str(raw["cameo"]) if "cameo" in raw else f"plover:{raw['plover']}"
        common = dict(
            code=code,
            with_phrases=tuple(tokenize(str(p)) for p in raw.get("with", [])),
            without_phrases=tuple(tokenize(str(p)) for p in raw.get("without", [])),
            not_after=frozenset(normalize_word(str(w)) for w in raw.get("not_after", [])),
            passive_with_phrases=tuple(tokenize(str(p)) for p in raw.get("passive_with", [])),
            not_before=frozenset(normalize_word(str(w)) for w in raw.get("not_before", [])),
            object_name=bool(raw.get("object_name", False)),
            window=int(raw.get("window", DEFAULT_WINDOW)),
            governs=bool(raw.get("governs", False)),
            roles=raw.get("roles", "directed"),
            mode=raw.get("mode"),
        )
        for kind, key in (("verb", "verbs"), ("noun", "nouns")):
            for phrase in raw.get(key, []):
                pattern = tokenize(str(phrase))
                if pattern:
                    entries.append(
                        TriggerEntry(pattern=pattern, kind=kind, order=len(entries), **common)  # type: ignore[arg-type]
                    )
    return entries


def _cues(raw: dict[str, list[str]], tokenize: PhraseTokenizer) -> Cues:
    def words(key: str) -> frozenset[str]:
        return frozenset(tokenize.normalize(str(word).lower()) for word in raw.get(key, []))

    def phrases(key: str) -> tuple[Phrase, ...]:
        return tuple(p for p in (tokenize(str(word)) for word in raw.get(key, [])) if p)

    return Cues(
        reporting_verbs=words("reporting_verbs"),
        reporting_phrases=phrases("reporting_phrases"),
        future_markers=phrases("future_markers"),
        conditional_markers=words("conditional_markers"),
        negation=phrases("negation"),
        negation_particles=words("negation_particles"),
        proposal_markers=words("proposal_markers"),
        passive_auxiliaries=words("passive_auxiliaries"),
        agent_prepositions=words("agent_prepositions"),
        locative_prepositions=words("locative_prepositions"),
        target_prepositions=words("target_prepositions"),
        light_verbs=phrases("light_verbs"),
        possessives=words("possessives"),
        content_markers=phrases("content_markers"),
        purpose_markers=phrases("purpose_markers"),
        dyad_anaphors=phrases("dyad_anaphors"),
        clause_breaks=words("clause_breaks"),
        territory_prepositions=words("territory_prepositions"),
        **_optional_cues(raw, tokenize),
        patient_genitive_nouns=words("patient_genitive_nouns"),
        figurative_modifiers=phrases("figurative_modifiers"),
        figurative_objects=phrases("figurative_objects"),
        criticised_objects=phrases("criticised_objects"),
        horizon_markers=phrases("horizon_markers"),
        opinion_complements=phrases("opinion_complements"),
        partner_object_verbs=words("partner_object_verbs"),
        patient_object_verbs=words("patient_object_verbs"),
        caller_nouns=words("caller_nouns"),
        command_verbs=words("command_verbs"),
        undergo_verbs=words("undergo_verbs"),
        instrument_nouns=words("instrument_nouns"),
        frame_markers=phrases("frame_markers"),
        fronted_openers=phrases("fronted_openers"),
        partner_nouns=words("partner_nouns"),
        thing_pronouns=words("thing_pronouns"),
        dismissal_passives=words("dismissal_passives"),
        reason_prepositions=words("reason_prepositions"),
        relative_pronouns=words("relative_pronouns"),
        first_person_pronouns=words("first_person_pronouns"),
        tail_content_words=words("tail_content_words"),
        person_pronouns=words("person_pronouns"),
        person_possessives=words("person_possessives"),
        speaker_pronouns=words("speaker_pronouns"),
        speaker_nouns=words("speaker_nouns"),
        subject_possessives=words("subject_possessives"),
        own_act_verbs=words("own_act_verbs"),
        obligation_markers=phrases("obligation_markers"),
        partner_prepositions=words("partner_prepositions"),
        complement_closers=words("complement_closers"),
        joint_verbs=words("joint_verbs"),
        here_words=words("here_words"),
        receipt_verbs=words("receipt_verbs"),
        from_prepositions=words("from_prepositions"),
        call_nouns=phrases("call_nouns"),
        decision_modals=words("decision_modals"),
    )


def _optional_cues(raw: dict[str, Any], tokenize: PhraseTokenizer) -> dict[str, Any]:
    """Cues only some languages set (Spanish, Arabic); the others keep the Cues defaults."""
    found: dict[str, Any] = {}
    if "agent_phrases" in raw:
        found["agent_phrases"] = tuple(p for p in (tokenize(str(w)) for w in raw["agent_phrases"]) if p)
    if "postverbal_subjects" in raw:
        found["postverbal_subjects"] = bool(raw["postverbal_subjects"])
    if "noun_complements_nearby" in raw:
        found["noun_complements_nearby"] = bool(raw["noun_complements_nearby"])
    if "partner_as_target" in raw:
        found["partner_as_target"] = bool(raw["partner_as_target"])
    if "locatives_not_subjects" in raw:
        found["locatives_not_subjects"] = bool(raw["locatives_not_subjects"])
    if "attributive_participles" in raw:
        found["attributive_participles"] = bool(raw["attributive_participles"])
    if "fronted_participle_endings" in raw:
        found["fronted_participle_endings"] = tuple(str(w) for w in raw["fronted_participle_endings"])
    if "passive_endings" in raw:
        found["passive_endings"] = tuple(str(w) for w in raw["passive_endings"])
    for key in ("content_openers", "future_prefixes"):
        if key in raw:
            found[key] = frozenset(p[0] for p in (tokenize(str(w)) for w in raw[key]) if p)
    return found


def english_inflections(raw: dict[str, Any]) -> dict[str, frozenset[str]]:
    """Surface form -> lexicon words it inflects, for every English word the lexicon uses."""
    from lemminflect import getAllInflections, getAllInflectionsOOV

    verbs, nouns = _english_vocabulary(raw)
    forms: dict[str, set[str]] = defaultdict(set)
    for words, upos in ((verbs, "VERB"), (nouns, "NOUN")):
        for word in words:
            inflected = getAllInflections(word, upos=upos) or getAllInflectionsOOV(word, upos=upos)
            for variants in inflected.values():
                for form in variants:
                    if form.lower() != word:
                        forms[form.lower()].add(word)
    return {form: frozenset(lemmas) for form, lemmas in forms.items()}


def _english_vocabulary(raw: dict[str, Any]) -> tuple[set[str], set[str]]:
    """Words that may be inflected: every word of verb phrases, with-words, nouns and cues."""
    verbs: set[str] = set()
    nouns: set[str] = set()
    for entry in raw["triggers"]:
        for phrase in entry.get("verbs", []):
            verbs.update(str(phrase).lower().split())
        for phrase in entry.get("nouns", []):
            nouns.update(str(phrase).lower().split())
        for phrase in list(entry.get("with", [])) + list(entry.get("without", [])):
            words = str(phrase).lower().split()
            verbs.update(words)
            nouns.update(words)
    cues = raw.get("cues", {})
    for key in (
        "reporting_verbs",
        "light_verbs",
        "proposal_markers",
        "content_markers",
        "future_markers",
        "own_act_verbs",
    ):
        for phrase in cues.get(key, []):
            verbs.update(str(phrase).lower().split())
    return {w for w in verbs if w.isalpha()}, {w for w in nouns if w.isalpha()}
