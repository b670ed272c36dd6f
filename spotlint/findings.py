"""The values that leave the engine: spans, findings and the per-file outcome.

Everything here is frozen, slotted and picklable, so worker processes can return it.
Nothing here formats or analyses.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# The tool's own diagnostics (SPT0xx); they are findings, never exceptions.
PARSE_ERROR = "SPT001"
READ_ERROR = "SPT002"
INVALID_NOQA = "SPT003"
INTERNAL_ERROR = "SPT004"
DIAGNOSTICS = (PARSE_ERROR, READ_ERROR, INVALID_NOQA, INTERNAL_ERROR)


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """1-based line and column of the first character; end column is exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    span: Span
    code: str
    endpoint: str
    message: str
    fix: tuple[str, ...] = ()
    cell: int | None = None
    # Lines of the reported statement: a noqa comment on any of them applies.
    statement_lines: tuple[int, int] = field(default=(0, 0), compare=False)
    # The stub rewrite of the reported expression, when spotlint has one (for SARIF fixes).
    replacement: str | None = field(default=None, compare=False)
    # A fingerprint of the reported code, stable under unrelated edits (for baselines).
    fingerprint: str = field(default="", compare=False)
    # For client calls: how the receiver was resolved across the project, one step each.
    trace: tuple[str, ...] = field(default=(), compare=False)

    def sort_key(self) -> tuple[str, int, int, int, str]:
        return (self.path, self.cell or 0, self.span.line, self.span.column, self.code)


@dataclass(frozen=True, slots=True)
class FileResult:
    """The outcome for one file: findings, or the SPT001/SPT002 diagnostic that replaced them."""

    path: str
    findings: tuple[Finding, ...]
    error: str | None = None
    # What the analysis asked of the project index, with digests of the answers (the cache
    # revalidates a result by asking again).
    asked: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    @property
    def failed(self) -> bool:
        return self.error is not None

def error_result(path: str, code: str, message: str, line: int = 1, column: int = 1) -> FileResult:
    finding = Finding(path, Span(line, column, line, column), code, "", message)
    return FileResult(path, (finding,), error=message)
