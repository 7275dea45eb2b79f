"""The marts (warehouse/build/90_marts.sql) on small hand-written rows, jaffle-shop style.

Each test builds an in-memory warehouse from the schema, inserts a few per-article rows (as a
run would stage them), runs the build SQL (which also rebuilds actors, events and agreements)
and compares a mart's rows with the expected ones. Columns a test does not care about get a
neutral default, so the tests say only what matters to them.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import duckdb
import pytest

from warehouse.schema import BUILD_DIR, build_sql, schema_sql, stored_tables, tables

MARTS = ("event_timeline", "dyads_monthly", "actor_profile", "agreements_overview", "coverage")

FR_TEXT = (
    "Le ministre algérien des Affaires étrangères a accusé mardi le Maroc de mener une campagne hostile. "
    "Le Maroc et l'Espagne se sont réunis mercredi à Rabat."
)
EN_TEXT = "Algeria accused Morocco on Tuesday of a hostile campaign, Foreign Minister Ramtane Lamamra said."
AR_TEXT = "وقع المغرب وإسبانيا اتفاق تعاون أمني في الرباط."

_NEUTRAL: dict[str, Any] = {
    "VARCHAR": "",
    "INTEGER": 0,
    "BIGINT": 0,
    "DOUBLE": 0.0,
    "BOOLEAN": False,
    "DATE": date(2022, 1, 1),
    "TIMESTAMP": datetime(2022, 1, 1),
    "VARCHAR[]": [],
    "INTEGER[]": [],
}


def insert(con: duckdb.DuckDBPyConnection, table: str, **values: Any) -> None:
    """Insert one row; NOT NULL columns not given get a neutral value, nullable ones NULL."""
    columns = stored_tables()[table].columns
    unknown = set(values) - {column.name for column in columns}
    assert not unknown, f"{table} has no column {unknown}"
    row = {
        column.name: values.get(column.name, None if column.nullable else _NEUTRAL[column.sql_type])
        for column in columns
    }
    names = ", ".join(f'"{name}"' for name in row)
    con.execute(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' for _ in row)})", list(row.values()))


def article(con: duckdb.DuckDBPyConnection, article_id: str, text: str, language: str, **values: Any) -> None:
    insert(con, "articles", article_id=article_id, text=text, language=language, extractor_version="t", **values)


def actor(
    con: duckdb.DuckDBPyConnection,
    article_id: str,
    actor_id: str,
    name: str,
    kind: str,
    country: str | None,
    *aliases: str,
    offices: tuple[str, ...] = (),
) -> None:
    """An actor named in an article: its article_actors row and one mention per alias."""
    insert(
        con,
        "article_actors",
        article_id=article_id,
        actor_id=actor_id,
        name=name,
        type=kind,
        country=country,
        sector="GOV",
        mention_count=len(aliases),
        aliases=sorted(set(aliases)),
        offices=list(offices),
    )
    text = con.execute("SELECT text FROM articles WHERE article_id = ?", [article_id]).fetchone()[0]
    for alias in aliases:
        start = text.index(alias)
        insert(
            con,
            "mentions",
            article_id=article_id,
            actor_id=actor_id,
            start=start,
            end=start + len(alias),
            text=alias,
            normalized=alias.lower(),
            rule="gazetteer",
            confidence=0.95,
        )


def event(
    con: duckdb.DuckDBPyConnection, article_id: str, event_id: str, event_type: str, trigger: str, **values: Any
) -> None:
    text = con.execute("SELECT text FROM articles WHERE article_id = ?", [article_id]).fetchone()[0]
    start = text.index(trigger)
    defaults = {"modality": "asserted", "confidence": 0.8, "evidence": _sentence_around(text, start)}
    insert(
        con,
        "event_mentions",
        article_id=article_id,
        event_id=event_id,
        event_type=event_type,
        trigger=trigger,
        start=start,
        end=start + len(trigger),
        **{**defaults, **values},
    )


def _sentence_around(text: str, offset: int) -> str:
    start = text.rfind(". ", 0, offset)
    end = text.find(". ", offset)
    return text[0 if start < 0 else start + 2 : len(text) if end < 0 else end + 1]


def build(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(build_sql())


def rows(con: duckdb.DuckDBPyConnection, query: str) -> list[dict[str, Any]]:
    result = con.execute(query)
    columns = [description[0] for description in result.description]
    return [dict(zip(columns, row)) for row in result.fetchall()]


@pytest.fixture()
def con() -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect(":memory:")
    connection.execute(schema_sql())
    yield connection
    connection.close()


@pytest.fixture()
def maghreb(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """Three articles (fr, en, ar) about Algeria, Morocco and Spain, with events and one agreement."""
    article(
        con,
        "fr1",
        FR_TEXT,
        "fr",
        source="Le Matin",
        published_start=date(2022, 7, 20),
        published_end=date(2022, 7, 20),
        published_precision="day",
        word_count=30,
    )
    article(
        con,
        "en1",
        EN_TEXT,
        "en",
        title="Algeria accuses Morocco",
        source="Example Wire",
        published_start=date(2022, 7, 19),
        published_end=date(2022, 7, 19),
        published_precision="day",
        word_count=15,
    )
    article(
        con,
        "ar1",
        AR_TEXT,
        "ar",
        published_start=date(2021, 1, 1),
        published_end=date(2021, 12, 31),
        published_precision="year",
        word_count=8,
    )
    actor(con, "fr1", "state:DZA", "Algeria", "state", "DZA", "algérien")
    actor(con, "fr1", "state:MAR", "Morocco", "state", "MAR", "Maroc")
    actor(con, "fr1", "state:ESP", "Spain", "state", "ESP", "Espagne")
    actor(con, "en1", "state:DZA", "Algeria", "state", "DZA", "Algeria")
    actor(con, "en1", "state:MAR", "Morocco", "state", "MAR", "Morocco")
    actor(
        con,
        "en1",
        "person:ramtane-lamamra",
        "Ramtane Lamamra",
        "person",
        "DZA",
        "Ramtane Lamamra",
        offices=("Minister of Foreign Affairs of Algeria",),
    )
    actor(con, "ar1", "state:MAR", "Morocco", "state", "MAR", "المغرب")
    actor(con, "ar1", "state:ESP", "Spain", "state", "ESP", "وإسبانيا")
    # The accusation, reported by both the French and the English article.
    for article_id, trigger in (("fr1", "accusé"), ("en1", "accused")):
        event(
            con,
            article_id,
            "ev_accuse",
            "ACCUSE",
            trigger,
            sources=["state:DZA"],
            targets=["state:MAR"],
            cameo_code="112",
            quad_class=3,
            goldstein=-2.0,
            date_start=date(2022, 7, 19),
            date_end=date(2022, 7, 19),
            date_precision="day",
            date_source="text",
            confidence=0.9 if article_id == "en1" else 0.8,
        )
    # A meeting: reciprocal, every participant a source.
    event(
        con,
        "fr1",
        "ev_meeting",
        "CONSULT",
        "réunis",
        sources=["state:MAR", "state:ESP"],
        targets=[],
        cameo_code="040",
        quad_class=1,
        goldstein=1.0,
        date_start=date(2022, 7, 20),
        date_end=date(2022, 7, 20),
        date_precision="day",
        date_source="text",
        location="Rabat",
        location_country="MAR",
    )
    # The security agreement signed in Rabat (Arabic article, dated to the year only).
    event(
        con,
        "ar1",
        "ev_signing",
        "SUPPORT",
        "وقع",
        sources=["state:ESP", "state:MAR"],
        targets=[],
        cameo_code="057",
        quad_class=1,
        goldstein=8.0,
        date_start=date(2021, 1, 1),
        date_end=date(2021, 12, 31),
        date_precision="year",
        date_source="publication",
    )
    name = "اتفاق تعاون أمني"
    insert(
        con,
        "agreement_mentions",
        article_id="ar1",
        agreement_id="ag_security",
        name=name,
        normalized_name="security cooperation agreement Morocco – Spain (2021)",
        type="cooperation_agreement",
        domain="security",
        parties=["state:ESP", "state:MAR"],
        parties_key="state:ESP,state:MAR",
        signed_start=date(2021, 1, 1),
        signed_end=date(2021, 12, 31),
        signed_precision="year",
        place="Rabat",
        status="signed",
        provisions=["security cooperation"],
        evidence=AR_TEXT,
        start=AR_TEXT.index(name),
        end=AR_TEXT.index(name) + len(name),
        signing_event_id="ev_signing",
        confidence=0.85,
    )
    return con


# --- event_timeline ---------------------------------------------------------------------------


def test_event_timeline_resolves_actor_names_and_countries(maghreb: duckdb.DuckDBPyConnection) -> None:
    build(maghreb)
    (accusation,) = rows(
        maghreb,
        "SELECT source_ids, source_names, source_countries, target_ids, target_names, target_countries "
        "FROM event_timeline WHERE event_id = 'ev_accuse'",
    )
    assert accusation == {
        "source_ids": ["state:DZA"],
        "source_names": ["Algeria"],
        "source_countries": ["DZA"],
        "target_ids": ["state:MAR"],
        "target_names": ["Morocco"],
        "target_countries": ["MAR"],
    }


def test_event_timeline_takes_the_evidence_and_article_of_the_most_confident_mention(
    maghreb: duckdb.DuckDBPyConnection,
) -> None:
    build(maghreb)
    (accusation,) = rows(
        maghreb,
        "SELECT evidence, trigger, trigger_start, trigger_end, article_id, article_title, article_source, "
        "article_language, languages, num_mentions, num_articles FROM event_timeline WHERE event_id = 'ev_accuse'",
    )
    assert accusation == {
        "evidence": EN_TEXT,
        "trigger": "accused",
        "trigger_start": EN_TEXT.index("accused"),
        "trigger_end": EN_TEXT.index("accused") + len("accused"),
        "article_id": "en1",
        "article_title": "Algeria accuses Morocco",
        "article_source": "Example Wire",
        "article_language": "en",
        "languages": ["en", "fr"],
        "num_mentions": 2,
        "num_articles": 2,
    }


def test_event_timeline_is_ordered_by_date_and_names_the_quad_class(maghreb: duckdb.DuckDBPyConnection) -> None:
    build(maghreb)
    timeline = rows(maghreb, "SELECT event_id, date_start, quad_class_name, target_names FROM event_timeline")
    assert timeline == [
        {
            "event_id": "ev_signing",
            "date_start": date(2021, 1, 1),
            "quad_class_name": "verbal cooperation",
            "target_names": [],
        },
        {
            "event_id": "ev_accuse",
            "date_start": date(2022, 7, 19),
            "quad_class_name": "verbal conflict",
            "target_names": ["Morocco"],
        },
        {
            "event_id": "ev_meeting",
            "date_start": date(2022, 7, 20),
            "quad_class_name": "verbal cooperation",
            "target_names": [],
        },
    ]


# --- dyads_monthly ----------------------------------------------------------------------------


def test_dyads_monthly_counts_directed_and_reciprocal_events_per_month(maghreb: duckdb.DuckDBPyConnection) -> None:
    build(maghreb)
    dyads = rows(
        maghreb,
        "SELECT source_country, target_country, month, events, reciprocal_events, verbal_cooperation, "
        "verbal_conflict, accuse, consult, support, goldstein_sum, goldstein_mean, articles FROM dyads_monthly",
    )
    assert dyads == [
        {
            "source_country": "DZA",
            "target_country": "MAR",
            "month": date(2022, 7, 1),
            "events": 1,
            "reciprocal_events": 0,
            "verbal_cooperation": 0,
            "verbal_conflict": 1,
            "accuse": 1,
            "consult": 0,
            "support": 0,
            "goldstein_sum": -2.0,
            "goldstein_mean": -2.0,
            "articles": 2,
        },
        {
            "source_country": "ESP",
            "target_country": "MAR",
            "month": date(2021, 1, 1),
            "events": 1,
            "reciprocal_events": 1,
            "verbal_cooperation": 1,
            "verbal_conflict": 0,
            "accuse": 0,
            "consult": 0,
            "support": 1,
            "goldstein_sum": 8.0,
            "goldstein_mean": 8.0,
            "articles": 1,
        },
        {
            "source_country": "ESP",
            "target_country": "MAR",
            "month": date(2022, 7, 1),
            "events": 1,
            "reciprocal_events": 1,
            "verbal_cooperation": 1,
            "verbal_conflict": 0,
            "accuse": 0,
            "consult": 1,
            "support": 0,
            "goldstein_sum": 1.0,
            "goldstein_mean": 1.0,
            "articles": 1,
        },
    ]


def test_dyads_monthly_leaves_out_negated_events(maghreb: duckdb.DuckDBPyConnection) -> None:
    event(
        maghreb,
        "en1",
        "ev_no_recall",
        "SANCTION",
        "said",
        sources=["state:DZA"],
        targets=["state:MAR"],
        negated=True,
        quad_class=4,
        goldstein=-4.0,
        date_start=date(2022, 7, 19),
        date_end=date(2022, 7, 19),
    )
    build(maghreb)
    assert rows(
        maghreb,
        "SELECT sum(events) AS events, sum(sanction) AS sanctions FROM dyads_monthly WHERE source_country = 'DZA'",
    ) == [{"events": 1, "sanctions": 0}]


def test_dyads_monthly_sums_goldstein_over_several_events_of_a_month(maghreb: duckdb.DuckDBPyConnection) -> None:
    event(
        maghreb,
        "en1",
        "ev_threat",
        "THREATEN",
        "said",
        sources=["person:ramtane-lamamra"],
        targets=["state:MAR"],
        quad_class=3,
        goldstein=-4.5,
        date_start=date(2022, 7, 1),
        date_end=date(2022, 7, 31),
        date_precision="month",
        date_source="publication",
    )
    build(maghreb)
    (dyad,) = rows(
        maghreb,
        "SELECT events, accuse, threaten, goldstein_sum, goldstein_mean, articles "
        "FROM dyads_monthly WHERE source_country = 'DZA'",
    )
    assert dyad == {
        "events": 2,
        "accuse": 1,
        "threaten": 1,
        "goldstein_sum": -6.5,
        "goldstein_mean": -3.25,
        "articles": 2,
    }


# --- actor_profile ----------------------------------------------------------------------------


def test_actor_profile_groups_aliases_by_language(maghreb: duckdb.DuckDBPyConnection) -> None:
    build(maghreb)
    (morocco,) = rows(
        maghreb,
        "SELECT aliases_by_language, aliases, languages, mention_count, article_count FROM actor_profile "
        "WHERE actor_id = 'state:MAR'",
    )
    assert morocco == {
        "aliases_by_language": {"ar": ["المغرب"], "en": ["Morocco"], "fr": ["Maroc"]},
        "aliases": ["Maroc", "Morocco", "المغرب"],
        "languages": ["ar", "en", "fr"],
        "mention_count": 3,
        "article_count": 3,
    }


def test_actor_profile_counts_events_agreements_and_top_counterparts(maghreb: duckdb.DuckDBPyConnection) -> None:
    build(maghreb)
    (morocco,) = rows(
        maghreb,
        "SELECT events, events_as_source, events_as_target, agreements, top_counterparts, top_counterpart_ids "
        "FROM actor_profile WHERE actor_id = 'state:MAR'",
    )
    assert morocco == {
        "events": 3,
        "events_as_source": 2,
        "events_as_target": 1,
        "agreements": 1,
        "top_counterparts": ["Spain (2)", "Algeria (1)"],
        "top_counterpart_ids": ["state:ESP", "state:DZA"],
    }


def test_actor_profile_lists_a_persons_offices_and_first_seen(maghreb: duckdb.DuckDBPyConnection) -> None:
    build(maghreb)
    (lamamra,) = rows(
        maghreb,
        "SELECT name, country, offices, first_seen, last_seen, events FROM actor_profile "
        "WHERE actor_id = 'person:ramtane-lamamra'",
    )
    assert lamamra == {
        "name": "Ramtane Lamamra",
        "country": "DZA",
        "offices": ["Minister of Foreign Affairs of Algeria"],
        "first_seen": date(2022, 7, 19),
        "last_seen": date(2022, 7, 19),
        "events": 0,
    }


# --- agreements_overview ----------------------------------------------------------------------


def test_agreements_overview_names_parties_and_keeps_provenance(maghreb: duckdb.DuckDBPyConnection) -> None:
    build(maghreb)
    (agreement,) = rows(
        maghreb,
        "SELECT agreement_id, party_names, party_countries, signed_start, signed_precision, place, status, "
        "provisions, article_id, sentence, name_start, name_end, article_language, signing_event_id, confidence "
        "FROM agreements_overview WHERE confidence >= 0.7",
    )
    name_start = AR_TEXT.index("اتفاق")
    assert agreement == {
        "agreement_id": "ag_security",
        "party_names": ["Spain", "Morocco"],
        "party_countries": ["ESP", "MAR"],
        "signed_start": date(2021, 1, 1),
        "signed_precision": "year",
        "place": "Rabat",
        "status": "signed",
        "provisions": ["security cooperation"],
        "article_id": "ar1",
        "sentence": 0,
        "name_start": name_start,
        "name_end": name_start + len("اتفاق تعاون أمني"),
        "article_language": "ar",
        "signing_event_id": "ev_signing",
        "confidence": 0.85,
    }


def test_agreements_overview_folds_an_undated_mention_and_gives_signatories_their_office(
    maghreb: duckdb.DuckDBPyConnection,
) -> None:
    mention = "Le Maroc"
    insert(
        maghreb,
        "agreement_mentions",
        article_id="fr1",
        agreement_id="ag_security_undated",
        name="l'accord de sécurité",
        normalized_name="security cooperation agreement Morocco – Spain",
        type="cooperation_agreement",
        parties=["state:ESP", "state:MAR"],
        parties_key="state:ESP,state:MAR",
        signatories=["person:nasser-bourita"],
        status="in_force",
        evidence=FR_TEXT,
        start=FR_TEXT.index(mention),
        end=FR_TEXT.index(mention) + len(mention),
    )
    insert(
        maghreb,
        "article_actors",
        article_id="fr1",
        actor_id="person:nasser-bourita",
        name="Nasser Bourita",
        type="person",
        country="MAR",
        mention_count=0,
    )
    insert(
        maghreb,
        "agreement_parties",
        article_id="fr1",
        agreement_id="ag_security_undated",
        actor_id="person:nasser-bourita",
        role="signatory",
        office="ministre des Affaires étrangères",
    )
    build(maghreb)
    (agreement,) = rows(
        maghreb,
        "SELECT agreement_id, signatories_with_office, status, num_mentions, num_articles, first_mentioned, "
        "last_mentioned, languages, merged_ids FROM agreements_overview",
    )
    assert agreement == {
        "agreement_id": "ag_security",
        "signatories_with_office": ["Nasser Bourita (ministre des Affaires étrangères)"],
        "status": "in_force",
        "num_mentions": 2,
        "num_articles": 2,
        "first_mentioned": date(2021, 1, 1),
        "last_mentioned": date(2022, 7, 20),
        "languages": ["ar", "fr"],
        "merged_ids": ["ag_security", "ag_security_undated"],
    }


# --- coverage ---------------------------------------------------------------------------------


def test_coverage_counts_articles_by_language_source_and_month(maghreb: duckdb.DuckDBPyConnection) -> None:
    build(maghreb)
    coverage = rows(
        maghreb,
        "SELECT dimension, value, articles, words, event_mentions, agreement_mentions "
        "FROM coverage WHERE dimension <> 'quarantine_reason'",
    )
    assert coverage == [
        {
            "dimension": "language",
            "value": "ar",
            "articles": 1,
            "words": 8,
            "event_mentions": 1,
            "agreement_mentions": 1,
        },
        {
            "dimension": "language",
            "value": "en",
            "articles": 1,
            "words": 15,
            "event_mentions": 1,
            "agreement_mentions": 0,
        },
        {
            "dimension": "language",
            "value": "fr",
            "articles": 1,
            "words": 30,
            "event_mentions": 2,
            "agreement_mentions": 0,
        },
        {
            "dimension": "month",
            "value": "2021",
            "articles": 1,
            "words": 8,
            "event_mentions": 1,
            "agreement_mentions": 1,
        },
        {
            "dimension": "month",
            "value": "2022-07",
            "articles": 2,
            "words": 45,
            "event_mentions": 3,
            "agreement_mentions": 0,
        },
        {
            "dimension": "source",
            "value": "(no source)",
            "articles": 1,
            "words": 8,
            "event_mentions": 1,
            "agreement_mentions": 1,
        },
        {
            "dimension": "source",
            "value": "Example Wire",
            "articles": 1,
            "words": 15,
            "event_mentions": 1,
            "agreement_mentions": 0,
        },
        {
            "dimension": "source",
            "value": "Le Matin",
            "articles": 1,
            "words": 30,
            "event_mentions": 2,
            "agreement_mentions": 0,
        },
    ]


def test_coverage_counts_quarantined_records_by_reason(con: duckdb.DuckDBPyConnection) -> None:
    for path, reason, record in (
        ("/in/a.jsonl", "malformed_json", 3),
        ("/in/a.jsonl", "malformed_json", 7),
        ("/in/b.bin", "binary", -1),
    ):
        insert(con, "quarantine", path=path, content_sha256="00", record=record, reason=reason, message="bad")
    build(con)
    assert rows(con, "SELECT dimension, value, articles, quarantined_records FROM coverage") == [
        {"dimension": "quarantine_reason", "value": "binary", "articles": 0, "quarantined_records": 1},
        {"dimension": "quarantine_reason", "value": "malformed_json", "articles": 0, "quarantined_records": 2},
    ]


# --- all marts --------------------------------------------------------------------------------


@pytest.mark.parametrize("mart", MARTS)
def test_every_mart_column_is_documented(mart: str) -> None:
    view = tables()[mart]
    assert view.is_view and view.comment
    assert [column.name for column in view.columns if not column.comment.strip()] == []


@pytest.mark.parametrize("mart", MARTS)
def test_every_mart_is_empty_on_an_empty_warehouse(con: duckdb.DuckDBPyConnection, mart: str) -> None:
    build(con)
    assert con.execute(f"SELECT count(*) FROM {mart}").fetchone() == (0,)


def test_marts_reference_no_files() -> None:
    text = (BUILD_DIR / "90_marts.sql").read_text(encoding="utf-8").lower()
    assert all(reader not in text for reader in ("read_parquet", "read_csv", "read_json", ".parquet", ".csv"))
