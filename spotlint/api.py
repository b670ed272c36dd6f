"""The Python API behind the CLI: check text, one file, or paths.

No printing and no exit codes here; the CLI renders what these return.
"""

from __future__ import annotations

import traceback
from collections.abc import Collection, Iterable
from pathlib import Path

from spotlint.analysis.context import ProjectInfo
from spotlint.catalogue import Catalogue, load_catalogue
from spotlint.config import Settings, resolve_selection
from spotlint.discovery import Missing, SourceFile, discover, project_infos
from spotlint.engine import check_file, check_source, error_result
from spotlint.findings import INTERNAL_ERROR, READ_ERROR, FileResult


def check_text(text: str, path: str = "<string>", catalogue: Catalogue | None = None,
               selected: Collection[str] | None = None) -> FileResult:
    catalogue = catalogue or load_catalogue()
    chosen = selected if selected is not None else resolve_selection(catalogue)
    return check_source(text, path, catalogue, chosen, ProjectInfo())


def check_paths(paths: Iterable[str], catalogue: Catalogue, selected: Collection[str],
                settings: Settings | None = None) -> list[FileResult]:
    """Check every file under ``paths``; results sorted by path."""
    files: list[SourceFile] = []
    results: list[FileResult] = []
    for item in discover(paths, settings.excluded if settings else None):
        if isinstance(item, Missing):
            results.append(error_result(item.display, READ_ERROR, f"cannot read: {item.reason}"))
        else:
            files.append(item)
    infos = project_infos(files)
    for source in files:
        chosen = selected
        if settings is not None and settings.per_file_ignores:
            chosen = frozenset(selected) - {c for c in selected if any(c.startswith(i) for i in settings.ignored_codes(source.path))}
        results.append(_guarded_check(source, catalogue, chosen, infos[source.path]))
    return sorted(results, key=lambda r: r.path)


def _guarded_check(source: SourceFile, catalogue: Catalogue, selected: Collection[str], project: ProjectInfo) -> FileResult:
    """The one broad ``except``: a crash on one file becomes a result, and the run goes on."""
    try:
        return check_file(source.path, catalogue, selected, project, source.display)
    except Exception as exc:  # noqa: BLE001 - reported to the user with its traceback
        where = traceback.extract_tb(exc.__traceback__)[-1]
        message = (
            f"internal error while checking this file: {type(exc).__name__}: {exc} "
            f"(at {Path(where.filename).name}:{where.lineno}; please report it)"
        )
        return error_result(source.display, INTERNAL_ERROR, message)
