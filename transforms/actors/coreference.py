"""Within one article: short forms to full names, acronyms, "the Kingdom"; and fuzzy matching of
unknown names against the dictionary.

- "Kochavi" after "Aviv Kochavi" is Aviv Kochavi; "Ana Pastor" with "Ana Pastor García" is Ana
  Pastor García (a name that opens a longer one: given name and first surname); "B. Obama" with
  "Barack Obama" is Barack Obama (given names as initials, same surname); "Front P." after
  "Front Polisario" is the Polisario Front (same first word, matching initials).
- "Asia-Pacific Economic Cooperation (APEC)": later "APEC" is the same actor.
- A bare "le royaume" / "the Kingdom" is the monarchy most recently named before it.
- "ce pays" / "this country" / "هذا البلد" is the country of the last earlier sentence that names
  one, when that sentence names only one and the anaphor's own sentence does not name it (a bare
  "the country" has no such antecedent, so it is left).
- An unknown name close to a dictionary alias ("President Dos Sontas" ~ "dos Santos",
  "Francois Mitterand") becomes that actor (rapidfuzz, fixed threshold). Only the dictionary is
  searched, never other articles, so the result does not depend on what else is in the batch;
  see docs/actors.md for how unknown spellings meet across articles.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from rapidfuzz import fuzz, process

from transforms.actors import identity
from transforms.actors.context import GAZETTEER, Candidate, Context
from transforms.actors.identity import ActorRef
from transforms.actors.knowledge import Knowledge
from transforms.actors.text import ascii_key, is_arabic

FUZZY_PERSON_SCORE = 88.0
FUZZY_GROUP_SCORE = 92.0
FUZZY_FIRST_NAME_SCORE = 90.0  # "Francois"/"François" agree, "Donald"/"Ronald" (83) do not
MIN_FUZZY_LENGTH = 6
# Rule country_anaphor: nouns naming the State only when capitalised (French "cet État"; lowercase
# "cet état" is a condition: "cet état d'urgence").
CAPITALISED_COUNTRY_NOUNS = frozenset({"etat", "état"})


def resolve_coreference(ctx: Context, candidates: Sequence[Candidate]) -> list[Candidate]:
    candidates = [_fuzzy_to_dictionary(ctx, candidate) for candidate in candidates]
    candidates = _short_forms(candidates, ctx)
    candidates = _name_and_acronym(ctx, candidates)
    candidates = candidates + _acronym_mentions(ctx, candidates)
    candidates = candidates + _surname_mentions(ctx, candidates)
    candidates = candidates + _kingdom_mentions(ctx, candidates)
    candidates = candidates + _country_anaphor_mentions(ctx, candidates)
    return sorted(candidates, key=lambda c: (c.first, c.last))


# -- fuzzy matching against the dictionary --------------------------------------------------------
def _fuzzy_to_dictionary(ctx: Context, candidate: Candidate) -> Candidate:
    if candidate.ref.known or candidate.ref.type in ("state", "place"):
        return candidate
    name = ascii_key(candidate.ref.name)
    if len(name) < MIN_FUZZY_LENGTH:
        return candidate
    is_person = candidate.ref.type == "person"
    found = _closest_alias(ctx.knowledge, name, is_person)
    if found is None or (is_person and not _same_first_name(name, found[0])):
        return candidate
    actor = ctx.knowledge.dictionary[_alias_keys(ctx.knowledge, is_person)[1][found[2]]]
    return candidate.with_ref(
        identity.known_actor(actor, ctx.day), rule="fuzzy", confidence=round(0.5 + found[1] / 250, 2)
    )


def _same_first_name(name: str, alias: str) -> bool:
    """Two full names are one person's only if their first names agree too: "Donald Regan" is
    not "Ronald Reagan" however close the whole strings are. An initial agrees with its name
    ("F. Mitterand"); a one-word name has no first name to disagree."""
    first, other = name.split(), alias.split()
    if len(first) < 2 or len(other) < 2:
        return True
    a, b = first[0].rstrip("."), other[0].rstrip(".")
    if len(a) == 1 or len(b) == 1:
        return a[:1] == b[:1]
    return fuzz.ratio(a, b) >= FUZZY_FIRST_NAME_SCORE


@functools.lru_cache(maxsize=1 << 14)
def _closest_alias(knowledge: Knowledge, name: str, persons: bool) -> tuple[str, float, int] | None:
    """(alias key, score, position) of the dictionary alias closest to `name`, if close enough.
    Remembered: the same unknown names come back in article after article, and each look-up
    scores every alias of the dictionary."""
    cutoff = FUZZY_PERSON_SCORE if persons else FUZZY_GROUP_SCORE
    return process.extractOne(name, _alias_keys(knowledge, persons)[0], scorer=fuzz.ratio, score_cutoff=cutoff)


@functools.lru_cache(maxsize=4)
def _alias_keys(knowledge: Knowledge, persons: bool) -> tuple[list[str], list[str]]:
    """(alias keys, actor ids), sorted, for people or for everything else."""
    pairs = sorted(
        (ascii_key(alias), actor.actor_id)
        for actor in knowledge.dictionary.values()
        if (actor.type == "person") == persons
        for _, alias in actor.aliases
        if len(ascii_key(alias)) >= MIN_FUZZY_LENGTH and " " in ascii_key(alias)
    )
    return [key for key, _ in pairs], [actor_id for _, actor_id in pairs]


# -- short forms ------------------------------------------------------------------------------
def _short_forms(candidates: list[Candidate], ctx: Context) -> list[Candidate]:
    """Point short names at the full name used elsewhere in the article."""
    full_names = _full_names(ctx, candidates)
    result = []
    for candidate in candidates:
        if not candidate.ref.known and candidate.ref.type != "place":
            target = _longer_form(candidate, full_names)
            if target is not None and target.actor_id != candidate.ref.actor_id:
                candidate = candidate.with_ref(_merge(target, candidate.ref), rule="coreference")
        result.append(candidate)
    return result


def _full_names(ctx: Context, candidates: list[Candidate]) -> list[tuple[tuple[str, ...], ActorRef]]:
    """Every multi-word way an actor other than a state or place is named: canonical and as written."""
    names = set()
    refs = {}  # type: ignore[var-annotated]
    for candidate in candidates:
        if candidate.ref.type in ("state", "place"):
            continue
        refs.setdefault(candidate.ref.actor_id, candidate.ref)
        for name in (candidate.ref.name, ctx.surface(candidate.first, candidate.last)):
            words = tuple(ascii_key(name).split())
            if len(words) >= 2:
                names.add((words, candidate.ref.actor_id))
    return [(words, refs[actor_id]) for words, actor_id in sorted(names, key=lambda item: (-len(item[0]), item))]


def _longer_form(candidate: Candidate, full_names: list[tuple[tuple[str, ...], ActorRef]]) -> ActorRef | None:
    words = tuple(ascii_key(candidate.ref.name).split())
    if not words:
        return None
    is_person = candidate.ref.type == "person"
    found: dict[str, ActorRef] = {}
    for full, ref in full_names:
        if full == words or len(full) < len(words) or (ref.type == "person") != is_person:
            continue
        if is_person and len(full) > len(words) and full[-len(words) :] == words:  # "Kochavi" -> "Aviv Kochavi"
            found.setdefault(ref.actor_id, ref)
        elif is_person and len(words) >= 2 and len(full) > len(words) and full[: len(words)] == words:
            found.setdefault(ref.actor_id, ref)  # "Ana Pastor" -> "Ana Pastor García" (given name and first surname)
        elif is_person and _initialled(words, full):
            found.setdefault(ref.actor_id, ref)  # "B. Obama" -> "Barack Obama"
        elif not is_person and _abbreviates(words, full):  # "Front P" -> "Front Polisario"
            return ref
    # A surname two people of the article share ("Le Pen": Marine and Jean-Marie) is neither.
    return next(iter(found.values())) if len(found) == 1 else None


def _initialled(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """ "B. Obama" for "Barack Obama", "J-M Ayrault" for "Jean-Marc Ayrault": the same surname,
    and each given name written as its initial."""
    if len(short) < 2 or len(short) != len(full) or short[-1] != full[-1] or short == full:
        return False
    return all(word == name or (len(word) == 1 and name.startswith(word)) for word, name in zip(short[:-1], full[:-1]))


def _abbreviates(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    if short[0] != full[0] or len(short) > len(full):
        return False
    return all(full_word.startswith(word) for word, full_word in zip(short, full))


def _merge(target: ActorRef, short: ActorRef) -> ActorRef:
    """The full name's actor, keeping what the short form knew when the full one did not."""
    if target.known:
        return target
    return ActorRef(
        target.actor_id,
        target.name,
        target.type,
        target.country or short.country,
        target.sector or short.sector,
        target.known,
    )


# -- surnames alone -------------------------------------------------------------------------
def _surname_mentions(ctx: Context, candidates: list[Candidate]) -> list[Candidate]:
    """ "Later, Benali said": a lone capitalised word that is the surname of a person named in
    full elsewhere in the article."""
    claimed = {index for candidate in candidates for index in range(candidate.claim_first, candidate.claim_last)}
    surnames: dict[str, ActorRef] = {}
    shared: set[str] = set()  # surnames two people of the article bear ("Marine/Jean-Marie Le Pen")
    for candidate in candidates:
        if candidate.ref.type == "person" and candidate.last - candidate.first >= 2:
            key = ctx.words[candidate.last - 1].key
            if surnames.setdefault(key, candidate.ref).actor_id != candidate.ref.actor_id:
                shared.add(key)
    for key in shared:
        del surnames[key]
    mentions = []
    for word in ctx.words:
        ref = surnames.get(word.key)
        if ref is not None and word.index not in claimed and (word.is_capitalized or is_arabic(word.text)):
            mentions.append(Candidate(word.index, word.index + 1, GAZETTEER, ref, "coreference", 0.75))
    return mentions


# -- acronyms ---------------------------------------------------------------------------------
def _acronym_mentions(ctx: Context, candidates: list[Candidate]) -> list[Candidate]:
    """ "Asia-Pacific Economic Cooperation (APEC)" defines APEC for the rest of the article."""
    claimed = {index for candidate in candidates for index in range(candidate.claim_first, candidate.claim_last)}
    acronyms: dict[str, ActorRef] = {}
    for candidate in candidates:
        after = candidate.last
        if after < len(ctx.words) and _in_parentheses(ctx, after) and ctx.words[after].is_upper:
            if candidate.ref.type not in ("place",) and len(ctx.words[after].text) >= 2:
                acronyms.setdefault(ctx.words[after].text, candidate.ref)
    mentions = []
    for word in ctx.words:
        ref = acronyms.get(word.text)
        if ref is not None and word.index not in claimed:
            mentions.append(Candidate(word.index, word.index + 1, GAZETTEER, ref, "coreference", 0.8))
    return mentions


def _name_and_acronym(ctx: Context, candidates: list[Candidate]) -> list[Candidate]:
    """ "Nouvelle Démocratie (ND)", "Parti socialiste (PASOK)": a name and the acronym in
    parentheses right after it are one actor; when the dictionary knows one of the two and the
    other is an unknown name, the unknown one joins the known one."""
    by_first = {candidate.first: position for position, candidate in enumerate(candidates)}
    result = list(candidates)
    defined: dict[str, ActorRef] = {}
    for position, candidate in enumerate(candidates):
        after = candidate.last
        other_position = by_first.get(after)
        if other_position is None or after >= len(ctx.words) or not _in_parentheses(ctx, after):
            continue
        acronym = candidates[other_position]
        if acronym.last != after + 1 or not ctx.words[after].is_upper or len(ctx.words[after].text) < 2:
            continue
        if candidate.ref.type in ("place", "person", "state") or acronym.ref.type in ("place", "person", "state"):
            continue
        if candidate.ref.known and not acronym.ref.known:
            result[other_position] = acronym.with_ref(candidate.ref, rule="coreference")
            defined[ctx.words[after].text] = candidate.ref
        elif acronym.ref.known and not candidate.ref.known:
            result[position] = candidate.with_ref(acronym.ref, rule="coreference")
    # The acronym once defined is that actor wherever else an unknown name is written so ("ND").
    for position, candidate in enumerate(result):
        ref = defined.get(ctx.surface(candidate.first, candidate.last))
        if ref is not None and not candidate.ref.known and candidate.last - candidate.first == 1:
            result[position] = candidate.with_ref(ref, rule="coreference")
    return result


def _in_parentheses(ctx: Context, index: int) -> bool:
    before = ctx.text[ctx.words[index - 1].end : ctx.words[index].start]
    return before.strip() == "("


# -- "the Kingdom" --------------------------------------------------------------------------------
def _kingdom_mentions(ctx: Context, candidates: list[Candidate]) -> list[Candidate]:
    claimed = {index for candidate in candidates for index in range(candidate.claim_first, candidate.claim_last)}
    kingdoms = [
        candidate
        for candidate in candidates
        if candidate.ref.type in ("state", "place")
        and candidate.ref.country in ctx.knowledge.countries
        and ctx.knowledge.countries[candidate.ref.country].is_kingdom
    ]
    mentions = []
    for word in ctx.words:
        if word.index in claimed or not ctx.lexicon.has("kingdom_words", (word.key,)):
            continue
        if word.index + 1 < len(ctx.words) and ctx.words[word.index + 1].key in (
            "of",
            "de",
            "du",
            "d",
            "del",
            "uni",
            "unido",
            "united",
        ):
            continue
        before = [candidate for candidate in kingdoms if candidate.last <= word.index]
        if not before:
            continue
        iso3 = before[-1].ref.country
        ref = identity.state(ctx.knowledge, iso3)  # type: ignore[arg-type]
        mentions.append(Candidate(word.index, word.index + 1, GAZETTEER, ref, "coreference", 0.6))
    return mentions


def _country_anaphor_mentions(ctx: Context, candidates: list[Candidate]) -> list[Candidate]:
    """Rule country_anaphor: "Les troupes ont quitté l'Afghanistan ... dans ce pays": the
    demonstrative phrase is the country (or the city's country) of the last earlier sentence
    naming one, if it names only one. A country its own sentence names is never the antecedent:
    "les forces françaises dans ce pays" cannot be France, whichever country came last."""
    claimed = {index for candidate in candidates for index in range(candidate.claim_first, candidate.claim_last)}
    countries = [c for c in candidates if c.ref.type in ("state", "place") and c.ref.country in ctx.knowledge.countries]
    mentions = []
    for word in ctx.words[:-1]:
        if claimed & {word.index, word.index + 1}:
            continue
        if not ctx.lexicon.has("country_anaphors", (word.key, ctx.words[word.index + 1].key)):
            continue
        noun = ctx.words[word.index + 1]
        if noun.key in CAPITALISED_COUNTRY_NOUNS and not noun.is_capitalized:
            continue  # "cet état d'urgence", "cet état de fait": a condition; the State is "cet État"
        in_sentence = {c.ref.country for c in candidates if ctx.words[c.first].sentence == word.sentence}
        before = [
            c for c in countries if ctx.words[c.first].sentence < word.sentence and c.ref.country not in in_sentence
        ]
        antecedent = _sole_country_of_last_sentence(ctx, before)
        if antecedent is not None:
            ref = identity.state(ctx.knowledge, antecedent)
            mentions.append(Candidate(word.index, word.index + 2, GAZETTEER, ref, "coreference", 0.6))
    return mentions


def _sole_country_of_last_sentence(ctx: Context, before: list[Candidate]) -> str | None:
    """The country the last sentence naming one (before the anaphor) names, if it names only one.
    "Le Mali a expulsé l'ambassadeur de France. Ce pays accuse …", "… ont quitté le Mali, selon un
    communiqué publié à Paris. Ce pays …": with two countries there, either may be meant: no guess."""
    if not before:
        return None
    last = max(ctx.words[c.first].sentence for c in before)
    named = {c.ref.country for c in before if ctx.words[c.first].sentence == last}
    return named.pop() if len(named) == 1 else None
