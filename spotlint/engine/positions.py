"""Where nodes are, at a cost proportional to the statements that hold findings: code is
generated only for those statements (what libcst's PositionProvider records, without
MetadataWrapper's extra visit), each placed by the line Python's own parser gives it.

Owns node ranges and slices of the source by range. Must not change a range: whenever the
cheap route cannot prove itself (``ast`` disagrees, the text does not match), the whole
module is generated as before.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

import libcst as cst
from libcst._nodes.internal import CodegenState
from libcst._position import CodePosition, CodeRange

_NEWLINE = re.compile(r"\r\n?|\n")


class PositionState(CodegenState):
    """Records each node's syntactic range during one code-generation pass: what libcst's
    PositionProvider computes, without MetadataWrapper's extra visit of the whole tree and
    without importing libcst.metadata (and its scope analysis) at all."""

    def __init__(self, module: cst.Module, indents: Iterable[str] = ()) -> None:
        super().__init__(default_indent=module.default_indent, default_newline=module.default_newline)
        self.indent_tokens.extend(indents)
        self.line, self.column = 1, 0
        self.stack: list[CodePosition] = []
        self.ranges: dict[cst.CSTNode, CodeRange] = {}

    def add_indent_tokens(self) -> None:
        for token in self.indent_tokens:
            self.add_token(token)

    def add_token(self, value: str) -> None:
        self.tokens.append(value)
        newlines = value.count("\n") + value.count("\r") - value.count("\r\n")
        if newlines:
            self.line += newlines
            self.column = len(_NEWLINE.split(value)[-1])
        else:
            self.column += len(value)

    def before_codegen(self, node: cst.CSTNode) -> None:
        self.stack.append(CodePosition(self.line, self.column))

    def after_codegen(self, node: cst.CSTNode) -> None:
        start = self.stack.pop()
        if node not in self.ranges:
            self.ranges[node] = CodeRange(start, CodePosition(self.line, self.column))

    @contextmanager
    def record_syntactic_position(self, node: cst.CSTNode, *, start_node: cst.CSTNode | None = None,
                                  end_node: cst.CSTNode | None = None) -> Iterator[None]:
        start = CodePosition(self.line, self.column)
        try:
            yield
        finally:
            end = CodePosition(self.line, self.column)
            start = self.ranges[start_node].start if start_node is not None else start
            end = self.ranges[end_node].end if end_node is not None else end
            self.ranges[node] = CodeRange(start, end)


def positions(module: cst.Module) -> Mapping[cst.CSTNode, CodeRange]:
    """Every node's range, from one code-generation pass over the whole module."""
    state = PositionState(module)
    module._codegen(state)
    return state.ranges


class SourceText:
    """Slices of the source by (line, column) ranges: cheaper than generating code again.
    Lines end where libcst ends them (``\\n``, ``\\r\\n``, ``\\r``; not form feeds)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]

    def offset(self, line: int, column: int = 0) -> int:
        return self.starts[line - 1] + column

    def of(self, where: CodeRange) -> str:
        return self.text[self.offset(where.start.line, where.start.column):self.offset(where.end.line, where.end.column)]


@dataclass(frozen=True, slots=True, eq=False)
class Unit:
    """A statement of a block (or of the module): code generation starts there at column 0,
    with the enclosing blocks' indentation, on the line before its syntactic start line."""

    node: cst.CSTNode
    line: int  # where ``ast`` says its syntax starts
    indents: tuple[str, ...]
    parent: Unit | None


class Positions:
    """Node ranges for the statements asked about. ``prepare`` the statements first, so that
    a statement inside another one asked about is not generated twice."""

    def __init__(self, module: cst.Module, source: SourceText) -> None:
        self.module, self.source = module, source
        self.units: dict[cst.CSTNode, Unit] | None = None
        self.generated: dict[Unit, Mapping[cst.CSTNode, CodeRange]] = {}
        self.whole: Mapping[cst.CSTNode, CodeRange] | None = None

    def prepare(self, statements: Iterable[cst.CSTNode]) -> None:
        units = self._units()
        if units is None:
            return
        wanted = {units[s] for s in statements if s in units}
        for unit in wanted:
            if not any(outer in wanted for outer in _ancestors(unit.parent)):
                self._generate(unit)

    def within(self, statement: cst.CSTNode) -> Mapping[cst.CSTNode, CodeRange]:
        """The ranges of the nodes of ``statement`` (any other node: the whole module's)."""
        units = self._units()
        unit = units.get(statement) if units is not None else None
        if unit is None:
            return self._whole()
        for outer in _ancestors(unit):
            if outer in self.generated:
                return self.generated[outer]
        return self._generate(unit)

    def around(self, statement: cst.CSTNode) -> Mapping[cst.CSTNode, CodeRange]:
        """The ranges of the nodes of the module's statement that holds ``statement``."""
        units = self._units()
        unit = units.get(statement) if units is not None else None
        if unit is None:
            return self._whole()
        while unit.parent is not None:
            unit = unit.parent
        known = self.generated.get(unit)
        return known if known is not None else self._generate(unit)

    def _units(self) -> dict[cst.CSTNode, Unit] | None:
        if self.units is None:
            self.units = statement_units(self.module, self.source.text) or {}
        return self.units or None

    def _generate(self, unit: Unit) -> Mapping[cst.CSTNode, CodeRange]:
        state = PositionState(self.module, unit.indents)
        unit.node._codegen(state)
        shift = unit.line - state.ranges[unit.node].start.line
        if shift < 0 or not self._matches(state.tokens, shift + 1):
            self.units = {}  # ``ast`` placed a statement where its code is not: trust nothing cheap
            ranges = self._whole()
        else:
            ranges = Shifted(state.ranges, shift, self._whole)
        self.generated[unit] = ranges
        return ranges

    def _matches(self, tokens: list[str], line: int) -> bool:
        """Whether the source holds the generated code at the start of ``line``."""
        text, starts = self.source.text, self.source.starts
        if line > len(starts):
            return False
        code = "".join(tokens)
        start = starts[line - 1]
        if text.startswith(code, start):
            return True
        # The module's last newline, which its codegen pops, when the file has none.
        last = tokens[-1] if tokens else ""
        return (not self.module.has_trailing_newline and bool(last)
                and start + len(code) - len(last) == len(text) and text.startswith(code[:-len(last)], start))

    def _whole(self) -> Mapping[cst.CSTNode, CodeRange]:
        if self.whole is None:
            self.whole = positions(self.module)
        return self.whole


class Shifted(Mapping[cst.CSTNode, CodeRange]):
    """The ranges of one generated statement, moved down by ``shift`` lines; a node outside
    it is looked up in the whole module's (generated then, if ever)."""

    def __init__(self, ranges: Mapping[cst.CSTNode, CodeRange], shift: int,
                 whole: Callable[[], Mapping[cst.CSTNode, CodeRange]]) -> None:
        self.ranges, self.shift, self.whole = ranges, shift, whole

    def __getitem__(self, node: cst.CSTNode) -> CodeRange:
        where = self.ranges.get(node)
        if where is None:
            return self.whole()[node]
        if not self.shift:
            return where
        start, end = where.start, where.end
        return CodeRange(CodePosition(start.line + self.shift, start.column), CodePosition(end.line + self.shift, end.column))

    def __iter__(self) -> Iterator[cst.CSTNode]:
        return iter(self.whole())

    def __len__(self) -> int:
        return len(self.whole())


def _ancestors(unit: Unit | None) -> Iterator[Unit]:
    while unit is not None:
        yield unit
        unit = unit.parent


_AST_KINDS: dict[type, tuple[type, ...]] = {
    cst.FunctionDef: (ast.FunctionDef, ast.AsyncFunctionDef), cst.ClassDef: (ast.ClassDef,),
    cst.If: (ast.If,), cst.For: (ast.For, ast.AsyncFor), cst.While: (ast.While,),
    cst.With: (ast.With, ast.AsyncWith), cst.Try: (ast.Try,), cst.TryStar: (getattr(ast, "TryStar", ast.Try),),
    cst.Match: (ast.Match,),
}


class Misaligned(Exception):
    """libcst's statements and ``ast``'s do not pair up."""


def statement_units(module: cst.Module, text: str) -> dict[cst.CSTNode, Unit] | None:
    """Every statement node of the module with the block statement that holds it (itself, for
    a statement of a block; its ``if`` for an ``elif``), placed by ``ast``. None when ``ast``
    cannot parse the text or does not pair up with libcst's statements."""
    try:
        tree = compile(text, "<source>", "exec", flags=ast.PyCF_ONLY_AST, dont_inherit=True)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    units: dict[cst.CSTNode, Unit] = {}
    pending: list[tuple[cst.CSTNode, Unit]] = []
    stack: list[tuple[cst.BaseSuite | cst.Module, list[ast.stmt], tuple[str, ...], Unit | None]] = [
        (module, tree.body, (), None)]
    try:
        while stack:
            block, trees, indents, parent = stack.pop()
            i = 0
            for node in block.body:  # type: ignore[union-attr]
                if i >= len(trees):
                    raise Misaligned
                first = trees[i]
                if isinstance(node, cst.SimpleStatementLine):
                    i += len(node.body)
                else:
                    if not isinstance(first, _AST_KINDS.get(type(node), ())):
                        raise Misaligned
                    i += 1
                unit = units[node] = Unit(node, first.lineno, indents, parent)
                if not isinstance(node, cst.SimpleStatementLine):
                    outer = indents
                    if isinstance(node, cst.Match):  # its cases are indented too
                        outer = (*indents, module.default_indent if node.indent is None else node.indent)
                    for inner, inner_trees, elif_ in _blocks(node, first):
                        if elif_ is not None:
                            pending.append((elif_, unit))
                        if isinstance(inner, cst.IndentedBlock):
                            indent = module.default_indent if inner.indent is None else inner.indent
                            stack.append((inner, inner_trees, (*outer, indent), unit))
            if i != len(trees):
                raise Misaligned
    except Misaligned:
        return None
    for node, unit in pending:
        units[node] = unit
    return units


def _blocks(node: cst.CSTNode, tree: ast.stmt) -> Iterator[tuple[cst.BaseSuite, list[ast.stmt], cst.If | None]]:
    """The blocks of a compound statement with ``ast``'s statements of each (and the ``elif``
    that opens it, if one does)."""
    if isinstance(node, cst.Match):
        if len(node.cases) != len(tree.cases):  # type: ignore[attr-defined]
            raise Misaligned
        for case, case_tree in zip(node.cases, tree.cases):  # type: ignore[attr-defined]
            yield case.body, case_tree.body, None
        return
    yield node.body, tree.body, None  # type: ignore[attr-defined, misc]
    if isinstance(node, cst.If):
        orelse: cst.If | cst.Else | None = node.orelse
        while isinstance(orelse, cst.If):
            if len(tree.orelse) != 1 or not isinstance(tree.orelse[0], ast.If):  # type: ignore[attr-defined]
                raise Misaligned
            tree = tree.orelse[0]  # type: ignore[attr-defined]
            yield orelse.body, tree.body, orelse  # type: ignore[attr-defined]
            orelse = orelse.orelse
        if orelse is not None:
            yield orelse.body, tree.orelse, None  # type: ignore[attr-defined]
    elif isinstance(node, (cst.For, cst.While)):
        if node.orelse is not None:
            yield node.orelse.body, tree.orelse, None  # type: ignore[attr-defined]
    elif isinstance(node, (cst.Try, cst.TryStar)):
        if len(node.handlers) != len(tree.handlers):  # type: ignore[attr-defined]
            raise Misaligned
        for handler, handler_tree in zip(node.handlers, tree.handlers):  # type: ignore[attr-defined]
            yield handler.body, handler_tree.body, None
        if node.orelse is not None:
            yield node.orelse.body, tree.orelse, None  # type: ignore[attr-defined]
        if node.finalbody is not None:
            yield node.finalbody.body, tree.finalbody, None  # type: ignore[attr-defined]
