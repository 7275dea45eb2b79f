"""Input discovery, and which known files a run's inputs cover (to notice deletions)."""

from __future__ import annotations

import os
import threading
from pathlib import Path, PurePath

import pytest

from newsdesk.inputs import NotARegularFile, covered_by, discover_files, read_file


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


# --- Inputs that must neither hang, flood nor stop a run (issue 12, items 1, 2 and 9) ---------


def _reasons(found: list) -> dict[str, str | None]:  # type: ignore[type-arg]
    return {PurePath(file.path).name: file.problem.reason if file.problem else None for file in found}


def _in_thread(function, seconds: float = 10.0):  # type: ignore[no-untyped-def]
    """Run `function` in a daemon thread: a call that blocks fails the test instead of hanging it."""
    outcome: list = []  # type: ignore[type-arg]
    worker = threading.Thread(target=lambda: outcome.append(_catching(function)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert outcome, f"still blocked after {seconds} s"
    return outcome[0]


def _catching(function):  # type: ignore[no-untyped-def]
    try:
        return function()
    except Exception as error:  # noqa: BLE001 - handed back to the test
        return error


def test_a_fifo_is_found_as_not_a_file_and_never_opened_for_a_blocking_read(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Le Maroc et l'Algérie.", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    found = _in_thread(lambda: discover_files([tmp_path]))
    assert _reasons(found) == {"good.txt": None, "pipe.txt": "not_a_file"}
    assert "named pipe" in found[1].problem.message
    # Replaced by a FIFO after discovery: the read does not block either.
    error = _in_thread(lambda: read_file(str(tmp_path / "pipe.txt"), 1000))
    assert isinstance(error, NotARegularFile)


def test_a_link_to_dev_zero_is_not_followed(tmp_path: Path) -> None:
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (found,) = _in_thread(lambda: discover_files([tmp_path]))
    assert found.problem is not None and found.problem.reason == "outside_link"
    assert isinstance(_in_thread(lambda: read_file("/dev/zero", 1000)), NotARegularFile)


def test_a_link_out_of_the_input_folder_is_never_read_one_inside_is_read_once(tmp_path: Path) -> None:
    secret = tmp_path / "home" / "id_rsa"
    secret.parent.mkdir()
    secret.write_text("-----BEGIN OPENSSH PRIVATE KEY-----", encoding="utf-8")
    folder = tmp_path / "in"
    (folder / "2022").mkdir(parents=True)
    (folder / "2022" / "a.txt").write_text("Article.", encoding="utf-8")
    (folder / "key.txt").symlink_to(secret)
    (folder / "latest.txt").symlink_to(folder / "2022" / "a.txt")
    found = discover_files([folder])
    assert [
        (PurePath(file.path).relative_to(tmp_path).as_posix(), file.problem and file.problem.reason) for file in found
    ] == [
        ("in/2022/a.txt", None),  # also what latest.txt points to: read once, under its real path
        ("in/key.txt", "outside_link"),
    ]


def test_a_glob_over_a_folder_link_loop_ends(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_text("Article.", encoding="utf-8")
    (folder / "sub" / "loop").symlink_to(folder)
    found = _in_thread(lambda: discover_files([f"{folder}/**/*.txt"]))
    assert [PurePath(file.path).relative_to(folder).as_posix() for file in found] == ["sub/a.txt"]
    walked = _in_thread(lambda: discover_files([folder]))
    assert _reasons(walked) == {"a.txt": None, "loop": "not_a_file"}  # a link to a folder is not walked


def test_glob_matching_follows_glob_rules_without_following_links(tmp_path: Path) -> None:
    for name in ("a.txt", "b.json", ".hidden.txt", "2022/c.txt", "2022/deep/d.txt", ".cache/e.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")

    def names(pattern: str) -> list[str]:
        return [
            PurePath(file.path).relative_to(tmp_path).as_posix() for file in discover_files([str(tmp_path / pattern)])
        ]

    assert names("*.txt") == ["a.txt"]
    assert names("**/*.txt") == ["2022/c.txt", "2022/deep/d.txt", "a.txt"]
    assert names("*/*.txt") == ["2022/c.txt"]
    assert names("20*") == ["2022/c.txt", "2022/deep/d.txt"]


def test_an_unreadable_sub_folder_is_recorded_not_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests run as root, which reads any folder whatever its mode: listing it fails by hand instead.
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "b.txt").write_text("x", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = discover_files([tmp_path])
    assert _reasons(found) == {"b.txt": None, "locked": "unreadable_folder"}
    assert "Permission denied" in found[1].problem.message


def test_a_name_that_is_not_utf8_is_recorded_escaped(tmp_path: Path) -> None:
    os.close(os.open(os.fsencode(tmp_path) + b"/caf\xe9.txt", os.O_CREAT | os.O_WRONLY))
    (found,) = discover_files([tmp_path])
    assert found.path == f"{tmp_path}/caf\\xe9.txt"
    found.path.encode("utf-8")  # storable
    assert found.problem is not None and found.problem.reason == "bad_name"


def test_a_read_takes_at_most_max_bytes_plus_one(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 10_000)
    content = read_file(str(big), max_bytes=100)
    assert (len(content.data), content.size_bytes, content.over(100)) == (101, 10_000, True)
    assert read_file(str(big), max_bytes=10_000).data == b"x" * 10_000


def test_a_read_reports_the_stat_of_what_it_read(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(b"first")
    (seen,) = discover_files([tmp_path])
    page.write_bytes(b"first, then more")  # changed after discovery, before the read
    os.utime(page, ns=(seen.modified_ns + 10**9, seen.modified_ns + 10**9))
    content = read_file(str(page), 1000)
    assert (content.data, content.size_bytes, content.modified_ns) == (
        b"first, then more",
        16,
        seen.modified_ns + 10**9,
    )


def test_a_file_changing_during_the_read_keeps_the_stamp_from_before_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(b"first")
    real_read = os.read

    def read_and_append(descriptor: int, length: int) -> bytes:
        chunk = real_read(descriptor, length)
        if chunk:
            with open(page, "ab") as handle:  # a writer appending while we read
                handle.write(b" more")
        return chunk

    before = os.stat(page)
    monkeypatch.setattr(os, "read", read_and_append)
    content = read_file(str(page), 1000)
    assert (content.size_bytes, content.modified_ns) == (before.st_size, before.st_mtime_ns)
