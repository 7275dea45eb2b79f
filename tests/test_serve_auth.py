"""`newsdesk serve` protects its Prefect API with an auth string (issue 12, item 7), without a server.

tests/test_prefect_server.py checks on a real server that a call without it is refused.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from newsdesk.config import configure_prefect, serve_auth_path
from newsdesk.serve import ensure_auth_string, stack_environment


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_auth_string_is_made_once_and_readable_only_by_its_owner(tmp_path: Path) -> None:
    auth = ensure_auth_string(tmp_path)
    assert auth.startswith("newsdesk:") and len(auth) > 40
    assert mode(serve_auth_path(tmp_path)) == 0o600
    assert ensure_auth_string(tmp_path) == auth
    assert [path.name for path in tmp_path.iterdir()] == ["serve-auth"]  # no temporary file left


def test_two_prefect_homes_get_different_auth_strings(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert ensure_auth_string(tmp_path / "a") != ensure_auth_string(tmp_path / "b")


def test_a_stored_auth_string_readable_by_others_is_made_private_again(tmp_path: Path) -> None:
    auth = ensure_auth_string(tmp_path)
    os.chmod(serve_auth_path(tmp_path), 0o644)
    assert ensure_auth_string(tmp_path) == auth
    assert mode(serve_auth_path(tmp_path)) == 0o600


def test_the_stack_requires_the_auth_string_and_only_its_own_origin(tmp_path: Path) -> None:
    env = stack_environment({"PATH": "/bin"}, tmp_path, 4321, "newsdesk:secret")
    assert env["PREFECT_SERVER_API_AUTH_STRING"] == env["PREFECT_API_AUTH_STRING"] == "newsdesk:secret"
    assert env["PREFECT_SERVER_API_CORS_ALLOWED_ORIGINS"] == "http://127.0.0.1:4321"


@pytest.fixture()
def served_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A Prefect home where `newsdesk serve` stored its auth string; no auth string in the environment."""
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    monkeypatch.setenv("PREFECT_API_AUTH_STRING", "placeholder")
    monkeypatch.delenv("PREFECT_API_AUTH_STRING")  # restored to unset after the test
    return ensure_auth_string(tmp_path)


def test_a_command_pointed_at_the_local_server_sends_its_auth_string(
    served_home: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:4200/api")
    configure_prefect()
    assert os.environ["PREFECT_API_AUTH_STRING"] == served_home


def test_a_command_pointed_at_another_host_never_gets_the_local_auth_string(
    served_home: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PREFECT_API_URL", "https://prefect.example.org/api")
    configure_prefect()
    assert "PREFECT_API_AUTH_STRING" not in os.environ
