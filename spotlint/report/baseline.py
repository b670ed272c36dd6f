"""Baselines for gradual adoption: record today's findings, later report only new ones.

An entry is a rule, a path and a fingerprint of the reported code and its statement, with a
count; line numbers are not part of it, so edits elsewhere in a file keep the baseline valid.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from spotlint.errors import ConfigError
from spotlint.findings import FileResult

VERSION = 1


def _key(path: str, code: str, fingerprint: str) -> str:
    return f"{code}|{Path(path).as_posix()}|{fingerprint}"


def write(target: str, results: Sequence[FileResult]) -> int:
    counts = Counter(_key(f.path, f.code, f.fingerprint) for r in results for f in r.findings if f.fingerprint)
    entries = [
        {"code": key.split("|")[0], "path": key.split("|")[1], "fingerprint": key.split("|")[2], "count": count}
        for key, count in sorted(counts.items())
    ]
    Path(target).write_text(json.dumps({"version": VERSION, "findings": entries}, indent=2) + "\n", encoding="utf-8")
    return sum(counts.values())


def load(source: str) -> Counter[str]:
    try:
        data = json.loads(Path(source).read_text(encoding="utf-8"))
        entries = data["findings"]
        return Counter({_key(e["path"], e["code"], e["fingerprint"]): int(e["count"]) for e in entries})
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"{source}: not a spotlint baseline ({exc})") from None


def filter_new(source: str, results: Sequence[FileResult]) -> list[FileResult]:
    budget = load(source)
    kept = []
    for result in results:
        findings = []
        for finding in result.findings:
            key = _key(finding.path, finding.code, finding.fingerprint)
            if finding.fingerprint and budget[key] > 0:
                budget[key] -= 1
                continue
            findings.append(finding)
        kept.append(replace(result, findings=tuple(findings)))
    return kept
