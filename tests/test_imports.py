"""The package's imports form no cycle, counting those inside functions (which would hide one)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def module_files(root: Path, package: str = "dashboard") -> dict[str, Path]:
    """Dotted module name -> file, for every module of ``package`` under ``root``."""
    modules = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return modules


def import_graph(root: Path, package: str = "dashboard") -> dict[str, set[str]]:
    """Module -> the package's modules it imports anywhere in its file (module level, functions,
    ``if TYPE_CHECKING`` blocks alike). ``from a import b`` counts as importing ``a.b`` where
    that is a module, else ``a``."""
    modules = module_files(root, package)
    graph = {}
    for name, path in modules.items():
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parent = here.split(".")[: len(here.split(".")) - node.level + 1]
                    base = ".".join([*parent, *([node.module] if node.module else [])])
                for alias in node.names:
                    targets.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base)
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle as [a, b, …, a], or [] if there is none (iterative depth-first search)."""
    state: dict[str, str] = {}  # "open" while on the current path, "done" once fully explored
    for start in sorted(graph):
        if start in state:
            continue
        path, stack = [start], [iter(sorted(graph[start]))]
        state[start] = "open"
        while stack:
            following = next(stack[-1], None)
            if following is None:
                state[path.pop()] = "done"
                stack.pop()
            elif state.get(following) == "open":
                return [*path[path.index(following):], following]
            elif following not in state:
                state[following] = "open"
                path.append(following)
                stack.append(iter(sorted(graph[following])))
    return []


def test_the_package_has_no_import_cycle():
    graph = import_graph(ROOT)
    assert "dashboard.data.dataset" in graph["dashboard.app"]  # the walk sees the imports
    assert "dashboard.web.embed_routes" in graph["dashboard.app"]  # `from package import module`
    assert find_cycle(graph) == []


def test_a_cycle_through_an_import_inside_a_function_is_found(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "first.py").write_text("from pkg.second import helper\n")
    (package / "second.py").write_text("def helper():\n    from . import first\n")
    (package / "third.py").write_text("import pkg.first\n")
    assert find_cycle(import_graph(tmp_path, "pkg")) == ["pkg.first", "pkg.second", "pkg.first"]


def test_the_app_imports_in_a_fresh_interpreter():
    subprocess.run([sys.executable, "-c", "import dashboard.app"], cwd=ROOT, check=True, timeout=120)
