"""PLOVER gold reading for `newsdesk eval actors|events`: every shape of source/target the format
allows is read, and a record the scorers cannot read is counted with its reason, never fatal.

The gold records here are written for the tests (PLOVER GSR shape, made-up sentences).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsdesk.evaluation import actors, events
from newsdesk.evaluation._metrics import prf, prf_counts
from newsdesk.evaluation._plover import GoldActor, Unreadable, parse_plover, parse_side, read_plover

DOCUMENT = {"id": "PLOVER-T-DOCUMENT-0001", "event": "DOCUMENT", "eventText": "documentation"}


def record(number: int, **fields: object) -> dict:
    base = {
        "id": f"PLOVER-T-AGREE-{number:04d}",
        "event": "AGREE",
        "text": f"Japan agreed with Britain, case {number}.",
    }
    base.update(fields)
    return {key: value for key, value in base.items() if value is not ...}  # ... drops the field


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ()),
        ("", ()),
        ([], ()),
        ([{"actorText": "Tokyo", "code": "JAP"}], (GoldActor("JPN", None, "Tokyo"),)),
        ({"actorText": "London", "code": "GBR", "sector": "GOV"}, (GoldActor("GBR", "GOV", "London"),)),
        ("USA", (GoldActor("USA"),)),
        ("USAGOV", (GoldActor("USA", "GOV"),)),
        ("IGO", (GoldActor("IGO"),)),
        ("USA, GBR", (GoldActor("USA"), GoldActor("GBR"))),
        (["FRA", {"code": "deu"}], (GoldActor("FRA"), GoldActor("DEU"))),
        ([{"actorText": "the rebels"}], (GoldActor(None, None, "the rebels"),)),
        ([None, {"code": None, "actorText": "someone"}], (GoldActor(None, None, "someone"),)),
    ],
)
def test_every_side_shape_reads(value: object, expected: tuple[GoldActor, ...]) -> None:
    assert parse_side(value, "target") == expected


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("Tokyo", "target is text without a CAMEO code"),
        (42, "target holds a number"),
        ([{"code": 7}], "target code is not a CAMEO code"),
        ({"code": "U.S."}, "target code is not a CAMEO code"),
    ],
)
def test_unreadable_sides_say_why(value: object, reason: str) -> None:
    with pytest.raises(Unreadable, match=reason):
        parse_side(value, "target")


def test_unreadable_records_are_counted_not_fatal() -> None:
    values = [
        DOCUMENT,
        record(1, source=[{"code": "JAP"}], target="GBR"),
        record(2, target=...),  # target missing: PLOVER leaves out null fields
        record(3, target="Tokyo"),
        record(4, text=...),
        "not a record",
        record(5, source="London"),
    ]
    gold = parse_plover((f"t[{index}]", value) for index, value in enumerate(values))

    assert [r.record_id for r in gold.records] == ["PLOVER-T-AGREE-0001", "PLOVER-T-AGREE-0002"]
    assert gold.records[0].targets == (GoldActor("GBR"),)
    assert gold.records[1].targets == ()
    assert gold.unreadable_summary() == (
        "4 records unreadable: no text (1: PLOVER-T-AGREE-0004); record is a string, not an object (1: t[5]); "
        "source is text without a CAMEO code (1: PLOVER-T-AGREE-0005); target is text without a CAMEO code (1: PLOVER-T-AGREE-0003)"
    )


def test_coded_actors_are_unique_and_skip_uncoded() -> None:
    gold = parse_plover([("t", record(1, source=["USA", {"actorText": "x"}], target=["USAGOV", "GBR"]))])
    assert [actor.code for actor in gold.records[0].coded()] == ["USA", "GBR"]


def test_read_plover_takes_a_json_array_or_json_lines(tmp_path: Path) -> None:
    array = tmp_path / "plover_array.json"
    array.write_text(json.dumps([DOCUMENT, record(1, target="USA")]), encoding="utf-8")
    lines = tmp_path / "plover_lines.jsonl"
    lines.write_text(json.dumps(record(2)) + "\n{broken\n\n" + json.dumps(record(3)) + "\n", encoding="utf-8")

    assert [r.record_id for r in read_plover(array).records] == ["PLOVER-T-AGREE-0001"]
    gold = read_plover(lines)
    assert [r.record_id for r in gold.records] == ["PLOVER-T-AGREE-0002", "PLOVER-T-AGREE-0003"]
    assert gold.unreadable_summary() == "1 record unreadable: not JSON (1: plover_lines.jsonl:2)"


def test_event_scorer_counts_records_without_an_event_type() -> None:
    gold = parse_plover([("t", record(1, event=..., target="USA")), ("t", record(2, event="DEMAND", target="USA"))])
    golds = events.gold_sentences(gold)
    assert [(g.record_id, g.event_type, g.targets) for g in golds] == [
        ("PLOVER-T-AGREE-0002", "REQUEST", frozenset({"USA"}))
    ]
    assert gold.unreadable_summary() == "1 record unreadable: no event type (1: PLOVER-T-AGREE-0001)"


@pytest.fixture()
def odd_gold(tmp_path: Path) -> Path:
    """A GSR-shaped file with a string target, a missing target, a null target and a free-text one."""
    path = tmp_path / "plover_gsr_test.json"
    path.write_text(
        json.dumps(
            [
                DOCUMENT,
                record(1, source=[{"actorText": "Japan", "code": "JAP"}], target="GBR"),
                record(2, source=[{"actorText": "Japan", "code": "JAP"}], target=...),
                record(3, source=[{"actorText": "Japan", "code": "JAP"}], target=None),
                record(4, source=[{"actorText": "Japan", "code": "JAP"}], target="Tokyo"),
            ]
        ),
        encoding="utf-8",
    )
    return path


class NoEvents:
    """Stands in for the spaCy stages: these tests are about reading gold, not extraction."""

    def __init__(self, console: object = None) -> None:
        pass

    def run(self, texts: list[str]):  # type: ignore[no-untyped-def]
        return [((), ()) for _ in texts]


def test_event_scorer_reads_odd_shapes_and_reports_the_rest(
    odd_gold: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(events, "Stages", NoEvents)
    assert events.main([odd_gold]) == 0
    out = capsys.readouterr().out
    assert "1 record unreadable: target is text without a CAMEO code (1: PLOVER-T-AGREE-0004)" in out
    assert "PLOVER events: 3 gold sentences" in out


class NoActors:
    def resolve(self, texts: list[str], language: str) -> list[actors.Resolved]:
        return [actors.Resolved(()) for _ in texts]


def test_actor_scorer_reads_odd_shapes_and_reports_the_rest(
    odd_gold: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(actors, "Runner", NoActors)
    assert actors.main([odd_gold]) == 0
    out = capsys.readouterr().out
    assert "1 record unreadable: target is text without a CAMEO code" in out
    # JPN three times (JAP read as JPN) and GBR once: four gold codes, none found.
    assert re.search(r"plover_gsr_test\.json\s*│\s*4\s*│\s*0\.000", out)


def test_prf_is_zero_on_empty_sides_and_agrees_with_counts() -> None:
    assert prf(0, 0, 0, 0) == (0.0, 0.0, 0.0)
    assert prf(3, 4, 3, 6) == pytest.approx((0.75, 0.5, 0.6))
    assert prf_counts(3, 1, 3) == prf(3, 4, 3, 6)
    # Hits counted on each side: two predictions right about one gold item.
    assert prf(2, 2, 1, 2) == pytest.approx((1.0, 0.5, 2 / 3))
