"""The dashboard's pages with Streamlit's AppTest: what each page shows, and what the filters do."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import tomllib
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest
import streamlit as st
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
from streamlit.string_util import is_emoji
from streamlit.testing.v1 import AppTest

from dashboard.charts import QUAD_COLOURS
from dashboard.safe_text import markdown_code
from tests.conftest import REPO
from tests.seed_warehouse_support import seed_warehouse
from warehouse.schema import build_sql, schema_sql

APP = str(REPO / "dashboard" / "app.py")


@pytest.fixture(scope="module")
def warehouse(prefect_harness: None) -> Path:
    return seed_warehouse()


def open_app(monkeypatch: pytest.MonkeyPatch, warehouse: Path, page: str | None = None, **query: str) -> AppTest:
    monkeypatch.setenv("NEWSDESK_WAREHOUSE", str(warehouse))
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params.update(query)
    app.run()
    if page:
        app.switch_page(page).run()
    assert not app.exception, [error.value for error in app.exception]
    return app


def scalar(warehouse: Path, sql: str) -> object:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchone()[0]


def html_bodies(app: AppTest) -> list[str]:
    return [element.proto.body for element in app.get("html")]


# --- without a usable warehouse ----------------------------------------------------------------


def test_a_missing_warehouse_says_to_run_first(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    app = open_app(monkeypatch, tmp_path / "nothing.duckdb")
    assert "No warehouse yet" in app.warning[0].value
    assert "make run" in app.markdown[0].value


def test_an_empty_warehouse_says_to_run_first(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "empty.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute(schema_sql())
        con.execute(build_sql())
    app = open_app(monkeypatch, path)
    assert "Empty warehouse" in app.warning[0].value
    assert "make run" in app.markdown[0].value


def test_a_warehouse_without_the_marts_says_when_they_come(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute(schema_sql())
    app = open_app(monkeypatch, path)
    assert "predates the marts" in app.warning[0].value
    assert "event_timeline" in app.markdown[0].value


def test_a_file_that_is_not_a_warehouse_is_reported(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("not a database", encoding="utf-8")
    app = open_app(monkeypatch, path)
    assert "cannot be read" in app.warning[0].value


# --- pages on the seed warehouse ---------------------------------------------------------------


def test_the_overview_counts_what_the_warehouse_holds(monkeypatch: pytest.MonkeyPatch, warehouse: Path) -> None:
    app = open_app(monkeypatch, warehouse)
    figures = {metric.label: metric.value for metric in app.metric}
    assert figures["Articles"] == str(scalar(warehouse, "SELECT count(*) FROM articles"))
    assert figures["Events"] == str(scalar(warehouse, "SELECT count(*) FROM events"))
    assert figures["Agreements"] == str(scalar(warehouse, "SELECT count(*) FROM agreements"))
    assert len(app.get("vega_lite_chart")) == 2


def test_the_events_page_lists_every_event_with_two_charts(monkeypatch: pytest.MonkeyPatch, warehouse: Path) -> None:
    app = open_app(monkeypatch, warehouse, "views/events.py")
    assert len(app.dataframe[0].value) == scalar(warehouse, "SELECT count(*) FROM event_timeline")
    assert len(app.get("vega_lite_chart")) == 2


def test_the_event_type_filter_keeps_only_that_type(monkeypatch: pytest.MonkeyPatch, warehouse: Path) -> None:
    app = open_app(monkeypatch, warehouse, "views/events.py")
    app.multiselect(key="event_types").set_value(["CONSULT"]).run()
    events = app.dataframe[0].value
    assert set(events["event_type"]) == {"CONSULT"}
    assert len(events) == scalar(warehouse, "SELECT count(*) FROM events WHERE event_type = 'CONSULT'")


def test_the_language_filter_keeps_events_reported_in_that_language(
    monkeypatch: pytest.MonkeyPatch, warehouse: Path
) -> None:
    app = open_app(monkeypatch, warehouse, "views/events.py")
    app.multiselect(key="languages").set_value(["en"]).run()
    expected = scalar(warehouse, "SELECT count(*) FROM event_timeline WHERE list_contains(languages, 'en')")
    assert len(app.dataframe[0].value) == expected


def test_a_narrowed_date_range_hides_earlier_events(monkeypatch: pytest.MonkeyPatch, warehouse: Path) -> None:
    app = open_app(monkeypatch, warehouse, "views/events.py")
    last = app.date_input(key="dates").value[1]
    app.date_input(key="dates").set_value((date(2022, 7, 1), last)).run()
    events = app.dataframe[0].value
    assert len(events) == scalar(warehouse, "SELECT count(*) FROM events WHERE date_end >= DATE '2022-07-01'")
    assert all(day.date() >= date(2022, 7, 1) for day in events["date_end"])


def test_a_filter_matching_nothing_says_so(monkeypatch: pytest.MonkeyPatch, warehouse: Path) -> None:
    app = open_app(monkeypatch, warehouse, "views/agreements.py")
    app.multiselect(key="languages").set_value(["de"]).run()  # the German test article names no agreement
    assert "No agreement matches" in app.info[0].value


def test_the_dyads_page_draws_the_country_matrix(monkeypatch: pytest.MonkeyPatch, warehouse: Path) -> None:
    app = open_app(monkeypatch, warehouse, "views/dyads.py")
    assert len(app.get("vega_lite_chart")) == 1
    assert len(app.dataframe[0].value) == scalar(warehouse, "SELECT count(*) FROM dyads_monthly")


def test_the_country_filter_keeps_dyads_involving_that_country(
    monkeypatch: pytest.MonkeyPatch, warehouse: Path
) -> None:
    app = open_app(monkeypatch, warehouse, "views/dyads.py")
    app.multiselect(key="countries").set_value(["DZA"]).run()
    monthly = app.dataframe[0].value
    assert len(monthly) > 0
    assert all("DZA" in (row.source_country, row.target_country) for row in monthly.itertuples())


def test_the_agreements_page_shows_each_agreement_with_its_evidence(
    monkeypatch: pytest.MonkeyPatch, warehouse: Path
) -> None:
    app = open_app(monkeypatch, warehouse, "views/agreements.py")
    agreements = app.dataframe[0].value
    assert len(agreements) == scalar(warehouse, "SELECT count(*) FROM agreements")
    with duckdb.connect(str(warehouse), read_only=True) as con:
        evidence = [row[0] for row in con.execute("SELECT evidence FROM agreements").fetchall()]
    provenance = "".join(html_bodies(app))
    assert all(sentence.split()[0] in provenance for sentence in evidence)
    assert 'class="nd-trigger"' in provenance  # the agreement's name is marked in its sentence


def test_the_article_page_marks_every_actor_date_and_trigger(monkeypatch: pytest.MonkeyPatch, warehouse: Path) -> None:
    app = open_app(monkeypatch, warehouse, "views/article.py")
    article_id = app.selectbox(key="article").value
    body = next(html for html in html_bodies(app) if 'class="nd-article"' in html)
    counts = {
        table: scalar(warehouse, f"SELECT count(*) FROM {table} WHERE article_id = '{article_id}'")
        for table in ("mentions", "dates", "event_mentions")
    }
    assert counts["event_mentions"] > 0  # the default article is the one with the most events
    assert body.count('class="nd-trigger"') >= counts["event_mentions"]
    assert body.count('class="nd-date"') >= counts["dates"]
    actor_marks = sum(
        body.count(f'class="nd-{kind}"')
        for kind in ("state", "person", "organization", "military", "armed_group", "place", "actor")
    )
    assert actor_marks >= counts["mentions"]


def test_the_article_page_opens_the_article_named_in_the_address(
    monkeypatch: pytest.MonkeyPatch, warehouse: Path
) -> None:
    article_id = scalar(warehouse, "SELECT article_id FROM articles WHERE language = 'en' ORDER BY article_id LIMIT 1")
    app = open_app(monkeypatch, warehouse, "views/article.py", article=article_id)
    assert app.selectbox(key="article").value == article_id


def test_choosing_another_article_shows_its_text(monkeypatch: pytest.MonkeyPatch, warehouse: Path) -> None:
    app = open_app(monkeypatch, warehouse, "views/article.py")
    with duckdb.connect(str(warehouse), read_only=True) as con:
        article_id, text = con.execute("SELECT article_id, text FROM articles WHERE language = 'de'").fetchone()
    app.selectbox(key="article").set_value(article_id).run()
    body = next(html for html in html_bodies(app) if 'class="nd-article"' in html)
    assert text.split()[0] in body


def test_the_dashboard_reads_the_new_file_after_a_run_swaps_it_in(
    monkeypatch: pytest.MonkeyPatch, warehouse: Path, tmp_path: Path
) -> None:
    published = tmp_path / "warehouse.duckdb"
    shutil.copyfile(warehouse, published)
    app = open_app(monkeypatch, published)
    before = int(next(metric.value for metric in app.metric if metric.label == "Articles"))
    # What a run does: change a copy, then atomically rename it over the published file.
    staged = tmp_path / "next.duckdb"
    shutil.copyfile(warehouse, staged)
    with duckdb.connect(str(staged)) as con:
        con.execute("DELETE FROM articles WHERE language = 'de'")
    os.replace(staged, published)
    app.run()
    after = int(next(metric.value for metric in app.metric if metric.label == "Articles"))
    assert after == before - 1


def test_the_dashboard_command_serves_on_loopback_without_telemetry() -> None:
    from newsdesk.dashboard_cmd import APP as served
    from newsdesk.dashboard_cmd import streamlit_command

    command = streamlit_command(8600)
    assert command[command.index("run") + 1] == str(served) == APP
    assert {
        "--server.address=127.0.0.1",
        "--server.port=8600",
        "--browser.gatherUsageStats=false",
        "--server.headless=true",
    } <= set(command)


# --- text from the articles is shown as text, and nothing is fetched from outside (issue 12, item 8) ---

# A title, source and agreement name as an attacker would write them into an input file.
HOSTILE = (
    "![pixel](http://attacker.example/p.png) [click](http://attacker.example) <img src=x onerror=alert(1)> **bold**"
)


def markdown_texts(app: AppTest) -> list[str]:
    """Everything Streamlit reads as Markdown: text elements and expander labels."""
    kinds = ("markdown", "caption", "title", "header", "subheader")
    return [element.value for kind in kinds for element in app.get(kind)] + [
        expander.label for expander in app.expander
    ]


def assert_only_literal(app: AppTest) -> None:
    """HOSTILE reaches Markdown only inside a code span, and HTML only escaped."""
    for text in markdown_texts(app):
        assert "](http" not in text.replace(markdown_code(HOSTILE), ""), text
    for body in html_bodies(app):
        assert "<img" not in body and 'href="http' not in body, body


@pytest.fixture()
def hostile_warehouse(warehouse: Path, tmp_path: Path) -> tuple[Path, str]:
    """A copy of the seed warehouse whose agreement article and agreement names are HOSTILE."""
    path = tmp_path / "hostile.duckdb"
    shutil.copyfile(warehouse, path)
    with duckdb.connect(str(path)) as con:
        (article_id,) = con.execute(
            "SELECT article_id FROM agreements_overview ORDER BY agreement_id LIMIT 1"
        ).fetchone()
        con.execute("UPDATE articles SET title = ?, source = ? WHERE article_id = ?", [HOSTILE, HOSTILE, article_id])
        con.execute("UPDATE agreements SET normalized_name = ?", [HOSTILE])
    return path, article_id


def test_the_article_page_shows_a_markdown_title_and_source_as_literal_text(
    monkeypatch: pytest.MonkeyPatch, hostile_warehouse: tuple[Path, str]
) -> None:
    path, article_id = hostile_warehouse
    app = open_app(monkeypatch, path, "views/article.py", article=article_id)
    assert app.selectbox(key="article").value == article_id
    title = next(body for body in html_bodies(app) if 'class="nd-title"' in body)
    about = next(body for body in html_bodies(app) if 'class="nd-about"' in body)
    assert html.escape(HOSTILE) in title and html.escape(HOSTILE) in about
    assert_only_literal(app)


def test_the_agreements_page_shows_a_markdown_name_and_title_as_literal_text(
    monkeypatch: pytest.MonkeyPatch, hostile_warehouse: tuple[Path, str]
) -> None:
    path, article_id = hostile_warehouse
    app = open_app(monkeypatch, path, "views/agreements.py")
    assert any(markdown_code(HOSTILE) in label for label in markdown_texts(app))
    provenance = "".join(html_bodies(app))
    assert f'<a href="article?article={article_id}">{html.escape(HOSTILE)}</a>' in provenance
    assert_only_literal(app)


def test_the_dashboard_uses_only_emoji_icons_drawn_by_the_browser(
    monkeypatch: pytest.MonkeyPatch, warehouse: Path
) -> None:
    """A :material/...: favicon is fetched from a font CDN; an emoji one is a data: URL."""
    icons: list[str] = []
    page, page_config = st.Page, st.set_page_config

    def recording_page(target: object, **options: object) -> object:
        icons.append(str(options.get("icon")))
        return page(target, **options)

    def recording_page_config(**options: object) -> None:
        icons.append(str(options.get("page_icon")))
        page_config(**options)

    monkeypatch.setattr(st, "Page", recording_page)
    monkeypatch.setattr(st, "set_page_config", recording_page_config)
    open_app(monkeypatch, warehouse)
    assert len(icons) == 6
    assert all(is_emoji(icon) for icon in icons), icons


def test_streamlit_run_from_the_project_folder_gathers_no_usage_statistics() -> None:
    """`streamlit run dashboard/app.py` (without `newsdesk dashboard`'s options) stays offline too."""
    settings = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert settings["browser"]["gatherUsageStats"] is False
    assert settings["server"]["address"] == "127.0.0.1"


# --- every chart has data and says what it shows (issue 17) --------------------------------------

# Per page, per chart title: the title of each encoded channel (None: no title on purpose).
CHART_TITLES = {
    None: {
        "Articles per publication month, by language": {"x": "publication month", "y": "articles", "color": "language"},
        "Events by PLOVER type": {"x": "events", "y": None},
    },
    "views/events.py": {
        "Events per month, by quad class": {
            "x": "month the event happened (first possible day)",
            "y": "events",
            "color": "quad class",
        },
        "Cooperation and conflict (Goldstein scale)": {
            "x": "event date (first possible day)",
            "y": "Goldstein",
            "color": "quad class",
        },
    },
    "views/dyads.py": {
        "Who acts towards whom (row country → column country; reciprocal events both ways)": {
            "x": "towards (target country, or other participant)",
            "y": "from (source country, or participant)",
            "color": "events (directed + reciprocal)",
        },
    },
}


def drawn_charts(app: AppTest) -> dict[str, tuple[dict, pd.DataFrame]]:
    """Each Vega-Lite chart on the page by title: its encoding (layers merged) and its data."""
    charts = {}
    for element in app.get("vega_lite_chart"):
        spec = json.loads(element.proto.spec)
        frames = {
            dataset.name: convert_arrow_bytes_to_pandas_df(dataset.data.data) for dataset in element.proto.datasets
        }
        data = frames[spec["data"]["name"]]
        encoding: dict = {}
        for layer in spec.get("layer", [spec]):
            encoding.update(layer.get("encoding", {}))
        title = spec.get("title") or spec["layer"][0]["title"]
        charts[title["text"] if isinstance(title, dict) else title] = (encoding, data)
    return charts


def month_labels(values: pd.Series) -> set[str]:
    """What a '%b %Y' axis in UTC writes for these instants."""
    instants = pd.to_datetime(values)
    instants = instants.dt.tz_localize("UTC") if instants.dt.tz is None else instants.dt.tz_convert("UTC")
    return set(instants.dt.strftime("%b %Y"))


@pytest.mark.parametrize("page", list(CHART_TITLES), ids=lambda page: page or "overview")
def test_every_chart_has_data_and_the_expected_labels(
    monkeypatch: pytest.MonkeyPatch, warehouse: Path, page: str | None
) -> None:
    app = open_app(monkeypatch, warehouse, page)
    charts = drawn_charts(app)
    assert set(charts) == set(CHART_TITLES[page])
    for title, expected in CHART_TITLES[page].items():
        encoding, data = charts[title]
        assert len(data) > 0, f"{title!r} is empty"
        for channel, channel_title in expected.items():
            assert encoding[channel].get("title") == channel_title, (title, channel)
        for channel in ("x", "y", "color", "text"):
            if channel in encoding:
                field = encoding[channel]["field"]
                assert field in data.columns, (title, channel, field)
                assert data[field].notna().any(), f"{title!r}: {field} has no value"
        for channel in ("x", "y"):
            axis = encoding[channel]
            if axis.get("type") == "temporal" or "timeUnit" in axis:
                assert axis["axis"]["format"] == "%b %Y" and axis["axis"]["formatType"] == "utc", title
                assert axis.get("timeUnit", "utc").startswith("utc") or axis.get("scale", {}).get("type") == "utc", (
                    title
                )
                assert all(re.fullmatch(r"[A-Z][a-z]{2} \d{4}", label) for label in month_labels(data[axis["field"]]))
        color = encoding.get("color", {})
        if color.get("field") == "quad_class_name":  # the quad classes have the same colours everywhere
            assert color["scale"] == {"domain": list(QUAD_COLOURS), "range": list(QUAD_COLOURS.values())}, title
            assert set(data["quad_class_name"]) <= set(QUAD_COLOURS), title


def test_month_labels_are_the_months_the_events_happened(monkeypatch: pytest.MonkeyPatch, warehouse: Path) -> None:
    """The Israel–Morocco normalisation of November 2020 reads 'Nov 2020', not 'Oct 2020' or 'Nov'."""
    app = open_app(monkeypatch, warehouse, "views/events.py")
    encoding, data = drawn_charts(app)["Events per month, by quad class"]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        expected = {
            row[0]
            for row in con.execute(
                "SELECT DISTINCT strftime(date_start, '%b %Y') FROM event_timeline WHERE date_start IS NOT NULL"
            ).fetchall()
        }
    assert month_labels(data[encoding["x"]["field"]]) == expected
    assert "Nov 2020" in expected


def test_the_overview_article_months_are_the_publication_months(
    monkeypatch: pytest.MonkeyPatch, warehouse: Path
) -> None:
    app = open_app(monkeypatch, warehouse)
    encoding, data = drawn_charts(app)["Articles per publication month, by language"]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        expected = {
            row[0]
            for row in con.execute(
                "SELECT DISTINCT strftime(published_start, '%b %Y') FROM articles WHERE published_start IS NOT NULL"
            ).fetchall()
        }
    assert month_labels(data[encoding["x"]["field"]]) == expected
    assert data["articles"].sum() == scalar(
        warehouse, "SELECT count(*) FROM articles WHERE published_start IS NOT NULL"
    )


# --- the overview follows the filters; reciprocal dyads have no direction (issue 17) ------------


def metrics(app: AppTest) -> dict[str, int]:
    return {metric.label: int(metric.value.replace(",", "")) for metric in app.metric}


def test_the_overview_figures_follow_the_filters(monkeypatch: pytest.MonkeyPatch, warehouse: Path) -> None:
    app = open_app(monkeypatch, warehouse)
    assert "follow the sidebar filters" in app.caption[0].value
    app.multiselect(key="languages").set_value(["en"]).run()
    figures = metrics(app)
    assert "for the sidebar filters" in app.caption[0].value
    assert figures["Articles"] == scalar(warehouse, "SELECT count(*) FROM articles WHERE language = 'en'")
    assert figures["Events"] == scalar(
        warehouse, "SELECT count(*) FROM event_timeline WHERE list_contains(languages, 'en')"
    )
    assert figures["Agreements"] == scalar(
        warehouse, "SELECT count(*) FROM agreements_overview WHERE list_contains(languages, 'en')"
    )
    assert figures["Languages"] == 1
    assert figures["Quarantined records"] == scalar(warehouse, "SELECT count(*) FROM quarantine")  # not filterable
    app.multiselect(key="languages").set_value([]).run()
    app.multiselect(key="event_types").set_value(["CONSULT"]).run()
    figures = metrics(app)
    assert figures["Events"] == scalar(warehouse, "SELECT count(*) FROM events WHERE event_type = 'CONSULT'")
    assert figures["Articles"] == scalar(
        warehouse, "SELECT count(DISTINCT article_id) FROM event_mentions WHERE event_type = 'CONSULT'"
    )
    _, types = drawn_charts(app)["Events by PLOVER type"]
    assert set(types["event_type"]) == {"CONSULT"}


def dyad_cells(app: AppTest) -> pd.DataFrame:
    _, cells = drawn_charts(app)["Who acts towards whom (row country → column country; reciprocal events both ways)"]
    return cells.set_index(["source_country", "target_country"])


def test_the_dyad_matrix_counts_reciprocal_events_both_ways(monkeypatch: pytest.MonkeyPatch, warehouse: Path) -> None:
    """A meeting of Israel and Morocco is in both cells, not under ISR→MAR because I < M."""
    cells = dyad_cells(open_app(monkeypatch, warehouse, "views/dyads.py"))
    with duckdb.connect(str(warehouse), read_only=True) as con:
        mart = con.execute(
            "SELECT source_country, target_country, sum(events)::INT, sum(reciprocal_events)::INT "
            "FROM dyads_monthly GROUP BY ALL"
        ).fetchall()
    assert any(reciprocal for *_, reciprocal in mart), "the seed has no reciprocal event"
    for source, target, events, reciprocal in mart:
        assert cells.at[(source, target), "directed"] == events - reciprocal
        if reciprocal:
            assert cells.at[(source, target), "reciprocal"] == cells.at[(target, source), "reciprocal"] == reciprocal
    assert (cells["events"] == cells["directed"] + cells["reciprocal"]).all()
    # Every event once per pair: the directed cells, plus each reciprocal pair once.
    assert cells["directed"].sum() + cells["reciprocal"].sum() // 2 == sum(events for _, _, events, _ in mart)


def test_the_reciprocal_part_is_the_marts(warehouse: Path) -> None:
    """dyad_cells.py rebuilds the reciprocal rows per type; in all, they are dyads_monthly.reciprocal_events."""
    from dashboard.dyad_cells import reciprocal_sql
    from dashboard.filters import Filters

    sql, _ = reciprocal_sql(Filters())
    with duckdb.connect(str(warehouse), read_only=True) as con:
        differing = con.execute(
            f"SELECT * FROM dyads_monthly AS m FULL JOIN ({sql}) AS r USING (source_country, target_country, month) "
            "WHERE coalesce(m.reciprocal_events, 0) <> coalesce(r.events, 0)"
        ).fetchall()
    assert differing == []


def test_an_event_type_filter_keeps_the_reciprocal_events_of_that_type(
    monkeypatch: pytest.MonkeyPatch, warehouse: Path
) -> None:
    kind = scalar(
        warehouse, "SELECT event_type FROM events WHERE len(targets) = 0 AND NOT negated ORDER BY ALL LIMIT 1"
    )
    app = open_app(monkeypatch, warehouse, "views/dyads.py")
    app.multiselect(key="event_types").set_value([kind]).run()
    cells = dyad_cells(app)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        typed = con.execute(f"SELECT sum({str(kind).lower()})::INT FROM dyads_monthly").fetchone()[0]
    assert cells["directed"].sum() + cells["reciprocal"].sum() // 2 == typed
    assert all(cells.at[(b, a), "reciprocal"] == count for (a, b), count in cells["reciprocal"].items() if count)
