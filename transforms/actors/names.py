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
from collections.abc import Iterable
from dataclasses import dataclass, replace

import regex
from babel import Locale, UnknownLocaleError
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Levenshtein

from transforms.actors import identity
from transforms.actors.context import GAZETTEER, GUESS, Candidate, Context, Toponym
from transforms.actors.gazetteer import Match
from transforms.actors.identity import ActorRef
from transforms.actors.text import fold_word, is_arabic, joins_name, phrase_keys
from transforms.actors.transliteration import arabic_outline, latin_outline

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
    ref = identity.known_actor(ctx.known_actor(match), ctx.day)
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
    first, last = match.first, match.last
    if city is None:
        first, last = _official_form(ctx, match.first, match.last)
        last = _sovereign_after(ctx, match, first, last)
        first, last = _status_after_comma(ctx, match, first, last)
    place_ref = identity.place(ctx.knowledge, iso3, city)
    candidates = [Candidate(first, last, GAZETTEER, place_ref, "gazetteer", 0.9, toponym=toponym)]
    if toponym.is_seat:
        candidates.extend(_institution_of_country(ctx, first, last, iso3))
    return candidates


def _inside_longer_name(ctx: Context, match: Match) -> bool:
    """ "George Washington", "Israel Katz", "Real Madrid", "Paris Saint-Germain", "New Mexico":
    a place name glued to another capitalised word is part of another name; so is one inside a
    longer dictionary name ("François Hollande", "Radio France", "Maroc Hebdo"), even when the
    word beside it is itself a known name's word."""
    if ctx.inside_known_name(match.first, match.last):
        return True
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
    if any(
        lexicon.has(section, key)
        for section in ("form_heads", "form_words", "connectors", "locative", "actor_prepositions", "speech_verbs")
    ):
        return False
    return word.key not in _calendar_words(ctx.language)


@functools.cache
def _calendar_words(language: str) -> frozenset[str]:
    """Month and weekday names (CLDR) in the language and in English: "Israel Sunday said"."""
    words: set[str] = set()
    for code in {language, "en"}:
        try:
            locale = Locale.parse(code)
        except (ValueError, KeyError, UnknownLocaleError):  # a language CLDR has no data for
            continue
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                words.update(fold_word(name) for name in locale.months[context][width].values())
                words.update(fold_word(name) for name in locale.days[context][width].values())
    return frozenset(words)


def _status_after_comma(ctx: Context, match: Match, first: int, last: int) -> tuple[int, int]:
    """ "Hong Kong, Special Administrative Region of China": a territory's status
    may follow a comma, when it goes on to name the state the territory belongs to (and not in a
    list: "Finland, Region of ...")."""
    if last != match.last:
        return first, last
    comma_first, comma_last = _official_form(ctx, match.first, match.last, after_comma=True)
    sovereign_last = _sovereign_after(ctx, match, comma_first, comma_last)
    return (comma_first, sovereign_last) if sovereign_last > comma_last else (first, last)


def _official_form(ctx: Context, first: int, last: int, after_comma: bool = False) -> tuple[int, int]:
    """Extend a country name or demonym over the words of an official state name around it:
    "Kingdom of Morocco", "République arabe syrienne", "المملكة المغربية"."""
    new_first = first
    while new_first > 0 and _is_free_form_word(ctx, new_first - 1) and _joined(ctx, new_first - 1, new_first):
        new_first -= 1
    if new_first > 0 and new_first - 1 in ctx.matched_words and _joined(ctx, new_first - 1, new_first):
        new_first = first  # "Hong Kong Special Administrative Region of the People's Republic of
        # China": the form words after a name belong to that name, not to the next one
    new_last = last
    while (
        new_last < len(ctx.words)
        and _is_free_form_word(ctx, new_last)
        and (
            _joined(ctx, new_last - 1, new_last)
            or after_comma
            and new_last == last
            and _dependent_after_comma(ctx, new_last)
        )
    ):
        new_last += 1
    new_last = _before_next_name(ctx, last, new_last)
    new_first = _trim_connectors(ctx, new_first, first, step=1)
    new_last = _trim_connectors(ctx, new_last, last, step=-1)
    extension = [*range(new_first, first), *range(last, new_last)]
    if not any(ctx.lexicon.has("form_heads", (ctx.words[i].key,)) for i in extension):
        return first, last
    return new_first, new_last


def _before_next_name(ctx: Context, last: int, new_last: int) -> int:
    """ "Northern Ireland and the Republic of Ireland": when the form words after a name run into
    another name, those after the "and" are that other name's official form."""
    if new_last >= len(ctx.words) or new_last not in ctx.matched_words:
        return new_last
    joiners = [index for index in range(last, new_last) if ctx.words[index].key in NAME_JOINERS]
    return joiners[-1] if joiners else new_last


def _dependent_after_comma(ctx: Context, index: int) -> bool:
    """ "Hong Kong, Special Administrative Region ...": a territory's status may follow a comma."""
    word = ctx.words[index]
    return ctx.lexicon.has("dependent_heads", (word.key,)) and joins_name(
        ctx.text, ctx.words[index - 1], word, comma=True
    )


def _sovereign_after(ctx: Context, match: Match, first: int, last: int) -> int:
    """A dependent territory's official form may end with the state it belongs to ("Hong Kong
    Special Administrative Region of China", "منطقة هونغ كونغ الإدارية التابعة
    لجمهورية الصين الشعبية"): that state's name is then part of the territory's name."""
    extension = [*range(first, match.first), *range(match.last, last)]
    if not any(ctx.lexicon.has("dependent_heads", (ctx.words[index].key,)) for index in extension):
        return last
    index = last
    while (
        index < len(ctx.words)
        and ctx.lexicon.has("connectors", (ctx.words[index].key,))
        and (_joined(ctx, index - 1, index))
    ):
        index += 1
    if index >= len(ctx.words) or not _joined(ctx, index - 1, index):
        return last
    for sovereign in sorted(ctx.matches_at.get(index, ()), key=lambda found: -found.last):
        introduced = index > last or sovereign.skip > 0  # by "of"/"de la" or a glued Arabic "ل"
        if sovereign.best.kind == "country" and sovereign.best.ref != match.best.ref and introduced:
            return max(_official_form(ctx, sovereign.first, sovereign.last)[1], sovereign.last)
    return last


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
    """ "the army of Israel", "l'armée d'Israël", "le gouvernement du Maroc", "Israel's army"."""
    candidates = []
    connector_start = _skip_back_connector(ctx, first)
    if connector_start is not None:
        for length in range(3, 0, -1):
            start = connector_start - length
            if start >= 0 and ctx.same_sentence(start, last):
                institution = ctx.lexicon.institutions.get(ctx.keys(start, connector_start))
                if institution and _possessed(ctx, start):
                    break  # "ses troupes d'Afghanistan", "their troops from Iraq": a place they leave
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


# Possessive determiners: "ses troupes d'Afghanistan" are somebody's troops, and "d'Afghanistan"
# says where from, not whose.
POSSESSIVE_DETERMINERS = frozenset(
    {
        "ses",
        "son",
        "sa",
        "leurs",
        "leur",
        "nos",
        "notre",
        "its",
        "their",
        "his",
        "her",
        "our",
        "sus",
        "su",
        "nuestras",
        "nuestros",
    }
)


def _possessed(ctx: Context, start: int) -> bool:
    return start > 0 and ctx.words[start - 1].key in POSSESSIVE_DETERMINERS and ctx.same_sentence(start - 1, start)


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
    if institution == "intelligence":
        return identity.intelligence(ctx.knowledge, iso3)
    return identity.state(ctx.knowledge, iso3)


# -- demonyms -------------------------------------------------------------------------------------
def _demonym(ctx: Context, match: Match) -> list[Candidate]:
    iso3 = match.best.ref
    first, last = _official_form(ctx, match.first, match.last)
    if (first, last) != (match.first, match.last):  # "République algérienne démocratique et populaire"
        toponym = Toponym(iso3, None, is_seat=True)
        ref = identity.place(ctx.knowledge, iso3)
        return [Candidate(first, last, GAZETTEER, ref, "gazetteer", 0.9, toponym=toponym)]
    territory = _territory_noun(ctx, match)
    if territory is not None:  # "la capitale britannique", "Turkish airspace": a place
        ref = identity.place(ctx.knowledge, iso3)
        return [Candidate(territory[0], territory[1], GAZETTEER, ref, "gazetteer", 0.85)]
    candidates = [Candidate(match.first, match.last, GAZETTEER, identity.state(ctx.knowledge, iso3), "demonym", 0.6)]
    institution = _adjacent_institution(ctx, match)
    if institution is not None:
        start, end, kind = institution
        ref = _institution_ref(ctx, kind, iso3)
        candidates.append(Candidate(start, end, GAZETTEER, ref, "demonym", 0.85))
        return candidates
    group = _adjacent_head(ctx, match, ctx.lexicon.non_state_heads)
    if group is not None and group[2] == "OPP" and group[1] < len(ctx.words) and _opposed_to(ctx, group[1]):
        group = None  # "Israeli opposition to the plan": the act of opposing, not a group
    if group is not None:
        start, end, sector = group
        end = _name_tail(ctx, end)
        candidates.append(
            Candidate(start, end, GAZETTEER, _non_state_ref(ctx, iso3, sector, start, end), "demonym", 0.8)
        )
    return candidates


def _territory_noun(ctx: Context, match: Match) -> tuple[int, int] | None:
    """The span of a territory noun and its demonym (`territory_nouns`): the noun before it in
    French and Spanish ("la capitale britannique"), after it in English ("the Syrian border").
    Not a force named after its ground: "the Chinese coast guard", "Turkish border police" (a
    force noun after the territory noun), "les garde-côtes libyens" (a hyphenated compound)."""
    if ctx.language in ("fr", "es"):
        start = ctx.phrase_ending_at(match.first, "territory_nouns")
        if start is None or (start > 0 and ctx.text[ctx.words[start - 1].end : ctx.words[start].start] == "-"):
            return None
        return start, match.last
    if ctx.language == "en":
        end = ctx.phrase_starting_at(match.last, "territory_nouns")
        if end is None or (end < len(ctx.words) and ctx.words[end].key in FORCE_NOUNS):
            return None
        return match.first, end
    return None


FORCE_NOUNS = frozenset({"guard", "guards", "police", "patrol", "patrols", "troops", "forces", "agency", "service"})


NON_STATE_GROUPS = {"REB": ("rebels", "armed_group"), "OPP": ("opposition", "organization")}
OPPOSED_TO = frozenset({"to", "against", "a", "à", "al", "contre", "contra", "gegen", "zu"})


def _opposed_to(ctx: Context, index: int) -> bool:
    """ "opposition to", "oposición a": the act of opposing. French "a" is the verb ("l'opposition
    syrienne a dénoncé"), only "à" the preposition; the folded key would confuse them."""
    word = ctx.words[index]
    if ctx.language == "fr" and word.text.lower() == "a":
        return False
    return word.key in OPPOSED_TO


def _non_state_ref(ctx: Context, iso3: str, sector: str, start: int, end: int) -> ActorRef:
    """ "Syrian rebels", "l'opposition syrienne": the country's rebels or opposition as one group
    (the same id in every language); a named NGO ("Syrian Observatory") keyed on its name."""
    if sector in NON_STATE_GROUPS:
        label, actor_type = NON_STATE_GROUPS[sector]
        name = f"{ctx.knowledge.countries[iso3].name} {label}"
        return identity.unknown_group(name, actor_type, iso3, sector)
    return identity.unknown_group(ctx.surface(start, end), "organization", iso3, sector)


def _name_tail(ctx: Context, end: int) -> int:
    """ "Syrian Observatory for Human Rights": a capitalised complement after a connector is part
    of the name."""
    words = ctx.words
    tail = end
    while (
        tail + 1 < len(words)
        and ctx.same_sentence(end - 1, tail + 1)
        and ctx.lexicon.has("connectors", (words[tail].key,))
    ):
        run = tail + 1
        while (
            run < len(words)
            and ctx.same_sentence(end - 1, run)
            and words[run].is_capitalized
            and not words[run].arabic
            and _joined(ctx, run - 1, run)
        ):
            run += 1
        if run == tail + 1:
            break
        tail = run
    return tail


def _adjacent_head(ctx: Context, match: Match, table: dict[tuple[str, ...], str]) -> tuple[int, int, str] | None:
    """A head noun of `table` the demonym qualifies (before it in noun-first languages, after it
    in the others): (start, end, value)."""
    if ctx.language in NOUN_FIRST_LANGUAGES:
        for length in range(4, 0, -1):
            start = match.first - length
            if start >= 0 and ctx.same_sentence(start, match.last):
                value = table.get(ctx.keys(start, match.first))
                if value and _joined(ctx, match.first - 1, match.first):
                    return start, match.last, value
        return None
    found = ctx.lookup(table, match.last, longest=3)
    if found is not None and match.last < len(ctx.words) and _joined(ctx, match.last - 1, match.last):
        end, value = found
        return match.first, end, value
    return None


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
FUZZY_OWN_WORDS_SCORE = 80.0  # the distinctive words: "Faroe" for "Feroe", not "Gondor" for "Ecuador"
MIN_FUZZY_COUNTRY_LENGTH = 5
MAX_FUZZY_WORDS = 5
MAX_TRANSLITERATED_WORDS = 3
NAME_JOINERS = frozenset({"and", "et", "y", "e", "und", "&"})  # Arabic glues its "و" to the next word
MIN_OUTLINE = 5  # consonant classes: shorter outlines are shared by ordinary Arabic words
LATIN_OUTLINE_LANGUAGES = ("en", "es", "fr")  # the Latin spellings Arabic transliterates most
MIN_WORDS_AROUND_NAME = 3  # a fuzzy name this long may contain a known one
MIN_SWAP_LENGTH = 5  # "Mexcio": two letters swapped
MIN_SUBSTITUTION_LENGTH = 9  # "Afghanistam": one letter wrong; shorter words collide ("Columbia", "Roland")


def fuzzy_country_candidates(ctx: Context) -> list[Candidate]:
    """Names no index knows that are a near spelling of a country name: one word one letter off
    ("Afganistan"), or a longer name worded a little differently ("Islas Salomón del Pacífico")."""
    candidates = []
    taken: set[int] = set()
    named = _words_of_names(ctx)
    for word in ctx.words:
        if word.index in named or word.index in taken or not _may_start_name(word):
            continue
        found = _fuzzy_country_at(ctx, word.index, named)
        if found is None and word.arabic:
            found = _transliterated_country_at(ctx, word.index, named)
        if found is not None:
            last, iso3 = found
            toponym = Toponym(iso3, None, is_seat=True)
            ref = identity.place(ctx.knowledge, iso3)
            # A near spelling of a multi-word name beats the demonym it may contain
            # (a gender slip in an adjective, "y" for "and" in a joined name).
            tier = GAZETTEER if last - word.index > 1 else GUESS
            candidates.append(Candidate(word.index, last, tier, ref, "fuzzy", 0.6, toponym=toponym))
            taken.update(range(word.index, last))
    return candidates


def _words_of_names(ctx: Context) -> frozenset[int]:
    """Words inside a known name other than a demonym."""
    return frozenset(
        index
        for match in ctx.matches
        if match.best.kind not in ("demonym", "surname")
        for index in range(match.first, match.last)
    )


def _may_start_name(word) -> bool:  # type: ignore[no-untyped-def]
    return word.is_capitalized or is_arabic(word.text)  # Arabic has no capitals to go by


def _fuzzy_country_at(ctx: Context, first: int, named: frozenset[int]) -> tuple[int, str] | None:
    """The longest run of unmatched words from `first` that is close to a country name."""
    for last in range(min(first + MAX_FUZZY_WORDS, len(ctx.words)), first, -1):
        if not _is_open_run(ctx, first, last, named) or not _may_start_name(ctx.words[last - 1]):
            continue
        run = range(first, last)
        if last - first > 1 and not all(_joined(ctx, i, i + 1) for i in range(first, last - 1)):
            continue
        keys = [ctx.words[index].key for index in run]
        if len(" ".join(keys)) < MIN_FUZZY_COUNTRY_LENGTH:
            continue
        for length in _comparable_lengths(last - first):
            iso3 = _closest_country(ctx.knowledge, ctx.language, tuple(keys), length)
            if iso3 is not None:
                return last, iso3
    return None


def _transliterated_country_at(ctx: Context, first: int, named: frozenset[int]) -> tuple[int, str] | None:
    """Arabic words spelling a country's Latin name by sound, word for word ("كوت ديفوار" for
    Côte d'Ivoire), compared by their consonant outlines (transliteration.py). Several words, none of
    them a frequent Arabic word, and long outlines only: short ones are shared by ordinary words."""
    outlines = _latin_outlines(ctx.knowledge)
    common = ctx.knowledge.common_words(ctx.language)
    for last in range(min(first + MAX_TRANSLITERATED_WORDS, len(ctx.words)), first + 1, -1):
        run = range(first, last)
        if any(index in named or not ctx.words[index].arabic or ctx.words[index].key in common for index in run):
            continue
        if not all(_joined(ctx, i, i + 1) for i in range(first, last - 1)):
            continue
        outline = tuple(arabic_outline(ctx.words[index].key) for index in run)
        if len("".join(outline)) >= MIN_OUTLINE and outline in outlines:
            return last, outlines[outline]
    return None


@functools.cache
def _latin_outlines(knowledge) -> dict[tuple[str, ...], str]:  # type: ignore[no-untyped-def]
    """Word-by-word consonant outlines -> ISO3 of the Latin-script country names of several words
    ("Cabo Verde", "Côte d'Ivoire"), outlines naming one country only."""
    found: dict[tuple[str, ...], set[str]] = {}
    for language in LATIN_OUTLINE_LANGUAGES:
        lexicon = knowledge.lexicon(language)
        for iso3, name in knowledge.country_names(language):
            if "(" in name or any(_is_form_or_connector(lexicon, key) for key in phrase_keys(name)):
                continue  # plain names only: "Republic" or "Rép." are translated, not transliterated
            words = [word.replace("'", "").replace("’", "") for word in regex.split(r"[\s\-]+", name)]
            outline = tuple(latin_outline(word) for word in words if word and fold_word(word) not in NAME_JOINERS)
            if len(outline) > 1 and all(outline):
                found.setdefault(outline, set()).add(iso3)
    return {outline: min(codes) for outline, codes in sorted(found.items()) if len(codes) == 1}


def _comparable_lengths(words: int) -> tuple[int, ...]:
    """Names of as many words; a long name may also have one word more or less ("في", "de")."""
    if words < MIN_WORDS_AROUND_NAME:
        return (words,)
    return (words, words - 1, words + 1)


def _is_open_run(ctx: Context, first: int, last: int, named: frozenset[int]) -> bool:
    """Words free for a fuzzy name. A run of three words or more may hold a whole known name
    inside it ("Islas menores de Estados Unidos" holds the United States), never cut one."""
    inner = [index for index in range(first, last) if index in named]
    if not inner:
        return True
    if last - first < MIN_WORDS_AROUND_NAME or first in named or last - 1 in named:
        return False
    return all(
        first <= match.first and match.last <= last
        for match in ctx.matches
        if match.best.kind not in ("demonym", "surname") and match.first < last and first < match.last
    )


@functools.lru_cache(maxsize=1 << 16)  # capitalised words recur from article to article
def _closest_country(knowledge, language: str, keys: tuple[str, ...], words: int) -> str | None:  # type: ignore[no-untyped-def]
    """A country name of `words` words close to the run both as a whole and in the words that
    tell countries apart: "République fédérale d'Alamanie" is not Germany, although most of its
    letters are. One word may also have two letters swapped ("Mexcio") or, if long, one letter wrong."""
    text, own = " ".join(keys), _own_words(knowledge.lexicon(language), keys)
    group = _country_names_by_words(knowledge, language).get(words)
    if len(own) < MIN_FUZZY_COUNTRY_LENGTH or group is None:
        return None
    # Long names are also written in another order ("Islas menores alejadas de X", "X Islas menores").
    scorer = fuzz.token_sort_ratio if len(keys) >= MIN_WORDS_AROUND_NAME else fuzz.ratio
    names, positions = group.near_ratio(len(text), FUZZY_COUNTRY_SCORE)
    for _, _score, found in process.extract(text, names, scorer=scorer, limit=None, score_cutoff=FUZZY_COUNTRY_SCORE):
        if scorer(own, group.contents[positions[found]]) >= FUZZY_OWN_WORDS_SCORE:
            return group.countries[positions[found]]
    if len(keys) == 1:
        names, positions = group.near_distance(len(text), 1)
        closest = process.extractOne(text, names, scorer=OSA.distance, score_cutoff=1)
        if closest is not None and _is_small_slip(text, closest[0]):
            return group.countries[positions[closest[2]]]
    return None


def _is_small_slip(word: str, name: str) -> bool:
    """Two neighbouring letters swapped, or (in a long word) one letter wrong."""
    swapped = Levenshtein.distance(word, name) == 2
    return len(word) >= MIN_SWAP_LENGTH if swapped else len(word) >= MIN_SUBSTITUTION_LENGTH


def _own_words(lexicon, keys: tuple[str, ...]) -> str:  # type: ignore[no-untyped-def]
    return " ".join(key for key in keys if not _is_form_or_connector(lexicon, key))


def _is_form_or_connector(lexicon, key: str) -> bool:  # type: ignore[no-untyped-def]
    return any(lexicon.has(section, (key,)) for section in ("form_heads", "form_words", "connectors"))


@dataclass(frozen=True)
class _CountryNames:
    """Folded country names of one number of words, in a fixed order: each name, its words that
    are not words of official forms, and its country. Fuzzy matching first narrows them down by
    length, which a close spelling cannot differ much in (the order is kept, so ties fall the same way)."""

    names: tuple[str, ...]
    contents: tuple[str, ...]
    countries: tuple[str, ...]

    def near_ratio(self, length: int, min_ratio: float) -> tuple[tuple[str, ...], tuple[int, ...]]:
        """Names whose length allows a rapidfuzz ratio of `min_ratio` with a text of `length`:
        the ratio is at most 100 * (1 - |a - b| / (a + b))."""
        return self._near(
            ("ratio", length, min_ratio),
            lambda other: 100 * abs(length - other) <= (100 - min_ratio) * (length + other),
        )

    def near_distance(self, length: int, max_distance: int) -> tuple[tuple[str, ...], tuple[int, ...]]:
        return self._near(("distance", length, max_distance), lambda other: abs(length - other) <= max_distance)

    def _near(self, key: tuple, keep) -> tuple[tuple[str, ...], tuple[int, ...]]:  # type: ignore[no-untyped-def]
        if key not in self._windows:
            self._windows[key] = self._of_lengths(other for other in self._by_length if keep(other))
        return self._windows[key]

    @functools.cached_property
    def _windows(self) -> dict[tuple, tuple[tuple[str, ...], tuple[int, ...]]]:
        return {}

    @functools.cached_property
    def _by_length(self) -> dict[int, list[int]]:
        positions: dict[int, list[int]] = {}
        for position, name in enumerate(self.names):
            positions.setdefault(len(name), []).append(position)
        return positions

    def _of_lengths(self, lengths: Iterable[int]) -> tuple[tuple[str, ...], tuple[int, ...]]:
        positions = tuple(sorted(position for length in lengths for position in self._by_length[length]))
        return tuple(self.names[position] for position in positions), positions  # shared: immutable


@functools.cache
def _country_names_by_words(knowledge, language: str) -> dict[int, _CountryNames]:  # type: ignore[no-untyped-def]
    """Country names of the language and English, folded and grouped by their number of words,
    each also as the words that are not words of official forms ("republique du congo" -> "congo")."""
    lexicon = knowledge.lexicon(language)
    rows: set[tuple[int, str, str, str]] = set()
    for names_language in {language, "en"}:
        for iso3, name in knowledge.country_names(names_language):
            keys = phrase_keys(name)
            own = _own_words(lexicon, keys)
            if keys and len(" ".join(keys)) >= MIN_FUZZY_COUNTRY_LENGTH:
                rows.add((len(keys), " ".join(keys), own, iso3))
    grouped: dict[int, list[tuple[str, str, str]]] = {}
    for length, key, own, iso3 in sorted(rows):
        grouped.setdefault(length, []).append((key, own, iso3))
    return {length: _CountryNames(*map(tuple, zip(*group))) for length, group in grouped.items()}
