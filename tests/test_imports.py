"""The package's import graph, read from the source: no circle among its files, and the layers it is built in.

Every `import` counts, wherever it is written (module level, inside a function, under TYPE_CHECKING):
an import deferred for speed is still a dependency.

Layers, from the edge down:
- the edge: `main` (assembles the app), `ingest` (assembles the index the app serves), `cli`,
  `functions_bridge`, and the compatibility modules that keep the original design's names
  (`COMPATIBILITY`), which nothing in the package imports;
- the features (`chat`, `drugs`, `search`, `interactions`): their routers, services and own logic;
- `api` (the HTTP plumbing every feature shares: dependencies, errors, middleware, probes) and
  `services` (the clients built once per process);
- the platform (`PLATFORM`): storage, the label index, retrieval, answer writers, the safety checks,
  callers and limits, the request/response schemas, settings and small utilities. It never imports
  anything above it, and its packages import each other without a circle.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import pharmabot

PACKAGE = Path(pharmabot.__file__).parent

COMPATIBILITY = frozenset(
    {
        "pharmabot.agents.triage",
        "pharmabot.api.chat",
        "pharmabot.api.search",
        "pharmabot.security.rate_limiter",
        "pharmabot.security.sanitizer",
    }
)
EDGE = frozenset(
    {"pharmabot.__main__", "pharmabot.main", "pharmabot.cli", "pharmabot.functions_bridge", "pharmabot.ingest"}
)
FEATURES = frozenset({"pharmabot.chat", "pharmabot.drugs", "pharmabot.search", "pharmabot.interactions"})
PLATFORM = frozenset(
    {
        "pharmabot",  # the package's own __init__ (its version)
        "pharmabot.answer",
        "pharmabot.config",
        "pharmabot.data",  # the shipped corpus and rule lists (no code)
        "pharmabot.errors",
        "pharmabot.knowledge",
        "pharmabot.lazy",
        "pharmabot.logs",
        "pharmabot.openai_client",
        "pharmabot.retrieval",
        "pharmabot.retry",
        "pharmabot.safety",
        "pharmabot.schemas",
        "pharmabot.security",
        "pharmabot.store",
        "pharmabot.telemetry",
        "pharmabot.text",
        "pharmabot.web",
    }
)
# What the request/response contracts may import: each other, text hygiene, and the label section names.
SCHEMA_IMPORTS = frozenset({"pharmabot.text", "pharmabot.knowledge.labels"})


def modules() -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its own name)."""
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _targets(node: ast.AST, module: str, is_package: bool) -> Iterable[str]:
    if isinstance(node, ast.Import):
        yield from (alias.name for alias in node.names)
    elif isinstance(node, ast.ImportFrom):
        if node.level:
            base = module.split(".") if is_package else module.split(".")[:-1]
            base = base[: len(base) - (node.level - 1)]
            source = ".".join([*base, *([node.module] if node.module else [])])
        else:
            source = node.module or ""
        yield source
        yield from (f"{source}.{alias.name}" for alias in node.names)


def import_graph() -> dict[str, set[str]]:
    """Module -> the package's modules it imports (a `from a import b` names module `a.b` when there is one)."""
    known = modules()

    def resolve(name: str) -> str | None:
        while name and name not in known:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {name: set() for name in known}
    for name, path in known.items():
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            for target in _targets(node, name, path.name == "__init__.py"):
                resolved = resolve(target) if target.startswith("pharmabot") else None
                # Importing a submodule also runs its package's __init__, which is not a dependency of interest.
                if resolved and resolved != name and not name.startswith(resolved + "."):
                    graph[name].add(resolved)
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one member (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def layer_of(module: str) -> str:
    """The package a module belongs to: `pharmabot.x` for `pharmabot.x.y`."""
    return ".".join(module.split(".")[:2])


def test_no_import_circle_among_the_package_files() -> None:
    assert circles(import_graph()) == []


def test_nothing_in_the_package_imports_the_compatibility_modules() -> None:
    graph = import_graph()
    assert graph.keys() >= COMPATIBILITY
    importers = {f"{module} -> {target}" for module, targets in graph.items() for target in targets & COMPATIBILITY}
    assert importers == set()


def test_every_module_has_a_layer() -> None:
    layers = EDGE | FEATURES | PLATFORM | {"pharmabot.agents", "pharmabot.api", "pharmabot.services"}
    assert {layer_of(module) for module in import_graph()} - layers == set()


def test_the_platform_never_imports_the_features_the_api_or_the_edge() -> None:
    graph = import_graph()
    upward = {
        f"{module} -> {target}"
        for module, targets in graph.items()
        if layer_of(module) in PLATFORM and module not in COMPATIBILITY
        for target in targets
        if layer_of(target) not in PLATFORM
    }
    assert upward == set()


def test_the_platform_packages_import_each_other_without_a_circle() -> None:
    graph = import_graph()
    packages: dict[str, set[str]] = defaultdict(set)
    for module, targets in graph.items():
        if layer_of(module) in PLATFORM and module not in COMPATIBILITY:
            packages[layer_of(module)] |= {layer_of(t) for t in targets if layer_of(t) != layer_of(module)}
    assert circles(packages) == []


def test_schemas_import_nothing_above_them() -> None:
    graph = import_graph()
    outside = {
        f"{module} -> {target}"
        for module, targets in graph.items()
        if layer_of(module) == "pharmabot.schemas"
        for target in targets
        if layer_of(target) != "pharmabot.schemas" and target not in SCHEMA_IMPORTS
    }
    assert outside == set()


def test_the_checker_sees_a_circle() -> None:
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert circles({"a": {"b"}, "b": set()}) == []
