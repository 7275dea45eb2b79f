"""The one reader of the YAML files in transforms/data/.

The files are read as YAML 1.2 reads scalars: only true/false (True, TRUE, False, FALSE) are booleans.
PyYAML's default (YAML 1.1) also takes yes/no/on/off/y/n for booleans, so the English preposition
"on", the Spanish "y" or the adverb "off" in a word list would come back as True or False.
Every module that reads a file of transforms/data/ goes through `load_data` (tests/test_data_files.py
checks each file's shape and pins that no module calls yaml.safe_load on them).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"

_YAML12_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_BOOL_TAG = "tag:yaml.org,2002:bool"
_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when installed


class DataLoader(_Base):  # type: ignore[valid-type,misc]
    """A safe loader whose booleans are YAML 1.2's: "on", "off", "yes", "no", "y", "n" stay words."""


DataLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != _BOOL_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
DataLoader.add_implicit_resolver(_BOOL_TAG, _YAML12_BOOL, list("tTfF"))


def load_yaml_text(text: str) -> Any:
    """YAML text read with the rules of the data files."""
    return yaml.load(text, Loader=DataLoader)  # noqa: S506 - DataLoader is a SafeLoader


def load_data(name: str | Path) -> Any:
    """One YAML file: a name inside transforms/data/ ("events_en.yaml") or a path."""
    path = Path(name) if isinstance(name, Path) or "/" in str(name) else DATA_DIR / name
    return load_yaml_text(path.read_text(encoding="utf-8"))
