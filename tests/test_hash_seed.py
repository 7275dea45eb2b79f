"""The same article gives the same document whatever Python's string-hash seed (sets and dicts of
strings iterate in a seed-dependent order, so no choice may depend on it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

# Two spellings of one city (GeoNames "Tel Aviv", CLDR "Tel-Aviv") and the names of several states.
ARTICLE = """Title: Une délégation reçue à Tel-Aviv
Date: 2023-05-04

La délégation marocaine a été reçue mardi à Tel Aviv par le ministre israélien de la Défense.
Le Maroc et Israël ont signé un accord de coopération à Rabat, selon l'Algérie et la Tunisie.
"""


def _extract(path: Path, seed: str) -> str:
    environment = {**os.environ, "PYTHONHASHSEED": seed}
    command = [sys.executable, "-m", "newsdesk.cli", "extract", str(path), "--format", "json"]
    return subprocess.run(command, env=environment, cwd=REPO, capture_output=True, text=True, check=True).stdout


def test_extract_output_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert _extract(article, "1") == _extract(article, "2")
