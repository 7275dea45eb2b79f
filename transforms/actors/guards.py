"""Guards against common words and namesakes read as places.

- **Common words (Arabic)**: Arabic has no capitals to tell "المدينة" (the city) from Medina or
  "مالية" (financial) from "Malian". A one-word place name or demonym that is more often a
  common word (`Knowledge.common_place_words`) only counts when the article names the same
  country another way ("جمهورية مالي", "باماكو"), or, for a word whose common reading is an
  adjective, where no noun stands before it for it to qualify (sentence start, after a
  preposition: "في مالي") or where the noun is an armed force ("الجيش المالي": no army is
  "financial"); otherwise the match is dropped.
- **Longer place names**: a city name followed by "de/del/di/do/da" and a capitalised word that
  is no known place is the head of a longer name ("Santiago de Compostela", "San José del
  Guaviare"), not the city: the candidate is dropped.
- **Namesakes** (`rehome_namesakes`): a city that is no capital and whose name other countries'
  towns bear too ("Valencia": Spain and Venezuela) casts no vote for the article's dominant
  country, and when that country has a town of the name the city is that town.
"""

from __future__ import annotations

from collections.abc import Sequence

from transforms.actors import identity
from transforms.actors.context import Candidate, Context
from transforms.actors.gazetteer import Match
from transforms.actors.text import Word

GUARDED_KINDS = frozenset({"country", "city", "seat", "demonym"})
LONGER_NAME_LINKS = frozenset({"de", "del", "di", "do", "da", "dos", "das"})


def guard_common_words(
    words: Sequence[Word], matches: list[Match], common: tuple[frozenset[str], frozenset[str]], cues: frozenset[str]
) -> list[Match]:
    """`cues`: folded words after which an adjective-like word is a name (prepositions) or a
    demonym (armed-force nouns)."""
    adjectives, nouns = common

    def guarded(match: Match) -> bool:
        if match.last - match.first != 1 or not words[match.first].arabic or match.best.kind not in GUARDED_KINDS:
            return False
        key, first = words[match.first].key, match.first
        if key in nouns:
            return True
        if key not in adjectives:
            return False
        # an adjective needs a noun before it: at a sentence start or after a preposition it is
        # a name; after an armed-force noun it is the demonym ("الجيش المالي", the Malian army)
        return not (first == 0 or words[first - 1].sentence != words[first].sentence or words[first - 1].key in cues)

    confirmed = {
        match.best.country
        for match in matches
        if match.best.kind in GUARDED_KINDS and match.best.country and not guarded(match)
    }
    return [match for match in matches if not guarded(match) or match.best.country in confirmed]


def guard_longer_names(ctx: Context, candidates: Sequence[Candidate]) -> list[Candidate]:
    return [candidate for candidate in candidates if not _head_of_longer_name(ctx, candidate)]


def _head_of_longer_name(ctx: Context, candidate: Candidate) -> bool:
    if candidate.toponym is None or candidate.toponym.city is None:
        return False
    link, name = candidate.last, candidate.last + 1
    if name >= len(ctx.words) or not ctx.same_sentence(candidate.first, name + 1):
        return False
    if ctx.words[link].key not in LONGER_NAME_LINKS or not ctx.words[name].is_capitalized:
        return False
    if ctx.text[ctx.words[link - 1].end : ctx.words[link].start] != " ":
        return False
    return ctx.best_match(name, ("country", "city", "seat", "demonym", "epithet")) is None


def is_namesake(ctx: Context, candidate: Candidate) -> bool:
    """A non-capital city whose name towns of other countries bear too."""
    toponym = candidate.toponym
    if toponym is None or toponym.city is None or toponym.is_seat:
        return False
    return len(ctx.knowledge.city_namesakes(toponym.city)) > 1


def rehome_namesakes(ctx: Context, candidates: Sequence[Candidate], dominant: str | None) -> list[Candidate]:
    if dominant is None:
        return list(candidates)
    result = []
    for candidate in candidates:
        toponym = candidate.toponym
        if (
            is_namesake(ctx, candidate)
            and toponym.country != dominant  # type: ignore[union-attr]
            and dominant in ctx.knowledge.city_namesakes(toponym.city)  # type: ignore[arg-type, union-attr]
        ):
            candidate = candidate.with_ref(identity.place(ctx.knowledge, dominant, toponym.city))  # type: ignore[union-attr]
        result.append(candidate)
    return result
