"""What the published warehouse already holds, for incremental runs (read-only)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import duckdb

from transforms.article_parsing import ParsedArticle
from transforms.reading import build_article
from transforms.records import ArticleRecord
from warehouse.database_file import stock_readable
from warehouse.layout import WarehouseLayout
from warehouse.rows.core import FileVersion
from warehouse.schema import tables


@dataclass(frozen=True)
class KnownState:
    files: dict[str, FileVersion] = field(default_factory=dict)  # current version by path
    article_ids: frozenset[str] = frozenset()

    def restricted_to(self, paths: list[str]) -> KnownState:
        """The same state with only these files' versions (all article ids are kept)."""
        return KnownState({path: self.files[path] for path in paths if path in self.files}, self.article_ids)


def read_known_state(layout: WarehouseLayout) -> KnownState:
    if not layout.database.exists():
        return KnownState()
    with duckdb.connect(str(layout.database), read_only=True) as con:
        files = {
            row[0]: FileVersion(row[0], row[1], row[2], row[3], row[4], row[5], tuple(row[6]), row[7])
            for row in con.execute(
                """
                SELECT path, content_sha256, size_bytes, modified_ns, format, encoding,
                       article_ids, quarantined_records
                FROM source_files WHERE status = 'current'
                """
            ).fetchall()
        }
        article_ids = frozenset(row[0] for row in con.execute("SELECT article_id FROM articles").fetchall())
    return KnownState(files, article_ids)


def article_ids_to_reprocess(layout: WarehouseLayout, extractor_version: str, all_articles: bool) -> list[str]:
    """Ids of the stored articles made by another extractor version, or set aside by extraction
    (a crash, a time-out: tried again here, never by `ingest`), or all of them; sorted."""
    if not layout.database.exists():
        return []
    query = "SELECT article_id FROM articles"
    parameters: list[str] = []
    if not all_articles:
        query += " WHERE extractor_version <> ? OR coalesce(extraction_status, 'complete') <> 'complete'"
        parameters.append(extractor_version)
    with duckdb.connect(str(layout.database), read_only=True) as con:
        return [row[0] for row in con.execute(query + " ORDER BY article_id", parameters).fetchall()]


def stored_articles(layout: WarehouseLayout, article_ids: list[str]) -> list[ArticleRecord]:
    """Articles rebuilt from their stored text and source metadata, as a fresh read would build them."""
    with duckdb.connect(str(layout.database), read_only=True) as con:
        rows = con.execute(
            """
            SELECT article_id, first_source_path, text, title, source, url, published_raw,
                   language_declared, metadata_json
            FROM articles WHERE article_id IN (SELECT unnest(?)) ORDER BY article_id
            """,
            [article_ids],
        ).fetchall()
    articles = []
    for article_id, path, text, title, source, url, published_raw, declared, metadata_json in rows:
        parsed = ParsedArticle(
            record_index=0,
            text=text,
            title=title,
            source=source,
            url=url,
            date=published_raw,
            lang=declared,
            metadata=json.loads(metadata_json) if metadata_json else {},
        )
        article = build_article(path, parsed)
        if article.article_id != article_id:
            raise ValueError(f"stored text of article {article_id} no longer hashes to its id")
        articles.append(article)
    return articles


def run_checks_of(layout: WarehouseLayout, run_id: str) -> list[tuple[str, bool, int]]:
    """(check, passed, failing rows) recorded for one run, by check name."""
    with duckdb.connect(str(layout.database), read_only=True) as con:
        return con.execute(
            "SELECT check_name, passed, failing_rows FROM quality_checks WHERE run_id = ? ORDER BY check_name",
            [run_id],
        ).fetchall()


def schema_is_current(layout: WarehouseLayout) -> bool:
    """Whether the published database has every table, view and column the code declares.

    When it does not (new code with a new mart or column), a run publishes even if no input
    changed, so the upgrade reaches the database without waiting for new articles.
    """
    if not layout.database.exists():
        return True
    with duckdb.connect(str(layout.database), read_only=True) as con:
        if not stock_readable(con):  # written in duckdb 2.0's format: rebuild it for stock tools
            return False
        published = set(
            con.execute(
                "SELECT table_name, column_name FROM duckdb_columns() WHERE NOT internal AND schema_name = 'main'"
            ).fetchall()
        )
    expected = {(table.name, column.name) for table in tables().values() for column in table.columns}
    return published == expected
