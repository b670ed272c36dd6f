"""SARIF 2.1.0 for code scanning: the tool driver with every rule (help text from catalogue.docs),
results with physical locations, and a fix where spotlint has one for the finding."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from spotlint import __version__
from spotlint.catalogue.load import Catalogue
from spotlint.findings import DIAGNOSTICS, FileResult, Finding
from spotlint.catalogue.docs import render_markdown

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/spotlint/"
DIAGNOSTIC_TEXT = {
    "SPT001": "The file could not be parsed.",
    "SPT002": "The file could not be read or decoded.",
    "SPT003": "A noqa comment is malformed and suppresses nothing.",
    "SPT004": "spotlint failed on the file (an internal error).",
}


def _rules(catalogue: Catalogue) -> list[dict[str, Any]]:
    rules: list[dict[str, Any]] = []
    for code in DIAGNOSTICS:
        text = DIAGNOSTIC_TEXT[code]
        rules.append({"id": code, "name": "diagnostic", "shortDescription": {"text": text},
                      "help": {"text": text, "markdown": text}, "helpUri": INFORMATION_URI,
                      "defaultConfiguration": {"level": "error"}})
    for rule in catalogue.rules:
        help_text = render_markdown(rule, catalogue)
        rules.append({
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.docs.what.strip()},
            "help": {"text": help_text, "markdown": help_text},
            "helpUri": rule.docs.references[0] if rule.docs.references else INFORMATION_URI,
            "defaultConfiguration": {"level": "warning"},
            "properties": {"tags": ["spotify", f"wave-{rule.wave}", rule.kind], "fixStrategies": list(rule.fix)},
        })
    return rules


def _region(finding: Finding) -> dict[str, int]:
    span = finding.span
    return {"startLine": span.line, "startColumn": span.column, "endLine": span.end_line, "endColumn": span.end_column}


def _result(finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    uri = finding.path.replace("\\", "/")
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": index[finding.code],
        "level": "error" if finding.code in DIAGNOSTICS else "warning",
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": _region(finding)}}],
    }
    if finding.cell is not None:
        result["properties"] = {"cell": finding.cell}
    if finding.trace:
        result["relatedLocations"] = [_related(i, step) for i, step in enumerate(finding.trace)]
    if finding.replacement is not None:
        result["fixes"] = [{
            "description": {"text": "Call the compat module instead (`spotlint fix` adds the import and writes the module)"},
            "artifactChanges": [{
                "artifactLocation": {"uri": uri},
                "replacements": [{"deletedRegion": _region(finding), "insertedContent": {"text": finding.replacement}}],
            }],
        }]
    return result


_AT = re.compile(r" at (?P<path>\S+):(?P<line>\d+)$")


def _related(number: int, step: str) -> dict[str, Any]:
    """One step of a receiver's trace (``sp: spotipy.Spotify(...) at config.py:14``); paths
    are relative to the project root."""
    related: dict[str, Any] = {"id": number, "message": {"text": step}}
    where = _AT.search(step)
    if where is not None and int(where.group("line")) > 0:
        related["physicalLocation"] = {"artifactLocation": {"uri": where.group("path")},
                                       "region": {"startLine": int(where.group("line"))}}
    return related


def render(results: Sequence[FileResult], catalogue: Catalogue) -> str:
    rules = _rules(catalogue)
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    findings = [f for r in results for f in sorted(r.findings, key=Finding.sort_key) if f.code in index]
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "spotlint", "version": __version__, "informationUri": INFORMATION_URI,
                                "rules": rules}},
            "results": [_result(f, index) for f in findings],
            "columnKind": "unicodeCodePoints",
        }],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
