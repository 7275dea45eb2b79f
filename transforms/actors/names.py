"""Candidates from the name index: countries, cities, epithets, demonyms, institutions and known actors.

- A country or city name is a *toponym*: metonymy.py later decides whether it is a place or the
  state acting. Official forms extend it ("Royaume du Maroc", "République arabe syrienne").
- A demonym next to an institution noun names that institution ("l'armée israélienne" ->
  Israel's military, "the Moroccan government" -> Morocco); so does "<institution> of <country>"
  ("the army of Israel") and "<country>'s <institution>" ("Israel's army"). A bare demonym
  ("des observateurs israéliens") is a weak mention of the state.
- An epithet ("le royaume chérifien") always names the state; a building ("the Kremlin") names
  its government.
- A dictionary alias names that actor.
"""

from __future__ import annotations

import functools
from dataclasses import replace

from babel import Locale
from rapidfuzz import fuzz, process

from transforms.actors import identity
from transforms.actors.context import GAZETTEER, GUESS, Candidate, Context, Toponym
from transforms.actors.gazetteer import Match
from transforms.actors.identity import ActorRef
from transforms.actors.text import fold_word, is_arabic, joins_name, phrase_keys

# Languages whose adjectives usually follow the noun ("l'armée israélienne"); others put the
# demonym first ("the Israeli army", "die israelische Armee").
NOUN_FIRST_LANGUAGES = frozenset({"fr", "es", "ar", "it", "pt", "ro", "ca"})
# Words before a place name that make it part of another one ("New Mexico", "New Jersey").
NEW_WORDS = frozenset({"new", "nouveau", "nouvelle", "nueva", "nuevo", "neu", "neue", "nova", "novo"})
POSSESSIVE_S = "s"
GLUE = frozenset({" ", "-", "\u00a0"})  # what joins a place name to a word of a longer name


def name_candidates(ctx: Context) -> list[Candidate]:
    candidates: list[Candidate] = []
    for match in ctx.matches:
        if (match.first, match.last) in ctx.qualifiers:
            continue
        candidates.extend(
            replace(candidate, skip=match.skip) if candidate.first == match.first else candidate
            for candidate in _candidates_of(ctx, match)
        )
    return candidates


def _candidates_of(ctx: Context, match: Match) -> list[Candidate]:
    kind = match.best.kind
    if kind == "known":
        return [_known(ctx, match)]
    if kind == "building":
        return [_building(ctx, match)]
    if kind == "epithet":
        ref = identity.state(ctx.knowledge, match.best.ref)
        return [Candidate(match.first, match.last, GAZETTEER, ref, "epithet", 0.9)]
    if kind in ("country", "seat", "city") and not _inside_longer_name(ctx, match):
        return _toponym(ctx, match)
    if kind == "demonym":
        return _demonym(ctx, match)
    return []


def _known(ctx: Context, match: Match) -> Candidate:
    actor = ctx.knowledge.dictionary[match.best.ref]
    ref = identity.known_actor(actor, ctx.day)
    return Candidate(match.first, match.last, GAZETTEER, ref, "gazetteer", 0.95)


def _building(ctx: Context, match: Match) -> Candidate:
    target = match.best
    if target.ref in ctx.knowledge.dictionary:
        ref = identity.known_actor(ctx.knowledge.dictionary[target.ref], ctx.day)
    else:
        ref = identity.state(ctx.knowledge, target.ref)
    return Candidate(match.first, match.last, GAZETTEER, ref, "metonymy", 0.85)


# -- toponyms -------------------------------------------------------------------------------------
def _toponym(ctx: Context, match: Match) -> list[Candidate]:
    target = match.best
    iso3 = target.ref
    city = None if target.kind == "country" else target.name
    toponym = Toponym(iso3, city, is_seat=target.kind != "city")
    first, last = _official_form(ctx, match.first, match.last) if city is None else (match.first, match.last)
    place_ref = identity.place(ctx.knowledge, iso3, city)
    candidates = [Candidate(first, last, GAZETTEER, place_ref, "gazetteer", 0.9, toponym=toponym)]
    if toponym.is_seat:
        candidates.extend(_institution_of_country(ctx, first, last, iso3))
    return candidates


def _inside_longer_name(ctx: Context, match: Match) -> bool:
    """"George Washington", "Israel Katz", "Real Madrid", "Paris Saint-Germain", "New Mexico":
    a place name glued to another capitalised word is part of another name."""
    words = ctx.words
    before, after = match.first - 1, match.last
    if before >= 0 and words[before].key in NEW_WORDS and joins_name(ctx.text, words[before], words[match.first]):
        return True
    if before >= 0 and _is_other_name_word(ctx, before) and not ctx.is_sentence_start(before):
        if ctx.adjacent(before, match.first, GLUE):
            return True
    if after < len(words) and _is_other_name_word(ctx, after):
        if ctx.adjacent(match.last - 1, after, GLUE):
            return True
    return False


def _is_other_name_word(ctx: Context, index: int) -> bool:
    """A capitalised word that is not itself a known name, cue word, month or weekday."""
    word = ctx.words[index]
    if not word.is_capitalized or word.is_upper and len(word.text) <= 1:
        return False
    if index in ctx.matched_words:
        return False
    key = (word.key,)
    lexicon = ctx.lexicon
    if key in lexicon.titles or key in lexicon.institutions or key in lexicon.group_heads:
        return False
    if any(lexicon.has(section, key) for section in ("form_heads", "form_words", "connectors",
                                                     "locative", "actor_prepositions", "speech_verbs")):
        return False
    return word.key not in _calendar_words(ctx.language)


@functools.lru_cache(maxsize=None)
def _calendar_words(language: str) -> frozenset[str]:
    """Month and weekday names (CLDR) in the language and in English: "Israel Sunday said"."""
    words: set[str] = set()
    for code in {language, "en"}:
        try:
            locale = Locale.parse(code)
        except (ValueError, KeyError):
            continue
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                words.update(fold_word(name) for name in locale.months[context][width].values())
                words.update(fold_word(name) for name in locale.days[context][width].values())
    return frozenset(words)


def _official_form(ctx: Context, first: int, last: int) -> tuple[int, int]:
    """Extend a country name or demonym over the words of an official state name around it:
    "Kingdom of Morocco", "République arabe syrienne", "المملكة المغربية"."""
    new_first = first
    while new_first > 0 and _is_free_form_word(ctx, new_first - 1) and _joined(ctx, new_first - 1, new_first):
        new_first -= 1
    if new_first > 0 and new_first - 1 in ctx.matched_words and _joined(ctx, new_first - 1, new_first):
        new_first = first  # "Hong Kong Special Administrative Region of the People's Republic of
        # China": the form words after a name belong to that name, not to the next one
    new_last = last
    while new_last < len(ctx.words) and _is_free_form_word(ctx, new_last) and _joined(ctx, new_last - 1, new_last):
        new_last += 1
    new_first = _trim_connectors(ctx, new_first, first, step=1)
    new_last = _trim_connectors(ctx, new_last, last, step=-1)
    extension = [*range(new_first, first), *range(last, new_last)]
    if not any(ctx.lexicon.has("form_heads", (ctx.words[i].key,)) for i in extension):
        return first, last
    return new_first, new_last


def _is_free_form_word(ctx: Context, index: int) -> bool:
    """A word of official names ("Royaume", "arabe", "of") that is not part of another name."""
    return index not in ctx.matched_words and ctx.is_form_word(index)


def _joined(ctx: Context, left: int, right: int) -> bool:
    return joins_name(ctx.text, ctx.words[left], ctx.words[right])


def _trim_connectors(ctx: Context, edge: int, core: int, step: int) -> int:
    """Move an extension's outer edge inwards past words that cannot end a name ("the", "of")."""
    lexicon = ctx.lexicon
    while edge != core:
        index = edge if step == 1 else edge - 1
        key = (ctx.words[index].key,)
        if lexicon.has("form_heads", key) or (
            lexicon.has("form_words", key) and not lexicon.has("connectors", key) and len(key[0]) > 2
        ):
            break
        edge += step
    return edge


def _institution_of_country(ctx: Context, first: int, last: int, iso3: str) -> list[Candidate]:
    """"the army of Israel", "l'armée d'Israël", "le gouvernement du Maroc", "Israel's army"."""
    candidates = []
    connector_start = _skip_back_connector(ctx, first)
    if connector_start is not None:
        for length in range(3, 0, -1):
            start = connector_start - length
            if start >= 0 and ctx.same_sentence(start, last):
                institution = ctx.lexicon.institutions.get(ctx.keys(start, connector_start))
                if institution:
                    ref = _institution_ref(ctx, institution, iso3)
                    candidates.append(Candidate(start, last, GAZETTEER, ref, "pattern", 0.85))
                    break
    after = last
    if after + 1 < len(ctx.words) and ctx.words[after].key == POSSESSIVE_S and ctx.language == "en":
        found = ctx.lookup(ctx.lexicon.institutions, after + 1, longest=3)
        if found is not None:
            end, institution = found
            ref = _institution_ref(ctx, institution, iso3)
            candidates.append(Candidate(first, end, GAZETTEER, ref, "pattern", 0.85))
    return candidates


def _skip_back_connector(ctx: Context, first: int) -> int | None:
    """Index of the "of"/"de"/"du" (and an article after it) right before word `first`, if any."""
    index = first
    of_words = {"of", "de", "du", "d", "des", "del", "von", "der"}
    articles = {"the", "la", "le", "l", "les", "el", "los", "las"}
    if index > 0 and ctx.words[index - 1].key in articles:
        index -= 1
    if index > 0 and ctx.words[index - 1].key in of_words and ctx.same_sentence(index - 1, first + 1):
        return index - 1
    return None


def _institution_ref(ctx: Context, institution: str, iso3: str) -> ActorRef:
    if institution == "military":
        return identity.military(ctx.knowledge, iso3)
    if institution == "police":
        return identity.police(ctx.knowledge, iso3)
    return identity.state(ctx.knowledge, iso3)


# -- demonyms -------------------------------------------------------------------------------------
def _demonym(ctx: Context, match: Match) -> list[Candidate]:
    iso3 = match.best.ref
    first, last = _official_form(ctx, match.first, match.last)
    if (first, last) != (match.first, match.last):  # "République algérienne démocratique et populaire"
        toponym = Toponym(iso3, None, is_seat=True)
        ref = identity.place(ctx.knowledge, iso3)
        return [Candidate(first, last, GAZETTEER, ref, "gazetteer", 0.9, toponym=toponym)]
    candidates = [Candidate(match.first, match.last, GAZETTEER, identity.state(ctx.knowledge, iso3),
                            "demonym", 0.6)]
    institution = _adjacent_institution(ctx, match)
    if institution is not None:
        start, end, kind = institution
        ref = _institution_ref(ctx, kind, iso3)
        candidates.append(Candidate(start, end, GAZETTEER, ref, "demonym", 0.85))
    return candidates


def _adjacent_institution(ctx: Context, match: Match) -> tuple[int, int, str] | None:
    """The institution noun a demonym qualifies: after it in English/German, before it in French,
    Spanish, Arabic ("the Israeli army", "l'armée israélienne", "الجيش الإسرائيلي")."""
    if ctx.language in NOUN_FIRST_LANGUAGES:
        for length in range(3, 0, -1):
            start = match.first - length
            if start >= 0 and ctx.same_sentence(start, match.last):
                kind = ctx.lexicon.institutions.get(ctx.keys(start, match.first))
                if kind and _joined(ctx, match.first - 1, match.first):
                    return start, match.last, kind
        return None
    found = ctx.lookup(ctx.lexicon.institutions, match.last, longest=3)
    if found is not None and match.last < len(ctx.words) and _joined(ctx, match.last - 1, match.last):
        end, kind = found
        return match.first, end, kind
    return None


# -- misspelt country names -----------------------------------------------------------------------
FUZZY_COUNTRY_SCORE = 90.0
MIN_FUZZY_COUNTRY_LENGTH = 5
MAX_FUZZY_WORDS = 5


def fuzzy_country_candidates(ctx: Context) -> list[Candidate]:
    """Names no index knows that are a near spelling of a country name: one word one letter off
    ("Afganistan"), or a longer name worded a little differently ("Islas Turks y Caicos")."""
    candidates = []
    taken: set[int] = set()
    named = _words_of_names(ctx)
    for word in ctx.words:
        if word.index in named or word.index in taken or not _may_start_name(word):
            continue
        found = _fuzzy_country_at(ctx, word.index, named)
        if found is not None:
            last, iso3 = found
            toponym = Toponym(iso3, None, is_seat=True)
            ref = identity.place(ctx.knowledge, iso3)
            # A near spelling of a multi-word name beats the demonym it may contain
            # ("Polinesia francés", "San Vicente y Granadinas").
            tier = GAZETTEER if last - word.index > 1 else GUESS
            candidates.append(Candidate(word.index, last, tier, ref, "fuzzy", 0.6, toponym=toponym))
            taken.update(range(word.index, last))
    return candidates


def _words_of_names(ctx: Context) -> frozenset[int]:
    """Words inside a known name other than a demonym."""
    return frozenset(
        index for match in ctx.matches if match.best.kind not in ("demonym", "surname")
        for index in range(match.first, match.last)
    )


def _may_start_name(word) -> bool:
    return word.is_capitalized or is_arabic(word.text)  # Arabic has no capitals to go by


def _fuzzy_country_at(ctx: Context, first: int, named: frozenset[int]) -> tuple[int, str] | None:
    """The longest run of unmatched words from `first` that is close to a country name."""
    by_length = _country_names_by_words(ctx.knowledge, ctx.language)
    for last in range(min(first + MAX_FUZZY_WORDS, len(ctx.words)), first, -1):
        run = range(first, last)
        if any(index in named for index in run) or not _may_start_name(ctx.words[last - 1]):
            continue
        if last - first > 1 and not all(_joined(ctx, i, i + 1) for i in range(first, last - 1)):
            continue
        text = " ".join(ctx.words[index].key for index in run)
        if len(text) < MIN_FUZZY_COUNTRY_LENGTH:
            continue
        choices = by_length.get(last - first)
        if not choices:
            continue
        found = process.extractOne(text, choices[0], scorer=fuzz.ratio, score_cutoff=FUZZY_COUNTRY_SCORE)
        if found is not None:
            return last, choices[1][found[2]]
    return None


@functools.lru_cache(maxsize=None)
def _country_names_by_words(knowledge, language: str) -> dict[int, tuple[list[str], list[str]]]:
    """Country names of the language and English, folded and grouped by their number of words."""
    pairs: set[tuple[int, str, str]] = set()
    for names_language in {language, "en"}:
        for iso3, name in knowledge.country_names(names_language):
            keys = phrase_keys(name)
            if keys and len(" ".join(keys)) >= MIN_FUZZY_COUNTRY_LENGTH:
                pairs.add((len(keys), " ".join(keys), iso3))
    grouped: dict[int, tuple[list[str], list[str]]] = {}
    for length, key, iso3 in sorted(pairs):
        keys, countries = grouped.setdefault(length, ([], []))
        keys.append(key)
        countries.append(iso3)
    return grouped
