"""The compat function templates (``fix/templates/*.py``), indexed by library, strategy and name.

A template is ordinary, importable Python (tests run it against a fake client); this module
reads its text and cuts it into top-level blocks with the names each block needs, so the
compat module gets exactly the functions, helpers and imports a project uses.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spotlint.fix.asynctwin import twin_name, twins
from spotlint.project.info import compat_name

STRATEGY_TEMPLATES = {
    ("spotipy", "stub"): ("spotipy_stub",),
    ("spotipy", "local"): ("spotipy_local", "spotipy_stub"),
    ("tekore", "stub"): ("tekore_stub",),
    ("tekore", "local"): ("tekore_local", "tekore_stub"),
    ("spotipy", "reccobeats"): ("reccobeats",),
    ("tekore", "reccobeats"): ("reccobeats",),
}


@dataclass(frozen=True, slots=True)
class Block:
    """One top-level definition of a template, with what it needs."""

    name: str
    text: str
    template: str
    needs: frozenset[str]  # other top-level names of the same template
    imports: tuple[str, ...]  # import statements of the template it needs
    unsafe: str  # why the rewrite can change behaviour beyond the endpoint swap ('' = safe)
    summary: str  # the docstring's first line


@dataclass(frozen=True, slots=True)
class Choice:
    block: Block
    fallback: bool  # a local strategy fell back to the stub


@lru_cache(maxsize=None)
def load(template: str) -> dict[str, Block]:
    text = resources.files("spotlint.fix.templates").joinpath(f"{template}.py").read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    tree = ast.parse(text)
    imports: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)) and not (
            isinstance(node, ast.ImportFrom) and node.module == "__future__"
        ):
            for alias in node.names:
                imports[(alias.asname or alias.name).split(".")[0]] = ast.get_source_segment(text, node) or ""
    defined = {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    defined |= {t.id for n in tree.body if isinstance(n, (ast.Assign, ast.AnnAssign))
                for t in (n.targets if isinstance(n, ast.Assign) else [n.target]) if isinstance(t, ast.Name)}
    blocks: dict[str, Block] = {}
    previous_end = 0
    for node in tree.body:
        start = node.lineno - 1 - len(getattr(node, "decorator_list", []) or [])
        if isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.Assign, ast.AnnAssign)):
            name = node.name if isinstance(node, (ast.FunctionDef, ast.ClassDef)) else _target(node)
            comments = [line for line in lines[previous_end:start] if line.lstrip().startswith("#")]
            unsafe = " ".join(c.split(":", 1)[1].strip() for c in comments if c.lstrip().startswith("# unsafe:"))
            kept = [c for c in comments if not c.lstrip().startswith("# unsafe:")]
            body = "".join(kept) + "".join(lines[start:node.end_lineno])
            used = {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
            if isinstance(node, ast.FunctionDef):
                local = {a.arg for a in ast.walk(node.args) if isinstance(a, ast.arg)}
                local |= {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
                globals_ = {name for n in ast.walk(node) if isinstance(n, ast.Global) for name in n.names}
                used = (used - (local - globals_)) | globals_ | _annotation_names(node)
            summary = (ast.get_docstring(node) or "").split("\n")[0] if isinstance(node, ast.FunctionDef) else ""
            blocks[name] = Block(
                name=name, text=body, template=template,
                needs=frozenset((used & defined) - {name}),
                imports=tuple(sorted({imports[u] for u in used if u in imports})),
                unsafe=unsafe, summary=summary,
            )
        previous_end = node.end_lineno or previous_end
    if template.startswith("tekore"):  # the asynchronous client's twins (``asynctwin``)
        blocks.update(twins(blocks, template))
    return blocks


def _target(node: ast.Assign | ast.AnnAssign) -> str:
    target = node.targets[0] if isinstance(node, ast.Assign) else node.target
    return target.id if isinstance(target, ast.Name) else ""


def _annotation_names(node: ast.FunctionDef) -> set[str]:
    names: set[str] = set()
    annotations = [a.annotation for a in (*node.args.args, *node.args.kwonlyargs) if a.annotation is not None]
    for extra in (node.args.vararg, node.args.kwarg):
        if extra is not None and extra.annotation is not None:
            annotations.append(extra.annotation)
    if node.returns is not None:
        annotations.append(node.returns)
    for annotation in annotations:
        names |= {n.id for n in ast.walk(annotation) if isinstance(n, ast.Name)}
    return names


def choose(library: str, method: str, strategy: str, awaited: bool = False) -> Choice | None:
    """The template function for a client method under a strategy (local falls back to stub);
    for a call awaited on tekore's asynchronous client, its asynchronous twin."""
    name = compat_name(library, method)
    if awaited:
        name = twin_name(name)
    for index, template in enumerate(STRATEGY_TEMPLATES.get((library, strategy), ())):
        block = load(template).get(name)
        if block is not None:
            return Choice(block, fallback=strategy == "local" and index > 0)
    return None


def closure(blocks: list[Block]) -> list[Block]:
    """The blocks plus every helper they need, helpers first, each name once."""
    ordered: dict[str, Block] = {}

    def visit(block: Block) -> None:
        if block.name in ordered:
            return
        for need in sorted(block.needs):
            helper = load(block.template).get(need)
            if helper is not None:
                visit(helper)
        ordered[block.name] = block

    for block in blocks:
        visit(block)
    return list(ordered.values())
