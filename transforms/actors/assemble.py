"""From resolved candidates to the `Actor` records of an article, sorted by actor id.

Everything here is a pure function of the candidates: the same article always gives the same
actors, with the same names, aliases and offices, in the same order.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from transforms.actors.context import Candidate, Context
from transforms.actors.text import normalize_name
from transforms.records import Actor, ActorMention

# A name written as dotted initials ("U.S", "U.N", "E.U") whose last period the word splitter left out.
ABBREVIATION = re.compile(r"(?:^|\s)(?:[A-Z]\.)+[A-Z]$")


def assemble(ctx: Context, candidates: Sequence[Candidate]) -> tuple[Actor, ...]:
    by_actor: dict[str, list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        by_actor[candidate.ref.actor_id].append(candidate)
    return tuple(_actor(ctx, actor_id, by_actor[actor_id]) for actor_id in sorted(by_actor))


def _actor(ctx: Context, actor_id: str, candidates: list[Candidate]) -> Actor:
    candidates = sorted(candidates, key=lambda c: (c.first, c.last))
    refs = [candidate.ref for candidate in candidates]
    known = [ref for ref in refs if ref.known]
    mentions = tuple(_mention(ctx, candidate) for candidate in candidates)
    return Actor(
        actor_id=actor_id,
        name=known[0].name if known else _longest([ref.name for ref in refs]),
        type=known[0].type if known else _most_common([ref.type for ref in refs]),  # type: ignore[arg-type]
        country=_most_common([ref.country for ref in refs if ref.country]),
        sector=known[0].sector if known else _most_common([ref.sector for ref in refs if ref.sector]),
        mentions=mentions,
        aliases=tuple(sorted({(ctx.language, mention.text) for mention in mentions})),
        offices=_offices(ctx, actor_id, mentions),
    )


def _mention(ctx: Context, candidate: Candidate) -> ActorMention:
    first, last = ctx.words[candidate.first], ctx.words[candidate.last - 1]
    start = first.start + candidate.skip
    end = last.end
    if ABBREVIATION.search(ctx.text[start:end]) and ctx.text[end : end + 1] == ".":
        end += 1  # "U.S.", "U.N.": the final period is the abbreviation's own
    text = ctx.text[start:end]
    return ActorMention(
        actor_id=candidate.ref.actor_id,
        text=text,
        start=start,
        end=end,
        sentence=first.sentence,
        normalized=normalize_name(text),
        rule=candidate.rule,
        confidence=round(candidate.confidence, 2),
        title=candidate.title,
        office=candidate.office,
    )


def _offices(ctx: Context, actor_id: str, mentions: tuple[ActorMention, ...]) -> tuple[str, ...]:
    """Offices written next to the person in this article, plus those the dictionary says the
    person held on the article's date."""
    offices = {mention.office for mention in mentions if mention.office}
    known = ctx.knowledge.dictionary.get(actor_id)
    if known is not None:
        offices.update(office.office for office in known.offices_on(ctx.day))
    return tuple(sorted(offices))


def _most_common(values: list[str | None]) -> str | None:
    counts = Counter(value for value in values if value)
    if not counts:
        return None
    return min(counts, key=lambda value: (-counts[value], value))


def _longest(values: list[str]) -> str:
    return min(values, key=lambda value: (-len(value), value))
