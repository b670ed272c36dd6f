"""Reading the per-rule case files: ``# expect: SPT103[, SPT220]`` marks the line of each
expected finding; a file without markers must produce no finding at all."""

from __future__ import annotations

import re
from pathlib import Path

CASES = Path(__file__).parent / "cases"
MECHANISMS = Path(__file__).parent / "mechanisms"
EXPECT_RE = re.compile(r"#\s*expect:\s*(?P<codes>SPT[0-9]{3}(?:\s*,\s*SPT[0-9]{3})*)")


def expected(text: str) -> set[tuple[int, str]]:
    found = set()
    for number, line in enumerate(text.splitlines(), start=1):
        match = EXPECT_RE.search(line)
        if match:
            for code in match.group("codes").split(","):
                found.add((number, code.strip()))
    return found


def case_files() -> list[Path]:
    """Per-rule cases (tests/cases) and per-mechanism cases (tests/mechanisms)."""
    return sorted([*CASES.glob("*/*.py"), *MECHANISMS.glob("*/*.py")])
