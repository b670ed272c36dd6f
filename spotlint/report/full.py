"""Ruff-style output: each finding with the source lines it points at and a caret line."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from spotlint.catalogue.load import Catalogue
from spotlint.findings import FileResult, Finding
from spotlint.report.text import location


def _lines(path: str) -> list[str]:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []


def render(results: Sequence[FileResult], catalogue: Catalogue | None = None) -> str:
    out: list[str] = []
    for result in results:
        lines = None
        for finding in sorted(result.findings, key=Finding.sort_key):
            out.append(f"{location(finding)}: {finding.code} {finding.message}")
            out += [f"  = receiver: {step}" if i == 0 else f"    then {step}" for i, step in enumerate(finding.trace)]
            if lines is None:
                lines = _lines(result.path) if not result.path.endswith(".ipynb") else []
            span = finding.span
            if lines and 1 <= span.line <= len(lines):
                width = len(str(span.end_line))
                last = min(span.end_line, span.line + 4, len(lines))
                for number in range(span.line, last + 1):
                    out.append(f"{number:>{width}} | {lines[number - 1]}")
                    if number == span.line:
                        end = span.end_column if span.end_line == span.line else len(lines[number - 1]) + 1
                        out.append(f"{'':>{width}} | {' ' * (span.column - 1)}{'^' * max(1, end - span.column)}")
            out.append("")
    return "".join(line + "\n" for line in out)
