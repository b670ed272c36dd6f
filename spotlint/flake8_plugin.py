"""flake8 plugin: the same findings as ``spotlint check``, from the lines flake8 hands over.

flake8 passes the lines of the buffer it checks (stdin, an editor's unsaved buffer), so the
file is never read again. flake8 applies ``--select`` and ``# noqa`` itself.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from spotlint import __version__
from spotlint.findings import PARSE_ERROR


class Plugin:
    name = "spotlint"
    version = __version__

    def __init__(self, tree: Any, filename: str, lines: Sequence[str]) -> None:
        self.filename = filename
        self.lines = lines

    def run(self) -> Iterator[tuple[int, int, str, type]]:
        from spotlint.project.info import ProjectInfo
        from spotlint.catalogue.load import load_catalogue
        from spotlint.config import resolve_selection
        from spotlint.engine.check import check_source

        catalogue = load_catalogue()
        selected = resolve_selection(catalogue) - {PARSE_ERROR}  # flake8 reports syntax errors (E999)
        path = Path(self.filename)
        project = ProjectInfo()
        if self.filename not in ("-", "stdin") and path.is_file():
            from spotlint.api import file_project

            project = file_project(path, catalogue)
        result = check_source("".join(self.lines), self.filename, catalogue, selected, project)
        for finding in result.findings:
            yield finding.span.line, finding.span.column - 1, f"{finding.code} {finding.message}", type(self)
