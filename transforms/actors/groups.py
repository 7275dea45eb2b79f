"""Organisations and groups that no dictionary knows.

Two sources: capitalised names built around a head noun ("Nigerian Union of Teachers",
"Movement for the Liberation of the Northern Provinces"), and, in French, the
spaCy NER's ORG spans. The head noun gives the type (armed_group, media or organization); a
demonym or country inside the name gives the country. Names of events ("l'exercice African
Lion", "Operation Desert Storm") and spans the NER cut across lines or around common nouns
("Communiqué de l'état") are not actors.
"""

from __future__ import annotations

from transforms.actors import identity
from transforms.actors.context import GUESS, STRUCTURED, Candidate, Context
from transforms.actors.text import is_arabic

NAME_SEPARATORS = frozenset({" ", "-", "'", "’", "\u00a0"})  # what may stand between two words of one name

MAX_GROUP_WORDS = 10
PLACING_PREPOSITIONS = frozenset({"au", "aux", "à", "a", "en", "in", "at", "to", "on"})  # _placing_preposition
LEADING_ARTICLES = frozenset({"the", "le", "la", "les", "l", "el", "los", "las", "die", "der", "das"})
SECTOR_BY_TYPE = {"armed_group": "REB", "media": "MED"}


# French and Spanish write names in sentence case ("Association des leaders religieux du Mali",
# "Asociación de familiares de desaparecidos de Chile"): a capitalised head noun, lower-case words,
# then "de/du/des" and a country that closes the name. At most this many words between them.
SENTENCE_CASE_LANGUAGES = frozenset({"fr", "es"})
SENTENCE_CASE_GAP = 6
NAME_OF_WORDS = frozenset({"de", "du", "des", "d", "del"})
CLAUSE_POS = frozenset({"AUX", "PRON", "SCONJ", "CCONJ"})


def group_candidates(ctx: Context) -> list[Candidate]:
    return [*_capitalised_groups(ctx), *_sentence_case_groups(ctx), *_ner_groups(ctx)]


def _sentence_case_groups(ctx: Context) -> list[Candidate]:
    """ "l'Association des leaders religieux du Mali": a capitalised organisation head, lower-case
    words and connectors, and "de/du" + a country name ending the name (which gives its country).
    Without such a country the end of the name is a guess: no candidate."""
    if ctx.language not in SENTENCE_CASE_LANGUAGES:
        return []
    heads = ctx.lexicon.group_heads
    candidates = []
    for word in ctx.words:
        if not word.is_capitalized or heads.get((word.key,)) is None:
            continue
        end = _country_closing_name(ctx, word.index)
        if end is not None:
            candidate = _group_from_run(ctx, word.index, end, STRUCTURED, "pattern", 0.65)
            if candidate is not None:
                candidates.append(candidate)
    return candidates


def _country_closing_name(ctx: Context, head: int) -> int | None:
    """End of "<head> <lower-case words> de/du <Country>", or None. The words between are nouns and
    adjectives: a verb ("Matin a publié une enquête sur la Norvège") ends the noun phrase."""
    words = ctx.words
    index = head + 1
    while index < len(words) and index - head <= SENTENCE_CASE_GAP and _adjacent(ctx, index - 1, index):
        word = words[index]
        if word.key in NAME_OF_WORDS and index - head > 1:
            match = ctx.best_match(index + 1, ("country",))
            if match is not None and _adjacent(ctx, index, index + 1):
                return match.last
        token = ctx.token_starting_at(word.start)
        if word.is_capitalized or not word.text.isalpha() or (token is not None and _opens_a_clause(token)):
            return None
        index += 1
    return None


def _opens_a_clause(token) -> bool:  # type: ignore[no-untyped-def]
    """An auxiliary, pronoun, conjunction or finite verb: the name has ended ("nomades", tagged a
    verb by mistake, is no finite verb)."""
    return token.pos_ in CLAUSE_POS or (token.pos_ == "VERB" and "VerbForm=Fin" in str(token.morph))


def _capitalised_groups(ctx: Context) -> list[Candidate]:
    candidates = []
    index = 0
    while index < len(ctx.words):
        end = _capitalised_run(ctx, index)
        if end - index >= 2:
            candidate = _group_from_run(ctx, index, end, STRUCTURED, "pattern", 0.7)
            if candidate is not None:
                candidates.append(candidate)
            index = end
        else:
            index += 1
    return candidates


def _capitalised_run(ctx: Context, start: int) -> int:
    """End of a run of capitalised words and inner connectors starting at `start`."""
    words = ctx.words
    if not _is_capital_word(ctx, start):
        return start
    end = start + 1
    while end < len(words) and end - start < MAX_GROUP_WORDS and _adjacent(ctx, end - 1, end):
        if _is_capital_word(ctx, end):
            end += 1
        elif (
            ctx.lexicon.has("connectors", (words[end].key,))
            and end + 1 < len(words)
            and _adjacent(ctx, end, end + 1)
            and _is_capital_word(ctx, end + 1)
            and not _placing_preposition(ctx, start, end)
        ):
            end += 2
        else:
            break
    return end


def _placing_preposition(ctx: Context, start: int, connector: int) -> bool:
    """ "la comparution de Rajoy au Congrès", "Obama in Congress": a lone name word, no
    organisation head, then a preposition of place or direction says where someone is, not the
    inner connector of a name ("Secrétariat d'État au Commerce" has its head first)."""
    return (
        connector - start == 1
        and ctx.words[connector].key in PLACING_PREPOSITIONS
        and ctx.lexicon.group_heads.get((ctx.words[start].key,)) is None
    )


def _is_capital_word(ctx: Context, index: int) -> bool:
    word = ctx.words[index]
    return not is_arabic(word.text) and (word.is_capitalized or word.text.isdigit()) and len(word.text) > 0


def _group_from_run(ctx: Context, first: int, last: int, tier: int, rule: str, confidence: float) -> Candidate | None:
    while first < last and _is_leading_filler(ctx, first):
        first += 1  # "The ...", "Selon Maroc Hebdo" at the start of a sentence
    if last - first < 2 or _after_event_noun(ctx, first):
        return None
    actor_type = _head_type(ctx, first, last)
    if actor_type is None:
        return None
    if all(index in ctx.matched_words for index in range(first, last)):
        return None  # a known name (or several): the gazetteer speaks for it
    if _is_state_name(ctx, first, last):
        return None  # "Union of Myanmar", "Fédération de Russie": an official state name
    country, sector = _inner_country(ctx, first, last), SECTOR_BY_TYPE.get(actor_type)
    owner = _owner(ctx, first, last)
    if owner is not None:
        country, sector = owner.country, owner.sector
    name = ctx.surface(first, last)
    ref = identity.unknown_group(name, actor_type, country, sector)
    return Candidate(first, last, tier, ref, rule, confidence)


def _owner(ctx: Context, first: int, last: int) -> identity.ActorRef | None:
    """ "Consejo de RTVE", "comité central du PCF", "Board of the BBC": a body named after a
    dictionary organisation, outlet or party ("<head> of <name>") is part of it: its country, and
    its sector on the article's date."""
    for match in ctx.matches:
        if match.best.kind != "known" or match.last != last or match.first <= first + 1:
            continue
        before = match.first - 1
        if ctx.words[before].key in LEADING_ARTICLES and before - 1 > first:
            before -= 1  # "of the BBC"
        if not ctx.lexicon.has("connectors", (ctx.words[before].key,)):
            continue
        owner = identity.known_actor(ctx.known_actor(match), ctx.day)
        if owner.type != "person":
            return owner
    return None


def _is_leading_filler(ctx: Context, index: int) -> bool:
    key = (ctx.words[index].key,)
    return key[0] in LEADING_ARTICLES or any(
        ctx.lexicon.has(section, key) for section in ("speech_verbs", "locative", "actor_prepositions", "connectors")
    )


def _is_state_name(ctx: Context, first: int, last: int) -> bool:
    """Only state-form words, connectors and a country name or demonym."""
    has_country = False
    for index in range(first, last):
        if ctx.best_match(index, ("country", "demonym")) is not None or any(
            match.first <= index < match.last and match.best.kind in ("country", "demonym") for match in ctx.matches
        ):
            has_country = True
        elif not (ctx.is_form_word(index) or ctx.lexicon.has("connectors", (ctx.words[index].key,))):
            return False
    return has_country


def _head_type(ctx: Context, first: int, last: int) -> str | None:
    heads = ctx.lexicon.group_heads
    for index in range(first, last):
        for length in (3, 2, 1):
            if index + length <= last:
                actor_type = heads.get(ctx.keys(index, index + length))
                if actor_type is not None:
                    return actor_type
    return None


def _inner_country(ctx: Context, first: int, last: int) -> str | None:
    for index in range(first, last):
        match = ctx.best_match(index, ("demonym", "country"))
        if match is not None and match.last <= last:
            return match.best.country
    return None


def _after_event_noun(ctx: Context, first: int) -> bool:
    """ "l'exercice militaire "African Lion 2022"", "Operation Desert Storm"."""
    for start in range(max(first - 3, 0), first):
        if ctx.words[start].sentence == ctx.words[first].sentence and ctx.lexicon.has(
            "event_nouns", (ctx.words[start].key,)
        ):
            return True
    return False


def _ner_groups(ctx: Context) -> list[Candidate]:
    if ctx.doc is None or not ctx.doc.has_annotation("ENT_IOB"):
        return []
    candidates = []
    for entity in ctx.doc.ents:
        if entity.label_ != "ORG":
            continue
        span = ctx.word_span(entity.start_char, entity.end_char)
        if span is None or not _looks_like_a_name(ctx, entity, *span):
            continue
        first, last = span
        candidate = _group_from_run(ctx, first, last, GUESS, "ner", 0.6)
        if candidate is None and not _after_event_noun(ctx, first):
            name = ctx.surface(first, last)
            ref = identity.unknown_group(name, "organization", _inner_country(ctx, first, last), None)
            candidate = Candidate(first, last, GUESS, ref, "ner", 0.5)
        if candidate is not None:
            candidates.append(candidate)
    return candidates


def _looks_like_a_name(ctx: Context, entity, first: int, last: int) -> bool:  # type: ignore[no-untyped-def]
    """At least one proper noun, or a capitalised word after the first: not "Communiqué de l'état"."""
    if not ctx.words[first].is_capitalized:
        return False
    tokens = [token for token in entity if token.idx < ctx.words[last - 1].end]
    has_proper_noun = any(token.pos_ == "PROPN" for token in tokens)
    has_inner_capital = any(ctx.words[index].is_capitalized for index in range(first + 1, last))
    return has_proper_noun or has_inner_capital


def _adjacent(ctx: Context, left: int, right: int) -> bool:
    return ctx.adjacent(left, right, NAME_SEPARATORS)
