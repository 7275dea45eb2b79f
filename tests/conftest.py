"""Shared test set-up: an offline Prefect (temporary server, no telemetry) and article fixtures."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from newsdesk.config import configure_prefect

# Tests check behaviour, not wall time: a first call that loads dateparser's or spaCy's data
# must not fail a property test on its deadline.
settings.register_profile("newsdesk", deadline=None)
settings.load_profile("newsdesk")

# Before anything imports Prefect: a throw-away home so tests never touch a user's Prefect state.
_PREFECT_HOME = Path(tempfile.mkdtemp(prefix="newsdesk-prefect-"))
configure_prefect(home=_PREFECT_HOME)
os.environ.pop("NEWSDESK_WAREHOUSE", None)

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_667dec259b500af9.txt"


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=300):
        yield
    shutil.rmtree(_PREFECT_HOME, ignore_errors=True)


@pytest.fixture()
def articles_folder(tmp_path: Path) -> Path:
    """A copy of the multilingual fixture articles plus the seed, in a folder a test may change."""
    folder = tmp_path / "articles"
    shutil.copytree(FIXTURES / "articles", folder)
    shutil.copy(SEED, folder / SEED.name)
    return folder
