"""A deterministic failure (a missing input folder) is not retried, and its reason reaches the
run's logs and a Prefect artifact, not only the worker's terminal (issue 17, item 8)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.mark.usefixtures("prefect_harness")
def test_a_missing_input_folder_fails_once_with_its_reason_in_an_artifact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import flows.ingest

    calls: list[list[str]] = []
    real_discover = flows.ingest.discover_files

    def counting_discover(inputs: list[str], **options: object) -> object:
        calls.append(inputs)
        return real_discover(inputs, **options)

    artifacts: list[dict] = []
    monkeypatch.setattr(flows.ingest, "discover_files", counting_discover)
    monkeypatch.setattr(flows.ingest, "create_markdown_artifact", lambda **artifact: artifacts.append(artifact))
    missing = str(tmp_path / "incoming")
    with pytest.raises(FileNotFoundError):
        flows.ingest.ingest(inputs=[missing], warehouse=str(tmp_path / "w.duckdb"))
    assert len(calls) == 1  # no retry: the folder would still be missing a second later
    [artifact] = artifacts
    assert artifact["key"] == "ingest-failure"
    assert "FileNotFoundError" in artifact["markdown"] and "incoming" in artifact["markdown"]
