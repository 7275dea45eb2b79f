"""End-to-end: the Prefect flow from article files to a published warehouse."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SEED

pytestmark = pytest.mark.usefixtures("prefect_harness")

STABLE_TABLES = ("articles", "quarantine")  # content that must not change when nothing new is read


def run_ingest(inputs: list[Path], warehouse: Path, **options):  # type: ignore[no-untyped-def]
    from flows.ingest import ingest

    return ingest(inputs=[str(path) for path in inputs], warehouse=str(warehouse), **options)


def rows(warehouse: Path, query: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(query).fetchall()


def snapshot(warehouse: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        names = [row[0] for row in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()]
        return {name: con.execute(f"SELECT * FROM {name} ORDER BY ALL").fetchall() for name in names}


def lake_files(warehouse: Path) -> list[str]:
    lake = warehouse.with_name(warehouse.stem + "_lake")
    return sorted(str(path.relative_to(lake)) for path in lake.rglob("*") if path.is_file())


@pytest.fixture()
def warehouse(tmp_path: Path) -> Path:
    return tmp_path / "out" / "warehouse.duckdb"


def test_seed_article_lands_with_its_metadata(tmp_path: Path, warehouse: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / SEED.name).write_bytes(SEED.read_bytes())
    summary = run_ingest([seeds], warehouse)
    assert summary.published
    (article,) = rows(
        warehouse,
        "SELECT language, language_method, published_raw, published_start, published_end, "
        "published_precision, text, sentence_count > 5 FROM articles",
    )
    assert article[0] == "fr"
    assert article[2:6] == ("2022-07", date(2022, 7, 1), date(2022, 7, 31), "month")
    assert article[6].startswith("Le rapprochement entre le Maroc et Israël")
    assert article[7] is True


def test_multilingual_folder_gives_one_row_per_article_with_encodings(articles_folder: Path, warehouse: Path) -> None:
    run_ingest([articles_folder], warehouse)
    languages = dict(rows(warehouse, "SELECT split_part(path, '/', -1), encoding FROM source_files"))
    assert languages["fr_cp1252.txt"] == "cp1252"
    assert languages["de_utf16.txt"] == "utf-16"
    found = sorted(row[0] for row in rows(warehouse, "SELECT language FROM articles"))
    assert found == ["ar", "de", "en", "en", "es", "fr", "fr"]
    (feed,) = rows(warehouse, "SELECT article_ids FROM source_files WHERE path LIKE '%feed.jsonl'")
    assert len(feed[0]) == 2
    (metadata,) = rows(warehouse, "SELECT metadata_json FROM articles WHERE title LIKE 'Spain and Morocco%'")
    assert json.loads(metadata[0]) == {"section": "World"}


def test_running_twice_changes_nothing_and_reports_nothing_new(articles_folder: Path, warehouse: Path) -> None:
    first = run_ingest([articles_folder], warehouse)
    before = snapshot(warehouse)
    database_bytes = hashlib.sha256(warehouse.read_bytes()).hexdigest()
    second = run_ingest([articles_folder], warehouse)
    assert first.articles_new == 7
    assert (second.articles_new, second.files["new"], second.files["changed"], second.files["unchanged"]) == (
        0,
        0,
        0,
        6,
    )
    assert not second.published
    assert snapshot(warehouse) == before
    assert hashlib.sha256(warehouse.read_bytes()).hexdigest() == database_bytes


def test_the_same_article_in_two_files_is_stored_once(tmp_path: Path, warehouse: Path) -> None:
    folder = tmp_path / "dup"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SEED.read_bytes())
    (folder / "b.txt").write_bytes(SEED.read_bytes().replace(b"\n", b"\r\n"))
    run_ingest([folder], warehouse)
    assert rows(warehouse, "SELECT count(*) FROM articles") == [(1,)]
    assert rows(warehouse, "SELECT count(DISTINCT article_ids[1]) FROM source_files") == [(1,)]


def test_a_changed_file_gives_a_new_article_and_supersedes_the_old(tmp_path: Path, warehouse: Path) -> None:
    folder = tmp_path / "changing"
    folder.mkdir()
    page = folder / "page.txt"
    page.write_text(
        "date 2022-05-01\n\nPremière version de l'article sur la visite du ministre à Rabat.", encoding="utf-8"
    )
    run_ingest([folder], warehouse)
    page.write_text(
        "date 2022-05-01\n\nDeuxième version, corrigée, de l'article sur la visite du ministre à Rabat.",
        encoding="utf-8",
    )
    summary = run_ingest([folder], warehouse)
    assert summary.files["changed"] == 1
    assert rows(warehouse, "SELECT count(*) FROM articles") == [(2,)]
    assert sorted(rows(warehouse, "SELECT status FROM source_files")) == [("current",), ("superseded",)]
    (current,) = rows(warehouse, "SELECT left(text, 8) FROM current_articles")
    assert current == ("Deuxième",)


def test_bad_files_are_quarantined_beside_the_good_ones(articles_folder: Path, warehouse: Path) -> None:
    bad = articles_folder / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (bad / "broken.json").write_text('{"text": "cut', encoding="utf-8")
    (bad / "mixed.jsonl").write_text(
        json.dumps({"text": "Une ligne valide sur la diplomatie marocaine et ses partenaires."}) + "\n{oops\n",
        encoding="utf-8",
    )
    (bad / "huge.txt").write_text("Le Maroc " * 400, encoding="utf-8")
    (bad / "lying-bom.txt").write_bytes(b"\xef\xbb\xbfLe g\xe9n\xe9ral")
    summary = run_ingest([articles_folder], warehouse, max_bytes=3000)
    reasons = dict(rows(warehouse, "SELECT split_part(path, '/', -1) || ':' || record, reason FROM quarantine"))
    assert reasons == {
        "empty.txt:-1": "empty",
        "photo.txt:-1": "binary",
        "broken.json:-1": "malformed_json",
        "mixed.jsonl:2": "malformed_json",
        "huge.txt:-1": "too_large",
        "lying-bom.txt:-1": "undecodable",
    }
    assert rows(warehouse, "SELECT count(*) FROM articles") == [(8,)]  # 7 good + the valid JSON line
    assert summary.files["quarantined"] == 6


def test_a_failure_while_loading_leaves_the_warehouse_as_it_was(
    articles_folder: Path, warehouse: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import warehouse.publish as publish

    run_ingest([articles_folder], warehouse)
    before_tables = snapshot(warehouse)
    before_bytes = warehouse.read_bytes()
    before_lake = lake_files(warehouse)
    (articles_folder / "new.txt").write_text(
        "date 2022-09-01\n\nUn nouvel article sur Alger et Madrid.", encoding="utf-8"
    )

    real_upsert = publish._upsert
    calls = {"count": 0}

    def failing_upsert(con, table, **options):  # type: ignore[no-untyped-def]
        calls["count"] += 1
        if calls["count"] == 2:  # after the first table was written into the new database
            raise OSError("disk failure injected by the test")
        return real_upsert(con, table, **options)

    monkeypatch.setattr(publish, "_upsert", failing_upsert)
    with pytest.raises(OSError, match="injected"):
        run_ingest([articles_folder], warehouse)
    assert warehouse.read_bytes() == before_bytes
    assert snapshot(warehouse) == before_tables
    assert lake_files(warehouse) == before_lake
    assert not list(warehouse.parent.glob(".*.tmp*"))

    monkeypatch.setattr(publish, "_upsert", real_upsert)
    summary = run_ingest([articles_folder], warehouse)
    assert summary.articles_new == 1


def test_a_failing_quality_check_publishes_nothing(
    articles_folder: Path, warehouse: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import warehouse.quality as quality

    monkeypatch.setattr(
        quality,
        "quality_checks",
        lambda: [("no article mentions Rabat", "SELECT * FROM articles WHERE text LIKE '%Rabat%'")],
    )
    from warehouse.publish import QualityCheckFailed

    with pytest.raises(QualityCheckFailed, match="Rabat"):
        run_ingest([articles_folder], warehouse)
    assert not warehouse.exists()


def test_every_run_records_its_checks_and_counts(articles_folder: Path, warehouse: Path) -> None:
    summary = run_ingest([articles_folder], warehouse)
    ((counts, files_seen),) = rows(warehouse, "SELECT table_counts_json, files_seen FROM runs")
    assert files_seen == 6
    assert json.loads(counts)["articles"] == 7
    assert summary.table_counts["articles"] == 7
    assert summary.checks and all(passed for _, passed, _ in summary.checks)  # shown in the artifact
    assert rows(warehouse, "SELECT count(*) FROM quality_checks WHERE NOT passed") == [(0,)]
    assert rows(warehouse, "SELECT count(*) > 0 FROM quality_checks") == [(True,)]


def test_the_database_works_from_any_directory(
    articles_folder: Path, warehouse: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    run_ingest([articles_folder], warehouse)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        views = [row[0] for row in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()]
        for view in views:
            con.execute(f"SELECT count(*) FROM {view}").fetchall()
    assert "current_articles" in views


def test_rebuilding_from_the_lake_gives_the_same_tables(articles_folder: Path, warehouse: Path) -> None:
    run_ingest([articles_folder], warehouse)
    before = snapshot(warehouse)
    warehouse.unlink()  # the database is a copy of the lake: a run rebuilds it
    (articles_folder / "new.txt").write_text(
        "date 2022-09-01\n\nUn nouvel article sur Alger et Madrid.", encoding="utf-8"
    )
    run_ingest([articles_folder], warehouse)
    after = snapshot(warehouse)
    assert len(after["articles"]) == len(before["articles"]) + 1
    assert all(row in after["articles"] for row in before["articles"])  # first_seen_* kept from the lake
    assert len(after["runs"]) == 2


def test_a_second_writer_is_refused_with_the_name_of_the_first(articles_folder: Path, warehouse: Path) -> None:
    from warehouse.layout import WarehouseLayout
    from warehouse.lock import WarehouseBusy, WarehouseLock

    with (
        WarehouseLock(WarehouseLayout.at(warehouse), "the-first-run"),
        pytest.raises(WarehouseBusy, match="the-first-run"),
    ):
        run_ingest([articles_folder], warehouse)
    assert run_ingest([articles_folder], warehouse).published  # released with its holder


def test_a_reader_keeps_a_consistent_view_while_a_run_publishes(articles_folder: Path, warehouse: Path) -> None:
    run_ingest([articles_folder], warehouse)
    with duckdb.connect(str(warehouse), read_only=True) as reader:
        before = reader.execute("SELECT count(*) FROM articles").fetchone()
        (articles_folder / "new.txt").write_text(
            "date 2022-09-01\n\nUn nouvel article sur Alger et Madrid.", encoding="utf-8"
        )
        assert run_ingest([articles_folder], warehouse).published
        assert reader.execute("SELECT count(*) FROM articles").fetchone() == before
    assert rows(warehouse, "SELECT count(*) FROM articles") == [(before[0] + 1,)]


@pytest.mark.parametrize(
    ("error", "retried"),
    [(OSError("No space left on device"), True), (TimeoutError("object store"), True), (ValueError("a bug"), False)],
)
def test_a_batch_is_retried_after_an_io_error_only(error: Exception, retried: bool) -> None:
    from prefect.states import Failed

    from flows.ingest import after_io_error

    assert after_io_error(None, None, Failed(data=error)) is retried


def test_inputs_that_used_to_hang_or_stop_a_run_are_quarantined_beside_the_good_ones(
    articles_folder: Path, warehouse: Path, tmp_path: Path
) -> None:
    """Issue 12: each of these once hung the run while it held the warehouse lock, or aborted it."""
    import os

    secret = tmp_path / "id_rsa"
    secret.write_text("-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n", encoding="utf-8")
    odd = articles_folder / "odd"
    odd.mkdir()
    os.mkfifo(odd / "pipe.txt")
    (odd / "zero.txt").symlink_to("/dev/zero")
    (odd / "key.txt").symlink_to(secret)
    (odd / "loop").symlink_to(articles_folder)
    (odd / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    os.close(os.open(os.fsencode(odd) + b"/caf\xe9.txt", os.O_CREAT | os.O_WRONLY))
    (odd / "bad-date.txt").write_text(
        "Date: 2022-13-45\nTitle: Rabat et Madrid\n\nLe ministre marocain a reçu son homologue espagnol.",
        encoding="utf-8",
    )
    summary = run_ingest([articles_folder, f"{articles_folder}/**/*.txt"], warehouse)
    assert summary.published
    reasons = dict(rows(warehouse, "SELECT split_part(path, '/', -1), reason FROM quarantine"))
    assert reasons == {
        "pipe.txt": "not_a_file",
        "zero.txt": "outside_link",
        "key.txt": "outside_link",
        "loop": "not_a_file",
        "deep.json": "too_deep",
        "caf\\xe9.txt": "bad_name",
        "bad-date.txt": "bad_header",
    }
    assert rows(warehouse, "SELECT count(*) FROM articles WHERE text LIKE '%PRIVATE KEY%'") == [(0,)]
    assert rows(
        warehouse, "SELECT title, published_raw, published_start FROM articles WHERE title = 'Rabat et Madrid'"
    ) == [("Rabat et Madrid", "2022-13-45", None)]
    assert rows(warehouse, "SELECT count(*) FROM articles") == [(8,)]  # the 7 good ones and the undated one
    assert not run_ingest([articles_folder, f"{articles_folder}/**/*.txt"], warehouse).published


def test_an_unreadable_folder_is_quarantined_and_its_files_are_not_taken_for_deleted(
    articles_folder: Path, warehouse: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    sub = articles_folder / "sub"
    sub.mkdir()
    (articles_folder / "en_wire.txt").rename(sub / "en_wire.txt")
    run_ingest([articles_folder], warehouse)
    real_scandir = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        # Tests run as root, which lists any folder whatever its mode: the refusal is simulated.
        if Path(path) == sub:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    summary = run_ingest([articles_folder], warehouse)
    assert summary.files["deleted"] == 0
    assert rows(warehouse, "SELECT split_part(path, '/', -1), reason FROM quarantine") == [("sub", "unreadable_folder")]
    assert rows(warehouse, "SELECT status FROM source_files WHERE path LIKE '%en_wire.txt'") == [("current",)]
