"""Crowds and unnamed police: actors named by a common noun, not by a name.

Event data codes protests, strikes and attacks on civilians with actors that have no name:
"los manifestantes", "المتظاهرون", "the students", "la Policía". Two patterns:

- crowd noun + demonym ("los estudiantes chilenos", "المتظاهرون المصريون", "Egyptian protesters"),
  or a count of people of a nationality (`crowd_quantities` + a demonym: "آلاف الإيرانيين",
  "الآلاف من النيباليين", "miles de iraníes", "thousands of Iranians"): that country's civilians
  (`civilians:<ISO3>`, type civilians, sector CVL), confidence 0.8;
- a bare crowd noun (`civilian_nouns` of `actors_lexicon.yaml`), a bare police noun
  (`bare_police`: "la Policía", "الشرطة", "the riot police") or a bare, capitalised government
  noun (`bare_government`: "el Gobierno", "el Parlamento"): a placeholder of its own, one per
  mention, whose country `attribution.py` reads like an unknown organisation's ("los habitantes
  de Gaza" by the "of" cue, else the article's dominant country at 0.4). `settle` then gives it
  its id (`civilians:<ISO3>`, `police:<ISO3>`, `state:<ISO3>`) or, with no country, drops it: a
  crowd nobody can place is not an actor (precision first). In Arabic, a bare crowd whose clause
  puts it in places of one country ("تجمع متظاهرون ... في موسكو") has that country first.

Crowds and police are guesses: they lose against any name, title or institution over the same words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from transforms.actors import identity
from transforms.actors.context import GAZETTEER, GUESS, Candidate, Context
from transforms.actors.identity import ActorRef
from transforms.actors.knowledge import arabic_towns

NOUN_FIRST_LANGUAGES = frozenset({"fr", "es", "ar", "it", "pt", "ro", "ca"})
CROWD_PLACEHOLDER, POLICE_PLACEHOLDER, STATE_PLACEHOLDER = "civilians:@", "police:@", "state:@"
MILITARY_PLACEHOLDER = "military:@"
PLACEHOLDERS = {  # kind -> (id prefix, name, type, sector)
    "civilians": (CROWD_PLACEHOLDER, "civilians", "civilians", "CVL"),
    "police": (POLICE_PLACEHOLDER, "police", "organization", "POL"),
    "government": (STATE_PLACEHOLDER, "government", "organization", "GOV"),
    "military": (MILITARY_PLACEHOLDER, "armed forces", "organization", "MIL"),
}
# "the government", "l'armée" (_definite_institutions): a guess that only the article's dominant
# country can settle, so its confidence stays below BARE_CONFIDENCE and the dominant cue (0.4 in
# attribution.py) caps it lower still; a mention capped below DEFINITE_CONFIDENCE got its country
# from the dominant cue, not from the text ("the government of Canada").
DEFINITE_RULE, DEFINITE_CONFIDENCE = "definite", 0.45
DEFINITE_SECTIONS = {"definite_government": "government", "definite_military": "military"}
OF_PLACE_CONFIDENCE = 0.7
DEFINITE_ARTICLES = frozenset({"the", "l", "la", "le", "les", "el", "los", "las"})
OWNER_KINDS = frozenset({"country", "demonym", "city", "seat", "epithet"})
DEMONYM_CONFIDENCE, BARE_CONFIDENCE, SETTLER_CONFIDENCE = 0.8, 0.5, 0.7
LONGEST = 3
# The commercial creditors of an article (rule creditors): one actor, business, no country.
CREDITORS = ActorRef("business:creditors", "commercial creditors", "organization", None, "BUS", True)
STRIKE_GAP = 2  # words between a worker noun and its strike phrase ("have also walked out")
OF_WORDS = frozenset({"of", "de", "des", "d", "من"})
# words between a definite noun and the name of its owner ("of the", "du", "de l'", "del")
OWNER_LINKS = OF_WORDS | frozenset({"du", "del", "the", "la", "le", "l", "el"})
# Where an Arabic crowd is (_clause_place_country): a place after "في" or "مدينة" (folded keys), or
# with a glued "ب"; the marks that close its clause.
LOCATIVE_WORDS = frozenset({"في", "مدينه"})
PLACE_KINDS = frozenset({"country", "city", "seat"})
CLAUSE_MARKS = ("،", ",", "؛", ";", ".", ":")
CLAUSE_REACH = 15
# Rules whose country comes from another mention (a place of the clause) or says nothing about
# where the story is (settlers act in the occupied territories): they cast no vote for the
# article's dominant country (attribution.py).
CLAUSE_PLACE_RULE, SETTLERS_RULE = "clause_place", "settlers"
NON_VOTING_RULES = frozenset({CLAUSE_PLACE_RULE, SETTLERS_RULE})
GLUED_BI = ("وبال", "فبال", "بال", "وب", "فب", "ب")  # longest first: "وبالنجف", "بنابلس"
TOWN_WORDS = 3  # longest town name read, in words ("كفر الشيخ")


def crowd_candidates(ctx: Context) -> list[Candidate]:
    found: list[Candidate] = []
    crowds = ctx.lexicon.words.get("civilian_nouns", frozenset())
    police = ctx.lexicon.words.get("bare_police", frozenset())
    government = ctx.lexicon.words.get("bare_government", frozenset())
    if not crowds and not police and not government:
        return _definite_institutions(ctx)
    found.extend(_counted_nationals(ctx))
    found.extend(_definite_institutions(ctx))
    found.extend(_rebels_of_place(ctx))
    found.extend(_placed_gunmen(ctx))
    found.extend(_settlers(ctx))
    found.extend(_striking_workers(ctx))
    found.extend(_creditors(ctx))
    starts = ctx.lexicon.section_first_words(("civilian_nouns", "bare_police", "bare_government"))
    index = 0
    while index < len(ctx.words):
        # A word none of the phrases starts with (most words) starts no phrase of any length.
        hit = (
            None if starts.isdisjoint(ctx.words[index].variants) else _phrase_at(ctx, index, crowds, police, government)
        )
        if hit is None:
            index += 1
            continue
        end, kind, skip = hit
        country = _adjacent_demonym(ctx, index, end) if kind == "civilians" else None
        if country is not None:
            first, last, iso3 = country
            found.append(
                Candidate(
                    first,
                    last,
                    GAZETTEER,
                    civilians(ctx, iso3),
                    "demonym",
                    DEMONYM_CONFIDENCE,
                    skip=skip if first == index else 0,
                )
            )
        else:
            placeholder, name, actor_type, sector = PLACEHOLDERS[kind]
            placed = _clause_place_country(ctx, index, end) if kind == "civilians" else None
            ref = ActorRef(f"{placeholder}{index}", name, actor_type, placed, sector)
            rule = "pattern" if placed is None else CLAUSE_PLACE_RULE
            found.append(Candidate(index, end, GUESS, ref, rule, BARE_CONFIDENCE, skip=skip))
        index = end
    return found


def _counted_nationals(ctx: Context) -> list[Candidate]:
    """ "آلاف الإيرانيين", "الآلاف من النيباليين", "miles de iraníes", "thousands of Iranians": a
    count word, an optional "of", then a demonym (used as a noun: the people of that country).
    A count of plain people ("des milliers de personnes", "thousands of people": `crowd_people`)
    is a bare crowd, placed like "the protesters" (`settle`) or dropped."""
    quantities = ctx.lexicon.words.get("crowd_quantities", frozenset())
    people = ctx.lexicon.words.get("crowd_people", frozenset())
    found: list[Candidate] = []
    for word in ctx.words if quantities else ():
        positions = [position for position, variant in enumerate(word.variants) if (variant,) in quantities]
        if not positions:
            continue
        skip = 1 if positions[0] else 0  # a glued proclitic ("والآلاف") is left out of the mention
        after = word.index + 1
        if after < len(ctx.words) and ctx.words[after].key in OF_WORDS:
            after += 1
        if after < len(ctx.words) and (ctx.words[after].key,) in people and ctx.same_sentence(word.index, after):
            ref = ActorRef(f"{CROWD_PLACEHOLDER}{word.index}", "civilians", "civilians", None, "CVL")
            found.append(Candidate(word.index, after + 1, GUESS, ref, "pattern", BARE_CONFIDENCE, skip=skip))
            continue
        for match in ctx.matches_at.get(after, ()):
            if match.best.kind == "demonym" and match.best.country and ctx.same_sentence(word.index, match.last):
                found.append(
                    Candidate(
                        word.index,
                        match.last,
                        GAZETTEER,
                        civilians(ctx, match.best.country),
                        "demonym",
                        DEMONYM_CONFIDENCE,
                        skip=skip,
                    )
                )
                break
    return found


def _striking_workers(ctx: Context) -> list[Candidate]:
    """Rule striking_workers: "letter carriers walked out in Toronto", "les cheminots sont en
    grève": a worker noun right before a strike phrase (`strike_phrases`, at most
    STRIKE_GAP words between, no punctuation) is a crowd, placed like a bare crowd noun (its
    demonym, else attribution's cues). Only there: elsewhere a worker noun is nobody's side."""
    found = []
    for index in range(len(ctx.words)):
        end = ctx.phrase_starting_at(index, "worker_nouns")
        if end is None or not _strikes_after(ctx, end):
            continue
        country = _adjacent_demonym(ctx, index, end)
        if country is not None:
            first, last, iso3 = country
            found.append(Candidate(first, last, GAZETTEER, civilians(ctx, iso3), "demonym", DEMONYM_CONFIDENCE))
        else:
            ref = ActorRef(f"{CROWD_PLACEHOLDER}{index}", "civilians", "civilians", None, "CVL")
            found.append(Candidate(index, end, GUESS, ref, "pattern", BARE_CONFIDENCE))
    return found


def _creditors(ctx: Context) -> list[Candidate]:
    """Rule creditors: "Creditor banks resisted Brazil's demands", "les créanciers": the article's
    commercial creditors, one business actor (BUS) with no country (`creditor_nouns`). Left to
    the demonym rules when a demonym stands next to the noun ("Japanese banks")."""
    found = []
    index = 0
    while index < len(ctx.words):
        end = ctx.phrase_starting_at(index, "creditor_nouns")
        if end is None:
            index += 1
            continue
        if _adjacent_demonym(ctx, index, end) is None:
            found.append(Candidate(index, end, GUESS, CREDITORS, "pattern", BARE_CONFIDENCE))
        index = end
    return found


def _strikes_after(ctx: Context, end: int) -> bool:
    for start in range(end, min(end + STRIKE_GAP + 1, len(ctx.words))):
        if _punctuated(ctx, start - 1):
            return False
        if ctx.phrase_starting_at(start, "strike_phrases") is not None:
            return True
    return False


def _settlers(ctx: Context) -> list[Candidate]:
    """Arabic "مستوطنون", "العشرات من مستوطني <settlement>" (`settler_nouns`): Israeli settlers,
    civilians:ISR."""
    settlers = ctx.lexicon.words.get("settler_nouns", frozenset())
    found: list[Candidate] = []
    for word in ctx.words if settlers and "ISR" in ctx.knowledge.countries else ():
        positions = [position for position, variant in enumerate(word.variants) if (variant,) in settlers]
        if positions:
            ref = civilians(ctx, "ISR")
            skip = 1 if positions[0] else 0
            found.append(
                Candidate(word.index, word.index + 1, GAZETTEER, ref, SETTLERS_RULE, SETTLER_CONFIDENCE, skip=skip)
            )
    return found


def _rebels_of_place(ctx: Context) -> list[Candidate]:
    """A rebel head noun of `non_state_heads` (sector REB) followed by "of/de" and a place ("les
    rebelles de Homs", "the insurgents of Misrata", "los milicianos de Trípoli"): the rebels of that
    place's country, the group "Syrian rebels" names (names.py). The mention runs over the place,
    which here says who the rebels are, not where something happens. Not Arabic (its construct
    state has no "of": _placed_gunmen)."""
    if ctx.language == "ar":
        return []
    found = []
    for word in ctx.words:
        head = ctx.lookup(ctx.lexicon.non_state_heads, word.index)
        if head is None or head[1] != "REB":
            continue
        place = _of_place(ctx, head[0])
        if place is None:
            continue
        last, iso3 = place
        ref = identity.unknown_group(f"{ctx.knowledge.countries[iso3].name} rebels", "armed_group", iso3, "REB")
        found.append(Candidate(word.index, last, GAZETTEER, ref, "of_place", OF_PLACE_CONFIDENCE))
    return found


def _of_place(ctx: Context, end: int) -> tuple[int, str] | None:
    """ "de Homs", "of the Gaza Strip" right after word `end - 1`: (the place's last word + 1, ISO3)."""
    after = end
    if after >= len(ctx.words) or ctx.words[after].key not in OF_WORDS | {"du", "del"}:
        return None
    after += 1
    if after < len(ctx.words) and ctx.words[after].key in DEFINITE_ARTICLES:
        after += 1
    if after >= len(ctx.words) or any(_punctuated(ctx, index) for index in range(end - 1, after)):
        return None  # "les rebelles, de Homs à Hama": another phrase
    match = ctx.best_match(after, tuple(PLACE_KINDS))
    if match is not None:
        if match.best.country and ctx.same_sentence(end - 1, match.last):
            return match.last, match.best.country
        return None
    return _town_of_one_country(ctx, after)


def _town_of_one_country(ctx: Context, first: int) -> tuple[int, str] | None:
    """A town the gazetteer's cities leave out (GeoNames' towns of 15,000 people: "Homs",
    "Misrata"): one to TOWN_WORDS capitalised words that name towns of a single country."""
    words = ctx.words
    for length in range(TOWN_WORDS, 0, -1):
        last = first + length
        if last > len(words) or not ctx.same_sentence(first, last):
            continue
        if not all(word.is_capitalized for word in words[first:last]):
            continue
        if any(_punctuated(ctx, index) for index in range(first, last - 1)):
            continue
        countries = ctx.knowledge.city_namesakes(" ".join(word.text for word in words[first:last]))
        if len(countries) == 1:
            return last, next(iter(countries))
    return None


def _punctuated(ctx: Context, index: int) -> bool:
    """Punctuation between word `index` and the next one (an elided "d'" is none)."""
    return bool(ctx.text[ctx.words[index].end : ctx.words[index + 1].start].strip(" \u00a0'\u2019"))


def _placed_gunmen(ctx: Context) -> list[Candidate]:
    """Arabic only: unnamed gunmen, a bare rebel head noun of `non_state_heads` ("على أيدي مسلحين في
    رام الله", "هاجم مسلحون حاجزا في مدينة بغداد"), whose clause puts them in places of one country
    (_clause_place_country) are that country's rebels, the group "مسلحون فلسطينيون" names
    (names.py); anywhere else they stay unplaced and are no actor (a town elsewhere in the article
    says nothing about who they are)."""
    if ctx.language != "ar":
        return []
    found: list[Candidate] = []
    for word in ctx.words:
        positions = [
            position
            for position, variant in enumerate(word.variants)
            if ctx.lexicon.non_state_heads.get((variant,)) == "REB"
        ]
        if not positions:
            continue
        iso3 = _clause_place_country(ctx, word.index, word.index + 1)
        if iso3 is None:
            continue
        name = f"{ctx.knowledge.countries[iso3].name} rebels"
        ref = identity.unknown_group(name, "armed_group", iso3, "REB")
        found.append(
            Candidate(
                word.index,
                word.index + 1,
                GUESS,
                ref,
                CLAUSE_PLACE_RULE,
                BARE_CONFIDENCE,
                skip=1 if positions[0] else 0,
            )
        )
    return found


def civilians(ctx: Context, iso3: str) -> ActorRef:
    return ActorRef(
        f"civilians:{iso3}", f"{ctx.knowledge.countries[iso3].name} civilians", "civilians", iso3, "CVL", True
    )


def settle(ctx: Context, candidates: Sequence[Candidate]) -> list[Candidate]:
    """Placeholders with a country get their id; those without are dropped, and so is a definite
    institution placed by the dominant country in a sentence that names another country or an
    actor of another country (a possible owner: "Baker met the government in Brasilia")."""
    settled = []
    placeholders = (CROWD_PLACEHOLDER, POLICE_PLACEHOLDER, STATE_PLACEHOLDER, MILITARY_PLACEHOLDER)
    owners: dict[int, set[str]] | None = None  # built once, on the first definite guess
    for candidate in candidates:
        actor_id = candidate.ref.actor_id
        if not actor_id.startswith(placeholders):
            settled.append(candidate)
            continue
        country = candidate.ref.country
        if country is None or country not in ctx.knowledge.countries:
            continue
        if candidate.rule == DEFINITE_RULE and candidate.confidence < DEFINITE_CONFIDENCE:
            if owners is None:
                owners = _sentence_countries(ctx, candidates)
            if owners.get(ctx.words[candidate.first].sentence, set()) - {country}:
                continue
        if actor_id.startswith(CROWD_PLACEHOLDER):
            ref = civilians(ctx, country)
        elif actor_id.startswith(POLICE_PLACEHOLDER):
            ref = identity.police(ctx.knowledge, country)
        elif actor_id.startswith(MILITARY_PLACEHOLDER):
            ref = identity.military(ctx.knowledge, country)
        else:
            ref = identity.state(ctx.knowledge, country)
        settled.append(replace(candidate, ref=ref))
    return settled


def _sentence_countries(ctx: Context, candidates: Sequence[Candidate]) -> dict[int, set[str]]:
    """Sentence -> the countries its toponyms, demonyms and placed actors name (possible owners)."""
    found: dict[int, set[str]] = {}
    for match in ctx.matches:
        if match.best.kind in OWNER_KINDS and match.best.country:
            found.setdefault(ctx.words[match.first].sentence, set()).add(match.best.country)
    for other in candidates:
        if other.ref.country:
            found.setdefault(ctx.words[other.first].sentence, set()).add(other.ref.country)
    return found


def _definite_institutions(ctx: Context) -> list[Candidate]:
    """A government or military noun right after a definite article ("the government", "the
    federal government", "le nouveau gouvernement", "l'armée", "the armed forces"; sections
    `definite_government`, `definite_military`, `definite_openers`), in any case: the state or
    armed forces of the country the article is about, settled by attribution.py's cues (the
    dominant country) and `settle`. Not before a name ("le gouvernement Rajoy", "the government
    of Ontario": the name says whose), the leading words of a longer name ("The Government
    Accountability Office") being the same case."""
    sections = {section: ctx.lexicon.words.get(section, frozenset()) for section in DEFINITE_SECTIONS}
    if not any(sections.values()):
        return []
    starts = ctx.lexicon.section_first_words(tuple(DEFINITE_SECTIONS))
    found = []
    for word in ctx.words:
        if word.key not in starts or ctx.phrase_ending_at(word.index, "definite_openers") is None:
            continue
        hit = _definite_phrase(ctx, word.index, sections)
        if hit is None or _names_follow(ctx, hit[0]):
            continue
        end, kind = hit
        placeholder, name, actor_type, sector = PLACEHOLDERS[kind]
        ref = ActorRef(f"{placeholder}{word.index}", name, actor_type, None, sector)
        found.append(Candidate(word.index, end, GUESS, ref, DEFINITE_RULE, DEFINITE_CONFIDENCE))
    return found


def _definite_phrase(ctx: Context, index: int, sections: dict[str, frozenset]) -> tuple[int, str] | None:
    for length in range(LONGEST, 0, -1):
        end = index + length
        if end > len(ctx.words) or not ctx.same_sentence(index, end):
            continue
        phrase = ctx.keys(index, end)
        for section, phrases in sections.items():
            if phrase in phrases:
                return end, DEFINITE_SECTIONS[section]
    return None


def _names_follow(ctx: Context, end: int) -> bool:
    """A capitalised word right after the noun, or after "of/de/du" and an article right after it
    ("gouvernement Rajoy", "the government of Ontario", "le gouvernement de l'Ontario")."""
    for after in (end, end + 1, end + 2):
        if after >= len(ctx.words) or not ctx.same_sentence(end - 1, after + 1):
            return False
        if _punctuated(ctx, after - 1):
            return False  # punctuation: the noun phrase ended ("d'Hosni" is no punctuation)
        if ctx.words[after].is_capitalized:
            return True
        if ctx.words[after].key not in OWNER_LINKS:
            return False
    return False


def _phrase_at(
    ctx: Context, index: int, crowds: frozenset, police: frozenset, government: frozenset
) -> tuple[int, str, int] | None:
    """The longest crowd, police or government phrase starting at word `index`: (end, kind,
    proclitic skip). A government noun must be capitalised ("el Gobierno", not "poder ejecutivo")."""
    words = ctx.words
    for length in range(LONGEST, 0, -1):
        end = index + length
        if end > len(words) or not ctx.same_sentence(index, end):
            continue
        rest = tuple(word.key for word in words[index + 1 : end])
        for position, variant in enumerate(words[index].variants):
            phrase = (variant, *rest)
            skip = 1 if position else 0  # a glued proclitic ("والمتظاهرون") is left out of the mention
            if phrase in crowds:
                return end, "civilians", skip
            if phrase in police:
                return end, "police", skip
            if phrase in government and words[index].is_capitalized:
                return end, "government", skip
    return None


def _clause_place_country(ctx: Context, first: int, last: int) -> str | None:
    """Arabic only: a bare crowd whose clause says where it is ("تجمع متظاهرون أمام السفارة في
    موسكو", "خرج متظاهرون بمدينة العريش") takes that place's country, when every place of the clause
    introduced by "في", a glued "ب" or "مدينة" is in one country. The clause runs to the nearest
    comma, semicolon or sentence end on either side, at most CLAUSE_REACH words away; a country that
    is no place ("سفارة استونيا") does not count. A crowd abroad ("تظاهر مصريون في لندن") has its
    demonym, read before this."""
    if ctx.language != "ar":
        return None
    words = ctx.words
    start = first
    while (
        start > 0
        and first - start < CLAUSE_REACH
        and ctx.same_sentence(start - 1, first)
        and not _breaks(ctx, start - 1)
    ):
        start -= 1
    end = last
    while (
        end < len(words)
        and end - last < CLAUSE_REACH
        and ctx.same_sentence(first, end + 1)
        and not _breaks(ctx, end - 1)
    ):
        end += 1
    countries = set()
    for index in range(start, end):
        for match in ctx.matches_at.get(index, ()):
            if match.last > end or match.best.kind not in PLACE_KINDS or not match.best.country:
                continue
            glued = ctx.text[words[index].start : words[index].start + match.skip]
            if glued.endswith("ب") or (index > 0 and _is_locative(words[index - 1].variants[-1])):
                countries.add(match.best.country)
            break
        else:
            town = _town_at(ctx, index, end)
            if town is not None:
                countries.add(town)
    return countries.pop() if len(countries) == 1 else None


def _town_at(ctx: Context, index: int, end: int) -> str | None:
    """The country of a town of `arabic_towns` (smaller than the gazetteer's cities: "في النجف",
    "بنابلس", "مدينة الديوانية") at word `index`, read only right after "في"/"مدينة" or with a glued
    "ب": elsewhere such a name may be a word or a person."""
    towns = arabic_towns()
    words = ctx.words
    word = words[index]
    firsts = []
    if index > 0 and _is_locative(words[index - 1].variants[-1]):
        firsts.append(word.key)
    for form in (word.key, *word.variants):
        glued = next((prefix for prefix in GLUED_BI if form.startswith(prefix)), None)
        if glued is not None and len(form) - len(glued) >= 3:
            firsts.append(form[len(glued) :])
    for length in range(min(TOWN_WORDS, end - index), 0, -1):
        rest = tuple(other.key for other in words[index + 1 : index + length])
        for first in firsts:
            if (first, *rest) in towns:
                return towns[(first, *rest)]
    return None


def _is_locative(key: str) -> bool:
    """ "في", "مدينة", also with a glued "و" or "ف" ("وفي")."""
    return key in LOCATIVE_WORDS or (key[:1] in ("و", "ف") and key[1:] in LOCATIVE_WORDS)


def _breaks(ctx: Context, index: int) -> bool:
    """A comma, semicolon or full stop between word `index` and the next one."""
    following = ctx.words[index + 1].start if index + 1 < len(ctx.words) else len(ctx.text)
    return any(mark in ctx.text[ctx.words[index].end : following] for mark in CLAUSE_MARKS)


def _adjacent_demonym(ctx: Context, first: int, last: int) -> tuple[int, int, str] | None:
    """A demonym qualifying the crowd noun: right after it in noun-first languages ("manifestants
    marocains"), right before it otherwise ("Moroccan protesters"): (first, last, ISO3)."""
    if ctx.language in NOUN_FIRST_LANGUAGES:
        for match in ctx.matches_at.get(last, ()):
            if match.best.kind == "demonym" and match.best.country and ctx.same_sentence(first, match.last):
                return first, match.last, match.best.country
        return None
    for start in range(max(first - 3, 0), first):
        for match in ctx.matches_at.get(start, ()):
            if (
                match.last == first
                and match.best.kind == "demonym"
                and match.best.country
                and ctx.same_sentence(start, last)
            ):
                return start, last, match.best.country
    return None
