"""Stable ids for events and agreements, and the rule that decides when two mentions are one.

Event merge rule: two event mentions are the same event when they have the same PLOVER type, the
same participants (source and target actors together, roles ignored, so "X visited Y" and "Y
received X" merge), the same negation, and dates in the same bucket:
  - a mention dated to a day, week or month falls in the bucket of its month ("2022-07");
  - a coarser date (quarter, season, half, year...) falls in the bucket of its year ("2020");
  - an undated mention has no bucket.
A mention without any participant cannot be told apart from other events of its type, so its key
also carries the article and the sentence: it never merges with anything else.

Agreement merge rule: same type, same parties, and signature in the same bucket (as above;
"undated" when the signature date is unknown). The warehouse build additionally folds an undated
agreement into the single dated agreement that has the same type and parties.

Ids are the first 16 hex digits of the SHA-256 of the key, prefixed "ev_" or "ag_".
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date

from transforms.records import Precision

FINE_PRECISIONS = frozenset({"day", "week", "month"})


def date_bucket(start: date | None, precision: Precision | None) -> str:
    if start is None or precision is None:
        return "undated"
    if precision in FINE_PRECISIONS:
        return f"{start.year:04d}-{start.month:02d}"
    return f"{start.year:04d}"


def event_key(
    event_type: str,
    actor_ids: Iterable[str],
    bucket: str,
    negated: bool,
    article_id: str,
    sentence: int,
) -> str:
    actors = sorted(set(actor_ids))
    parts = [event_type, ",".join(actors), bucket, "negated" if negated else "affirmed"]
    if not actors:
        parts.append(f"{article_id}#{sentence}")
    return "|".join(parts)


def agreement_key(agreement_type: str, party_ids: Iterable[str], bucket: str, article_id: str, sentence: int) -> str:
    parties = sorted(set(party_ids))
    parts = [agreement_type, ",".join(parties), bucket]
    if not parties:
        parts.append(f"{article_id}#{sentence}")
    return "|".join(parts)


def stable_id(prefix: str, key: str) -> str:
    return f"{prefix}_{hashlib.sha256(key.encode('utf-8')).hexdigest()[:16]}"
