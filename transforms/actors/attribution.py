"""The country of people and organisations the gazetteer does not know, from the text first.

An unknown person or organisation ("Manuel Valls", "Consejo General del Poder Judicial") gets
the country the text gives it, from the strongest of these cues found at any of its mentions
(confidence in brackets; the mention's confidence is capped at the cue's):

- name       [0.8]  a country, city or demonym inside an organisation's own name
                    ("Partido Socialista Obrero Español", "Universidad de Cádiz");
- family     [0.8]  a person named by a Gulf ruling family after "آل"/"Al" ("... آل نهيان",
                    "Salman bin Hamad Al Khalifa"; `actors_families.yaml`);
- of         [0.8]  "of/de/del <country>" right after the name ("Central Bank of Costa Rica");
- before     [0.75] a demonym or "<country>'s" just before the name, with only lower-case
                    words between ("le quotidien français Le Figaro", "Costa Rica's central
                    bank", "el diario colombiano El Tiempo");
- apposition [0.7]  a comma phrase after the name that names a role or a noun and a demonym,
                    country or city ("Rafael Correa, président de la république équatorienne",
                    "Jack Kemp, a New York Republican"), or in Arabic an office written straight
                    after the name ("... ولي عهد أبوظبي"); a country after a destination word is
                    where the person is posted, not whom they serve ("ambassador to France");
- party      [0.7]  a known party (dictionary, sector PTY: GOV or OPP on the day) in parentheses right after the person,
                    just before the name or in its apposition ("François Brottes (PS)");
- dominant   [0.4]  none of the above: the article's dominant country — the one its toponyms,
                    demonyms and state mentions name most, when it has at least half the votes
                    and twice the next — and only for names that carry no multinational word
                    ("International", "arabe", "Mundial").

Persons or organisations the dictionary knows keep the dictionary's country (None for an IGO).

Last, era: before a former state ended, its core successor stands for it (`actors_former_states.yaml`:
"Moscow said" in 1987 is the Soviet Union).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache

from transforms.actors import identity
from transforms.actors.context import Candidate, Context
from transforms.actors.crowds import NON_VOTING_RULES
from transforms.actors.datelines import dateline_end, dateline_places
from transforms.actors.guards import is_namesake, rehome_namesakes
from transforms.actors.identity import ActorRef
from transforms.data_files import load_data

ATTRIBUTED_TYPES = frozenset({"person", "organization", "media", "armed_group", "civilians"})
TOPONYM_KINDS = ("country", "demonym", "city", "seat", "epithet")
NAME_CUE, OF_CUE, BEFORE_CUE, APPOSITION_CUE, PARTY_CUE, DOMINANT = 0.8, 0.8, 0.75, 0.7, 0.7, 0.4
FAMILY_CUE = 0.8
FAMILY_LINKS = frozenset({"ال", "al"})  # "آل" and "Al", folded
APPOSITION_WORDS = 10
MULTINATIONAL_REACH = 4  # words around a name read for a multinational word ("UN envoy X")
DATELINE_VOTES = 2  # the place a story was filed from is home to most of its unplaced actors
OF_WORDS = frozenset({"of", "de", "du", "del", "d", "des"})
ARTICLES = frozenset(
    {
        "the",
        "a",
        "an",
        "le",
        "la",
        "l",
        "les",
        "un",
        "une",
        "el",
        "los",
        "las",
        "uno",
        "una",
        "der",
        "die",
        "das",
        "ein",
        "eine",
    }
)


def attribute_countries(ctx: Context, candidates: Sequence[Candidate]) -> list[Candidate]:
    """Text cues first (they also vote for the dominant country), then the dominant country for
    the actors the text says nothing about, then the era."""
    candidates = list(candidates)
    by_actor: dict[str, list[int]] = defaultdict(list)
    for position, candidate in enumerate(candidates):
        by_actor[candidate.ref.actor_id].append(position)
    unplaced = []
    # party mentions: (first word, last word) -> the party's country
    parties = {(c.first, c.last): c.ref.country for c in candidates if is_party(ctx, c.ref) and c.ref.country}
    for positions in by_actor.values():
        refs = [candidates[position].ref for position in positions]
        if any(ref.known or ref.country for ref in refs) or refs[0].type not in ATTRIBUTED_TYPES:
            continue
        cue = _best_cue(ctx, [candidates[position] for position in positions], parties)
        if cue is None:
            unplaced.append(positions)
        else:
            _set_country(candidates, positions, *cue)
    dominant = dominant_country(ctx, candidates)
    candidates = rehome_namesakes(ctx, candidates, dominant)
    if dominant is not None:
        for positions in unplaced:
            if not any(_multinational(ctx, candidates[position]) for position in positions):
                _set_country(candidates, positions, DOMINANT, dominant)
    return [_in_era(ctx, candidate) for candidate in candidates]


def is_party(ctx: Context, ref: ActorRef) -> bool:
    """A political party of the dictionary (whatever its sector on the article's date)."""
    known = ctx.knowledge.dictionary.get(ref.actor_id) if ref.known else None
    return known is not None and known.is_party


def _set_country(candidates: list[Candidate], positions: list[int], confidence: float, country: str) -> None:
    for position in positions:
        candidate = candidates[position]
        candidates[position] = replace(
            candidate,
            ref=replace(candidate.ref, country=country),
            confidence=min(candidate.confidence, confidence),
        )


# -- cues in the text ------------------------------------------------------------------------------
def _best_cue(
    ctx: Context, mentions: list[Candidate], parties: dict[tuple[int, int], str] | None = None
) -> tuple[float, str] | None:
    found: list[tuple[float, str]] = []
    for candidate in mentions:
        if candidate.rule == "coreference":
            continue  # a short form's surroundings belong to the sentence, not to the name
        for cue in (_name_cue, _family_cue, _of_cue, _before_cue, _apposition_cue):
            result = cue(ctx, candidate)
            if result is not None:
                found.append(result)
                break
        else:
            result = _party_cue(ctx, candidate, parties or {})
            if result is not None:
                found.append(result)
    if not found:
        return None
    votes = Counter(country for _, country in found)
    best = max(found, key=lambda cue: (cue[0], votes[cue[1]], cue[1]))
    # Two cues naming different countries with the same strength: the text is not clear.
    if any(country != best[1] and confidence == best[0] for confidence, country in found):
        return None
    return best


def _toponym_at(ctx: Context, first: int, last: int) -> tuple[int, str] | None:
    """The first country, city or demonym match inside words [first, last): (its end, ISO3)."""
    for index in range(first, last):
        for match in ctx.matches_at.get(index, ()):
            if match.last <= last and match.best.kind in TOPONYM_KINDS and match.best.country:
                return match.last, match.best.country
    return None


def _name_cue(ctx: Context, candidate: Candidate) -> tuple[float, str] | None:
    if candidate.ref.type == "person":
        return None  # "Jean-Louis Paris": a person's name says nothing of their country
    found = _toponym_at(ctx, candidate.first, candidate.last)
    return (NAME_CUE, found[1]) if found else None


def _family_cue(ctx: Context, candidate: Candidate) -> tuple[float, str] | None:
    if candidate.ref.type != "person":
        return None
    families = ctx.knowledge.ruling_families
    for index in range(candidate.first + 1, candidate.last - 1):
        if ctx.words[index].key in FAMILY_LINKS and ctx.words[index + 1].key in families:
            return FAMILY_CUE, families[ctx.words[index + 1].key]
    return None


def _of_cue(ctx: Context, candidate: Candidate) -> tuple[float, str] | None:
    index = candidate.last
    if index + 1 >= len(ctx.words) or not ctx.same_sentence(candidate.first, index + 1):
        return None
    if ctx.words[index].key not in OF_WORDS:
        return None
    if ctx.text[ctx.words[index - 1].end : ctx.words[index].start].strip():
        return None  # "X, de Francia": punctuation between
    after = index + 1
    if ctx.words[after].key in ARTICLES and after + 1 < len(ctx.words):
        after += 1
    for match in ctx.matches_at.get(after, ()):
        if match.best.kind in ("country", "epithet") and match.best.country:
            return OF_CUE, match.best.country
    return None


def _before_cue(ctx: Context, candidate: Candidate) -> tuple[float, str] | None:
    """A demonym right before the name ("le quotidien français Le Figaro"), or a possessive
    country with at most two lower-case words between ("Costa Rica's central bank X")."""
    index = candidate.claim_first
    if index >= 2 and ctx.words[index - 1].key in ARTICLES and ctx.words[index - 1].is_capitalized:
        index -= 1  # "le quotidien français Le Figaro": the name's own article
    if index == 0 or not ctx.same_sentence(index - 1, candidate.first + 1):
        return None
    if ctx.text[ctx.words[index - 1].end : ctx.words[index].start].strip(" \u00a0"):
        return None  # punctuation: another phrase
    for start in range(max(index - 4, 0), index):
        match = ctx.match_covering(start, index, ("demonym",))
        if match is not None and match.best.country:
            return BEFORE_CUE, match.best.country
    for between in range(3):
        possessive = index - between - 1
        if possessive < 1 or not ctx.same_sentence(possessive, index):
            return None
        if ctx.words[possessive].key == "s" and ctx.text[
            ctx.words[possessive - 1].end : ctx.words[possessive].start
        ] in ("'", "\u2019"):
            for start in range(max(possessive - 4, 0), possessive):
                match = ctx.match_covering(start, possessive, ("country",))
                if match is not None:
                    return BEFORE_CUE, match.best.country  # type: ignore[return-value]
            return None
        if not ctx.words[possessive].is_lower:
            return None
    return None


def _apposition_cue(ctx: Context, candidate: Candidate) -> tuple[float, str] | None:
    """ ", président de la république équatorienne", ", a New York Republican"."""
    index = max(candidate.last, candidate.claim_last)
    if candidate.office is not None and candidate.claim_last > candidate.last:
        index = candidate.last  # the apposition is the office the person already carries
    if index >= len(ctx.words) or not ctx.same_sentence(candidate.first, index + 1):
        return None
    first_word = ctx.words[index]
    lexicon = ctx.lexicon
    gap = ctx.text[ctx.words[index - 1].end : ctx.words[index].start].strip()
    # Arabic writes the office straight after the name: "محمد ... ولي عهد أبوظبي"
    bare_office = gap == "" and first_word.arabic and ctx.lookup(lexicon.titles, index, longest=5) is not None  # type: ignore[arg-type]
    if gap != "," and not bare_office:
        return None
    opens = (
        first_word.key in ARTICLES
        or ctx.lookup(lexicon.titles, index, longest=5) is not None  # type: ignore[arg-type]
        or (first_word.key,) in lexicon.institutions
        or (first_word.key,) in lexicon.group_heads
    )
    if not opens:
        return None
    end = index
    while end < len(ctx.words) and end - index < APPOSITION_WORDS and ctx.same_sentence(index, end + 1):
        if end > index and any(
            char in ctx.text[ctx.words[end - 1].end : ctx.words[end].start] for char in ',;:.()"«»\n'
        ):
            break
        end += 1
    position = index
    while position < end:
        found = _toponym_at(ctx, position, end)
        if found is None:
            return None
        match_first = next(
            i
            for i in range(position, end)
            if any(m.best.kind in TOPONYM_KINDS and m.best.country and m.last <= end for m in ctx.matches_at.get(i, ()))
        )
        if not _after_destination(ctx, match_first, index):
            return APPOSITION_CUE, found[1]
        position = found[0]
    return None


def _party_cue(ctx: Context, candidate: Candidate, parties: dict[tuple[int, int], str]) -> tuple[float, str] | None:
    """Party membership: "François Brottes (PS)", "el diputado del PP Juan X", "X, député UMP de
    la Manche": a known party (dictionary, sector PTY) in parentheses right after the person, just
    before the name, or in its apposition gives the party's country."""
    if candidate.ref.type != "person" or not parties:
        return None
    words = ctx.words
    after = max(candidate.last, candidate.claim_last)
    if candidate.office is not None and candidate.claim_last > candidate.last:
        after = candidate.last  # the apposition is the office the person already carries
    for (first, last), country in parties.items():
        if not ctx.same_sentence(min(first, candidate.first), max(last, candidate.last)):
            continue
        if (
            first == after
            and ctx.text[words[after - 1].end : words[first].start].strip() == "("
            and (last >= len(words) or ctx.text[words[last - 1].end : words[last].start].strip()[:1] == ")")
        ):
            return PARTY_CUE, country
        if last == candidate.claim_first and not ctx.text[words[last - 1].end : words[last].start].strip():
            return PARTY_CUE, country
        end = _apposition_end(ctx, after)
        if after < first and last <= end:
            return PARTY_CUE, country
    return None


def _after_destination(ctx: Context, index: int, floor: int) -> bool:
    """Whether a destination word stands before word `index` ("auprès de la Norvège", "to Norway")."""
    while index - 1 > floor and ctx.words[index - 1].key in ARTICLES:
        index -= 1
    for length in (1, 2):
        start = index - length
        if start >= floor and ctx.lexicon.has("destinations", ctx.keys(start, index)):
            return True
    return False


def _multinational(ctx: Context, candidate: Candidate) -> bool:
    """A multinational word in the name, its title phrase or its apposition ("l'envoyé onusien",
    "X, président de la Commission européenne")."""
    first, last = min(candidate.first, candidate.claim_first), max(candidate.last, candidate.claim_last)
    last = _apposition_end(ctx, last)
    first, last = _unbroken(ctx, first, -MULTINATIONAL_REACH), _unbroken(ctx, last, MULTINATIONAL_REACH)
    in_state_names = {  # "الإمارات العربية المتحدة", "Syrian Arab Republic": a state, not a league
        index
        for index in range(first, last)
        for match in ctx.matches_at.get(index, ())
        if match.best.kind in TOPONYM_KINDS
        for index in range(match.first, match.last)
    }
    return any(
        ctx.lexicon.has("multinational_words", ctx.keys(start, start + length))
        for start in range(first, last)
        for length in (1, 2)
        if start + length <= last and not in_state_names & set(range(start, start + length))
    )


def _unbroken(ctx: Context, edge: int, reach: int) -> int:
    """Move a span edge up to `reach` words outwards (negative: to the left) without crossing
    punctuation or a line break: "مبعوث الأمم المتحدة إلى اليمن إسماعيل" reaches the UN."""
    step = -1 if reach < 0 else 1
    for _ in range(abs(reach)):
        left, right = edge - 1, edge  # the boundary the edge would cross
        if left < 0 or right >= len(ctx.words):
            break
        if (
            ctx.text[ctx.words[left].end : ctx.words[right].start].strip()
            or "\n" in ctx.text[ctx.words[left].end : ctx.words[right].start]
        ):
            break  # punctuation or a line break (a sentence end the splitter saw without either is no end)
        edge += step
    return edge


def _apposition_end(ctx: Context, index: int) -> int:
    """End of a comma apposition starting after word `index` (itself when there is none)."""
    if index >= len(ctx.words) or ctx.text[ctx.words[index - 1].end : ctx.words[index].start].strip() != ",":
        return index
    end = index
    while end < len(ctx.words) and end - index < APPOSITION_WORDS and ctx.same_sentence(index, end + 1):
        if end > index and any(
            char in ctx.text[ctx.words[end - 1].end : ctx.words[end].start] for char in ',;:.()"«»\n'
        ):
            break
        end += 1
    return end


# -- the article's dominant country ------------------------------------------------------------------
def dominant_country(ctx: Context, candidates: Sequence[Candidate]) -> str | None:
    """The country most of the article's mentions with a country name (states, places,
    demonyms, people and groups the text or the dictionary places; the dateline counts twice;
    other towns whose name other countries share do not vote): at least half of all votes and
    twice the runner-up."""
    votes: Counter[str] = Counter()
    end = dateline_end(ctx.text)
    for candidate in candidates:
        ref = candidate.ref
        if not ref.country or candidate.rule in NON_VOTING_RULES:  # (crowds.py)
            continue
        if ctx.words[candidate.first].start < end:  # the dateline: where the story was filed
            votes[ref.country] += DATELINE_VOTES
        elif not is_namesake(ctx, candidate):
            votes[ref.country] += 1
    filed_from = _dateline_country(ctx, candidates)
    if filed_from is not None:
        votes[filed_from] += DATELINE_VOTES
    if not votes:
        return None
    ranked = votes.most_common()
    top, count = min(ranked, key=lambda item: (-item[1], item[0]))
    runner_up = max((n for country, n in ranked if country != top), default=0)
    if count * 2 < sum(votes.values()) or count < 2 * runner_up:
        return None
    return top


def _dateline_country(ctx: Context, candidates: Sequence[Candidate]) -> str | None:
    """The country of a dateline town the name index does not know ("Jerez de la Frontera
    (Cádiz)"), from GeoNames' towns of 15,000 people or more: the one country that has a town
    of that name (and of the region's name, when the region is a town too)."""
    end = dateline_end(ctx.text)
    if end == 0 or any(c.ref.country and ctx.words[c.first].start < end for c in candidates):
        return None  # no dateline, or the index read it (its toponym already voted)
    places = dateline_places(ctx.text)
    if not places:
        return None
    countries = set(ctx.knowledge.city_namesakes(places[0]))
    for region in places[1:]:
        region_countries = ctx.knowledge.city_namesakes(region)
        if region_countries:
            countries &= region_countries
    return next(iter(countries)) if len(countries) == 1 else None


# -- era -------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _former_states() -> tuple[tuple[str, str, date, date], ...]:
    """(successor, former state, first day, last day) rows of actors_former_states.yaml."""
    rows = []
    for former, entry in sorted(load_data("actors_former_states.yaml")["former_states"].items()):
        if entry.get("core"):
            rows.append((entry["core"], former, _day(entry.get("from", "0001-01-01")), _day(entry["until"])))
    return tuple(rows)


def _day(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def former_state(country: str | None, day: date | None) -> str | None:
    """The former state a country's name stood for on a day ("RUS" in 1987 -> "SUN")."""
    if country is None or day is None:
        return None
    for core, former, since, until in _former_states():
        if core == country and since <= day <= until:
            return former
    return None


def _in_era(ctx: Context, candidate: Candidate) -> Candidate:
    ref = candidate.ref
    former = former_state(ref.country, ctx.day)
    if former is None or former not in ctx.knowledge.countries:
        return candidate
    return candidate.with_ref(_era_ref(ctx, ref, former))


def _era_ref(ctx: Context, ref: ActorRef, former: str) -> ActorRef:
    kind, _, rest = ref.actor_id.partition(":")
    if kind == "state":
        return identity.state(ctx.knowledge, former)
    if kind == "military" and rest == ref.country:
        return identity.military(ctx.knowledge, former)
    if kind == "police" and rest == ref.country:
        return identity.police(ctx.knowledge, former)
    if kind == "intelligence" and rest == ref.country:
        return identity.intelligence(ctx.knowledge, former)
    if kind == "place":
        city = rest.partition(":")[2]
        return identity.place(ctx.knowledge, former, ref.name if city else None)
    return replace(ref, country=former)
