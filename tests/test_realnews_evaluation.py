"""`newsdesk eval realnews`: the realnews matching rules, counted per language, on a hand-made
fixture (tests/fixtures/realnews: one English and one French article with gold written for the
tests). Most tests score hand-written documents, so they need no spaCy; one checks that the
in-process extraction scores exactly like `newsdesk extract`'s output.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsdesk.cli import app
from newsdesk.evaluation import realnews
from newsdesk.evaluation.realnews import Unreadable, figures, locate_sentence, score_article

FIXTURE = Path(__file__).parent / "fixtures" / "realnews"
runner = CliRunner()


def load(article_id: str) -> tuple[dict[str, Any], str]:
    gold = json.loads((FIXTURE / "gold" / f"{article_id}.json").read_text(encoding="utf-8"))
    articles = [json.loads(line) for line in (FIXTURE / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    return gold, next(a["text"] for a in articles if a["id"] == article_id)


def perfect(gold: dict[str, Any], line: int = 1) -> dict[str, Any]:
    """The gold written as a newsdesk document: every figure must be 1."""
    actors: list[dict[str, Any]] = []

    def ids(parties: list[dict[str, Any]]) -> list[str]:
        out = []
        for party in parties:
            actors.append(
                {
                    "actor_id": f"p{len(actors)}",
                    "type": "state",
                    "country": party["country"],
                    "sector": party["sector"],
                    "mentions": [],
                }
            )
            out.append(actors[-1]["actor_id"])
        return out

    events = [
        {
            "event_type": e["type"],
            "start": e["start"],
            "end": e["end"],
            "sources": ids(e["sources"]),
            "targets": ids(e["targets"]),
            "date_start": (e["date"] or {}).get("start"),
            "date_end": (e["date"] or {}).get("end"),
        }
        for e in gold["events"]
    ]
    agreements = [{"start": a["start"], "end": a["end"], "parties": ids(a["parties"])} for a in gold["agreements"]]
    named = [
        {
            "actor_id": f"g{n}",
            "type": a["type"],
            "country": a["country"],
            "sector": a["sector"],
            "mentions": [{"text": s} for s in a["surfaces"]],
        }
        for n, a in enumerate(gold["actors"])
    ]
    return {
        "article": {"record_index": line},
        "sentences": [],
        "actors": named + actors,
        "events": events,
        "agreements": agreements,
    }


def test_perfect_document_scores_one_and_empty_scores_zero() -> None:
    gold, text = load("test-en-0001")
    best = figures(score_article(gold, text, perfect(gold)))
    assert {name: value for name, value in best.items() if value != 1.0} == {}
    empty = score_article(gold, text, {"article": {"record_index": 1}})
    assert (empty.crashed, empty.events_gold, empty.events_matched) == (0, 3, 0)
    assert figures(empty)["event_type_f1"] == 0.0
    assert figures(empty)["sources_right"] is None  # a share of nothing is not a zero
    assert score_article(gold, text, None).crashed == 1


def test_an_extracted_event_matches_by_trigger_before_sentence_and_only_once() -> None:
    gold, text = load("test-en-0001")
    document = perfect(gold)
    met = document["events"][0]
    # Two CONSULT mentions in the first sentence: one on the trigger, one elsewhere in the sentence.
    elsewhere = dict(met, start=met["start"] + 5, end=met["end"] + 10)
    document["events"] = [elsewhere, met]
    counts = score_article(gold, text, document)
    # The trigger one wins the gold mention although it comes second; the other matches nothing.
    assert (counts.events_predicted, counts.events_matched, counts.events_full) == (2, 1, 1)
    document["events"] = [elsewhere]
    assert score_article(gold, text, document).events_matched == 1  # same sentence is enough
    document["events"] = [dict(elsewhere, event_type="ACCUSE")]
    assert score_article(gold, text, document).events_matched == 0  # but not of another type


def test_sides_are_key_sets_country_or_sector() -> None:
    gold, text = load("test-en-0001")
    document = perfect(gold)
    signed = document["events"][2]  # AGREE, sources Russia and China
    document["actors"].append({"actor_id": "un", "type": "igo", "country": None, "sector": "IGO", "mentions": []})
    signed["sources"] = signed["sources"] + ["un"]
    counts = score_article(gold, text, document)
    assert (counts.sources_right, counts.targets_right, counts.events_full) == (2, 3, 2)
    signed["sources"] = signed["sources"][:2]
    signed["targets"] = ["unknown id"]  # keys as "<OTHER>", never as nothing
    assert score_article(gold, text, document).targets_right == 2


@pytest.mark.parametrize(
    ("start", "end", "right"),
    [("2012-05-21", "2012-05-21", True), ("2012-05-01", "2012-05-31", True), ("2012-06-01", "2012-06-01", False)],
)
def test_date_is_right_at_the_gold_precision(start: str, end: str, right: bool) -> None:
    gold, text = load("test-en-0001")
    document = perfect(gold)
    document["events"][2].update(date_start=start, date_end=end)  # gold: "2012-05" (month)
    document["events"][0].update(date_start=None, date_end=None)  # gold day: no date is not right
    counts = score_article(gold, text, document)
    assert counts.matched_gold_dated == 2
    assert counts.dates_right == int(right)


def test_agreements_match_in_the_documents_sentence_and_check_parties() -> None:
    gold, text = load("test-fr-0001")
    document = perfect(gold)
    accord = document["agreements"][0]
    second = text.index("La France")
    document["sentences"] = [{"start": 0, "end": second - 1}, {"start": second, "end": len(text)}]
    accord.update(start=second, end=second + 9)  # "La France": not the name, same sentence
    accord["parties"] = accord["parties"][:1]
    counts = score_article(gold, text, document)
    assert (counts.agreements_matched, counts.parties_right) == (1, 0)
    document["sentences"] = []  # without sentences only an overlapping name matches
    assert score_article(gold, text, document).agreements_matched == 0


def actor(country: str | None, *texts: str, type_: str = "state", sector: str = "GOV") -> dict[str, Any]:
    return {
        "actor_id": texts[0],
        "type": type_,
        "country": country,
        "sector": sector,
        "mentions": [{"text": t} for t in texts],
    }


def test_actors_link_by_surface_or_whole_words_and_score_the_country() -> None:
    gold, text = load("test-fr-0001")
    document = {
        "article": {"record_index": 1},
        "actors": [
            actor("FRA", "la  FRANCE"),  # folded: equals a surface
            actor("DEU", "Allemagne", sector="MIL"),  # whole words of "l'allemagne"; sector wrong
            actor("FRA", "Paris", type_="place"),  # places are left out
            actor("ITA", "le gouvernement français"),  # right surface, wrong country
            actor(None, "UE"),  # too short to be contained, names no gold actor
        ],
    }
    counts = score_article(gold, text, document)
    assert (counts.actors_predicted, counts.actors_right, counts.actors_typed, counts.actors_found) == (4, 2, 1, 2)
    assert figures(counts)["actors_precision"] == 0.5 and figures(counts)["actors_recall"] == 1.0


def test_gold_sentence_is_the_occurrence_that_holds_the_trigger() -> None:
    text = "It rained. They met. It rained. They met again."
    assert locate_sentence(text, "It rained.", text.rindex("rained")) == (21, 31)
    assert locate_sentence(text, "It rained.", 0) == (0, 10)
    assert locate_sentence(text, "Not in the text.", 12) == (12, 12)


def test_counts_add_up_per_language_and_over_all() -> None:
    unreadable = Unreadable()
    articles = realnews.read_articles(FIXTURE / "articles.jsonl", unreadable)
    golds = realnews.read_gold(FIXTURE / "gold", articles, unreadable)
    en, fr = (load(i)[0] for i in ("test-en-0001", "test-fr-0001"))
    buckets = realnews.score(golds, {1: perfect(en, 1)})  # the French article has no document
    assert sorted(buckets) == ["all", "en", "fr"]
    assert (buckets["fr"].crashed, buckets["all"].crashed, buckets["all"].events_gold) == (1, 1, 5)
    assert buckets["all"].events_matched == buckets["en"].events_matched == 3
    assert unreadable.summary() is None and fr["language"] == "fr"


def test_unreadable_gold_is_counted_not_fatal(tmp_path: Path) -> None:
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    en, _ = load("test-en-0001")
    broken = copy.deepcopy(en)
    del broken["events"][1]["start"]
    (gold_dir / "test-en-0001.json").write_text(json.dumps(broken), encoding="utf-8")
    (gold_dir / "test-fr-0001.json").write_text("{not json", encoding="utf-8")
    unreadable = Unreadable()
    golds = realnews.read_gold(gold_dir, realnews.read_articles(FIXTURE / "articles.jsonl", unreadable), unreadable)
    assert [len(g.gold["events"]) for g in golds] == [2]
    assert unreadable.summary() == (
        "2 unreadable: gold event without type or offsets (1: test-en-0001.json); gold file not JSON (1: test-fr-0001.json)"
    )


def write_extract(tmp_path: Path) -> Path:
    en, fr = (load(i)[0] for i in ("test-en-0001", "test-fr-0001"))
    path = tmp_path / "extract.jsonl"
    path.write_text(json.dumps(perfect(en, 1)) + "\n" + json.dumps(perfect(fr, 2)) + "\n", encoding="utf-8")
    return path


def test_cli_scores_an_extract_file_as_json(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "realnews", str(FIXTURE), "--extract", str(write_extract(tmp_path)), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert list(report["languages"]) == ["en", "fr", "all"]
    assert report["languages"]["all"]["figures"]["full_f1"] == 1.0
    assert report["languages"]["fr"]["counts"]["events_gold"] == 2


def test_cli_takes_gold_dir_and_articles_and_prints_a_table(tmp_path: Path) -> None:
    extract = write_extract(tmp_path)
    result = runner.invoke(
        app, ["eval", "realnews", str(FIXTURE / "articles.jsonl"), str(FIXTURE / "gold"), "--extract", str(extract)]
    )
    assert result.exit_code == 0, result.output
    assert "event type F1" in result.stdout
    assert "realnews: event type F1 1.000, full F1 1.000, agreements F1 1.000, actors F1 1.000" in result.stdout


def test_cli_refuses_bad_inputs_and_options_of_other_scorers(tmp_path: Path) -> None:
    assert runner.invoke(app, ["eval", "realnews", str(tmp_path)]).exit_code == 2
    assert runner.invoke(app, ["eval", "events", str(tmp_path), "--json"]).exit_code == 2


def test_in_process_extraction_scores_like_newsdesk_extract(tmp_path: Path) -> None:
    extracted = runner.invoke(app, ["extract", str(FIXTURE / "articles.jsonl")])
    assert extracted.exit_code == 0, extracted.output
    saved = tmp_path / "extract.jsonl"
    saved.write_text(extracted.stdout, encoding="utf-8")
    from_file = runner.invoke(app, ["eval", "realnews", str(FIXTURE), "--extract", str(saved), "--json"])
    in_process = runner.invoke(app, ["eval", "realnews", str(FIXTURE), "--json"])
    assert in_process.exit_code == 0, in_process.output
    by_file, by_process = json.loads(from_file.stdout), json.loads(in_process.stdout)
    assert by_process["languages"] == by_file["languages"]
    assert by_process["languages"]["all"]["counts"]["events_predicted"] > 0  # something was extracted
