"""Layers: nothing imports upward. Every import of every module (at the top or inside a function) is read.

From the bottom up:
  transforms/   pure functions on texts and the data files; imports none of newsdesk's other packages
                and not prefect (so it runs in the extraction worker, the tests and the benches alone)
  base          newsdesk (the package: its version), newsdesk.config, newsdesk.inputs: settings and the
                reading of input folders. They sit in the newsdesk package for history, but flows/ and
                dashboard/ use them, so they are a layer of their own below flows/: they may import
                transforms/ and nothing else of newsdesk's
  warehouse/    schema, Parquet and DuckDB I/O: transforms/ and the base, never flows/, the CLI or the dashboard
  flows/        Prefect orchestration: everything below, never the CLI (newsdesk.cli and the other commands'
                modules) nor the dashboard
  dashboard/    reads the warehouse: warehouse/ and the base, never flows/ or the CLI
  newsdesk.*    the commands (cli, serve, export, evaluation, ...): may import everything

Moving newsdesk.config and newsdesk.inputs into a package of their own would say the same; it was left
for a quieter day (both are imported from many places), and this test pins the rule meanwhile.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGES = ("transforms", "warehouse", "flows", "dashboard", "newsdesk")
BASE = frozenset({"newsdesk", "newsdesk.config", "newsdesk.inputs"})

# layer -> the first-party layers (and third-party roots) it must not import
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "transforms": ("warehouse", "flows", "dashboard", "newsdesk", "prefect", "prefect_dask", "streamlit"),
    "base": ("warehouse", "flows", "dashboard", "newsdesk", "prefect", "streamlit"),
    "warehouse": ("flows", "dashboard", "newsdesk", "prefect", "streamlit"),
    "flows": ("dashboard", "newsdesk", "streamlit"),
    "dashboard": ("flows", "newsdesk", "prefect"),
    "newsdesk": (),
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _layer(module: str) -> str:
    return "base" if module in BASE else module.split(".")[0]


def _is_module(name: str) -> bool:
    path = REPO.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _imports(module: str, source: str, is_package: bool = False) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import in the source, relative ones resolved;
    "from newsdesk import config" imports newsdesk.config, "from newsdesk import code_version" newsdesk."""
    package = module if is_package else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            target = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(parts + ([node.module] if node.module else []))
            for alias in node.names:
                submodule = f"{target}.{alias.name}"
                found.append((node.lineno, submodule if _is_module(submodule) else target))
    return found


def _is_under(module: str, root: str) -> bool:
    return module == root or module.startswith(root + ".")


def violations(module: str, source: str, is_package: bool = False) -> list[str]:
    layer = _layer(module)
    problems = []
    for line, target in _imports(module, source, is_package):
        if layer == "newsdesk" or (_layer(target) == "base" and layer != "transforms"):
            continue  # the commands import anything; every layer above transforms/ may use the base
        if any(_is_under(target, root) for root in FORBIDDEN[layer]):
            problems.append(f"{module}:{line}: {layer} imports {target}")
    return problems


def _modules() -> list[Path]:
    return sorted(path for package in PACKAGES for path in (REPO / package).rglob("*.py"))


@pytest.mark.parametrize("package", PACKAGES)
def test_no_layer_imports_a_layer_above_it(package: str) -> None:
    found = [
        problem
        for path in _modules()
        if path.relative_to(REPO).parts[0] == package
        for problem in violations(_module_name(path), path.read_text(encoding="utf-8"), path.name == "__init__.py")
    ]
    assert not found, "\n".join(found)


def test_the_rule_sees_upward_imports() -> None:
    source = "def f():\n    from warehouse.layout import WarehouseLayout\n    from newsdesk import config\n"
    assert violations("transforms.probe", source) == [
        "transforms.probe:2: transforms imports warehouse.layout",
        "transforms.probe:3: transforms imports newsdesk.config",
    ]
    assert violations("flows.probe", "from newsdesk.cli import app\nfrom newsdesk import config\n") == [
        "flows.probe:1: flows imports newsdesk.cli"
    ]
    assert violations("warehouse.probe", "from . import layout\nfrom ..flows import ingest\n") == [
        "warehouse.probe:2: warehouse imports flows.ingest"
    ]
    assert violations("newsdesk.inputs", "import prefect\n") == ["newsdesk.inputs:1: base imports prefect"]
