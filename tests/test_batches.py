"""Reading a batch of files (flows/batches.py), without Prefect: every failure costs one file."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

import flows.batches
from flows.batches import BatchReading, deleted_files, read_batch
from newsdesk.inputs import discover_files
from warehouse.rows.core import FileVersion, RunContext
from warehouse.state import KnownState

RUN = RunContext("run-1", "20240101T000000-run-1", datetime(2024, 1, 1), "test")
GOOD = "Le ministre marocain des Affaires étrangères a reçu son homologue espagnol à Rabat."


def known_after(batch: BatchReading) -> KnownState:
    """The state the warehouse would hold once this batch is published."""
    files = {
        row["path"]: FileVersion(
            row["path"],
            row["content_sha256"],
            row["size_bytes"],
            row["modified_ns"],
            row["format"],
            row["encoding"],
            tuple(row["article_ids"]),
            row["quarantined_records"],
        )
        for row in batch.rows["source_files"]
    }
    return KnownState(files, frozenset(article.article_id for article in batch.articles))


def reasons(batch: BatchReading) -> dict[str, str]:
    return {Path(row["path"]).name: row["reason"] for row in batch.rows["quarantine"]}


def test_bad_inputs_are_quarantined_with_their_reason_and_recorded_once(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "deep.json").write_text("[" * 3000 + "]" * 3000, encoding="utf-8")
    (tmp_path / "surrogate.json").write_text(
        '{"text": "Rabat \\ud800 et Madrid.", "note": "\\udfff"}', encoding="utf-8"
    )
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    os.close(os.open(os.fsencode(tmp_path) + b"/caf\xe9.txt", os.O_CREAT | os.O_WRONLY))
    (tmp_path / "huge.txt").write_bytes(b"Le Maroc " * 1000)
    files = discover_files([tmp_path])
    first = read_batch(files, KnownState(), 8000, RUN)
    assert reasons(first) == {
        "caf\\xe9.txt": "bad_name",
        "deep.json": "too_deep",
        "huge.txt": "too_large",
        "pipe.txt": "not_a_file",
        "zero.txt": "outside_link",
    }
    assert sorted(article.text for article in first.articles) == [GOOD, "Rabat \ufffd et Madrid."]
    assert first.articles[1].metadata == {"note": "\ufffd"}
    assert len(first.rows["source_files"]) == len(files) == 7
    assert "9,000 bytes" in next(row["message"] for row in first.rows["quarantine"] if row["reason"] == "too_large")
    again = read_batch(files, known_after(first), 8000, RUN)
    assert again.file_counts == {"unchanged": 7} and not again.rows["quarantine"]


def test_an_unexpected_error_reading_a_file_is_its_quarantine_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD + " Deux.", encoding="utf-8")
    real = flows.batches.read_articles

    def failing_on_a(path: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        if path.endswith("a.txt"):
            raise ValueError("a bug nobody foresaw")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(flows.batches, "read_articles", failing_on_a)
    batch = read_batch(discover_files([tmp_path]), KnownState(), 10_000, RUN)
    (row,) = batch.rows["quarantine"]
    assert (Path(row["path"]).name, row["reason"], row["message"]) == (
        "a.txt",
        "read_failed",
        "ValueError: a bug nobody foresaw",
    )
    assert [article.text for article in batch.articles] == [GOOD + " Deux."]
    assert [Path(row["path"]).name for row in batch.rows["source_files"]] == ["a.txt", "b.txt"]


def test_a_file_changed_after_discovery_records_what_was_read_and_is_not_read_again(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(GOOD, encoding="utf-8")
    files = discover_files([tmp_path])
    page.write_text(GOOD + " Suite.", encoding="utf-8")  # grows between discovery and the read
    first = read_batch(files, KnownState(), 10_000, RUN)
    (row,) = first.rows["source_files"]
    assert row["size_bytes"] == page.stat().st_size
    second = read_batch(discover_files([tmp_path]), known_after(first), 10_000, RUN)
    assert second.file_counts == {"unchanged": 1}


def test_an_unchanged_file_read_again_gets_its_size_corrected(tmp_path: Path) -> None:
    """A version recorded with a stale size (before this fix) heals on the next read."""
    page = tmp_path / "page.txt"
    page.write_text(GOOD, encoding="utf-8")
    first = read_batch(discover_files([tmp_path]), KnownState(), 10_000, RUN)
    recorded = known_after(first)
    version = recorded.files[str(page)]
    stale = KnownState({str(page): replace(version, size_bytes=version.size_bytes - 3)}, recorded.article_ids)
    healed = read_batch(discover_files([tmp_path]), stale, 10_000, RUN)
    assert healed.file_counts == {"unchanged": 1}
    assert healed.rows["source_files"][0]["size_bytes"] == page.stat().st_size
    assert read_batch(discover_files([tmp_path]), known_after(healed), 10_000, RUN).file_counts == {"unchanged": 1}


def test_files_below_an_unreadable_folder_are_not_marked_deleted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD + " B.", encoding="utf-8")
    first = read_batch(discover_files([tmp_path]), KnownState(), 10_000, RUN)
    real_scandir = os.scandir
    monkeypatch.setattr(  # as root every folder is readable: listing this one fails by hand
        os,
        "scandir",
        lambda path: (
            (_ for _ in ()).throw(PermissionError(13, "Permission denied"))
            if Path(path).name == "locked"
            else real_scandir(path)
        ),
    )
    files = discover_files([tmp_path])
    second = read_batch(files, known_after(first), 10_000, RUN)
    assert reasons(second) == {"locked": "unreadable_folder"}
    assert not deleted_files(known_after(first), files, [str(tmp_path)], RUN).rows["source_files"]
    (tmp_path / "b.txt").unlink()  # a file that is really gone is still found gone
    gone = deleted_files(known_after(first), discover_files([tmp_path]), [str(tmp_path)], RUN)
    assert [Path(row["path"]).name for row in gone.rows["source_files"]] == ["b.txt"]
