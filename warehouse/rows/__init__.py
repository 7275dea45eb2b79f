"""Records → warehouse rows, one module per concept.

`core` turns articles, files and problems into the core tables' rows. Every other module here
belongs to an extraction stage and exposes `rows(document) -> {table: [row, ...]}` with exactly
the table's columns minus `extractor_version`, which `document_rows` fills in.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache
from types import ModuleType

from transforms.records import ExtractedDocument
from warehouse.rows.core import RunContext, article_row


@lru_cache(maxsize=1)
def _stage_modules() -> tuple[ModuleType, ...]:
    names = sorted(info.name for info in pkgutil.iter_modules(__path__) if info.name != "core")
    return tuple(importlib.import_module(f"{__name__}.{name}") for name in names)


def document_rows(document: ExtractedDocument, run: RunContext) -> dict[str, list[dict]]:
    """Every warehouse row one extracted article gives, by table."""
    tables: dict[str, list[dict]] = {"articles": [article_row(document, run)]}
    for module in _stage_modules():
        for table, rows in module.rows(document).items():
            tables.setdefault(table, []).extend({**row, "extractor_version": run.extractor_version} for row in rows)
    return tables
