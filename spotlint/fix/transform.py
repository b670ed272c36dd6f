"""Apply a plan to a libcst tree: one pass, only the reported expressions change.

``client.method(args)`` becomes ``compat.method(client, args)``; ``getattr(client, "method")``
and an uncalled ``client.method`` become ``functools.partial(compat.method, client)``. The
compat import (and ``functools``) is added once, where libcst's codemod puts imports; the
compat module's name may be relative (``..spotify_compat``: ``from .. import spotify_compat``).
"""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst
from libcst.codemod import CodemodContext
from libcst.codemod.visitors import AddImportsVisitor

from spotlint.analysis.scope import dotted_name
from spotlint.analysis.walk import children
from spotlint.fix.plan import Retext, Rewrite


class _Rewriter(cst.CSTTransformer):
    def __init__(self, rewrites: Sequence[Rewrite], alias: str, retexts: Sequence[Retext] = (),
                 paths: frozenset[int] | None = None) -> None:
        super().__init__()
        self.by_node = {id(r.node): r for r in rewrites}
        self.texts = {id(r.node): r.text for r in retexts}
        self.alias = alias
        self.partial = False
        self.paths = paths  # ids of the nodes on the way to a target: the only ones entered
        self.applied = 0

    def on_visit(self, node: cst.CSTNode) -> bool:
        return self.paths is None or id(node) in self.paths

    def on_leave(self, original_node: cst.CSTNode, updated_node: cst.CSTNode):  # type: ignore[no-untyped-def]
        if id(original_node) in self.by_node or id(original_node) in self.texts:
            self.applied += 1
        return super().on_leave(original_node, updated_node)

    def leave_SimpleString(self, original_node: cst.SimpleString, updated_node: cst.SimpleString) -> cst.SimpleString:
        text = self.texts.get(id(original_node))
        return updated_node if text is None else updated_node.with_changes(value=text)

    def leave_FormattedStringText(self, original_node: cst.FormattedStringText,
                                  updated_node: cst.FormattedStringText) -> cst.FormattedStringText:
        text = self.texts.get(id(original_node))
        return updated_node if text is None else updated_node.with_changes(value=text)

    def _target(self, rewrite: Rewrite) -> cst.Attribute:
        return cst.Attribute(value=cst.Name(self.alias), attr=cst.Name(rewrite.block.name))

    def _partial(self, rewrite: Rewrite, receiver: cst.BaseExpression) -> cst.Call:
        self.partial = True
        comma = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
        return cst.Call(
            func=cst.Attribute(value=cst.Name("functools"), attr=cst.Name("partial")),
            args=[cst.Arg(self._target(rewrite), comma=comma), cst.Arg(receiver)],
        )

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        rewrite = self.by_node.get(id(original_node))
        if rewrite is None:
            return updated_node
        if rewrite.shape == "getattr":
            return self._partial(rewrite, updated_node.args[0].value).with_changes(
                lpar=updated_node.lpar, rpar=updated_node.rpar
            )
        func = updated_node.func
        assert isinstance(func, cst.Attribute)
        receiver = func.value.with_changes(lpar=[], rpar=[]) if _bare(func.value) else func.value
        if updated_node.args:
            after = updated_node.whitespace_before_args
            if isinstance(after, cst.SimpleWhitespace) and not after.value:
                after = cst.SimpleWhitespace(" ")
            first = cst.Arg(receiver, comma=cst.Comma(whitespace_after=after))
            whitespace = cst.SimpleWhitespace("")
        else:
            first = cst.Arg(receiver)
            whitespace = updated_node.whitespace_before_args
        return updated_node.with_changes(
            func=self._target(rewrite), args=[first, *updated_node.args], whitespace_before_args=whitespace,
        )

    def leave_Attribute(self, original_node: cst.Attribute, updated_node: cst.Attribute) -> cst.BaseExpression:
        rewrite = self.by_node.get(id(original_node))
        if rewrite is None or rewrite.shape != "attribute":
            return updated_node
        return self._partial(rewrite, updated_node.value).with_changes(lpar=updated_node.lpar, rpar=updated_node.rpar)


def _bare(node: cst.BaseExpression) -> bool:
    """Parentheses a receiver needed before ``.method`` are not needed as an argument."""
    return bool(getattr(node, "lpar", None)) and isinstance(node, (cst.Name, cst.Attribute, cst.Call, cst.Subscript))


def _parts(compat_module: str) -> tuple[int, str, str]:
    """(relative level, package, name) of a compat module's dotted name."""
    dotted = compat_module.lstrip(".")
    package, _, name = dotted.rpartition(".")
    return len(compat_module) - len(dotted), package, name


def import_lines(compat_module: str, partial: bool) -> list[str]:
    level, package, name = _parts(compat_module)
    lines = [f"from {'.' * level}{package} import {name}" if level or package else f"import {name}"]
    return [*lines, "import functools"] if partial else lines


def _paths(module: cst.Module, targets: set[int]) -> frozenset[int]:
    """ids of the targets and of every node above one: a transformer that enters only these
    rebuilds a few hundred nodes instead of the whole tree (iterative: no recursion limit)."""
    found: set[int] = set()
    path: list[cst.CSTNode] = []
    stack: list[tuple[cst.CSTNode, int]] = [(module, 0)]
    while stack:
        node, depth = stack.pop()
        del path[depth:]
        path.append(node)
        if id(node) in targets:
            found.update(id(n) for n in path)
        stack.extend((child, depth + 1) for child in reversed(children(node)))
    return frozenset(found)


def _imported(module: cst.Module, level: int, package: str, name: str) -> bool:
    """Whether a top-level ``from <level><package> import name`` is there already (libcst's
    AddImportsVisitor adds ``from . import x`` again)."""
    for statement in module.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if (isinstance(small, cst.ImportFrom) and len(small.relative) == level
                    and (dotted_name(small.module) if small.module is not None else "") == package
                    and not isinstance(small.names, cst.ImportStar)
                    and any(a.asname is None and dotted_name(a.name) == name for a in small.names)):
                return True
    return False


def rewrite_module(module: cst.Module, rewrites: Sequence[Rewrite], compat_module: str,
                   add_imports: bool = True, retexts: Sequence[Retext] = ()) -> tuple[cst.Module, bool]:
    """The module with the rewrites applied and (unless told not to) the compat module
    imported; and whether ``functools.partial`` was used."""
    level, package, name = _parts(compat_module)
    targets = {id(r.node) for r in rewrites} | {id(r.node) for r in retexts}
    rewriter = _Rewriter(rewrites, name, retexts, _paths(module, targets))
    changed = module.visit(rewriter)
    if rewriter.applied < len(targets):  # a target the walk did not reach: rewrite it the slow way
        rewriter = _Rewriter(rewrites, name, retexts)
        changed = module.visit(rewriter)
    if not rewrites or not add_imports:
        return changed, rewriter.partial
    context = CodemodContext()
    if level:
        if not _imported(changed, level, package, name):
            AddImportsVisitor.add_needed_import(context, package, name, relative=level)
    elif package:
        AddImportsVisitor.add_needed_import(context, package, name)
    else:
        AddImportsVisitor.add_needed_import(context, name)
    if rewriter.partial:
        AddImportsVisitor.add_needed_import(context, "functools")
    return _with_imports(changed, context), rewriter.partial


_PLACEHOLDER = "__spotlint_statement_{}__"


def _with_imports(module: cst.Module, context: CodemodContext) -> cst.Module:
    """libcst's AddImportsVisitor, run on the module's top level only (it adds imports there):
    compound statements stand in as placeholder lines, put back afterwards. Imports inside
    them therefore do not count as present at the top: the module gets its own."""
    kept: dict[str, cst.BaseStatement] = {}
    body: list[cst.BaseStatement] = []
    for index, statement in enumerate(module.body):
        if isinstance(statement, cst.SimpleStatementLine):
            body.append(statement)
        else:
            marker = _PLACEHOLDER.format(index)
            kept[marker] = statement
            body.append(cst.SimpleStatementLine(body=[cst.Expr(cst.Name(marker))]))
    done = AddImportsVisitor(context).transform_module(module.with_changes(body=body))
    restored: list[cst.BaseStatement] = []
    for statement in done.body:
        marker = _marker(statement)
        restored.append(kept.pop(marker) if marker in kept else statement)
    assert not kept, "a placeholder was lost"
    return done.with_changes(body=restored)


def _marker(statement: cst.BaseStatement) -> str:
    if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1:
        expression = statement.body[0]
        if isinstance(expression, cst.Expr) and isinstance(expression.value, cst.Name):
            return expression.value.value
    return ""
