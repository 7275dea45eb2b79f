"""`newsdesk export`: marts to Parquet and CSV, events to PLOVER-style JSON Lines."""

from __future__ import annotations

import csv
import json
import os
import shutil
from pathlib import Path

import duckdb
import jsonschema
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from newsdesk.cli import app
from newsdesk.export import MART_ORDER, ExportError, export
from tests.seed_warehouse_support import seed_warehouse

# The shape of a PLOVER record as newsdesk writes it (field names of the PLOVER event records).
PLOVER_ACTOR = {
    "type": "object",
    "required": ["actorText", "actorId", "name"],
    "properties": {
        "actorText": {"type": "string", "minLength": 1},
        "code": {"type": "string", "pattern": "^([A-Z]{3})$"},
        "sector": {"type": "string"},
        "actorId": {"type": "string", "pattern": "^[a-z_]+:"},
    },
}
PLOVER_RECORD = {
    "type": "object",
    # No "source" when the text names none: newsdesk leaves a role empty rather than guess it.
    "required": ["id", "event", "text", "language", "newsdesk"],
    "properties": {
        "id": {"type": "string", "pattern": "^ev_[0-9a-f]{16}$"},
        "date": {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
        "event": {
            "enum": [
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
            ]
        },
        "source": {"type": "array", "items": PLOVER_ACTOR, "minItems": 1},
        "target": {"type": "array", "items": PLOVER_ACTOR},
        "text": {"type": "string", "minLength": 1},
        "newsdesk": {
            "type": "object",
            "required": ["quadClass", "articleId", "sentence", "negated"],
            "properties": {"quadClass": {"enum": [1, 2, 3, 4]}, "goldstein": {"type": "number"}},
        },
    },
}


@pytest.fixture(scope="module")
def warehouse(prefect_harness: None) -> Path:
    return seed_warehouse()


def count(warehouse: Path, name: str) -> int:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]


def columns(warehouse: Path, name: str) -> list[str]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return [description[0] for description in con.execute(f"SELECT * FROM {name} LIMIT 0").description]


@pytest.mark.parametrize("mart", sorted(MART_ORDER))
def test_a_mart_exports_to_parquet_with_all_its_rows_and_columns(warehouse: Path, tmp_path: Path, mart: str) -> None:
    exported = export(warehouse, mart, "parquet", tmp_path / f"{mart}.parquet")
    table = pq.read_table(exported.path)
    assert exported.rows == table.num_rows == count(warehouse, mart)
    assert table.column_names == columns(warehouse, mart)


def test_a_mart_exports_to_csv_with_a_header(warehouse: Path, tmp_path: Path) -> None:
    exported = export(warehouse, "agreements_overview", "csv", tmp_path / "agreements.csv")
    with exported.path.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) == count(warehouse, "agreements_overview") > 0
    assert list(rows[0]) == columns(warehouse, "agreements_overview")


def test_the_same_warehouse_exports_the_same_bytes(warehouse: Path, tmp_path: Path) -> None:
    first = export(warehouse, "event_timeline", "csv", tmp_path / "first.csv").path.read_bytes()
    second = export(warehouse, "event_timeline", "csv", tmp_path / "second.csv").path.read_bytes()
    assert first == second


def test_a_table_exports_in_primary_key_order(warehouse: Path, tmp_path: Path) -> None:
    exported = export(warehouse, "articles", "parquet", tmp_path / "articles.parquet")
    ids = pq.read_table(exported.path).column("article_id").to_pylist()
    assert ids == sorted(ids) and len(ids) == count(warehouse, "articles")


def test_events_export_as_plover_json_lines(warehouse: Path, tmp_path: Path) -> None:
    exported = export(warehouse, "events", "plover-json", tmp_path / "events.jsonl")
    records = [json.loads(line) for line in exported.path.read_text(encoding="utf-8").splitlines()]
    assert len(records) == exported.rows == count(warehouse, "events") > 0
    for record in records:
        jsonschema.validate(record, PLOVER_RECORD)
    assert [record["id"] for record in records] == sorted(record["id"] for record in records)


def test_plover_records_give_reciprocal_events_no_target(warehouse: Path, tmp_path: Path) -> None:
    exported = export(warehouse, "events", "plover-json", tmp_path / "events.jsonl")
    records = [json.loads(line) for line in exported.path.read_text(encoding="utf-8").splitlines()]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        reciprocal = {row[0] for row in con.execute("SELECT event_id FROM events WHERE len(targets) = 0").fetchall()}
    assert {record["id"] for record in records if "target" not in record} == reciprocal


def test_plover_records_leave_out_the_source_only_when_the_event_has_none(warehouse: Path, tmp_path: Path) -> None:
    exported = export(warehouse, "events", "plover-json", tmp_path / "events.jsonl")
    records = [json.loads(line) for line in exported.path.read_text(encoding="utf-8").splitlines()]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        unsourced = {row[0] for row in con.execute("SELECT event_id FROM events WHERE len(sources) = 0").fetchall()}
    assert {record["id"] for record in records if "source" not in record} == unsourced


def test_an_unknown_name_is_refused(warehouse: Path, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="no table or view named 'event_timelines'"):
        export(warehouse, "event_timelines", "csv", tmp_path / "x.csv")


def test_plover_json_is_for_events_only(warehouse: Path, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="events only"):
        export(warehouse, "coverage", "plover-json", tmp_path / "x.jsonl")


def test_a_missing_warehouse_says_to_run_first(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="make run"):
        export(tmp_path / "none.duckdb", "coverage", "csv")


def test_the_command_writes_the_file_it_names(warehouse: Path, tmp_path: Path) -> None:
    out = tmp_path / "coverage.csv"
    result = CliRunner().invoke(app, ["export", "coverage", "--format", "csv", "--out", str(out), "-w", str(warehouse)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("dimension,value,articles")


def test_the_command_exits_2_on_an_unknown_format(warehouse: Path) -> None:
    result = CliRunner().invoke(app, ["export", "coverage", "--format", "xml", "-w", str(warehouse)])
    assert result.exit_code == 2


# --- what an export may overwrite (issue 12, item 6) ---------------------------------------------


@pytest.fixture()
def own_warehouse(warehouse: Path, tmp_path: Path) -> Path:
    """A copy of the seed warehouse that a test may (fail to) protect."""
    path = tmp_path / "data" / "warehouse.duckdb"
    path.parent.mkdir()
    shutil.copyfile(warehouse, path)
    return path


def test_export_refuses_to_overwrite_the_warehouse(own_warehouse: Path) -> None:
    before = count(own_warehouse, "articles")
    with pytest.raises(ExportError, match="refusing"):
        export(own_warehouse, "coverage", "csv", own_warehouse)
    assert count(own_warehouse, "articles") == before


def test_export_refuses_a_symlink_to_the_warehouse(own_warehouse: Path, tmp_path: Path) -> None:
    link = tmp_path / "coverage.csv"
    link.symlink_to(own_warehouse)
    with pytest.raises(ExportError, match="refusing"):
        export(own_warehouse, "coverage", "csv", link)
    assert count(own_warehouse, "articles") > 0


def test_export_refuses_a_hard_link_to_the_warehouse(own_warehouse: Path, tmp_path: Path) -> None:
    link = tmp_path / "coverage.csv"
    os.link(own_warehouse, link)
    with pytest.raises(ExportError, match="refusing"):
        export(own_warehouse, "coverage", "csv", link)


def test_export_refuses_a_part_of_the_lake_beside_the_database(own_warehouse: Path) -> None:
    part = own_warehouse.parent / "warehouse_lake" / "runs" / "run=1" / "articles" / "part-0.parquet"
    part.parent.mkdir(parents=True)
    part.write_bytes(b"PAR1 a lake part")
    with pytest.raises(ExportError, match="lake"):
        export(own_warehouse, "articles", "parquet", part)
    assert part.read_bytes() == b"PAR1 a lake part"


def test_export_refuses_the_lake_named_by_newsdesk_lake(
    own_warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSDESK_LAKE", str(tmp_path / "elsewhere"))
    with pytest.raises(ExportError, match="lake"):
        export(own_warehouse, "coverage", "csv", tmp_path / "elsewhere" / "coverage.csv")


def test_export_refuses_a_file_beside_the_database_under_its_name(own_warehouse: Path) -> None:
    with pytest.raises(ExportError, match="refusing"):
        export(own_warehouse, "coverage", "csv", own_warehouse.with_name("warehouse.duckdb.wal"))


def test_a_name_with_dot_dot_creates_no_folder(
    own_warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    with pytest.raises(ExportError, match="no table or view"):
        export(own_warehouse, "../../outside/coverage", "csv")
    assert list(work.iterdir()) == [] and not (tmp_path / "outside").exists()


def test_an_unknown_name_creates_no_export_folder(
    own_warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ExportError, match="no table or view"):
        export(own_warehouse, "no_such_mart", "csv")
    assert not (tmp_path / "data" / "exports").exists()


def test_export_replaces_the_target_by_renaming_a_new_file(warehouse: Path, tmp_path: Path) -> None:
    out, other_name = tmp_path / "coverage.csv", tmp_path / "kept.csv"
    out.write_text("old", encoding="utf-8")
    os.link(out, other_name)  # written in place, the old file's other name would change too
    export(warehouse, "coverage", "csv", out)
    assert out.read_text(encoding="utf-8").startswith("dimension,")
    assert other_name.read_text(encoding="utf-8") == "old"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["coverage.csv", "kept.csv"]


def test_a_failed_export_keeps_the_previous_file(
    warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsdesk.export

    def half_written(con: duckdb.DuckDBPyConnection, name: str, format: str, order: str, path: Path) -> int:
        path.write_text("half", encoding="utf-8")
        raise OSError("disk full")

    out = tmp_path / "coverage.csv"
    out.write_text("previous", encoding="utf-8")
    monkeypatch.setattr(newsdesk.export, "_copy", half_written)
    with pytest.raises(OSError, match="disk full"):
        export(warehouse, "coverage", "csv", out)
    assert [path.name for path in tmp_path.iterdir()] == ["coverage.csv"]
    assert out.read_text(encoding="utf-8") == "previous"


def test_the_command_refuses_the_warehouse_as_its_output(own_warehouse: Path) -> None:
    result = CliRunner().invoke(
        app, ["export", "coverage", "--format", "csv", "--out", str(own_warehouse), "-w", str(own_warehouse)]
    )
    assert result.exit_code == 2
    assert "refusing" in result.stderr
    assert count(own_warehouse, "articles") > 0


# --- lists as JSON, native Parquet, --out - (issue 17, items 1 and 6) ----------------------------


def test_csv_writes_every_list_column_as_json(warehouse: Path, tmp_path: Path) -> None:
    """Before: one row held "['state:ISR', 'state:MAR']" and "[Israel, Morocco]"; neither parses."""
    exported = export(warehouse, "event_timeline", "csv", tmp_path / "events.csv")
    with exported.path.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    with duckdb.connect(str(warehouse), read_only=True) as con:
        expected = con.execute("SELECT source_ids, source_names FROM event_timeline ORDER BY event_id").fetchall()
    assert rows and any(len(ids) > 0 for ids, _ in expected)
    assert [(json.loads(row["source_ids"]), json.loads(row["source_names"])) for row in rows] == [
        (list(ids), list(names)) for ids, names in expected
    ]


def test_parquet_keeps_lists_as_lists(warehouse: Path, tmp_path: Path) -> None:
    exported = export(warehouse, "event_timeline", "parquet", tmp_path / "events.parquet")
    source_ids = pq.read_table(exported.path).column("source_ids").to_pylist()
    assert all(isinstance(value, list) for value in source_ids)


def test_out_dash_writes_to_standard_output_and_no_file_named_dash(
    warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["export", "coverage", "--format", "csv", "--out", "-", "-w", str(warehouse)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("dimension,value,articles")
    assert not (tmp_path / "-").exists() and not (tmp_path / "data").exists()
