"""flake8's format: ``path:line:col: CODE message``, one finding per line, sorted."""

from __future__ import annotations

from collections.abc import Sequence

from spotlint.findings import FileResult, Finding


def location(finding: Finding) -> str:
    cell = f"cell {finding.cell}:" if finding.cell is not None else ""
    return f"{finding.path}:{cell}{finding.span.line}:{finding.span.column}"


def render(results: Sequence[FileResult], catalogue: object = None) -> str:
    lines = []
    for result in results:
        for finding in sorted(result.findings, key=Finding.sort_key):
            lines.append(f"{location(finding)}: {finding.code} {finding.message}")
    return "".join(line + "\n" for line in lines)
