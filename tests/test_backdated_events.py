"""An article whose header is dated before the events it reports (issue 12): a past-tense event
stays asserted through the JSON contract, the warehouse row and the data-quality checks."""

from __future__ import annotations

import json
from datetime import datetime

import duckdb
import jsonschema

from newsdesk.serialize import document_json
from tests.conftest import REPO
from tests.events_support import extract, state
from warehouse.quality import run_checks
from warehouse.rows import document_rows
from warehouse.rows.core import RunContext
from warehouse.schema import schema_sql, stored_tables

RUN = RunContext("run-1", "20240101T000000-run-1", datetime(2024, 1, 1), "test")
CHECK = "event_mentions: no date after publication unless planned or in the past tense"


def _backdated_document():  # type: ignore[no-untyped-def]
    return extract(
        "Morocco and Mauritania signed a defence treaty on 3 March 2001. They will sign another on 9 May 2001.",
        "en",
        "2001-01-01",
        [state("MAR", "Morocco"), state("MRT", "Mauritania", "Mauritania", "They")],
    ).document()


def test_a_past_tense_event_after_publication_passes_the_checks_and_an_unannounced_one_fails() -> None:
    rows = document_rows(_backdated_document(), RUN)
    events = sorted(rows["event_mentions"], key=lambda row: row["start"])
    assert [(row["modality"], row["past_tense"]) for row in events] == [("asserted", True), ("planned", False)]
    with duckdb.connect(":memory:") as con:
        con.execute(schema_sql())
        for name in ("articles", "event_mentions"):
            table = stored_tables()[name]
            columns = ", ".join(f'"{column}"' for column in table.column_names)
            con.executemany(
                f"INSERT INTO {name} ({columns}) VALUES ({', '.join('?' for _ in table.column_names)})",
                [[row[column] for column in table.column_names] for row in rows[name]],
            )
        assert {check.name: check.failing_rows for check in run_checks(con)}[CHECK] == 0
        con.execute("UPDATE event_mentions SET past_tense = false WHERE modality = 'asserted'")
        assert {check.name: check.failing_rows for check in run_checks(con)}[CHECK] == 1


def test_the_document_contract_carries_past_tense() -> None:
    schema = json.loads((REPO / "docs" / "document.schema.json").read_text(encoding="utf-8"))
    document = json.loads(json.dumps(document_json(_backdated_document()), default=str))
    jsonschema.validate(document, schema)
    assert [event["past_tense"] for event in document["events"]] == [True, False]
