"""Publishing on a standby file, building and checking only what a run touched, gives the tables a
full rebuild from the lake gives (warehouse/standby.py, warehouse/incremental.py)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from warehouse import standby
from warehouse.layout import WarehouseLayout
from warehouse.publish import QualityCheckFailed, exclusive_run, publish_run
from warehouse.schema import stored_tables
from warehouse.staging import StagingArea

REPO = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("bench_incremental", REPO / "bench" / "bench_incremental.py")
bench = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(bench)  # type: ignore[union-attr]


def snapshot(database: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(database), read_only=True) as con:
        names = [row[0] for row in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()]
        return {name: con.execute(f"SELECT * FROM {name} ORDER BY ALL").fetchall() for name in names}


def reextracted(rows: dict[str, list[dict]], shift: int) -> dict[str, list[dict]]:
    """The same articles extracted again, finding other actors (old ones lose their mentions)."""

    def other(actor: str) -> str:
        return bench.actor_id((int(actor.rsplit("-", 1)[1]) + shift) % bench.ACTORS)

    changed = {}
    for table, table_rows in rows.items():
        if table in ("actors", "actor_aliases") or table in ("article_actors", "mentions", "event_actors"):
            changed[table] = [{**row, "actor_id": other(row["actor_id"])} for row in table_rows]
        else:
            changed[table] = table_rows
    return changed


def agreement_rows(numbers: range, run_id: str, at: datetime) -> dict[str, list[dict]]:
    """Articles mentioning agreements: an undated mention folds into the dated one of its parties."""
    rows = bench.synthetic_rows(numbers, run_id, at)
    tables = stored_tables()
    for index, article in enumerate(rows["articles"]):
        dated = index % 2 == 0
        signed = article["published_start"] - timedelta(days=3) if dated else None
        mention = {column: None for column in tables["agreement_mentions"].column_names} | {
            "article_id": article["article_id"],
            "agreement_id": f"agreement-{index % 3}-{'d' if dated else 'u'}",
            "name": "accord",
            "normalized_name": "accord",
            "type": "treaty",
            "domain": "trade",
            "parties": [bench.actor_id(1), bench.actor_id(2)],
            "parties_key": f"{index % 3}",
            "signatories": [],
            "signed_start": signed,
            "signed_end": signed,
            "signed_precision": "day" if dated else None,
            "place": None,
            "status": "signed",
            "provisions": [],
            "notes": [],
            "evidence": "accord signé",
            "sentence": 1,
            "start": 5,
            "end": 11,
            "extractor_version": bench.EXTRACTOR,
        }
        rows.setdefault("agreement_mentions", []).append(mention)
    return rows


class Runs:
    def __init__(self, database: Path, lake: str | None = None) -> None:
        self.layout = WarehouseLayout.at(database, lake)
        self.count = 0

    def publish(self, rows: dict[str, list[dict]] | None = None, numbers: range | None = None) -> None:
        self.count += 1
        at = datetime(2024, 1, 1) + timedelta(hours=self.count)
        run_id = f"{self.count:08d}-test"
        run_key = f"{at:%Y%m%dT%H%M%S%fZ}-{run_id[:8]}"
        if rows is None:
            assert numbers is not None
            rows = bench.synthetic_rows(numbers, run_id, at)
        run_row = {column: 0 for column in stored_tables()["runs"].column_names} | {
            "run_id": run_id,
            "flow_name": "ingest",
            "parameters_json": "{}",
            "code_version": "test",
            "extractor_version": bench.EXTRACTOR,
            "started_at": at,
            "finished_at": None,
            "status": "completed",
            "table_counts_json": None,
        }
        with exclusive_run(self.layout, run_id):
            StagingArea(self.layout.lake, run_key).write(rows, "00000")
            publish_run(self.layout, run_key, run_row, at + timedelta(minutes=1))


def rebuilt(lake: str, tmp_path: Path) -> dict[str, list[tuple]]:
    tmp_path.mkdir(parents=True, exist_ok=True)
    """The tables a full rebuild from the lake gives (what a schema change or a lost file does)."""
    from warehouse.publish import _drop_views, _open_copy  # noqa: PLC2701
    from warehouse.schema import build_sql

    layout = WarehouseLayout.at(tmp_path / "rebuilt.duckdb", lake)
    con, scoped = _open_copy(layout, layout.database)
    assert not scoped
    with con:
        _drop_views(con)
        con.execute(build_sql())
        con.execute("CHECKPOINT")
    return snapshot(layout.database)


def test_runs_built_on_standbys_give_the_tables_of_a_full_rebuild(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    runs = Runs(tmp_path / "w.duckdb")
    runs.publish(numbers=range(0, 40))
    runs.publish(numbers=range(40, 80))  # copies: the first swap retires the file for the next
    caplog.set_level("INFO", logger="warehouse.publish")
    runs.publish(rows=agreement_rows(range(80, 92), "00000003-test", datetime(2024, 1, 1, 3)))
    again = bench.synthetic_rows(range(0, 10), "00000004-test", datetime(2024, 1, 1, 4))
    runs.publish(rows=reextracted(again, shift=7))  # re-extracted: some actors lose every mention
    runs.publish(rows=agreement_rows(range(92, 100), "00000005-test", datetime(2024, 1, 1, 5)))
    assert sum("built on standby" in message for message in caplog.messages) == 3

    published = snapshot(runs.layout.database)
    assert published == rebuilt(runs.layout.lake_location, tmp_path)
    assert len(published["agreements"]) >= 3 and len(published["articles"]) == 100


def test_a_standby_held_open_by_a_reader_is_not_written(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    runs = Runs(tmp_path / "w.duckdb")
    runs.publish(numbers=range(0, 5))
    runs.publish(numbers=range(5, 10))
    (retired,) = tmp_path.glob(".w.duckdb.*.standby")
    before = retired.read_bytes()
    script = "import duckdb, sys, time; c = duckdb.connect(sys.argv[1], read_only=True); print('open', flush=True); time.sleep(60)"
    for holder_in_this_process in (True, False):
        caplog.clear()
        caplog.set_level("INFO", logger="warehouse.publish")
        if holder_in_this_process:
            holder = duckdb.connect(str(retired), read_only=True)
        else:
            process = subprocess.Popen([sys.executable, "-c", script, str(retired)], stdout=subprocess.PIPE, text=True)
            assert process.stdout is not None and process.stdout.readline() == "open\n"
        try:
            assert standby.lock_holder(retired) in ({os.getpid()} if holder_in_this_process else {process.pid})
            runs.publish(numbers=range(10 + 5 * holder_in_this_process, 15 + 5 * holder_in_this_process))
            assert not any(retired.name in message for message in caplog.messages)  # a newer one may be
            assert retired.exists() and retired.read_bytes() == before  # the reader's version is untouched
        finally:
            if holder_in_this_process:
                holder.close()
            else:
                process.kill()
                process.wait()
    caplog.clear()
    runs.publish(numbers=range(20, 25))  # let go: the newest free standby is used again
    assert any("built on standby" in message for message in caplog.messages)
    assert snapshot(runs.layout.database) == rebuilt(runs.layout.lake_location, tmp_path)


def test_a_foreign_write_to_the_published_file_makes_the_next_run_copy_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    runs = Runs(tmp_path / "w.duckdb")
    runs.publish(numbers=range(0, 5))
    runs.publish(numbers=range(5, 10))
    with duckdb.connect(str(runs.layout.database)) as con:  # what the published file is not for
        con.execute("UPDATE articles SET title = 'edited by hand' WHERE title = 'Article 3'")
    caplog.set_level("INFO", logger="warehouse.publish")
    runs.publish(numbers=range(10, 15))
    assert not any("built on standby" in message for message in caplog.messages)
    with duckdb.connect(str(runs.layout.database), read_only=True) as con:  # kept until a rebuild, as before
        assert con.execute("SELECT count(*) FROM articles WHERE title = 'edited by hand'").fetchall() == [(1,)]


def test_a_scoped_check_still_fails_on_the_rows_a_run_brings(tmp_path: Path) -> None:
    runs = Runs(tmp_path / "w.duckdb")
    runs.publish(numbers=range(0, 5))
    runs.publish(numbers=range(5, 10))
    rows = bench.synthetic_rows(range(10, 12), "bad", datetime(2024, 2, 1))
    rows["mentions"][0]["actor_id"] = "nobody"  # refers to no actor
    with pytest.raises(QualityCheckFailed, match="mentions.actor_id refers to an actor"):
        runs.publish(rows=rows)
    before = snapshot(runs.layout.database)
    runs.publish(numbers=range(12, 14))  # the failed run left the warehouse and a usable standby
    assert len(snapshot(runs.layout.database)["articles"]) == len(before["articles"]) + 2


def test_standby_files_not_recorded_are_removed_by_recovery(tmp_path: Path) -> None:
    from warehouse.publish import recover_interrupted_runs

    runs = Runs(tmp_path / "w.duckdb")
    runs.publish(numbers=range(0, 5))
    runs.publish(numbers=range(5, 10))
    stray = standby.standby_path(runs.layout, "20990101T000000000000Z-crashed")
    os.link(runs.layout.database, stray)  # a crash between the hard link and the swap
    assert standby.lock_holder(stray) is None
    assert f"removed {stray.name}" in recover_interrupted_runs(runs.layout)
    assert runs.layout.database.exists() and not stray.exists()
    (kept,) = tmp_path.glob(".w.duckdb.*.standby")
    assert standby.Signature.of(kept) is not None


# --- compaction (warehouse/compaction.py) ------------------------------------------------------


def compaction_scenario(tmp_path: Path, lake: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fold runs into a snapshot, with crashes before and after its commit point: a rebuild from
    the lake gives the published tables every time, and publishing carries on."""
    from warehouse import compaction
    from warehouse.lake import Lake

    runs = Runs(tmp_path / "w.duckdb", lake)
    for start in range(0, 50, 10):
        runs.publish(numbers=range(start, start + 10))
    runs.publish(rows=reextracted(bench.synthetic_rows(range(0, 5), "00000006-test", datetime(2024, 1, 1, 6)), shift=3))
    lake_location = runs.layout.lake_location
    store = Lake.at(lake_location)
    expected = snapshot(runs.layout.database)

    def failing(*args: object) -> None:
        raise OSError("killed before the snapshot's commit")

    with monkeypatch.context() as patch:  # dies with every part written but no _COMMITTED
        patch.setattr(Lake, "commit_snapshot", failing)
        with pytest.raises(OSError, match="killed before"):
            compaction.compact_lake(runs.layout)
    assert store.snapshot_keys()[0] == [] and len(store.run_keys()[0]) == 6
    assert rebuilt(lake_location, tmp_path / "a") == expected

    with monkeypatch.context() as patch:  # dies after the commit, before deleting the folded runs
        patch.setattr(compaction, "_remove_replaced", lambda layout: None)
        done = compaction.compact_lake(runs.layout)
    assert (done.runs_folded, done.runs_left) == (4, 2)
    assert len(store.run_keys()[0]) == 6 and len(store.snapshot_keys()[0]) == 1
    assert rebuilt(lake_location, tmp_path / "b") == expected  # the snapshot and the 2 runs after it

    assert compaction.compact_lake(runs.layout).runs_folded == 0  # tidies up, folds nothing new
    assert len(store.run_keys()[0]) == 2 and store.snapshot_keys() == ([done.snapshot], [])
    runs.publish(numbers=range(50, 60))  # on a standby, catching up from the runs kept
    runs.publish(numbers=range(60, 70))
    assert compaction.compact_lake(runs.layout).runs_folded == 2  # a second snapshot replaces the first
    assert len(store.snapshot_keys()[0]) == 1 and len(store.run_keys()[0]) == 2
    assert rebuilt(lake_location, tmp_path / "c") == snapshot(runs.layout.database)


def test_compaction_keeps_a_rebuild_identical_and_is_crash_safe(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compaction_scenario(tmp_path, None, monkeypatch)


# --- merged aggregates, entities reported again, the code of a standby ------------------------


def crowded_rows(numbers: range, run_id: str, at: datetime) -> dict[str, list[dict]]:
    """Articles naming a handful of actors, which they present in conflicting ways (name, type,
    country, sector, offices), and reporting a few events again and again."""
    rows = bench.synthetic_rows(numbers, run_id, at)
    articles = {row["article_id"]: number for row, number in zip(rows["articles"], numbers, strict=True)}
    for row in rows["articles"]:
        number = articles[row["article_id"]]
        if number % 7 == 0:
            row["published_start"] = row["published_end"] = None  # undated articles count too
    for table in ("article_actors", "mentions", "event_actors", "actors", "actor_aliases"):
        for row in rows.get(table, []):
            row["actor_id"] = bench.actor_id(int(row["actor_id"].rsplit("-", 1)[1]) % 5)
    seen: set[tuple[str, str]] = set()
    kept = []
    for row in rows["article_actors"]:  # one row per article and actor, as the extractor gives
        if (row["article_id"], row["actor_id"]) in seen:
            continue
        seen.add((row["article_id"], row["actor_id"]))
        number = articles[row["article_id"]]
        row["name"] = ("Actor", "Acteur", "Aktor")[number % 3]
        row["type"] = ("person", "organization")[number % 2]
        row["country"] = (None, "MAR", "DZA", "ESP")[number % 4]
        row["sector"] = (None, "GOV")[number % 2]
        row["offices"] = [("minister", "envoy", "mayor")[number % 3]] if number % 3 else []
        kept.append(row)
    rows["article_actors"] = kept
    for row in rows["mentions"]:
        row["text"] = ("Actor", "l'Acteur")[articles[row["article_id"]] % 2]
    participants = {row["article_id"]: [] for row in rows["articles"]}
    for row in rows["event_actors"]:
        participants[row["article_id"]].append(row)
    seen = set()
    for table in ("event_mentions", "event_actors", "events"):
        for row in rows.get(table, []):
            article = row.get("article_id") or row.get("first_article_id")
            number = articles[article]
            if number % 2:
                row["event_id"] = f"shared-event-{number % 3}"  # one event, many articles and runs
                if table == "event_mentions":
                    row["confidence"] = 0.5 + (number % 5) / 10
                    row["modality"] = ("asserted", "reported")[number % 2 == 1 and number % 3 == 0]
    keyed: dict[tuple, dict] = {}
    for row in rows["event_actors"]:
        keyed.setdefault((row["article_id"], row["event_id"], row["actor_id"], row["role"]), row)
    rows["event_actors"] = list(keyed.values())
    return rows


def full_kinds(monkeypatch: pytest.MonkeyPatch) -> list[set[str]]:
    """For each scoped build from now on, the entity columns it recomputes from all their rows."""
    from warehouse import incremental

    seen: list[set[str]] = []
    original = incremental._scope_per_article_rows  # noqa: SLF001

    def spy(con, names, entities):  # type: ignore[no-untyped-def]
        seen.append({row[0] for row in con.execute(f"SELECT DISTINCT kind FROM {incremental.FULL}").fetchall()})
        return original(con, names, entities)

    monkeypatch.setattr(incremental, "_scope_per_article_rows", spy)
    return seen


def test_merged_actors_and_events_reported_again_give_the_tables_of_a_full_rebuild(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    runs = Runs(tmp_path / "w.duckdb")
    at = datetime(2024, 1, 1)
    runs.publish(rows=crowded_rows(range(0, 12), "00000001-test", at))
    runs.publish(rows=crowded_rows(range(12, 24), "00000002-test", at))
    caplog.set_level("INFO", logger="warehouse.publish")
    kinds = full_kinds(monkeypatch)
    runs.publish(rows=crowded_rows(range(24, 31), "00000003-test", at))  # new articles only
    assert "actor_id" not in kinds[-1]  # known actors: merged, none of their earlier rows read
    assert kinds[-1] == {"event_id"}  # events reported again: recomputed from all their mentions
    runs.publish(rows=crowded_rows(range(31, 40), "00000004-test", at))
    again = crowded_rows(range(26, 29), "00000005-test", at)  # re-extracted, from the run before last
    for row in again["article_actors"]:
        row["country"], row["name"] = "TUN", "Renamed"
    runs.publish(rows=again)
    assert "actor_id" in kinds[-1]  # actors that lost rows: recomputed in full
    runs.publish(rows=crowded_rows(range(40, 46), "00000006-test", at))  # catches up the re-extraction
    runs.publish(rows=crowded_rows(range(46, 53), "00000007-test", at))
    runs.publish(rows=crowded_rows(range(53, 60), "00000008-test", at))
    assert "actor_id" not in kinds[-1] and "actor_id" not in kinds[-2]  # merged again
    assert sum("built on standby" in message for message in caplog.messages) == 6

    published = snapshot(runs.layout.database)
    assert published == rebuilt(runs.layout.lake_location, tmp_path / "rebuilt")
    assert len({row[0] for row in published["actor_variants"]}) == 5 and len(published["actor_variants"]) > 20
    assert any(row[0].startswith("shared-event") and row[-4] > 5 for row in published["events"])


def test_a_check_on_rebuilt_rows_and_on_a_joined_table_fails_a_scoped_run(tmp_path: Path) -> None:
    runs = Runs(tmp_path / "w.duckdb")
    runs.publish(numbers=range(0, 5))
    runs.publish(numbers=range(5, 10))
    rows = bench.synthetic_rows(range(10, 12), "bad", datetime(2024, 2, 1))
    rows["article_actors"][0]["country"] = "XXX"  # then actor_variants and actors say XXX too
    rows["event_mentions"][0]["date_start"] = rows["event_mentions"][0]["date_end"] = date(2030, 1, 1)
    with pytest.raises(QualityCheckFailed) as failed:
        runs.publish(rows=rows)
    names = {check.name for check in failed.value.failures}
    assert {"actors.country is ISO 3166 alpha-3", "actor_variants.country is ISO 3166 alpha-3"} <= names
    assert "event_mentions: no date after publication unless planned or in the past tense" in names
    runs.publish(numbers=range(12, 14))
    assert snapshot(runs.layout.database) == rebuilt(runs.layout.lake_location, tmp_path / "rebuilt")


def test_a_failure_in_the_middle_of_a_scoped_build_leaves_the_warehouse_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from warehouse import incremental

    runs = Runs(tmp_path / "w.duckdb")
    for start in range(0, 30, 10):
        runs.publish(numbers=range(start, start + 10))
    before = snapshot(runs.layout.database)
    calls = 0
    original = incremental._merge  # noqa: SLF001

    def dies_on_the_second(*args: object) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise RuntimeError("killed in the build")
        original(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(incremental, "_merge", dies_on_the_second)
    with pytest.raises(RuntimeError, match="killed in the build"):
        runs.publish(numbers=range(30, 40))
    assert snapshot(runs.layout.database) == before
    monkeypatch.undo()
    runs.publish(numbers=range(40, 50))
    runs.publish(numbers=range(50, 60))
    assert snapshot(runs.layout.database) == rebuilt(runs.layout.lake_location, tmp_path / "rebuilt")


def test_a_standby_published_by_other_code_is_not_built_on_by_a_scoped_run(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    from warehouse import incremental

    runs = Runs(tmp_path / "w.duckdb")
    monkeypatch.setattr(incremental, "code_hash", lambda: "old code")
    for start in range(0, 30, 10):
        runs.publish(numbers=range(start, start + 10))
    monkeypatch.setattr(incremental, "code_hash", lambda: "new code")
    caplog.set_level("INFO", logger="warehouse.publish")
    runs.publish(numbers=range(30, 40))  # builds everything (on a standby of the old code)
    caplog.clear()
    runs.publish(numbers=range(40, 50))  # scoped: both standbys were published by the old code
    assert not any("built on standby" in message for message in caplog.messages)
    caplog.clear()
    runs.publish(numbers=range(50, 60))  # the file the new code published is a standby now
    assert any("built on standby" in message for message in caplog.messages)
    assert snapshot(runs.layout.database) == rebuilt(runs.layout.lake_location, tmp_path / "rebuilt")


def test_actors_from_their_variants_are_the_majority_over_article_actors() -> None:
    """actors is computed from actor_variants (so a publish can merge counts); it is what the
    majority over every article_actors row gave before, on conflicting, partly undated rows."""
    import random

    from warehouse.schema import build_sql, schema_sql

    majority = """
        WITH seen AS (SELECT aa.*, a.published_start FROM article_actors AS aa JOIN articles AS a USING (article_id)),
        votes AS (SELECT actor_id, name, type, country, sector, count(*) AS votes FROM seen GROUP BY ALL),
        attributes AS (
            SELECT actor_id,
                first(name ORDER BY votes DESC, name) AS name, first(type ORDER BY votes DESC, type) AS type,
                first(country ORDER BY (country IS NULL), votes DESC, country) AS country,
                first(sector ORDER BY (sector IS NULL), votes DESC, sector) AS sector
            FROM votes GROUP BY actor_id
        )
        SELECT attributes.*, min(seen.published_start), max(seen.published_start),
            sum(seen.mention_count)::INTEGER, count(DISTINCT seen.article_id)::INTEGER
        FROM attributes JOIN seen USING (actor_id) GROUP BY ALL ORDER BY ALL
    """
    rng = random.Random(7)
    filler = {
        "VARCHAR": "",
        "INTEGER": 0,
        "DOUBLE": 0.0,
        "BOOLEAN": False,
        "VARCHAR[]": [],
        "TIMESTAMP": datetime(2024, 1, 1),
    }
    blank = {
        column.name: None if column.nullable else filler[column.sql_type]
        for column in stored_tables()["articles"].columns
    }
    for _ in range(10):
        with duckdb.connect(":memory:") as con:
            con.execute(schema_sql())
            for number in range(120):
                day = None if rng.random() < 0.1 else date(2020, 1, 1 + rng.randrange(28))
                article = blank | {"article_id": f"a{number}", "published_start": day, "published_end": day}
                names = ", ".join(f'"{name}"' for name in article)
                con.execute(
                    f"INSERT INTO articles ({names}) VALUES ({', '.join('?' * len(article))})", list(article.values())
                )
                for actor in rng.sample(range(6), 3):
                    con.execute(
                        "INSERT INTO article_actors VALUES (?, ?, ?, ?, ?, ?, ?, [], ?, 'v')",
                        [
                            f"a{number}",
                            f"actor-{actor}",
                            rng.choice(["N1", "N2", "N3"]),
                            rng.choice(["person", "organization"]),
                            rng.choice([None, "MAR", "DZA"]),
                            rng.choice([None, "GOV", "MIL"]),
                            rng.randrange(1, 4),
                            rng.sample(["minister", "envoy"], rng.randrange(0, 3)),
                        ],
                    )
            expected = con.execute(majority).fetchall()
            con.execute(build_sql())
            assert con.execute("SELECT * FROM actors ORDER BY ALL").fetchall() == expected
