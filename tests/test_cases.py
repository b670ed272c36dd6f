"""Every rule's case files: uses that must be found, look-alikes that must not.

Each case's text output is also kept as a snapshot (``snapshots/``), reviewed like code.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from casefiles import CASES, case_files, case_name, expected_in
from spotlint.engine.check import check_file
from spotlint.report import text as text_report


@pytest.mark.parametrize("path", case_files(), ids=case_name)
def test_case_findings(path: Path, catalogue, all_codes, snapshot) -> None:
    result = check_file(path, catalogue, all_codes, display=case_name(path))
    got = {(f.span.line, f.code) for f in result.findings}
    assert sorted(got) == sorted(expected_in(path))
    folder = path.parent.parent if path.parent.name.startswith(("found", "silent")) else path.parent
    snapshot.snapshot_dir = folder / "snapshots"
    name = path.relative_to(folder).as_posix().replace("/", "-")
    snapshot.assert_match(text_report.render([result]), f"{Path(name).stem if name.endswith('.py') else name}.txt")


def test_every_rule_has_found_and_silent_cases(catalogue) -> None:
    cases = case_files()
    for rule in catalogue.rules:
        folder = CASES / f"{rule.code}-{rule.name}"
        mine = [p for p in cases if folder in p.parents]
        found = [p for p in mine if p.relative_to(folder).parts[0].startswith("found")]
        silent = [p for p in mine if p.relative_to(folder).parts[0].startswith("silent")]
        assert found, f"{rule.code} has no found case in tests/cases/{folder.name}/"
        assert silent, f"{rule.code} has no silent case in tests/cases/{folder.name}/"
        found_codes = {code for p in found for _, code in expected_in(p)}
        assert rule.code in found_codes, f"the found cases of {rule.code} expect no {rule.code} finding"
        assert not any(expected_in(p) for p in silent)
