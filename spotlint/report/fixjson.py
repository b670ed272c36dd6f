"""``spotlint fix --format json``: one object per finding of the run with what became of it
(``outcome``: fixed, left or not-selected; ``kind`` and ``reason`` when left). Positions are
where ``check`` reports the finding, before the fix."""

from __future__ import annotations

import json
from typing import Any

from spotlint.fix.accounting import Outcome, Tally


def as_dict(outcome: Outcome) -> dict[str, Any]:
    finding = outcome.finding
    data: dict[str, Any] = {
        "path": finding.path,
        "line": finding.span.line,
        "column": finding.span.column,
        "end_line": finding.span.end_line,
        "end_column": finding.span.end_column,
        "code": finding.code,
        "endpoint": finding.endpoint,
        "outcome": outcome.status,
        "kind": outcome.kind or None,
        "reason": outcome.reason or None,
    }
    if finding.cell is not None:
        data["cell"] = finding.cell
    return data


def render(tally: Tally) -> str:
    return json.dumps([as_dict(o) for o in tally.outcomes], indent=2, ensure_ascii=False) + "\n"
