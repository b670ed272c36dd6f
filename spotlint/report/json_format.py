"""A JSON array of findings with the keys DESIGN.md fixes (``cell`` only for notebooks)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from spotlint.findings import FileResult, Finding


def as_dict(finding: Finding) -> dict[str, Any]:
    data: dict[str, Any] = {
        "path": finding.path,
        "line": finding.span.line,
        "column": finding.span.column,
        "end_line": finding.span.end_line,
        "end_column": finding.span.end_column,
        "code": finding.code,
        "endpoint": finding.endpoint,
        "message": finding.message,
        "fix": list(finding.fix),
    }
    if finding.cell is not None:
        data["cell"] = finding.cell
    if finding.trace:  # how the receiver was resolved across the project, one step each
        data["trace"] = list(finding.trace)
    return data


def render(results: Sequence[FileResult], catalogue: object = None) -> str:
    items = [as_dict(f) for r in results for f in sorted(r.findings, key=Finding.sort_key)]
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"
