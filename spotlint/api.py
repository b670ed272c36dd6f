"""The Python API behind the CLI: check text, one file, or paths.

No printing and no exit codes here; the CLI renders what these return.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Collection, Iterable
from pathlib import Path

from spotlint.analysis.context import ProjectInfo
from spotlint.cache import Cache
from spotlint.catalogue import Catalogue, builtin_rules_dir, load_catalogue
from spotlint.config import Settings, resolve_selection
from spotlint.discovery import Missing, SourceFile, discover, project_infos
from spotlint.engine import check_file, check_source, error_result
from spotlint.findings import INTERNAL_ERROR, READ_ERROR, FileResult


def check_text(text: str, path: str = "<string>", catalogue: Catalogue | None = None,
               selected: Collection[str] | None = None) -> FileResult:
    catalogue = catalogue or load_catalogue()
    chosen = selected if selected is not None else resolve_selection(catalogue)
    return check_source(text, path, catalogue, chosen, ProjectInfo())


SMALL_RUN = 4  # up to this many files (a pre-commit batch) stay in this process


def check_paths(paths: Iterable[str], catalogue: Catalogue, selected: Collection[str],
                settings: Settings | None = None, jobs: int | None = None, use_cache: bool = False) -> list[FileResult]:
    """Check every file under ``paths``; results sorted by path, whatever ``jobs`` is."""
    files: list[SourceFile] = []
    results: list[FileResult] = []
    for item in discover(paths, settings.excluded if settings else None):
        if isinstance(item, Missing):
            results.append(error_result(item.display, READ_ERROR, f"cannot read: {item.reason}"))
        else:
            files.append(item)
    infos = project_infos(files)
    cache = Cache(settings.root if settings else Path.cwd(), catalogue, selected) if use_cache else None
    tasks: list[tuple[SourceFile, frozenset[str], ProjectInfo, str]] = []
    for source in files:
        chosen = frozenset(selected)
        if settings is not None and settings.per_file_ignores:
            ignored = settings.ignored_codes(source.path)
            chosen = frozenset(c for c in chosen if not any(c.startswith(i) for i in ignored))
        key = ""
        if cache is not None:
            try:
                key = cache.key(source.display, source.path.read_bytes(), infos[source.path])
            except OSError:
                key = ""
            hit = cache.get(key) if key else None
            if hit is not None:
                results.append(hit)
                continue
        tasks.append((source, chosen, infos[source.path], key))
    fresh = _run(tasks, catalogue, jobs)
    if cache is not None:
        for (_, _, _, key), result in zip(tasks, fresh):
            if key and not any(f.code == INTERNAL_ERROR for f in result.findings):
                cache.put(key, result)
    results += fresh
    return sorted(results, key=lambda r: r.path)


def _run(tasks: list[tuple[SourceFile, frozenset[str], ProjectInfo, str]], catalogue: Catalogue,
         jobs: int | None) -> list[FileResult]:
    workers = jobs or os.cpu_count() or 1
    if workers <= 1 or len(tasks) <= SMALL_RUN:
        return [_guarded_check(source, catalogue, chosen, project) for source, chosen, project, _ in tasks]
    from concurrent.futures import ProcessPoolExecutor

    extra = tuple(str(Path(r.source).parent) for r in catalogue.rules if Path(r.source).parent != builtin_rules_dir())
    with ProcessPoolExecutor(max_workers=workers, initializer=_worker_init, initargs=(tuple(sorted(set(extra))),)) as pool:
        arguments = [(source, chosen, project) for source, chosen, project, _ in tasks]
        return list(pool.map(_worker_check, arguments, chunksize=max(1, len(arguments) // (workers * 8))))


_WORKER_CATALOGUE: Catalogue | None = None


def _worker_init(extra_dirs: tuple[str, ...]) -> None:
    global _WORKER_CATALOGUE
    _WORKER_CATALOGUE = load_catalogue(extra_dirs)


def _worker_check(task: tuple[SourceFile, frozenset[str], ProjectInfo]) -> FileResult:
    assert _WORKER_CATALOGUE is not None
    source, chosen, project = task
    return _guarded_check(source, _WORKER_CATALOGUE, chosen, project)


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
