"""The sector of people and organisations the dictionary does not know, from the text.

Sectors are coded as the realnews GUIDE and CAMEO code them (GOV, MIL, POL, JUD, LEG, OPP, REB,
CVL, MED, BUS, NGO, IGO, REL, OTHER). Dictionary actors keep the dictionary's sector on the
article's date (a party's is GOV or OPP by its spells in government). For the others, per actor,
the strongest of these cues at any of its mentions wins:

People
- opposition [1]  a party in opposition on the article's date, named with the person: in
                  parentheses after the name ("Lionel Tardy (UMP)" in 2012), right before the
                  title or name, in the title or office ("président du groupe UMP"); or an
                  opposition word in the title phrase ("Labour opposition leader Neil Kinnock").
- body       [2]  a title that heads whatever it names (`office_heads`: president, chairman,
                  spokesman, "porte-parole") takes the sector of the body its office names: a
                  dictionary actor ("président de la Commission européenne" IGO), a sector word
                  (`sector_words`: "président de l'Assemblée" LEG, "presidente del Tribunal
                  Supremo" JUD), a multinational word that is no country's demonym
                  ("président de la commission européenne" IGO), or an organisation right before
                  the title ("CUPW President X" takes the union's sector).
- title      [3]  the title's own sector ("ministre" GOV, "général" MIL, "député" LEG); honorifics
                  ("M.", "Mr") have none; or a government noun next to the name ("le gouvernement
                  Rajoy", "the Reagan administration": `government_of_person`) GOV.
- government [4]  a party in the national government that day, named as above: GOV.

Organisations
- apposition      a sector word in ", a/an/the/un/le ..." after the name ("United States-Iraq
                  Business Forum, a non-profit group" NGO);
- name            else a sector word in the name, the longest first, then the leftmost
                  ("Tribunal Constitucional" JUD, "House Ways and Means Committee" LEG, "Datapoint
                  Corp" BUS, "Canadian Union of Postal Workers" CVL, "Universidad de Cádiz" OTHER);
                  a party's name ("Partido X", "X Party") none: a party is coded GOV or OPP.
- kind noun       else a lower-case sector word right before the name, past demonyms and
                  adjectives ("le quotidien El Punt Avui", "la télévision espagnole TVE": MED).

An actor with no cue keeps what it had (its head noun's type sector, or none).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from transforms.actors.attribution import is_party
from transforms.actors.context import Candidate, Context

OPPOSITION, BODY, TITLE, GOVERNMENT = 1, 2, 3, 4
SECTORED_GROUPS = frozenset({"organization", "media"})
PARTY_WORDS = frozenset({"party", "parti", "partido", "partei", "partito", "حزب"})
OFFICE_HEAD_LONGEST = 3
TITLE_MODIFIERS = 2  # lower-case words right before a title read with it ("opposition leader")
KIND_NOUN_REACH = 3
# BUS words that are a company suffix only at a name's end: "Co" also abbreviates County ("Co Cork")
SUFFIX_ONLY_SECTOR_WORDS = frozenset({"co"})
APPOSITION_WORDS = 8
APPOSITION_ARTICLES = frozenset(
    {"a", "an", "the", "un", "une", "le", "la", "l", "el", "una", "uno", "ein", "eine", "der", "die", "das"}
)  # words back from a name: the noun, a demonym, an adjective


def assign_sectors(ctx: Context, candidates: Sequence[Candidate]) -> list[Candidate]:
    candidates = list(candidates)
    by_actor: dict[str, list[int]] = defaultdict(list)
    for position, candidate in enumerate(candidates):
        by_actor[candidate.ref.actor_id].append(position)
    for positions in by_actor.values():
        refs = [candidates[position].ref for position in positions]
        if any(ref.known for ref in refs):
            continue
        mentions = [candidates[position] for position in positions]  # short forms too: "le gouvernement Rajoy"
        if refs[0].type == "person":
            sector = person_sector(ctx, mentions, candidates)
        elif refs[0].type in SECTORED_GROUPS and not any(ref.sector for ref in refs):
            sector = group_sector(ctx, mentions)
        else:
            sector = None
        if sector is not None:
            for position in positions:
                candidate = candidates[position]
                candidates[position] = replace(candidate, ref=replace(candidate.ref, sector=sector))
    return candidates


# -- people ------------------------------------------------------------------------------------------
def person_sector(ctx: Context, mentions: Sequence[Candidate], candidates: Sequence[Candidate]) -> str | None:
    found: list[tuple[int, str]] = []
    for mention in mentions:
        found.extend(_person_cues(ctx, mention, candidates))
    if not found:
        return None
    return min(found)[1]


def _person_cues(ctx: Context, mention: Candidate, candidates: Sequence[Candidate]) -> list[tuple[int, str]]:
    cues: list[tuple[int, str]] = []
    for party in _parties_with(ctx, mention, candidates):
        sector = party.sector_on(ctx.day)
        if sector == "OPP":
            cues.append((OPPOSITION, "OPP"))
        elif sector == "GOV":
            cues.append((GOVERNMENT, "GOV"))
    if mention.claim_first < mention.first and any(
        ctx.lexicon.non_state_heads.get((ctx.words[index].key,)) == "OPP" for index in _title_words(ctx, mention)
    ):
        cues.append((OPPOSITION, "OPP"))  # "Labour opposition leader Neil Kinnock", "le chef de l'opposition X"
    if _heads_a_body(ctx, mention):
        body = _body_sector(ctx, mention, candidates)
        if body is not None:
            cues.append((BODY, body))
    if mention.ref.sector is not None:
        cues.append((TITLE, mention.ref.sector))
    if _heads_a_government(ctx, mention):
        cues.append((TITLE, "GOV"))
    return cues


def _heads_a_government(ctx: Context, mention: Candidate) -> bool:
    """ "le gouvernement Rajoy", "el gobierno de Aznar", "the Reagan administration": a
    government noun right before the name (past "de"), or right after it."""
    nouns = ctx.lexicon.words.get("government_of_person", frozenset())
    before = mention.claim_first - 1
    if before > 0 and ctx.words[before].key in ("de", "of", "du", "d") and _tight(ctx, before, before + 1):
        before -= 1
    if before >= 0 and _tight(ctx, before, before + 1) and (ctx.words[before].key,) in nouns:
        return ctx.words[before].is_lower
    after = mention.claim_last
    return (
        after < len(ctx.words)
        and _tight(ctx, after - 1, after)
        and (ctx.words[after].key,) in nouns
        and ctx.words[after].is_lower
    )


def _title_words(ctx: Context, mention: Candidate) -> list[int]:
    """The title before the name, with up to two lower-case words right before it."""
    indexes = list(range(mention.claim_first, mention.first))
    start = mention.claim_first
    for _ in range(TITLE_MODIFIERS):
        if start == 0 or not ctx.words[start - 1].is_lower or not _tight(ctx, start - 1, start):
            break
        start -= 1
        indexes.append(start)
    return indexes


def _office_spans(mention: Candidate) -> list[tuple[int, int]]:
    """Word spans of the title before the name and the office after it (either may be empty).
    An appositive office whose complement names a body of its own ("X, president of Datapoint
    Corp") does not claim that body's words, yet they say what the title heads."""
    after = mention.claim_last
    if mention.office is not None and mention.open_span is not None and mention.open_span[0] >= mention.last:
        after = max(after, mention.open_span[1])
    return [(mention.claim_first, mention.first), (mention.last, after)]


def _heads_a_body(ctx: Context, mention: Candidate) -> bool:
    """Whether the title or office opens with a title that heads a body ("président du groupe")."""
    heads = ctx.lexicon.words.get("office_heads", frozenset())
    for first, last in _office_spans(mention):
        for index in range(first, last):
            if any(ctx.keys(index, index + length) in heads for length in range(1, OFFICE_HEAD_LONGEST + 1)):
                return True
    return False


def _body_sector(ctx: Context, mention: Candidate, candidates: Sequence[Candidate]) -> str | None:
    """The sector of the body the office names: a dictionary actor in it, a sector word in it, or
    an organisation right before the title ("CUPW President X")."""
    for first, last in _office_spans(mention):
        for index in range(first, last):
            for match in ctx.matches_at.get(index, ()):
                known = ctx.knowledge.dictionary.get(match.best.ref) if match.best.kind == "known" else None
                if known is not None and match.last <= last and known.type != "person":
                    sector = known.sector_on(ctx.day)
                    if sector is not None:
                        return sector
        sector = sector_in(ctx, first, last)
        if sector is not None:
            return sector
    if any(_multinational_word(ctx, index) for first, last in _office_spans(mention) for index in range(first, last)):
        return "IGO"  # "le président de la commission européenne", "secretary general of the Arab League"
    before = _organisation_before(ctx, mention, candidates)
    return before.ref.sector if before is not None else None


def _multinational_word(ctx: Context, index: int) -> bool:
    """A multinational word ("européenne", "arabe", "onusien") that is no country's demonym or
    name ("American" is the United States')."""
    if not ctx.lexicon.has("multinational_words", (ctx.words[index].key,)):
        return False
    return not any(
        match.first <= index < match.last and match.best.kind in ("country", "demonym")
        for start in range(max(index - 3, 0), index + 1)
        for match in ctx.matches_at.get(start, ())
    )


def _organisation_before(ctx: Context, mention: Candidate, candidates: Sequence[Candidate]) -> Candidate | None:
    """An organisation's name right before the title, with only a space between."""
    start = mention.claim_first
    if start == 0 or start == mention.first:
        return None
    for other in candidates:
        if (
            other.claim_last == start
            and other.ref.type in ("organization", "media", "armed_group", "igo")
            and ctx.same_sentence(other.first, start + 1)
            and not ctx.text[ctx.words[start - 1].end : ctx.words[start].start].strip()
        ):
            return other
    return None


def _parties_with(ctx: Context, mention: Candidate, candidates: Sequence[Candidate]):  # type: ignore[no-untyped-def]
    """Dictionary parties named with the person: in parentheses right after the name, right
    before the title or name, or inside the title or office."""
    words = ctx.words
    found = []
    for first, last in _office_spans(mention):
        for index in range(first, last):
            for match in ctx.matches_at.get(index, ()):
                known = ctx.knowledge.dictionary.get(match.best.ref) if match.best.kind == "known" else None
                if known is not None and known.is_party and match.last <= last:
                    found.append(known)
    for other in candidates:
        if not is_party(ctx, other.ref):
            continue
        after = mention.last
        in_parentheses = (
            other.first == after
            and after < len(words)
            and ctx.text[words[after - 1].end : words[after].start].strip() == "("
        )
        before = (
            other.last == mention.claim_first
            and mention.claim_first > 0
            and ctx.same_sentence(other.first, mention.claim_first + 1)
            and not ctx.text[words[other.last - 1].end : words[other.last].start].strip()
        )
        if in_parentheses or before:
            found.append(ctx.knowledge.dictionary[other.ref.actor_id])
    return found


# -- organisations -----------------------------------------------------------------------------------
def group_sector(ctx: Context, mentions: Sequence[Candidate]) -> str | None:
    ordered = sorted(mentions, key=lambda m: (-(m.last - m.first), m.first))
    if any(ctx.words[index].key in PARTY_WORDS for mention in ordered for index in range(mention.first, mention.last)):
        return None  # a party: GOV or OPP, which its name does not tell
    for mention in ordered:
        apposition = _apposition(ctx, mention.last)
        if apposition is not None:
            sector = sector_in(ctx, *apposition)
            if sector is not None:
                return sector
    for mention in ordered:
        sector = sector_in(ctx, mention.first, mention.last)
        if sector is None:  # "House Ways and Means Committee": a word that counts first only
            sector = ctx.lexicon.leading_sector_words.get(ctx.words[mention.first].key)
        if sector is not None:
            return sector
    for mention in ordered:
        sector = _kind_noun_before(ctx, mention.first)
        if sector is not None:
            return sector
    return None


def _apposition(ctx: Context, after: int) -> tuple[int, int] | None:
    """Words of ", a/the/un/le ... " after a name, to the next punctuation: what the text says
    the organisation is ("United States-Iraq Business Forum, a non-profit group")."""
    words = ctx.words
    if after >= len(words) or ctx.text[words[after - 1].end : words[after].start].strip() != ",":
        return None
    if words[after].key not in APPOSITION_ARTICLES:
        return None
    end = after + 1
    while end < len(words) and end - after < APPOSITION_WORDS and ctx.same_sentence(after, end + 1):
        if any(char in ctx.text[words[end - 1].end : words[end].start] for char in ',;:.()"«»\n'):
            break
        end += 1
    return after + 1, end


def _kind_noun_before(ctx: Context, first: int) -> str | None:
    """A sector word naming what the organisation is, right before its name, past demonyms and
    adjectives: "le quotidien El Punt Avui" MED, "la télévision espagnole TVE" MED, "the
    carmaker's rival, the airline Iberia" BUS."""
    end = first
    for _ in range(KIND_NOUN_REACH):
        if end == 0 or not _tight(ctx, end - 1, end):
            return None
        sector = _sector_word_ending_at(ctx, end)
        if sector is not None:
            return sector
        demonym = next(
            (start for start in range(max(end - 3, 0), end) if ctx.match_covering(start, end, ("demonym",))), None
        )
        if demonym is not None:
            end = demonym
        elif _is_adjective(ctx, end - 1):
            end -= 1
        else:
            return None
    return None


def _sector_word_ending_at(ctx: Context, end: int) -> str | None:
    table = ctx.lexicon.sector_words
    for length in (3, 2, 1):
        start = end - length
        if start >= 0 and ctx.same_sentence(start, end):
            sector = table.get(ctx.keys(start, end))
            if sector is not None and ctx.words[start].is_lower:
                return sector
    return None


def _tight(ctx: Context, left: int, right: int) -> bool:
    return ctx.same_sentence(left, right + 1) and ctx.text[ctx.words[left].end : ctx.words[right].start] == " "


def _is_adjective(ctx: Context, index: int) -> bool:
    token = ctx.token_starting_at(ctx.words[index].start)
    return ctx.words[index].is_lower and token is not None and token.pos_ == "ADJ"


def sector_in(ctx: Context, first: int, last: int) -> str | None:
    """The sector of the longest sector word in words [first, last), the leftmost among equals."""
    table = ctx.lexicon.sector_words
    for length in range(ctx.lexicon.sector_words_longest, 0, -1):
        for start in range(first, last - length + 1):
            sector = table.get(ctx.keys(start, start + length))
            if sector is not None and not _leading_suffix_word(ctx, start, length, last):
                return sector
    return None


def _leading_suffix_word(ctx: Context, start: int, length: int, last: int) -> bool:
    """A company suffix that only counts at a name's end ("Ford Motor Co"): before a capitalised
    word it is the Irish county ("TD for Co Donegal"), before "-" a prefix ("co-chair")."""
    if length != 1 or ctx.words[start].key not in SUFFIX_ONLY_SECTOR_WORDS or start + 1 >= last:
        return False
    following = ctx.words[start + 1]
    hyphen = "-" in ctx.text[ctx.words[start].end : following.start + 1]
    return following.is_capitalized or hyphen
