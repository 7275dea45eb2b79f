"""The date scorer reads TimeML and Recognizers-Text files and counts what it should.

The gold files here are written for the tests (TimeML and Recognizers formats, made-up text).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from newsdesk.evaluation.dates import Case, Gold, evaluate, load_cases, read_recognizers, read_timeml, score_case
from transforms.dates import find_dates
from transforms.records import DateMention, DateRange

TIMEML = """<?xml version='1.0' encoding='UTF-8'?>
<TimeML>
<DOCID>test-0001</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t1" type="DATE" value="2003-02-23" /></DCT>
<TEXT>
Le club a fermé <TIMEX3 tid="t2" type="DATE" value="2003-02-21">vendredi</TIMEX3> <TIMEX3 tid="t3" type="TIME" value="2003-02-21T17:00">à 17 h</TIMEX3>.
Les travaux datent de <TIMEX3 mod="END" tid="t4" type="DATE" value="2002">la fin de l'année dernière</TIMEX3> &amp; reprendront <TIMEX3 mod="START" tid="t5" type="DATE" value="2003-04">début avril</TIMEX3>.
Il est arrivé <TIMEX3 tid="t6" type="TIME" value="2003-02-22TMO">hier matin</TIMEX3>.
</TEXT>
</TimeML>
"""

RECOGNIZERS = [
    {
        "Input": "I'll be back on July 19, 2022",
        "Context": {"ReferenceDateTime": "2022-07-20T00:00:00"},
        "Results": [
            {
                "Text": "july 19, 2022",
                "TypeName": "datetimeV2.date",
                "Start": 16,
                "End": 28,
                "Resolution": {"values": [{"timex": "2022-07-19", "type": "date", "value": "2022-07-19"}]},
            }
        ],
    },
    {
        "Input": "I went back in April",
        "Results": [
            {
                "Text": "april",
                "Typename": "datetimeV2.daterange",
                "Start": 15,
                "End": 19,
                "Resolution": {
                    "values": [{"timex": "XXXX-04", "type": "daterange", "start": "2016-04-01", "end": "2016-05-01"}]
                },
            }
        ],
    },
]


def _predict(text: str, language: str, published: DateRange | None) -> Sequence[DateMention]:
    return find_dates(text, language, published, ())


def _timeml_case(tmp_path: Path) -> Case:
    path = tmp_path / "doc.tml"
    path.write_text(TIMEML, encoding="utf-8")
    return read_timeml(path, lambda text: "fr")


def test_timeml_gold_spans_point_into_the_plain_text(tmp_path: Path) -> None:
    case = _timeml_case(tmp_path)
    assert case.published == date(2003, 2, 23)
    assert [(gold.text, gold.value, gold.modifier) for gold in case.golds] == [
        ("vendredi", "2003-02-21", None),
        ("la fin de l'année dernière", "2002", "END"),
        ("début avril", "2003-04", "START"),
    ]
    assert all(case.text[gold.start : gold.end] == gold.text for gold in case.golds)
    assert "&amp;" not in case.text


def test_a_prediction_inside_a_time_expression_is_not_scored(tmp_path: Path) -> None:
    case = _timeml_case(tmp_path)
    score = score_case(case, _predict(case.text, "fr", DateRange(case.published, case.published, "day")))
    assert score.predicted == 3  # "hier" inside the TIME "hier matin" is left out
    assert (score.overlap_hits_gold, score.strict_hits_gold) == (3, 3)
    assert (score.value_right, score.value_and_modifier_right) == (3, 3)


def test_an_extra_prediction_lowers_precision() -> None:
    case = Case("timeml", "x", "fr", "Il est venu mardi.", date(2022, 7, 20), (), ())
    score = score_case(case, _predict(case.text, "fr", DateRange(case.published, case.published, "day")))
    assert (score.predicted, score.overlap_hits_predicted) == (1, 0)


def test_recognizers_cases_read_bom_keys_and_default_reference(tmp_path: Path) -> None:
    folder = tmp_path / "English"
    folder.mkdir()
    path = folder / "DateTimeModel.json"
    path.write_text(json.dumps(RECOGNIZERS), encoding="utf-8-sig")
    cases = read_recognizers(path)
    assert [case.language for case in cases] == ["en", "en"]
    assert [case.published for case in cases] == [date(2022, 7, 20), date(2016, 11, 7)]
    assert [gold.text for case in cases for gold in case.golds] == ["July 19, 2022", "April"]


def test_a_yearless_recognizers_gold_matches_on_the_month(tmp_path: Path) -> None:
    folder = tmp_path / "English"
    folder.mkdir()
    (folder / "DateTimeModel.json").write_text(json.dumps(RECOGNIZERS), encoding="utf-8-sig")
    scores = evaluate(load_cases([tmp_path]), _predict)
    score = scores[("recognizers", "en")]
    assert (score.golds, score.overlap_hits_gold, score.value_right) == (2, 2, 2)
    assert (score.yearless_gold, score.yearless_resolved_past) == (1, 1)


def test_a_range_gold_matches_our_inclusive_end() -> None:
    gold = Gold(0, 4, "x", "(2016-12-04,2016-12-23,P19D)")
    case = Case("recognizers", "x", "en", "text", date(2016, 11, 7), (gold,), ())
    mention = DateMention("text", 0, 4, 0, "x", date(2016, 12, 4), date(2016, 12, 22), "day", None, "absolute", None)
    assert score_case(case, [mention]).value_right == 1
