"""Print the layout figures of issue 51: loose modules, import circles, in-function imports, layer breaches.

Reads the source as text (an AST pass, nothing is imported or run), so it works on any checkout:
``python3 scripts/layout_figures.py [--list]``. ``--list`` names every circle and in-function import.
"""

from __future__ import annotations

import ast
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("app", "sandbox", "dev")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def source_files() -> dict[str, Path]:
    files: dict[str, Path] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            files[module_name(path)] = path
    return files


def resolve(target: str, names: list[str], modules: dict[str, Path]) -> list[str]:
    """The modules an import statement loads: ``from a.b import c`` is a.b.c when that is a module, else a.b."""
    found = []
    for name in names:
        candidate = f"{target}.{name}"
        found.append(candidate if candidate in modules else target)
    return [m for m in dict.fromkeys(found) if m in modules]


def own_imports(module: str, path: Path, modules: dict[str, Path]) -> list[tuple[str, bool, int]]:
    """(imported module, inside a function?, line) for every import of the project's own modules."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    out: list[tuple[str, bool, int]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            nested = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if isinstance(child, ast.Import):
                for alias in child.names:
                    if alias.name.split(".")[0] in PACKAGES and alias.name in modules:
                        out.append((alias.name, in_function, child.lineno))
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base = package.split(".")
                    base = base[: len(base) - (child.level - 1)] if child.level > 1 else base
                    target = ".".join(base + ([child.module] if child.module else []))
                else:
                    target = child.module or ""
                if target.split(".")[0] in PACKAGES:
                    for name in resolve(target, [a.name for a in child.names], modules):
                        out.append((name, in_function, child.lineno))
            elif isinstance(child, ast.If) and _is_type_checking(child.test):
                continue  # imports for annotations only never run
            visit(child, nested)

    visit(tree, False)
    return out


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, edges = work[-1]
            advanced = False
            for nxt in edges:
                if nxt not in index:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph.get(nxt, ())))))
                    advanced = True
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
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
    return sorted(found, key=len, reverse=True)


def domain(module: str) -> str:
    parts = module.split(".")
    return parts[1] if parts[0] == "app" and len(parts) > 1 else parts[0]


# (importer's package, imported package): breaches of DESIGN.md §2 the issue names.
BREACHES = [
    ("risk", "orders"),
    ("risk", "payments"),
    ("ledger", "orders"),
    ("ledger", "payments"),
    ("payments", "checkout_sessions"),
    ("payments", "signing"),
    ("platform", "*"),
]
PLATFORM_MAY_IMPORT = {"platform", "config", "extensions", "errors"}


def commit_figures() -> str:
    log = subprocess.run(
        ["git", "-C", str(ROOT), "log", "--format=%s%x00%b%x01"], capture_output=True, text=True, check=False
    ).stdout
    commits = [c.split("\x00", 1) for c in log.split("\x01") if c.strip()]
    if not commits:
        return "commit subjects: no git history"
    lengths = [len(subject.strip()) for subject, _ in commits]
    short = sum(1 for n in lengths if n <= 72)
    with_body = sum(1 for _, body in commits if body.strip())
    last = commits[:50]
    last_short = sum(1 for s, _ in last if len(s.strip()) <= 72)
    return (
        f"commit subjects: median {statistics.median(lengths):.0f} characters, "
        f"{100 * short / len(commits):.0f} % ≤ 72, {100 * with_body / len(commits):.0f} % with a body "
        f"({len(commits)} commits; the newest 50: {last_short} ≤ 72)"
    )


def main() -> None:
    show = "--list" in sys.argv
    modules = source_files()
    graph: dict[str, set[str]] = {m: set() for m in modules}
    lazy: list[tuple[str, str, int]] = []
    breaches: dict[tuple[str, str], set[str]] = {}
    sandbox_kassa: set[str] = set()
    for module, path in modules.items():
        for target, in_function, line in own_imports(module, path, modules):
            if target == module:
                continue
            own_package = path.name == "__init__.py" and target.startswith(module + ".")
            if not own_package:
                graph[module].add(target)
            if in_function:
                lazy.append((module, target, line))
            src, dst = domain(module), domain(target)
            if (
                module.startswith("sandbox") != target.startswith("sandbox")
                or module.startswith("app.sandbox")
                and not target.startswith("app.sandbox")
            ):
                sandbox_kassa.add(f"{module} → {target}")
            for a, b in BREACHES:
                if src == a and (dst == b or (b == "*" and dst not in PLATFORM_MAY_IMPORT)):
                    breaches.setdefault((a, b), set()).add(f"{module} → {target}")

    loose = sorted(p.name for p in (ROOT / "app").glob("*.py"))
    found = circles(graph)
    print(f"loose modules at app/ root: {len(loose)} ({', '.join(n[:-3] for n in loose)})")
    print(
        f"import circles (lazy imports counted): {len(found)}"
        + (f", the largest {len(found[0])} modules" if found else "")
    )
    print(f"imports of Kassa's own modules inside functions: {len(lazy)}")
    for (a, b), edges in sorted(breaches.items()):
        print(f"layer breach {a} → {b}: {len(edges)}")
    if not breaches:
        print(
            "layer breaches (risk→orders/payments, ledger→orders/payments, payments→checkout_sessions/signing,"
            " platform→domains): 0"
        )
    where = "app/sandbox (inside Kassa)" if (ROOT / "app" / "sandbox").exists() else "sandbox/ (top level)"
    print(f"sandbox provider: {where}; imports across Kassa and the sandbox: {len(sandbox_kassa)}")
    print(commit_figures())
    if show:
        for component in found:
            print("circle:", " ↔ ".join(component))
        for module, target, line in lazy:
            print(f"in-function: {modules[module].relative_to(ROOT)}:{line} → {target}")
        for (a, b), edges in sorted(breaches.items()):
            for edge in sorted(edges):
                print(f"breach {a}→{b}: {edge}")
        for edge in sorted(sandbox_kassa):
            print("sandbox↔kassa:", edge)


if __name__ == "__main__":
    main()
