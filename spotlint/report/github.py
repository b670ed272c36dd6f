"""GitHub Actions workflow annotations (``::warning file=…``). GitHub shows only the first few
per step, so past the limit this says it truncated, and the full table goes to the step
summary when ``GITHUB_STEP_SUMMARY`` names a file."""

from __future__ import annotations

import os
from collections.abc import Sequence

from spotlint.catalogue.load import Catalogue
from spotlint.findings import DIAGNOSTICS, FileResult, Finding

ANNOTATION_LIMIT = 10  # GitHub displays at most 10 warning annotations per step


def _escape(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def annotation(finding: Finding) -> str:
    level = "error" if finding.code in DIAGNOSTICS else "warning"
    span = finding.span
    where = f"file={_escape(finding.path, True)},line={span.line},col={span.column},endLine={span.end_line},endColumn={span.end_column}"
    title = _escape(f"{finding.code} {finding.endpoint}".strip(), True)
    cell = f"cell {finding.cell}: " if finding.cell is not None else ""
    return f"::{level} {where},title={title}::{_escape(cell + finding.message)}"


def summary_table(findings: Sequence[Finding]) -> str:
    rows = ["| location | code | message |", "|---|---|---|"]
    for f in findings:
        cell = f"cell {f.cell}:" if f.cell is not None else ""
        rows.append(f"| `{f.path}:{cell}{f.span.line}:{f.span.column}` | {f.code} | {f.message.replace('|', '/')} |")
    return "## spotlint\n\n" + "\n".join(rows) + "\n"


def render(results: Sequence[FileResult], catalogue: Catalogue | None = None) -> str:
    findings = [f for r in results for f in sorted(r.findings, key=Finding.sort_key)]
    lines = [annotation(f) for f in findings[:ANNOTATION_LIMIT]]
    hidden = len(findings) - ANNOTATION_LIMIT
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if findings and summary_file:
        with open(summary_file, "a", encoding="utf-8") as handle:
            handle.write(summary_table(findings))
    if hidden > 0:
        where = "the step summary" if summary_file else "`spotlint check` output"
        lines.append(f"::notice title=spotlint::{len(findings)} findings; GitHub shows only the first "
                     f"{ANNOTATION_LIMIT} annotations, {hidden} more are listed in {where}")
    return "".join(line + "\n" for line in lines)
