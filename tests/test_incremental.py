"""Incremental and reprocessing runs: deletions recorded, derived rows rebuilt from stored text."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests.test_task_runners import content

pytestmark = pytest.mark.usefixtures("prefect_harness")


def ingest(folder: Path, warehouse: Path):  # type: ignore[no-untyped-def]
    from flows.ingest import ingest as ingest_flow

    return ingest_flow(inputs=[str(folder)], warehouse=str(warehouse))


def query(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_a_deleted_file_is_recorded_and_its_article_kept(articles_folder: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    ingest(articles_folder, warehouse)
    (articles_folder / "en_wire.txt").unlink()
    summary = ingest(articles_folder, warehouse)
    assert summary.files["deleted"] == 1
    assert query(warehouse, "SELECT status FROM source_files WHERE path LIKE '%en_wire.txt'") == [("deleted",)]
    assert query(warehouse, "SELECT count(*) FROM articles") == [(7,)]
    assert query(warehouse, "SELECT count(*) FROM current_articles") == [(6,)]
    assert query(warehouse, "SELECT files_deleted FROM runs ORDER BY started_at DESC LIMIT 1") == [(1,)]


def test_files_outside_the_run_inputs_are_not_marked_deleted(articles_folder: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    other = tmp_path / "other"
    other.mkdir()
    (other / "note.txt").write_text("date 2022-01-01\n\nLe ministre a reçu son homologue à Alger.", encoding="utf-8")
    ingest(articles_folder, warehouse)
    summary = ingest(other, warehouse)
    assert summary.files["deleted"] == 0
    assert query(warehouse, "SELECT count(*) FROM source_files WHERE status = 'deleted'") == [(0,)]


def test_a_file_reverted_to_an_earlier_version_is_current_again(tmp_path: Path) -> None:
    folder, warehouse = tmp_path / "in", tmp_path / "w.duckdb"
    folder.mkdir()
    page = folder / "page.txt"
    versions = ["Première version sur Rabat et Alger.", "Deuxième version sur Rabat et Alger."]
    for text in (versions[0], versions[1], versions[0]):
        page.write_text(text, encoding="utf-8")
        ingest(folder, warehouse)
    (current,) = query(warehouse, "SELECT left(text, 9) FROM current_articles")
    assert current == ("Première ",)


def test_reprocess_all_gives_the_same_warehouse_as_a_fresh_run(articles_folder: Path, tmp_path: Path) -> None:
    from flows.reprocess import reprocess

    warehouse = tmp_path / "w.duckdb"
    ingest(articles_folder, warehouse)
    before = content(warehouse)
    summary = reprocess(warehouse=str(warehouse), all_articles=True)
    assert summary.articles_extracted == 7
    assert content(warehouse) == before


def test_reprocess_rebuilds_only_articles_of_another_extractor_version(
    articles_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import flows.reprocess
    import warehouse.rows.core  # noqa: F401  (the version is carried by the run context)

    warehouse = tmp_path / "w.duckdb"
    ingest(articles_folder, warehouse)
    monkeypatch.setattr(flows.reprocess, "EXTRACTOR_VERSION", "9.9.9-test")
    monkeypatch.setattr("flows.ingest.EXTRACTOR_VERSION", "9.9.9-test")
    first = flows.reprocess.reprocess(warehouse=str(warehouse))
    second = flows.reprocess.reprocess(warehouse=str(warehouse))
    assert (first.articles_extracted, second.articles_extracted) == (7, 0)
    assert query(warehouse, "SELECT DISTINCT extractor_version FROM articles") == [("9.9.9-test",)]
    assert query(warehouse, "SELECT flow_name FROM runs ORDER BY started_at") == [("ingest",), ("reprocess",)]


def test_quality_report_passes_on_a_published_warehouse(articles_folder: Path, tmp_path: Path) -> None:
    from flows.quality_report import quality_report

    warehouse = tmp_path / "w.duckdb"
    ingest(articles_folder, warehouse)
    results = quality_report(warehouse=str(warehouse))
    assert results and all(result.passed for result in results)


def test_new_code_with_a_new_view_publishes_even_when_no_file_changed(
    articles_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import warehouse.schema as schema

    warehouse = tmp_path / "w.duckdb"
    ingest(articles_folder, warehouse)
    upgraded = schema.build_sql() + "\nCREATE OR REPLACE VIEW upgrade_probe AS SELECT article_id FROM articles;"
    monkeypatch.setattr(schema, "build_sql", lambda: upgraded)
    schema.tables.cache_clear()
    try:
        import warehouse.publish as publish

        monkeypatch.setattr(publish, "build_sql", lambda: upgraded)
        summary = ingest(articles_folder, warehouse)
        assert summary.published and summary.articles_new == 0
        assert query(warehouse, "SELECT count(*) FROM upgrade_probe") == [(7,)]
    finally:
        schema.tables.cache_clear()


def test_a_file_that_cannot_be_read_does_not_make_every_run_publish(articles_folder: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    (articles_folder / "broken-link.txt").symlink_to(tmp_path / "missing-target.txt")
    first = ingest(articles_folder, warehouse)
    assert first.published and first.quarantine_reasons["unreadable"] == 1
    second = ingest(articles_folder, warehouse)
    assert not second.published
    assert query(warehouse, "SELECT reason FROM quarantine") == [("unreadable",)]
