"""Datelines: the place a wire story was filed from is never an actor.

"WASHINGTON, March 3 -", "SAN ANTONIO, Texas, April 13 -", "Madrid, 25 may (EFE).",
"Jerez de la Frontera (Cádiz), 23 may (EFE).", "LONDON (Reuters) -": a place name at the very
start of the article, maybe a region after a comma or in parentheses, then a day (with a month
word on either side) or an agency in parentheses, closed by a dash or the agency. The pattern is
structural (no month list), so it reads the datelines of every language alike.

A toponym inside the dateline becomes a place (it still says where the story is from); any other
candidate there (an unknown capitalised "PORTLAND") is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from transforms.actors import identity
from transforms.actors.context import Candidate, Context

_NAME = r"[^\W\d][^\n,()]{0,40}?"
_REGION = r"(?:\s*\([^()\n]{1,40}\))?(?:\s*,\s*[^\W\d][^\n,()\d]{0,30}?)?"
_DAY = r"(?:[^\W\d]{2,12}\.?\s+)?\d{1,2}(?:\s+[^\W\d]{2,12}\.?)?(?:\s*,?\s*\d{4})?\.?"
_CLOSE = r"(?:\s*\([^()\n]{1,30}\)\s*\.?|\s*[-\u2013\u2014])"
DATELINE = re.compile(rf"^\s*{_NAME}{_REGION}(?:\s*,\s*{_DAY}{_CLOSE}|\s*\([^()\n\d]{{1,30}}\)\s*[-\u2013\u2014])")


def dateline_places(text: str) -> tuple[str, ...]:
    """The place names of the dateline, town first: "Jerez de la Frontera (Cádiz), 23 may (EFE)."
    -> ("Jerez de la Frontera", "Cádiz"); () when the article has no dateline."""
    end = dateline_end(text)
    if end == 0:
        return ()
    head = re.split(r",\s*[^\W\d]{0,12}\.?\s*\d", text[:end], maxsplit=1)[0]  # cut at the day
    head = re.sub(r"\s*\([^()]*\)\s*[-\u2013\u2014]\s*$", "", head)  # "(Reuters) -": the agency
    parts = re.split(r"\s*[(),]\s*", head.strip())
    return tuple(part.strip() for part in parts if part.strip() and not any(ch.isdigit() for ch in part))


def dateline_end(text: str) -> int:
    """Character offset where the article's dateline ends (0 when it has none)."""
    match = DATELINE.match(text)
    return match.end() if match else 0


def read_datelines(ctx: Context, candidates: Sequence[Candidate]) -> list[Candidate]:
    end = dateline_end(ctx.text)
    if end == 0:
        return list(candidates)
    result = []
    for candidate in candidates:
        if ctx.words[candidate.last - 1].end > end:
            result.append(candidate)
            continue
        toponym = candidate.toponym
        if toponym is None:
            continue  # not a known place: nothing to keep
        ref = identity.place(ctx.knowledge, toponym.country, toponym.city)
        result.append(candidate.with_ref(ref))
    return result
