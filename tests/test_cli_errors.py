"""Mistakes in a command line are answered before Prefect starts: one line, no traceback, nothing
created where the user stands."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

NEWSDESK = Path(sys.executable).with_name("newsdesk")


def newsdesk(*arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {name: value for name, value in os.environ.items() if not name.startswith("PREFECT_")}
    return subprocess.run([str(NEWSDESK), *arguments], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["run", "no-such-folder"], "input 'no-such-folder' matches no file or folder"),
        (["run"], "input 'seeds' matches no file or folder"),  # run from another directory
        (["run", "--task-runner", "threads"], "'threads' is not one of"),
    ],
)
def test_a_bad_run_command_is_refused_before_prefect_starts(tmp_path: Path, arguments: list[str], message: str) -> None:
    result = newsdesk(*arguments, cwd=tmp_path)
    assert result.returncode == 2
    assert message in " ".join(result.stderr.split())
    assert "Traceback" not in result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == []  # no .prefect/, no data/


def test_extract_refuses_a_named_pipe_instead_of_waiting_for_it(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    result = newsdesk("extract", str(pipe), cwd=tmp_path)
    assert result.returncode == 2
    assert "not a regular file" in result.stderr
