"""Every YAML file of transforms/data/ loads with the one data loader and has its declared shape.

A shape is written with a few forms:
  str, int, float, bool, date, Any   a scalar of that type (Any: anything)
  [SHAPE]                            a list whose items have SHAPE
  {str: SHAPE}                       a mapping from any string (or int) keys to SHAPE
  {"key": SHAPE, "key?": SHAPE}      a record: exactly these keys, those ending in "?" optional
  (SHAPE, SHAPE)                     either shape
A word list with a bare `on`, `no` or `y` would load as a boolean under YAML 1.1 and fail here.
"""

from __future__ import annotations

import ast
import datetime as dt
import fnmatch
from pathlib import Path
from typing import Any

import pytest

from transforms.data_files import DATA_DIR, load_data, load_yaml_text

REPO = Path(__file__).resolve().parent.parent
WORDS = [str]
WORDS_BY_KEY = {str: WORDS}
WORDS_BY_LANGUAGE = {str: WORDS}

_TRIGGER = {
    "cameo?": str,
    "plover?": str,
    "mode?": str,
    "verbs?": WORDS,
    "nouns?": WORDS,
    "governs?": bool,
    "roles?": str,
    "with?": WORDS,
    "without?": WORDS,
    "not_after?": WORDS,
    "passive_with?": WORDS,
    "not_before?": WORDS,
    "object_name?": bool,
    "window?": int,
}
_EVENTS = {
    "language": str,
    "cues": {str: (WORDS, bool)},
    "irregular_forms?": WORDS_BY_KEY,
    "verb_classes?": WORDS_BY_KEY,  # Spanish stem classes (transforms/events/spanish.py)
    "irregular_bases?": WORDS_BY_KEY,
    "triggers": [_TRIGGER],
}
_AGREEMENTS = {
    "language": str,
    "types": [{"type": str, "names": WORDS}],
    "not_after": WORDS,
    "anaphoric_determiners": WORDS,
    "domains": WORDS_BY_KEY,
    "statuses": WORDS_BY_KEY,
    "signing_words": WORDS,
    "provisions": [{"topic": str, "domain": str, "phrases": WORDS}],
    "notes": [{"note": str, "phrases": WORDS}],
    "binding_names": WORDS,
    "agreeing_verbs": WORDS,
    "parties": {
        "between": WORDS,
        "with": WORDS,
        "binding_verbs": WORDS,
        "outcomes": WORDS,
        "compliance?": WORDS,
        "joint_acts?": WORDS,
        "conflicts?": WORDS,
        "conflict_links?": WORDS,
        "combining_forms?": {str: str},
    },
}
_DATE_RULE = {"type": str, "pattern": str, "needs?": (str, WORDS), "fixed?": {str: Any}}
_DATES = {
    "language": str,
    "numeric_order": str,
    "day_suffix": str,
    "words": {str: {str: WORDS}},
    "articles": WORDS,
    "anchors": WORDS,
    "context": WORDS_BY_KEY,
    "signals": WORDS_BY_KEY,
    "tense": WORDS_BY_KEY,
    "rules": [_DATE_RULE],
}
_ACTOR = {
    "id": str,
    "name": str,
    "type": str,
    "country": (str, None),
    "sector": str,
    "aliases": {str: WORDS},
    "offices?": [{str: Any}],
    "government?": [[(dt.date, None)]],  # parties: spells in national government, [start, end or null]
}

SHAPES: dict[str, Any] = {
    "actors_common_words.yaml": {
        "adjectives": WORDS_BY_LANGUAGE,
        "nouns": WORDS_BY_LANGUAGE,
        "town_words": WORDS_BY_LANGUAGE,
    },
    "actors_country_names.yaml": {str: {str: WORDS}},
    "actors_demonyms.yaml": {str: {str: WORDS}},
    "actors_dictionary.yaml": [_ACTOR],
    "actors_epithets.yaml": {str: {str: WORDS}},
    "actors_families.yaml": {"families": WORDS_BY_KEY},
    "actors_function_words.yaml": {
        "determiners": WORDS_BY_LANGUAGE,
        "coordinators": WORDS,
        "of_words": WORDS,
        "english_verbs": WORDS,
        "english_adverbs": WORDS,
        "english_function_words": WORDS,
        "english_motion_to": WORDS,
        "english_departure_for": WORDS,
        "compass_points": WORDS,
        "english_place_descriptions": WORDS,
        "name_particles": WORDS,
        "arabic_name_links": WORDS,
        "arabic_not_names": WORDS,
    },
    "actors_former_states.yaml": {"former_states": {str: {"core": str, "from?": dt.date, "until?": dt.date}}},
    # words by language, or by language and kind (titles: by kind and sector)
    "actors_lexicon.yaml": {str: {str: (WORDS, WORDS_BY_KEY, {str: WORDS_BY_KEY})}},
    "actors_seats.yaml": {
        "seats": WORDS_BY_KEY,
        "institution_seats": [{"city": str, "country": str, "actor": str}],
        "buildings": [{"name": str, "country": str, "actor?": str}],
    },
    "agreements_*.yaml": _AGREEMENTS,
    "dates_common.yaml": {"rules": [_DATE_RULE]},
    "dates_??.yaml": _DATES,
    "events_coding_rules.yaml": {"intent_codes": {str: str}, "threat_codes": {str: str}, "refusal_codes": {str: str}},
    "events_??.yaml": _EVENTS,
    "events_function_words.yaml": {
        "coordination_words": WORDS,
        "np_skip_words": WORDS,
        "genitive_prepositions": WORDS,
        "subject_pronouns": WORDS,
        "noun_premodifier_gap": WORDS,
        "extra_prepositions": WORDS,
        "noun_context_words": WORDS_BY_LANGUAGE,
        "verb_context_words": WORDS,
    },
    "language_alphabets.yaml": {"latin_extra": {str: str}, "full": {str: str}},
    "language_endings.yaml": {"endings": {str: str}, "beginnings": {str: str}},
    "language_names.yaml": {"aliases": {str: str}},
    "language_priors.yaml": {"default_weight": float, "expected": {str: float}},
    "language_scripts.yaml": {"settled": {str: str}, "shared": WORDS_BY_KEY},
    "language_words.yaml": {"words": {str: str}},
}


def _problems(value: Any, shape: Any, where: str) -> list[str]:
    if shape is Any:
        return []
    if shape is None:
        return [] if value is None else [f"{where}: {value!r} is not null"]
    if isinstance(shape, tuple):
        tries = [_problems(value, option, where) for option in shape]
        return [] if any(not found for found in tries) else min(tries, key=len)
    if isinstance(shape, list):
        if not isinstance(value, list):
            return [f"{where}: {type(value).__name__} is not a list"]
        return [problem for i, item in enumerate(value) for problem in _problems(item, shape[0], f"{where}[{i}]")]
    if isinstance(shape, dict):
        if not isinstance(value, dict):
            return [f"{where}: {type(value).__name__} is not a mapping"]
        if list(shape) == [str]:
            return [
                problem
                for key, item in value.items()
                for problem in (
                    ([] if isinstance(key, str | int) and not isinstance(key, bool) else [f"{where}: key {key!r}"])
                    + _problems(item, shape[str], f"{where}.{key}")
                )
            ]
        required = {key for key in shape if not key.endswith("?")}
        known = {key.rstrip("?"): sub for key, sub in shape.items()}
        found = [f"{where}: missing {key!r}" for key in sorted(required - set(value))]
        found += [f"{where}: unexpected key {key!r}" for key in value if key not in known]
        for key, item in value.items():
            if key in known:
                found += _problems(item, known[key], f"{where}.{key}")
        return found
    if shape is float:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
    elif shape is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    else:
        ok = isinstance(value, shape)
    return [] if ok else [f"{where}: {value!r} is not {shape.__name__}"]


def _shape_of(name: str) -> Any:
    matches = [shape for pattern, shape in SHAPES.items() if fnmatch.fnmatchcase(name, pattern)]
    assert len(matches) == 1, f"{name}: {len(matches)} shapes in SHAPES match it (declare exactly one)"
    return matches[0]


@pytest.mark.parametrize("path", sorted(DATA_DIR.glob("*.yaml")), ids=lambda path: path.name)
def test_every_data_file_has_its_declared_shape(path: Path) -> None:
    problems = _problems(load_data(path.name), _shape_of(path.name), path.name)
    assert not problems, "\n".join(problems[:20])


def test_only_yaml_12_booleans() -> None:
    assert load_yaml_text("[on, off, yes, no, y, n, true, false]") == ["on", "off", "yes", "no", "y", "n", True, False]


def test_the_english_target_prepositions_keep_on() -> None:
    assert "on" in load_data("events_en.yaml")["cues"]["target_prepositions"]


def test_shape_checker_finds_a_boolean_in_a_word_list() -> None:
    assert _problems({"a": ["x", True]}, {"a": WORDS}, "f") == ["f.a[1]: True is not str"]
    assert _problems({"a": [], "b": 1}, {"a": WORDS}, "f") == ["f: unexpected key 'b'"]


def test_no_module_reads_the_data_files_with_another_yaml_loader() -> None:
    """Only transforms/data_files.py calls yaml.load/safe_load among the modules that ship."""
    offenders = []
    for package in ("transforms", "warehouse", "newsdesk", "flows", "dashboard"):
        for path in sorted((REPO / package).rglob("*.py")):
            if path == REPO / "transforms" / "data_files.py":
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.Attribute)
                    and isinstance(node.value, ast.Name)
                    and node.value.id == "yaml"
                    and node.attr in {"load", "safe_load", "full_load", "unsafe_load", "load_all", "safe_load_all"}
                ):
                    offenders.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert not offenders, offenders
