"""Notebooks: code cells analysed together, IPython syntax masked in place, per-cell positions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casefiles import EXPECT_RE
from spotlint.api import check_paths
from spotlint.files.notebook import _mask, extract
from spotlint.report import json_format, text

NOTEBOOKS = Path(__file__).parent / "mechanisms" / "notebooks"


def expected_in_cells(path: Path) -> set[tuple[int, int, str]]:
    found = set()
    for number, cell in enumerate(json.loads(path.read_text())["cells"], start=1):
        if cell["cell_type"] != "code":
            continue
        for line_number, line in enumerate("".join(cell["source"]).splitlines(), start=1):
            match = EXPECT_RE.search(line)
            if match:
                found |= {(number, line_number, c.strip()) for c in match.group("codes").split(",")}
    return found


def test_notebook_findings_are_placed_in_their_cells(catalogue, all_codes, snapshot):
    path = NOTEBOOKS / "analysis.ipynb"
    [result] = check_paths([str(path)], catalogue, all_codes)
    got = {(f.cell, f.span.line, f.code) for f in result.findings}
    assert got == expected_in_cells(path)
    output = text.render([result]).replace(str(NOTEBOOKS) + "/", "")
    assert output.splitlines()[0].startswith("analysis.ipynb:cell 3:4:12: SPT103 ")
    snapshot.snapshot_dir = NOTEBOOKS / "snapshots"
    snapshot.assert_match(output, "analysis.txt")
    items = json.loads(json_format.render([result]))
    assert [item["cell"] for item in items] == [3, 6, 6]


def test_a_broken_cell_hides_nothing_else(catalogue, all_codes):
    [result] = check_paths([str(NOTEBOOKS / "broken_cell.ipynb")], catalogue, all_codes)
    got = [(f.cell, f.span.line, f.code) for f in result.findings]
    assert got == [(2, 1, "SPT001"), (3, 1, "SPT102")]


def test_notebook_without_code_cells_is_clean(catalogue, all_codes):
    [result] = check_paths([str(NOTEBOOKS / "no_code.ipynb")], catalogue, all_codes)
    assert result.findings == ()


@pytest.mark.parametrize("content", [b"{not json", b"[]", b'{"cells": 3}', b"\xff\xfe"])
def test_invalid_notebook_is_unreadable(tmp_path, catalogue, all_codes, content):
    path = tmp_path / "bad.ipynb"
    path.write_bytes(content)
    [result] = check_paths([str(path)], catalogue, all_codes)
    [finding] = result.findings
    assert finding.code == "SPT002" and finding.message.startswith("cannot read notebook: ")


@pytest.mark.parametrize(
    "line",
    ["!pip install spotipy\n", "%matplotlib inline\n", "    !echo hi\n", "files = !ls -la\n", "x = %pwd\n",
     "sp.audio_features?\n", "?sp\n", "print('ok')\n"],
)
def test_masking_keeps_every_line_and_column(line):
    masked = _mask(line)
    assert len(masked) == len(line) and masked.endswith("\n")
    compile(masked, "<cell>", "exec")


def test_cell_numbers_count_every_cell_and_lines_restart_per_cell():
    code = extract((NOTEBOOKS / "analysis.ipynb").read_bytes())
    assert [c.number for c in code.cells] == [2, 3, 6]  # the %%bash cell (4) is not Python
    assert code.locate(1) == (2, 1)
    assert code.locate(code.cells[1].first_line + 3) == (3, 4)
