"""The same article text in several files is stored once, and every file keeps its own metadata
(issue 12): one `article_sources` row per record an article was read from."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

from flows.batches import read_batch
from newsdesk.inputs import discover_files
from tests.conftest import REPO
from warehouse.rows.core import RunContext
from warehouse.state import KnownState

RUN = RunContext("run-1", "20240101T000000-run-1", datetime(2024, 1, 1), "test")
TEXT = "Le ministre marocain des Affaires étrangères a reçu son homologue espagnol à Rabat."


def _write(folder: Path, name: str, title: str, day: str, source: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(
        f"title: {title}\ndate: {day}\nsource: {source}\nauthor: {source} desk\n\n{TEXT}\n", encoding="utf-8"
    )
    return path


def test_every_record_gets_its_source_row_even_when_its_text_is_already_known(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "Rabat reçoit Madrid", "2022-07-19", "Le Matin")
    _write(tmp_path, "b.txt", "Visite à Rabat", "2022-07-20", "El País")
    feed = [{"text": TEXT, "title": "Dans le fil", "date": "2022-07-21"}, {"text": TEXT, "title": "Encore"}]
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in feed) + "\n", encoding="utf-8")
    first = read_batch(discover_files([tmp_path]), KnownState(), 100_000, RUN)
    assert len(first.articles) == 1  # one text, extracted once
    rows = sorted(first.rows["article_sources"], key=lambda row: (row["path"], row["record"]))
    assert [(Path(r["path"]).name, r["record"], r["title"]) for r in rows] == [
        ("a.txt", 0, "Rabat reçoit Madrid"),
        ("b.txt", 0, "Visite à Rabat"),
        ("feed.jsonl", 1, "Dans le fil"),
        ("feed.jsonl", 2, "Encore"),
    ]
    assert {row["article_id"] for row in rows} == {first.articles[0].article_id}
    b = rows[1]
    assert (b["source"], b["published_start"], b["published_precision"]) == ("El País", date(2022, 7, 20), "day")
    assert json.loads(b["metadata_json"]) == {"author": "El País desk"}

    # A later file with a text the warehouse holds: nothing to extract, its metadata still lands.
    _write(tmp_path / "later", "c.txt", "Troisième titre", "2022-07-22", "Le Monde")
    known = KnownState({}, frozenset({first.articles[0].article_id}))
    later = read_batch(discover_files([tmp_path / "later"]), known, 100_000, RUN)
    assert later.articles == []
    ((row),) = later.rows["article_sources"]
    assert (row["title"], row["source"], row["published_raw"]) == ("Troisième titre", "Le Monde", "2022-07-22")


def test_article_sources_is_never_replaced_per_article() -> None:
    """Per-article tables are replaced whole by the part that owns a re-extracted article: this one
    holds other files' rows, so it must not be one."""
    from warehouse.quality import quality_checks
    from warehouse.schema import stored_tables

    table = stored_tables()["article_sources"]
    assert not table.is_per_article
    assert table.primary_key == ("article_id", "path", "record")
    assert "article_sources.article_id refers to an article" in dict(quality_checks())


@pytest.fixture()
def stand_in_extractor(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Runs in this process build their NLP worker with the model-free stand-in of worker_support."""
    from flows import ingest

    monkeypatch.setenv("PYTHONPATH", str(REPO))
    monkeypatch.setenv("NEWSDESK_EXTRACTOR_FACTORY", "tests.worker_support:ForgivingExtractor")
    ingest.shared_extractor.cache_clear()
    yield
    ingest.stop_extraction()
    ingest.shared_extractor.cache_clear()


def _rows(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


SOURCES = (
    "SELECT regexp_extract(path, '[^/]+$'), record, title, source, published_start FROM article_sources ORDER BY 1, 2"
)


@pytest.mark.usefixtures("prefect_harness", "stand_in_extractor")
def test_a_later_file_with_a_known_text_keeps_its_metadata_through_publish_and_reprocess(tmp_path: Path) -> None:
    from flows.ingest import ingest
    from flows.reprocess import reprocess

    warehouse = tmp_path / "w.duckdb"
    _write(tmp_path / "in", "a.txt", "Rabat reçoit Madrid", "2022-07-19", "Le Matin")
    first = ingest(inputs=[str(tmp_path / "in")], warehouse=str(warehouse))
    assert first.published and first.articles_new == 1
    _write(tmp_path / "in", "b.txt", "Visite à Rabat", "2022-07-20", "El País")
    second = ingest(inputs=[str(tmp_path / "in")], warehouse=str(warehouse))
    assert second.published and second.articles_new == 0  # no extraction: the text is stored
    expected = [
        ("a.txt", 0, "Rabat reçoit Madrid", "Le Matin", date(2022, 7, 19)),
        ("b.txt", 0, "Visite à Rabat", "El País", date(2022, 7, 20)),
    ]
    assert _rows(warehouse, SOURCES) == expected
    assert _rows(warehouse, "SELECT title, first_source_path LIKE '%a.txt' FROM articles") == [
        ("Rabat reçoit Madrid", True)
    ]

    again = reprocess(warehouse=str(warehouse), all_articles=True)
    assert again.published and again.articles_extracted == 1
    assert _rows(warehouse, SOURCES) == expected  # re-extraction keeps every file's row

    warehouse.unlink()  # rebuilt from the lake, with b.txt gone: its row comes from the lake alone
    (tmp_path / "in" / "b.txt").unlink()
    ingest(inputs=[str(tmp_path / "in")], warehouse=str(warehouse))
    assert _rows(warehouse, SOURCES) == expected
    assert _rows(warehouse, "SELECT passed FROM quality_checks WHERE check_name LIKE 'article_sources%' LIMIT 1") == [
        (True,)
    ]
