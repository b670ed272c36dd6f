"""Jupyter notebooks: the code cells as one Python text, and the way back to cell positions.

IPython syntax (``%magic``, ``!shell``, ``x = !cmd``, ``obj?``, ``%%cell`` magics) is masked
without moving anything: every line keeps its number and length, so a column in the text is
the column in the cell. Outputs and metadata are never looked at, let alone run.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from spotlint.files.source import DecodeFailure

# Cell magics whose body is still Python; any other %%magic cell is not analysed.
PYTHON_CELL_MAGICS = frozenset({"time", "timeit", "capture", "prun", "debug", "memit", "snakeviz"})
_ASSIGNED_MAGIC_RE = re.compile(r"^(\s*[\w.]+(?:\s*,\s*[\w.]+)*\s*=\s*)([!%].*)$")


@dataclass(frozen=True, slots=True)
class Cell:
    number: int  # 1-based position among all cells of the notebook, as the file orders them
    first_line: int  # 1-based line of the joined text where the cell starts
    text: str


@dataclass(frozen=True, slots=True)
class NotebookCode:
    cells: tuple[Cell, ...]

    @property
    def text(self) -> str:
        return "".join(cell.text for cell in self.cells)

    def locate(self, line: int) -> tuple[int, int]:
        """(cell number, line in cell) of a 1-based line of ``text``."""
        for cell in reversed(self.cells):
            if line >= cell.first_line:
                return cell.number, line - cell.first_line + 1
        return (self.cells[0].number if self.cells else 1), line


def _mask(line: str) -> str:
    body = line.rstrip("\r\n")
    ending = line[len(body):]
    stripped = body.lstrip()
    indent = body[: len(body) - len(stripped)]
    if stripped.startswith(("%", "!", "?")) or (stripped.endswith("?") and not stripped.startswith("#")):
        return indent + "#" + stripped[1:] + ending if stripped else line
    match = _ASSIGNED_MAGIC_RE.match(body)
    if match:
        magic = match.group(2)
        replacement = "None#" + magic[5:] if len(magic) >= 5 else "0" + " " * (len(magic) - 1)
        return match.group(1) + replacement + ending
    return line


def _cell_source(cell: dict) -> str:
    source = cell.get("source", "")
    if isinstance(source, list):
        if not all(isinstance(s, str) for s in source):
            raise DecodeFailure("a cell's source is not text")
        return "".join(source)
    if not isinstance(source, str):
        raise DecodeFailure("a cell's source is not text")
    return source


def extract(data: bytes) -> NotebookCode:
    """The code cells of an .ipynb file; DecodeFailure when it is not a readable notebook."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise DecodeFailure(f"notebook is not UTF-8: {exc.reason}") from None
    except json.JSONDecodeError as exc:
        raise DecodeFailure(f"invalid notebook JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    if not isinstance(document, dict) or not isinstance(document.get("cells"), list):
        raise DecodeFailure("not a Jupyter notebook (no list of cells)")
    language = document.get("metadata", {}).get("language_info", {}) if isinstance(document.get("metadata"), dict) else {}
    if isinstance(language, dict) and language.get("name") not in (None, "python"):
        return NotebookCode(())
    cells: list[Cell] = []
    line = 1
    for number, cell in enumerate(document["cells"], start=1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        lines = _cell_source(cell).splitlines(keepends=True)
        if not lines:
            continue
        first = lines[0].strip()
        if first.startswith("%%"):
            magic = first[2:].split()[0] if first[2:].split() else ""
            if magic not in PYTHON_CELL_MAGICS:
                continue  # %%bash, %%html, %%writefile…: not Python
        masked = [_mask(text) for text in lines]
        if not masked[-1].endswith(("\n", "\r")):
            masked[-1] += "\n"
        cells.append(Cell(number, line, "".join(masked)))
        line += len(masked)
    return NotebookCode(tuple(cells))
