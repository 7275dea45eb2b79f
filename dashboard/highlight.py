"""An article's text as HTML with its extracted spans marked (actor mentions, dates, events).

Spans may overlap (a mention inside an event's evidence sentence): the text is cut at every span
boundary and each piece is wrapped in every span that covers it, evidence outermost, triggers
innermost. Everything else is escaped, so the text itself can never inject markup.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

# kind -> inline style (st.html keeps inline styles; no stylesheet needed).
STYLES = {
    "evidence": "background:#fff7d6;border-bottom:2px solid #f0b400",
    "state": "background:#cfe3ff;border-radius:3px",
    "person": "background:#d7f5d0;border-radius:3px",
    "organization": "background:#eadcff;border-radius:3px",
    "military": "background:#ffd9c2;border-radius:3px",
    "armed_group": "background:#ffc9c9;border-radius:3px",
    "place": "background:#d9f2f2;border-radius:3px",
    "actor": "background:#e4e4e4;border-radius:3px",
    "date": "background:#ffe39e;border-radius:3px;font-style:italic",
    "trigger": "font-weight:700;text-decoration:underline;text-decoration-color:#c0392b;text-decoration-thickness:2px",
}
LEGEND = {
    "evidence": "event evidence sentence",
    "state": "state",
    "person": "person",
    "organization": "organisation / IGO / media",
    "military": "military",
    "armed_group": "armed group",
    "place": "place",
    "date": "date",
    "trigger": "event trigger",
}
_LAYER = {"evidence": 0, "date": 2, "trigger": 3}  # anything else is an actor: layer 1
_ACTOR_KINDS = {"state", "person", "organization", "military", "armed_group", "place"}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # a key of STYLES
    note: str  # shown on hover


def actor_kind(actor_type: str) -> str:
    """The highlight kind of an actor type (igo and media look like organisations)."""
    if actor_type in {"igo", "media"}:
        return "organization"
    return actor_type if actor_type in _ACTOR_KINDS else "actor"


def evidence_span(text: str, evidence: str, trigger_start: int, note: str) -> Span | None:
    """Where `evidence` (a sentence) sits in `text`: the occurrence containing the trigger."""
    position = text.find(evidence)
    while position >= 0:
        if position <= trigger_start < position + len(evidence):
            return Span(position, position + len(evidence), "evidence", note)
        position = text.find(evidence, position + 1)
    return None


def highlight(text: str, spans: Iterable[Span]) -> str:
    """`text` as escaped HTML, each span wrapped in a styled <span> with its note as a tooltip."""
    usable = [span for span in spans if 0 <= span.start < span.end <= len(text)]
    cuts = sorted({0, len(text), *(span.start for span in usable), *(span.end for span in usable)})
    pieces = []
    for start, end in pairwise(cuts):
        piece = html.escape(text[start:end])
        covering = [span for span in usable if span.start <= start and end <= span.end]
        for span in sorted(covering, key=lambda span: (_LAYER.get(span.kind, 1), span.start, span.kind), reverse=True):
            piece = _wrap(piece, span)
        pieces.append(piece)
    return "".join(pieces)


def legend() -> str:
    return " ".join(_wrap(html.escape(label), Span(0, 0, kind, label)) for kind, label in LEGEND.items())


def _wrap(piece: str, span: Span) -> str:
    style = STYLES.get(span.kind, STYLES["actor"])
    return f'<span class="nd-{span.kind}" style="{style}" title="{html.escape(span.note, quote=True)}">{piece}</span>'
