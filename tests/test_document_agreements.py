"""The JSON contract lists each agreement once, with every place the article names it (like actors)."""

from __future__ import annotations

import json

import jsonschema

from newsdesk.serialize import document_json
from tests.conftest import REPO
from tests.events_support import extract, state
from transforms.records import ExtractedDocument

SCHEMA = json.loads((REPO / "docs" / "document.schema.json").read_text(encoding="utf-8"))
TEXT = (
    "Chile and Peru signed a fisheries agreement in Lima on 4 May 2019. "
    "The agreement sets catch quotas for both fleets until 2024."
)


def _document() -> ExtractedDocument:
    found = extract(TEXT, "en", "2019-05-06", [state("CHL", "Chile"), state("PER", "Peru")])
    return found.document()


def test_an_agreement_named_twice_is_one_entry_with_two_mentions() -> None:
    document = _document()
    assert len({mention.agreement_id for mention in document.agreements}) == 1
    (entry,) = document_json(document)["agreements"]
    first, second = TEXT.index("agreement"), TEXT.index("The agreement") + len("The ")
    assert [m["start"] for m in entry["mentions"]] == [first, second]
    assert entry["start"] == first


def test_the_grouped_agreements_follow_the_document_contract() -> None:
    jsonschema.validate(document_json(_document()), SCHEMA)
