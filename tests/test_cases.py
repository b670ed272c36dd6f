"""Every rule's case files: uses that must be found, look-alikes that must not.

Each case's text output is also kept as a snapshot (``snapshots/``), reviewed like code.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from casefiles import CASES, case_files, expected
from spotlint.api import check_text
from spotlint.report import text as text_report


@pytest.mark.parametrize("path", case_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_case_findings(path: Path, catalogue, all_codes, snapshot) -> None:
    source = path.read_text(encoding="utf-8")
    display = path.relative_to(path.parent.parent).as_posix()
    result = check_text(source, display, catalogue, all_codes)
    got = {(f.span.line, f.code) for f in result.findings}
    assert sorted(got) == sorted(expected(source))
    snapshot.snapshot_dir = path.parent / "snapshots"
    snapshot.assert_match(text_report.render([result]), f"{path.stem}.txt")


def test_every_rule_has_found_and_silent_cases(catalogue) -> None:
    for rule in catalogue.rules:
        folder = CASES / f"{rule.code}-{rule.name}"
        files = sorted(p.name for p in folder.glob("*.py"))
        assert "found.py" in files, f"{rule.code} has no tests/cases/{folder.name}/found.py"
        assert "silent.py" in files, f"{rule.code} has no tests/cases/{folder.name}/silent.py"
        found_codes = {code for _, code in expected((folder / "found.py").read_text(encoding="utf-8"))}
        assert rule.code in found_codes, f"found.py of {rule.code} expects no {rule.code} finding"
        assert not expected((folder / "silent.py").read_text(encoding="utf-8"))
