"""PLOVER <-> CAMEO coding: what event type, mode, quad class and weight a code stands for.

The tables live in `transforms/data/` (events_plover_cameo.csv, events_plover_categories.csv and
events_coding_rules.yaml, each with a header saying where it comes from). This module only reads them and
answers lookups, including the PLOVER recodings of future, intended and refused acts.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from transforms.data_files import DATA_DIR, load_data

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
COOPERATIVE_ACTS = frozenset({"CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
CONFLICTUAL_ACTS = frozenset({"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})


@dataclass(frozen=True)
class Coding:
    """How one event is coded: PLOVER type/mode/context plus the CAMEO code and its weights."""

    event_type: str
    mode: str | None
    context: str | None
    cameo_code: str | None
    quad_class: int
    goldstein: float


class Crosswalk:
    """Lookups over the crosswalk tables; load once with `Crosswalk.load()`."""

    def __init__(
        self,
        by_cameo: dict[str, Coding],
        quad_class: dict[str, int],
        plover_score: dict[str, float],
        rules: dict[str, Any],
    ) -> None:
        self._by_cameo = by_cameo
        self._quad_class = quad_class
        self._plover_score = plover_score
        self._intent_codes: dict[str, str] = dict(rules["intent_codes"])
        self._threat_codes: dict[str, str] = dict(rules["threat_codes"])
        self._refusal_codes: dict[str, str] = dict(rules["refusal_codes"])

    @classmethod
    def load(cls, folder: Path = DATA_DIR) -> Crosswalk:
        by_cameo: dict[str, Coding] = {}
        for row in _read_commented_csv(folder / "events_plover_cameo.csv"):
            by_cameo[row["cameo_code"]] = Coding(
                event_type=row["event_type"],
                mode=row["mode"] or None,
                context=row["context"] or None,
                cameo_code=row["cameo_code"],
                quad_class=int(row["quad_class"]),
                goldstein=float(row["goldstein"]),
            )
        categories = list(_read_commented_csv(folder / "events_plover_categories.csv"))
        rules = load_data(folder / "events_coding_rules.yaml")
        return cls(
            by_cameo,
            {row["event_type"]: int(row["quad_class"]) for row in categories},
            {row["event_type"]: float(row["plover_score"]) for row in categories},
            rules,
        )

    def codes(self) -> tuple[str, ...]:
        """Every CAMEO code the crosswalk knows, in table order."""
        return tuple(self._by_cameo)

    def has_code(self, cameo_code: str) -> bool:
        return cameo_code in self._by_cameo

    def by_cameo(self, cameo_code: str) -> Coding:
        return self._by_cameo[cameo_code]

    def plover_only(self, event_type: str, mode: str | None) -> Coding:
        """An event PLOVER codes but CAMEO has no code for (e.g. a resignation)."""
        return Coding(
            event_type=event_type,
            mode=mode,
            context=None,
            cameo_code=None,
            quad_class=self._quad_class[event_type],
            goldstein=self._plover_score[event_type],
        )

    def as_intent(self, coding: Coding) -> Coding:
        """A cooperative act announced for the future is an AGREE (PLOVER manual, AGREE)."""
        return self._recode(coding, self._intent_codes)

    def as_threat(self, coding: Coding) -> Coding:
        """A conflictual act announced for the future is a THREATEN of that act."""
        return self._recode(coding, self._threat_codes)

    def as_refusal(self, coding: Coding) -> Coding:
        """A cooperative act refused for the future is a REJECT."""
        return self._recode(coding, self._refusal_codes)

    def _recode(self, coding: Coding, table: dict[str, str]) -> Coding:
        code = table.get(coding.event_type)
        if code is None:
            return coding
        recoded = self._by_cameo[code]
        # Keep the original act's context (military, economic, ...) when the new code has none.
        return replace(recoded, context=recoded.context or coding.context)


def _read_commented_csv(path: Path) -> list[dict[str, str]]:
    lines = [
        line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")
    ]
    return list(csv.DictReader(lines))
