"""Input discovery, and which known files a run's inputs cover (to notice deletions)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.inputs import covered_by, discover_files


def test_discovery_skips_hidden_and_underscore_entries(tmp_path: Path) -> None:
    for name in ("a.txt", ".hidden.txt", "b.txt~", "_archive/c.txt", ".git/d.txt", "sub/e.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [Path(file.path).relative_to(tmp_path).as_posix() for file in discover_files([tmp_path])]
    assert found == ["a.txt", "sub/e.txt"]


def test_a_missing_input_is_an_error_not_an_empty_run(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="matches no file"):
        discover_files([tmp_path / "nowhere"])


@pytest.mark.parametrize(
    ("inputs", "path", "covered"),
    [
        (["/news/in"], "/news/in/a.txt", True),
        (["/news/in"], "/news/in/2022/a.txt", True),
        (["/news/in"], "/news/in/_archive/a.txt", False),
        (["/news/in"], "/news/in/.cache/a.txt", False),
        (["/news/in"], "/news/input/a.txt", False),
        (["/news/in/*.txt"], "/news/in/a.txt", True),
        (["/news/in/*.txt"], "/news/in/2022/a.txt", False),
        (["/news/in/**/*.txt"], "/news/in/2022/a.txt", True),
        (["/news/in/*"], "/news/in/2022/a.txt", True),
        (["/news/in/a.txt"], "/news/in/b.txt", False),
    ],
)
def test_covered_by_follows_discovery_rules(inputs: list[str], path: str, covered: bool) -> None:
    assert covered_by(inputs, path) is covered
