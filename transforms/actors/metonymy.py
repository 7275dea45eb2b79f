"""Place or actor? How a country or capital name is read in its sentence.

"signé à Rabat", "in Norway", "the north of Syria" are places; "entre Rabat et Tel-Aviv",
"Washington a salué", "won by Switzerland", "Israel's government" are the state acting
(metonymy). Non-capital cities are always places. The decision reads cue words around the name
(transforms/data/actors_lexicon.yaml: locative, place_nouns, actor_prepositions, actor_nouns),
the French parse where there is one, and coordination ("Rabat et Tel-Aviv" share one reading).
Without any cue a country or capital name is read as the state: in news a bare country or
capital is mostly the actor ("la défiance de l'Algérie").
"""

from __future__ import annotations

from collections.abc import Sequence

from transforms import syntax
from transforms.actors import identity
from transforms.actors.context import Candidate, Context
from transforms.actors.identity import ActorRef
from transforms.data_files import load_data

# Word lists (transforms/data/actors_function_words.yaml): articles and place adjectives between a cue
# and the name (per language, "en" for the others), coordinators, "of" words, and the English verbs,
# adverbs and function words read after a subject ("Israel has", "Mexico first won").
_WORDS = load_data("actors_function_words.yaml")
DETERMINERS: dict[str, frozenset[str]] = {
    language: frozenset(words) for language, words in _WORDS["determiners"].items()
}
COORDINATORS: frozenset[str] = frozenset(_WORDS["coordinators"])
OF_WORDS: frozenset[str] = frozenset(_WORDS["of_words"])
ENGLISH_VERBS: frozenset[str] = frozenset(_WORDS["english_verbs"])
ENGLISH_ADVERBS: frozenset[str] = frozenset(_WORDS["english_adverbs"])
FRENCH_ACTOR_DEPS = frozenset({"nsubj", "nsubj:pass", "obj", "obl:agent", "iobj"})
ENGLISH_FUNCTION_WORDS: frozenset[str] = frozenset(_WORDS["english_function_words"])
MOTION_TO: frozenset[str] = frozenset(_WORDS["english_motion_to"])
DEPARTURE_FOR: frozenset[str] = frozenset(_WORDS["english_departure_for"])
COMPASS_POINTS: frozenset[str] = frozenset(_WORDS["compass_points"])
PLACE_DESCRIPTIONS: frozenset[str] = frozenset(_WORDS["english_place_descriptions"])
COPULAS = frozenset({"is", "was", "are", "were"})
ARTICLES = frozenset({"a", "an", "the"})
# How far back a verb of moving may stand from its "to"/"for" ("he accompanied him in 1554 to Italy").
MOTION_WINDOW = 5
# How many words of a possessed noun phrase are read ("Ghana's main mineral exports").
POSSESSED_WORDS = 5
# A possessed noun phrase ends at a function word or a verb, but "only" stays inside it ("Peru's only
# goal").
POSSESSED_STOPS = (ENGLISH_FUNCTION_WORDS | ENGLISH_VERBS) - {"only"}


def read_toponyms(ctx: Context, candidates: Sequence[Candidate]) -> list[Candidate]:
    """Candidates with every toponym resolved to its place or to the acting state."""
    readings: dict[int, bool] = {}  # last word index of each toponym read so far -> acts
    result = []
    for candidate in candidates:  # in text order, so coordination can look back
        if candidate.toponym is None or candidate.ref.type != "place":
            result.append(candidate)
            continue
        acts = _acts(ctx, candidate, readings)
        readings[candidate.last] = acts
        if acts:
            ref = _acting_seat(ctx, candidate)
            rule = "metonymy" if candidate.toponym.city else candidate.rule
            candidate = candidate.with_ref(ref, rule=rule)
        result.append(candidate)
    return result


def _acting_seat(ctx: Context, candidate: Candidate) -> ActorRef:
    """The actor an acting country or capital stands for: its state, or the institution seated
    there ("Bruxelles a salué": the European Union; `institution_seats` of actors_seats.yaml) when
    the name heads its noun phrase — "Brussels police", "the Brussels prosecutor" are the city's."""
    toponym = candidate.toponym
    assert toponym is not None
    seated = ctx.knowledge.institution_seat(toponym.country, toponym.city) if toponym.city else None
    if seated is not None and seated in ctx.knowledge.dictionary and not _modifies_a_noun(ctx, candidate.last):
        return identity.known_actor(ctx.knowledge.dictionary[seated], None)
    return identity.state(ctx.knowledge, toponym.country)


def _modifies_a_noun(ctx: Context, after: int) -> bool:
    """A lower-case word right after the name that is no verb: the name qualifies it ("Brussels
    police", "Brussels prosecutor"). English only: French and Spanish put such a name after its noun."""
    if ctx.language != "en" or after >= len(ctx.words) or not ctx.same_sentence(after - 1, after):
        return False
    word = ctx.words[after]
    if not word.is_lower or ctx.text[ctx.words[after - 1].end : word.start] != " ":
        return False
    if word.key in CITY_QUALIFIED_NOUNS:
        return True  # "Brussels prosecutors": a plural noun, which the ending test below would miss
    return word.key not in ENGLISH_VERBS and word.key not in ENGLISH_ADVERBS and not word.key.endswith(("ed", "s"))


# Nouns a city name often qualifies in English ("Brussels police", "the Paris prosecutors").
CITY_QUALIFIED_NOUNS = frozenset(
    {
        "police",
        "prosecutor",
        "prosecutors",
        "court",
        "courts",
        "airport",
        "mayor",
        "council",
        "attacks",
        "bombings",
        "metro",
        "municipality",
        "residents",
        "office",
        "bureau",
        "correspondent",
    }
)


def _acts(ctx: Context, candidate: Candidate, readings: dict[int, bool]) -> bool:
    if not candidate.toponym.is_seat:  # type: ignore[union-attr]
        return False
    if _compass_after(ctx, candidate.last):
        return False  # "bordered by Lebanon and Syria to the north": placed on a map
    coordinated = _coordinated_with(ctx, candidate.first, readings)
    if coordinated is not None:
        return coordinated
    cue = _cue(ctx, candidate)
    return True if cue is None else cue


def _cue(ctx: Context, candidate: Candidate) -> bool | None:
    possessive = _possessive(ctx, candidate)
    if possessive is not None:
        return possessive
    before = _skip_determiners_back(ctx, candidate.first)
    before = _skip_coordinated_names_back(ctx, before)
    place_cue = ctx.phrase_ending_at(before, "locative")
    actor_cue = ctx.phrase_ending_at(before, "actor_prepositions")
    if (actor_cue is None or actor_cue == before - 1) and _is_destination(ctx, before):
        return False  # not after a longer actor phrase ("lost to", "sold to")
    if place_cue is not None or actor_cue is not None:
        # The longer cue wins: "independence from" (actor) over "from" (place).
        return actor_cue is not None and (place_cue is None or actor_cue < place_cue)
    genitive = _after_genitive(ctx, candidate, before)
    if genitive is not None:
        return genitive
    if _in_address(ctx, candidate.first):
        return False
    after = _reading_after(ctx, candidate)
    if after is not None:
        return after
    return _french_dependency(ctx, candidate)


def _possessive(ctx: Context, candidate: Candidate) -> bool | None:
    """ "in Italy's squad", "of China's total gold production": a possessor is a determiner of the
    noun phrase after it, so the preposition before it says nothing of it; the possessed noun
    decides ("Ghana's main exports" acts, "Canada's natural areas" is a place). English only."""
    words = ctx.words
    after = candidate.last
    if ctx.language != "en" or after >= len(words) or words[after].sentence != words[after - 1].sentence:
        return None
    gap = ctx.text[words[after - 1].end : words[after].start]
    if words[after].key == "s" and gap in ("'", "’") and after + 1 < len(words):
        return _possessed_acts(ctx, after + 1) is True  # "Israel's"
    if gap in ("' ", "’ ") and words[after - 1].key.endswith("s"):
        return _possessed_acts(ctx, after)  # "the Philippines' delegation"; unknown: no cue
    return None


def _possessed_acts(ctx: Context, start: int) -> bool | None:
    """Whether the noun phrase from `start` (up to a function word, a verb or punctuation) names an
    act or an actor of its possessor (True), a part of a place (False), or neither (None)."""
    words = ctx.words
    for index in range(start, min(start + POSSESSED_WORDS, len(words))):
        word = words[index]
        if word.sentence != words[start].sentence or word.key in POSSESSED_STOPS:
            break  # "Chile's coastlines will ...": "will" is the verb, not the noun
        if index > start and ctx.text[words[index - 1].end : word.start].strip(" -") != "":
            break
        if ctx.phrase_starting_at(index, "place_nouns") is not None:
            return False
        if _is_actor_word(ctx, index) or ctx.phrase_starting_at(index, "actor_nouns") is not None:
            return True
    return None


def _is_destination(ctx: Context, before: int) -> bool:
    """ "came back to London", "an emigrant to the United States", "moved from Prague to Vienna",
    "left Chile for Australia": "to"/"for" ending a movement names where one went. A verb of
    moving (or "from <Place>") stands a few words back, with no punctuation between."""
    words = ctx.words
    if before < 2 or ctx.language != "en":
        return False
    preposition = words[before - 1].key
    if preposition not in ("to", "for"):
        return False
    movers = MOTION_TO if preposition == "to" else DEPARTURE_FOR
    index = before - 2
    while index >= 0 and before - 1 - index <= MOTION_WINDOW:
        if words[index].sentence != words[before - 1].sentence:
            return False
        if ctx.text[words[index].end : words[index + 1].start].strip() != "":
            return False  # punctuation: another clause
        if words[index].key in movers:
            return True
        if preposition == "to" and words[index].key == "from" and words[index + 1].is_capitalized:
            return True  # "from Prague to Vienna"
        index -= 1
    return False


def _compass_after(ctx: Context, last: int) -> bool:
    """ "Guyana to the west", "Turkey to the north": a name placed by a point of the compass."""
    words = ctx.words
    if ctx.language != "en" or last + 2 >= len(words) or words[last + 2].sentence != words[last - 1].sentence:
        return False
    return (
        words[last].key == "to"
        and words[last + 1].key == "the"
        and words[last + 2].key in COMPASS_POINTS
        and ctx.text[words[last - 1].end : words[last].start] == " "
    )


def _skip_determiners_back(ctx: Context, first: int) -> int:
    determiners = DETERMINERS.get(ctx.language, DETERMINERS["en"])
    index = first
    while index > 0 and ctx.words[index - 1].key in determiners and first - index < 3:
        index -= 1
    return index


def _skip_coordinated_names_back(ctx: Context, before: int) -> int:
    """ "in Europe and Japan", "between Brazil, Chile and Peru": the cue before the first conjunct."""
    index = before
    while index >= 2 and ctx.words[index - 1].key in COORDINATORS | {"s"} and ctx.words[index - 2].is_capitalized:
        index -= 1
        while (
            index > 0
            and ctx.words[index - 1].is_capitalized
            and ctx.words[index - 1].sentence == ctx.words[before - 1].sentence
        ):
            gap = ctx.text[ctx.words[index - 1].end : ctx.words[index].start]
            index -= 1
            if gap.strip() == ",":
                continue
        index = _skip_determiners_back(ctx, index)
    return index if index < before else before


def _after_genitive(ctx: Context, candidate: Candidate, before: int) -> bool | None:
    """ "the north of Syria" (place), "the government of Israel" (actor), "la défiance de
    l'Algérie" (actor): the noun governing "of"/"de" decides; an unknown noun means a place."""
    if before <= 0 or ctx.words[before - 1].key not in OF_WORDS:
        return None
    head = _governing_noun(ctx, candidate, before - 1)
    if head is None:
        return False
    if ctx.phrase_ending_at(head + 1, "place_nouns") is not None:
        return False
    if _is_actor_word(ctx, head):
        return True
    return False


def _governing_noun(ctx: Context, candidate: Candidate, of_index: int) -> int | None:
    """The word "of" attaches to: the French parse's head when there is one, else the word before."""
    if ctx.doc is not None and syntax.has_parse(ctx.doc):
        token = _token_at(ctx, candidate.first)
        if token is not None and syntax.dep(token) in ("nmod", "obl", "obl:arg", "obl:mod"):
            head_index = _word_at(ctx, syntax.head(token).idx)
            if head_index is not None:
                return head_index
    return of_index - 1 if of_index > 0 else None


def _is_actor_word(ctx: Context, index: int) -> bool:
    """A noun of actors: "government", "défiance", or the end of an institution or title
    ("état-major", "chef d'état-major")."""
    lexicon = ctx.lexicon
    if ctx.phrase_ending_at(index + 1, "actor_nouns") is not None:
        return True
    for length in range(1, 6):
        keys = ctx.keys(index + 1 - length, index + 1)
        if len(keys) == length and (keys in lexicon.institutions or keys in lexicon.titles):
            return True
    return False


def _in_address(ctx: Context, first: int) -> bool:
    """ "born at Ootacamund, India", "Montluçon, central France": after "<Name>, " the name is a place."""
    index = first
    determiners = DETERMINERS.get(ctx.language, DETERMINERS["en"])
    while index > 0 and ctx.words[index - 1].key in determiners:
        index -= 1
    if index == 0:
        return False
    gap = ctx.text[ctx.words[index - 1].end : ctx.words[index].start]
    previous = ctx.words[index - 1]
    return (
        gap.strip() == ","
        and previous.is_capitalized
        and previous.index not in ctx.matched_words
        and previous.sentence == ctx.words[first].sentence
    )


def _reading_after(ctx: Context, candidate: Candidate) -> bool | None:
    words = ctx.words
    after = candidate.last
    if after >= len(words) or words[after].sentence != words[candidate.last - 1].sentence:
        return None
    gap = ctx.text[words[after - 1].end : words[after].start]
    if gap.strip() == "," and _is_country_at(ctx, after) and candidate.toponym.city is not None:  # type: ignore[union-attr]
        return False  # "Wellington, New Zealand"; "Chile, Peru and Bolivia" is a list, not an address
    if words[after].key == "s" and gap in ("'", "’") and after + 1 < len(words):
        # "Israel's government" acts; "Italy's architecture", "Sweden's national radio" are places.
        return _is_actor_word(ctx, after + 1) or ctx.phrase_starting_at(after + 1, "actor_nouns") is not None
    if ctx.phrase_starting_at(after, "speech_verbs") is not None and gap.strip() in ("", ","):
        return True
    if ctx.language == "en" and gap == " ":
        if _described_as_place(ctx, after):
            return False
        return _english_word_after(ctx, after)
    return None


def _described_as_place(ctx: Context, after: int) -> bool:
    """ "Chile is a country in South America", "Monaco is known for its casino", "Malta is
    situated south of Sicily": a copula, then within a few words a word describing a place."""
    words = ctx.words
    if words[after].key not in COPULAS:
        return False
    for index in range(after + 1, min(after + 6, len(words))):
        if words[index].sentence != words[after].sentence:
            return False
        if ctx.text[words[index - 1].end : words[index].start].strip() != "":
            return False
        if words[index].key in PLACE_DESCRIPTIONS:
            return True
    return False


def _english_word_after(ctx: Context, after: int) -> bool | None:
    """ "Mexico won" acts; "a New Zealand physicist" is a place used as a modifier, unless the
    noun is an actor's ("the Israel national team")."""
    while after + 1 < len(ctx.words) and (
        ctx.words[after].key in ENGLISH_ADVERBS or ctx.words[after].key.endswith("ly")
    ):
        after += 1  # "Taiwan first established", "Nepal further considered"
    word = ctx.words[after]
    if word.key in ENGLISH_VERBS or (word.is_lower and word.key.endswith("ed")):
        return True
    if word.is_lower and word.key.endswith("s") and _starts_its_sentence(ctx, after):
        return True  # "Germany faces", "Sweden adopts"
    if word.is_lower and word.key not in ENGLISH_FUNCTION_WORDS and word.key.isalpha():
        return _is_actor_word(ctx, after)
    return None


def _starts_its_sentence(ctx: Context, after: int) -> bool:
    """Whether the words before `after` are only a name (and its article) opening the sentence."""
    index = after - 1
    sentence = ctx.words[after].sentence
    while (
        index >= 0
        and ctx.words[index].sentence == sentence
        and (ctx.words[index].is_capitalized or ctx.words[index].key in DETERMINERS["en"])
    ):
        index -= 1
    return index < 0 or ctx.words[index].sentence != sentence


def _is_country_at(ctx: Context, index: int) -> bool:
    match = ctx.best_match(index, ("country",))
    return match is not None


def _coordinated_with(ctx: Context, first: int, readings: dict[int, bool]) -> bool | None:
    """ "entre Rabat et Tel-Aviv", "in India, Pakistan and Israel": one reading for all conjuncts."""
    index = _skip_determiners_back(ctx, first) - 1  # the word before the name and its determiners
    if index < 0 or ctx.words[index].sentence != ctx.words[first].sentence:
        return None
    while index > 0 and ctx.words[index].key in ENGLISH_ADVERBS and ctx.language == "en":
        index -= 1  # "Peru and finally Brazil", "Zambia, and possibly Malawi"
    if ctx.words[index].key in COORDINATORS:
        previous_end = index
    elif ctx.text[ctx.words[index].end : ctx.words[index + 1].start].strip() == ",":
        previous_end = index + 1
    else:
        return None
    return readings.get(previous_end)


def _french_dependency(ctx: Context, candidate: Candidate) -> bool | None:
    """With the French parse: subjects, objects and agents act."""
    token = _token_at(ctx, candidate.first)
    if token is not None and syntax.dep(token) in FRENCH_ACTOR_DEPS:
        return True
    return None


def _token_at(ctx: Context, index: int):  # type: ignore[no-untyped-def]
    if ctx.doc is None or not syntax.has_parse(ctx.doc):
        return None
    return ctx.token_starting_at(ctx.words[index].start)  # an index lookup: no scan per candidate


def _word_at(ctx: Context, char: int) -> int | None:
    return ctx.word_starting_at(char)
