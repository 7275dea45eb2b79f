"""The dashboard's Altair charts encode what their titles say."""

from __future__ import annotations

import pandas as pd

from dashboard.charts import QUAD_COLOURS, dyad_matrix, events_over_time, goldstein_over_time

EVENTS = pd.DataFrame(
    {
        "event_id": ["ev_1", "ev_2"],
        "date_start": pd.to_datetime(["2022-07-19", "2022-07-20"]),
        "event_type": ["ACCUSE", "CONSULT"],
        "goldstein": [-2.0, 1.0],
        "quad_class_name": ["verbal conflict", "verbal cooperation"],
        "sources": ["Algeria", "Morocco, Spain"],
        "targets": ["Morocco", ""],
        "evidence": ["Algeria accused Morocco.", "Morocco and Spain met."],
    }
)
DYADS = pd.DataFrame(
    {
        "source_country": ["DZA", "ESP", "MAR"],
        "target_country": ["MAR", "MAR", "ESP"],
        "events": [3, 1, 1],
        "directed": [3, 0, 0],
        "reciprocal": [0, 1, 1],
        "cooperation": [0, 1, 1],
        "conflict": [3, 0, 0],
        "goldstein_mean": [-2.5, 1.0, 1.0],
    }
)


def test_events_over_time_stacks_monthly_counts_by_quad_class_in_its_colours() -> None:
    encoding = events_over_time(EVENTS).to_dict()["encoding"]
    assert encoding["x"]["timeUnit"] == "utcyearmonth"  # 1 Nov 2020 stays November west of Greenwich
    assert encoding["x"]["axis"]["format"] == "%b %Y"  # and says its year
    assert encoding["y"]["aggregate"] == "count"
    assert encoding["color"]["field"] == "quad_class_name"
    assert encoding["color"]["scale"]["range"] == list(QUAD_COLOURS.values())


def test_blue_never_means_a_plain_count() -> None:
    """Issue 17: blue meant cooperation on one chart and 'many events' (conflict included) on the next."""
    cells = dyad_matrix(DYADS, "events").to_dict()["layer"][0]
    assert "blue" not in cells["encoding"]["color"]["scale"]["scheme"]


def test_article_months_are_labelled_with_their_year_in_utc() -> None:
    from dashboard.charts import articles_over_time

    coverage = pd.DataFrame({"month": pd.to_datetime(["2020-11-01"]), "language": ["fr"], "articles": [3]})
    x = articles_over_time(coverage).to_dict()["encoding"]["x"]
    assert x["timeUnit"] == "utcyearmonth" and x["axis"]["format"] == "%b %Y"


def test_goldstein_dots_use_blue_for_cooperation_and_red_for_conflict() -> None:
    color = goldstein_over_time(EVENTS).to_dict()["encoding"]["color"]
    assert color["scale"]["domain"] == list(QUAD_COLOURS)
    assert color["scale"]["range"] == list(QUAD_COLOURS.values())


def test_the_dyad_matrix_puts_sources_in_rows_and_writes_counts() -> None:
    spec = dyad_matrix(DYADS, "events").to_dict()
    cells, labels = spec["layer"]
    assert cells["encoding"]["y"]["field"] == "source_country"
    assert cells["encoding"]["x"]["field"] == "target_country"
    assert cells["encoding"]["color"]["field"] == "events"
    assert labels["encoding"]["text"]["field"] == "events"


def test_the_dyad_matrix_colours_goldstein_on_a_diverging_scale() -> None:
    cells = dyad_matrix(DYADS, "goldstein_mean").to_dict()["layer"][0]
    assert cells["encoding"]["color"]["scale"] == {"domain": [-10, 10], "scheme": "redblue"}


def test_the_dyad_matrix_says_which_count_it_shows() -> None:
    """Issue 17: reciprocal events (both ways) and directed ones are named apart, in the legend and the cells."""
    from dashboard.charts import DYAD_MEASURES

    for measure in ("events", "directed", "reciprocal"):
        cells, labels = dyad_matrix(DYADS, measure).to_dict()["layer"]
        assert cells["encoding"]["color"]["title"] == DYAD_MEASURES[measure]
        assert labels["encoding"]["text"]["field"] == measure
    tooltips = {tip["field"]: tip["title"] for tip in cells["encoding"]["tooltip"]}
    assert "both ways" in tooltips["reciprocal"] and "→" in tooltips["directed"]
