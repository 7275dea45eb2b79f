"""The lake on an S3 API: moto's server on 127.0.0.1, reached the way a real bucket is reached
(`--lake s3://bucket/prefix`, pyarrow's S3 filesystem, endpoint and credentials from the usual
AWS environment variables). Skipped when moto is not installed (`pip install -e '.[test]'`)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

moto_server = pytest.importorskip(
    "moto.server", reason="moto (the test extra) is not installed: no S3 server to test against"
)

from tests.test_task_runners import content  # noqa: E402
from warehouse.lake import COMMIT_MARKER, Lake  # noqa: E402

BUCKET = "newsdesk-test"


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    with socket.socket() as probe:  # a free port on loopback
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


@pytest.fixture()
def s3_lake(s3_endpoint: str, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> str:
    """A fresh prefix in the bucket, with what a user sets for a real S3-compatible store."""
    monkeypatch.setenv("AWS_ENDPOINT_URL", s3_endpoint)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    import boto3  # moto's own dependency

    client = boto3.client("s3", endpoint_url=s3_endpoint)
    if BUCKET not in [bucket["Name"] for bucket in client.list_buckets().get("Buckets", [])]:
        client.create_bucket(Bucket=BUCKET)
    return f"s3://{BUCKET}/{request.node.name}"


def test_the_lake_is_reached_through_pyarrows_s3_filesystem(s3_lake: str) -> None:
    from pyarrow import fs

    assert isinstance(Lake.at(s3_lake).filesystem, fs.S3FileSystem)


@pytest.mark.usefixtures("prefect_harness")
def test_a_lake_on_s3_gives_the_same_warehouse_and_rebuilds_it(
    articles_folder: Path, tmp_path: Path, s3_lake: str
) -> None:
    from flows.ingest import ingest

    ingest(inputs=[str(articles_folder)], warehouse=str(tmp_path / "local.duckdb"))
    database = tmp_path / "remote.duckdb"
    ingest(inputs=[str(articles_folder)], warehouse=str(database), lake=s3_lake)
    assert content(tmp_path / "local.duckdb") == content(database)
    assert not (tmp_path / "remote_lake").exists()
    lake = Lake.at(s3_lake)
    committed, uncommitted = lake.run_keys()
    assert len(committed) == 1 and uncommitted == []
    assert lake.filesystem.get_file_info(f"{lake.run_folder(committed[0])}/{COMMIT_MARKER}").size > 0

    before = content(database)
    database.unlink()  # rebuilt from the bucket by the next run
    (articles_folder / "new.txt").write_text(
        "date 2022-09-01\n\nUn nouvel article sur Alger et Madrid.", encoding="utf-8"
    )
    ingest(inputs=[str(articles_folder)], warehouse=str(database), lake=s3_lake)
    after = content(database)
    assert all(row in after["articles"] for row in before["articles"])
    with duckdb.connect(str(database), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM runs").fetchall() == [(2,)]


def test_recovery_rules_on_s3(tmp_path: Path, s3_lake: str) -> None:
    from tests.test_lake import test_recovery_commits_sets_aside_or_deletes_by_what_the_run_reached as scenario

    scenario(tmp_path, s3_lake)


@pytest.mark.usefixtures("prefect_harness")
def test_a_published_run_that_lost_its_marker_survives_a_rebuild_on_s3(
    articles_folder: Path, tmp_path: Path, s3_lake: str
) -> None:
    from tests.test_lake import test_a_published_run_that_lost_its_marker_survives_a_rebuild as scenario

    scenario(articles_folder, tmp_path, s3_lake)


def test_standbys_and_compaction_on_s3(tmp_path: Path, s3_lake: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.test_incremental_build import compaction_scenario

    compaction_scenario(tmp_path, s3_lake, monkeypatch)
