"""docs/data-dictionary.md, generated from the schema's SQL comments (`newsdesk docs`)."""

from __future__ import annotations

from pathlib import Path

from warehouse.schema import Table, tables

DICTIONARY_PATH = Path(__file__).resolve().parents[1] / "docs" / "data-dictionary.md"

_HEADER = """# Data dictionary

Generated from `warehouse/schema/*.sql` and `warehouse/build/*.sql` by `newsdesk docs`; do not
edit by hand (a test fails when this file and the schema disagree). Character offsets (`start`,
`end`) always point into `articles.text`; date ranges are inclusive.
"""


def render_dictionary() -> str:
    relations = tables()
    sections = [_HEADER, "## Contents", ""]
    sections += [f"- [{name}](#{name}){' (view)' if table.is_view else ''}" for name, table in relations.items()]
    sections += [_render(table) for table in relations.values()]
    return "\n".join(sections).rstrip() + "\n"


def _render(table: Table) -> str:
    kind = "View" if table.is_view else "Table"
    lines = ["", f"## {table.name}", "", f"{kind}. {table.comment}".rstrip(), ""]
    if table.primary_key:
        lines += [f"Primary key: `({', '.join(table.primary_key)})`", ""]
    lines += ["| column | type | null? | meaning |", "|---|---|---|---|"]
    for column in table.columns:
        meaning = column.comment.replace("|", "\\|").replace("\n", " ")
        lines.append(f"| `{column.name}` | {column.sql_type} | {'yes' if column.nullable else 'no'} | {meaning} |")
    return "\n".join(lines)
