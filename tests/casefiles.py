"""Reading case files: ``# expect: SPT103[, SPT220]`` marks the line of each expected
finding; a file without markers must produce no finding at all. A format without comments
(``Pipfile.lock`` is JSON) lists its expectations beside it in ``<name>.expect``, one
``LINE: CODE[, CODE]`` a line.

A case is any file under ``tests/cases/<rule>/`` or ``tests/mechanisms/<mechanism>/`` (Python,
notebooks, dependency files) whose name or folder starts with ``found`` or ``silent``.
"""

from __future__ import annotations

import re
from pathlib import Path

CASES = Path(__file__).parent / "cases"
MECHANISMS = Path(__file__).parent / "mechanisms"
SIDECAR = ".expect"
EXPECT_RE = re.compile(r"#\s*expect:\s*(?P<codes>SPT[0-9]{3}(?:\s*,\s*SPT[0-9]{3})*)")


def expected(text: str) -> set[tuple[int, str]]:
    found = set()
    for number, line in enumerate(text.splitlines(), start=1):
        match = EXPECT_RE.search(line)
        if match:
            for code in match.group("codes").split(","):
                found.add((number, code.strip()))
    return found


def expected_in(path: Path) -> set[tuple[int, str]]:
    """The expectations of a case file: its markers, or its ``.expect`` sidecar."""
    sidecar = path.with_name(path.name + SIDECAR)
    if not sidecar.is_file():
        return expected(path.read_text(encoding="utf-8"))
    found = set()
    for entry in sidecar.read_text(encoding="utf-8").splitlines():
        if entry.strip() and not entry.startswith("#"):
            line, codes = entry.split(":", 1)
            found |= {(int(line), code.strip()) for code in codes.split(",")}
    return found


def _is_case(path: Path, root: Path) -> bool:
    parts = path.relative_to(root).parts
    return path.is_file() and "snapshots" not in parts and path.suffix not in (".ipynb", SIDECAR) and (
        parts[1].startswith(("found", "silent"))
    )


def case_files() -> list[Path]:
    """Per-rule cases (tests/cases) and per-mechanism cases (tests/mechanisms)."""
    return sorted(p for root in (CASES, MECHANISMS) for p in root.rglob("*") if _is_case(p, root))


def case_name(path: Path) -> str:
    root = CASES if CASES in path.parents else MECHANISMS
    return path.relative_to(root).as_posix()
