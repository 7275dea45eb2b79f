"""ActorResolver: one article in, its actors (with every mention and why it resolved) out.

The steps, in order:
1. words and their folded keys (text.py), looked up in the name index of the article's
   language (gazetteer.py);
2. candidates from names (names.py), titled and recognised people (persons.py) and unknown
   organisations (groups.py); the strongest non-overlapping ones are kept (context.select);
3. toponyms read as places or acting states (metonymy.py); a dateline is a place (datelines.py);
4. short forms, acronyms, "the Kingdom" and fuzzy dictionary matches (coreference.py);
5. the country of unknown people and organisations, from the text first and the article's
   dominant country last; former states by the article's date (attribution.py); crowds and
   unnamed police ("los manifestantes", "الشرطة") are placed the same way, or dropped (crowds.py);
6. the sector of unknown people and organisations, from their titles, offices, parties and
   names (sectors.py);
7. mentions grouped into `Actor` records (assemble.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc

from transforms.actors.assemble import assemble
from transforms.actors.attribution import attribute_countries
from transforms.actors.context import Context, select
from transforms.actors.coreference import resolve_coreference
from transforms.actors.crowds import crowd_candidates, settle
from transforms.actors.datelines import read_datelines
from transforms.actors.gazetteer import NameIndex, build_index
from transforms.actors.groups import group_candidates
from transforms.actors.guards import guard_common_words, guard_longer_names
from transforms.actors.knowledge import Knowledge
from transforms.actors.metonymy import read_toponyms
from transforms.actors.names import fuzzy_country_candidates, name_candidates
from transforms.actors.persons import add_appositive_offices, person_candidates
from transforms.actors.sectors import assign_sectors
from transforms.actors.text import tokenize
from transforms.records import Actor, ArticleRecord, Sentence


class ActorResolver:
    """Finds and resolves the actors of articles; load once per process and reuse."""

    def __init__(self, knowledge: Knowledge | None = None) -> None:
        self.knowledge = knowledge or Knowledge()
        self._indexes: dict[str, NameIndex] = {}

    def index(self, language: str) -> NameIndex:
        """The name index of a language, built on first use."""
        if language not in self._indexes:
            self._indexes[language] = build_index(self.knowledge, language)
        return self._indexes[language]

    def resolve(self, article: ArticleRecord, doc: Doc | None, sentences: Sequence[Sentence]) -> tuple[Actor, ...]:
        """The article's actors, sorted by actor id, each with its mentions in text order."""
        ctx = self.context(article.text, article.language.language, doc, sentences, _article_day(article))
        return resolve_context(ctx)

    def context(
        self, text: str, language: str, doc: Doc | None, sentences: Sequence[Sentence], day: date | None
    ) -> Context:
        words = tokenize(text, [sentence.start for sentence in sentences])
        matches = self.index(language).find(words, text)
        lexicon = self.knowledge.lexicon(language)
        cues = frozenset(
            phrase[0]
            for section in ("locative", "actor_prepositions")
            for phrase in lexicon.words.get(section, ())
            if len(phrase) == 1
        )
        cues |= {phrase[0] for phrase, kind in lexicon.institutions.items() if len(phrase) == 1 and kind == "military"}
        matches = guard_common_words(words, matches, self.knowledge.common_place_words(language), cues)
        return Context(text, language, words, matches, lexicon, self.knowledge, day, doc)


def resolve_context(ctx: Context) -> tuple[Actor, ...]:
    candidates = [
        *name_candidates(ctx),
        *fuzzy_country_candidates(ctx),
        *person_candidates(ctx),
        *group_candidates(ctx),
        *crowd_candidates(ctx),
    ]
    selected = select(add_appositive_offices(ctx, candidates))
    selected = read_toponyms(ctx, guard_longer_names(ctx, selected))
    selected = read_datelines(ctx, selected)
    selected = resolve_coreference(ctx, selected)
    selected = settle(ctx, attribute_countries(ctx, selected))
    selected = assign_sectors(ctx, selected)
    return assemble(ctx, selected)


def _article_day(article: ArticleRecord) -> date | None:
    """The day offices are checked against: the start of the publication date range."""
    published = article.published.range
    return published.start if published is not None else None
