"""Where nodes are: one code-generation pass records every node's range (what libcst's
PositionProvider does, without MetadataWrapper's extra visit and without importing
libcst.metadata), and slices of the source by range. Run only for files with findings."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

import libcst as cst
from libcst._nodes.internal import CodegenState
from libcst._position import CodePosition, CodeRange


class PositionState(CodegenState):
    """Records each node's syntactic range during one code-generation pass: what libcst's
    PositionProvider computes, without MetadataWrapper's extra visit of the whole tree and
    without importing libcst.metadata (and its scope analysis) at all."""

    def __init__(self, module: cst.Module) -> None:
        super().__init__(default_indent=module.default_indent, default_newline=module.default_newline)
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
            self.column = len(re.split(r"\r\n?|\n", value)[-1])
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
    """Node positions from one code-generation pass."""
    state = PositionState(module)
    module._codegen(state)
    return state.ranges


class SourceText:
    """Slices of the source by (line, column) ranges: cheaper than generating code again."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        for line in text.splitlines(keepends=True):
            self.starts.append(self.starts[-1] + len(line))

    def of(self, where: CodeRange) -> str:
        start = self.starts[where.start.line - 1] + where.start.column
        end = self.starts[where.end.line - 1] + where.end.column
        return self.text[start:end]
