"""The Python API behind the CLI: check text, one file, or paths.

No printing and no exit codes here; the CLI renders what these return.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

from spotlint.project.info import ProjectInfo
from spotlint.engine.cache import Cache
from spotlint.catalogue.load import Catalogue, load_catalogue
from spotlint.config import Settings, resolve_selection
from spotlint.files.discovery import Missing, SourceFile, discover, project_infos, project_root
from spotlint.findings import INTERNAL_ERROR, READ_ERROR, FileResult, error_result
from spotlint.engine.pool import SMALL_RUN, chunksize, open_pool, worker_catalogue
from spotlint.engine.screen import screen


def check_text(text: str, path: str = "<string>", catalogue: Catalogue | None = None,
               selected: Collection[str] | None = None) -> FileResult:
    from spotlint.engine.check import check_source

    catalogue = catalogue or load_catalogue()
    chosen = selected if selected is not None else resolve_selection(catalogue)
    return check_source(text, path, catalogue, chosen, ProjectInfo())


@dataclass
class Prepared:
    """What every run over paths settles before analysing files (``check`` and ``fix``)."""

    settled: list[FileResult]  # missing paths and files decided without parsing
    pending: list[SourceFile]  # files to analyse
    infos: dict[Path, ProjectInfo]  # for the pending files, the project index included
    index_file: Path | None  # the resolved project for workers; the caller removes it


def discover_files(paths: list[str], settings: Settings | None) -> tuple[list[SourceFile], list[FileResult]]:
    """The files under ``paths``, and an SPT002 result for each path that cannot be read."""
    files: list[SourceFile] = []
    missing: list[FileResult] = []
    for item in discover(paths, settings.scope if settings else None):
        if isinstance(item, Missing):
            missing.append(error_result(item.display, READ_ERROR, f"cannot read: {item.reason}"))
        else:
            files.append(item)
    return files, missing


def prepare(paths: list[str], files: list[SourceFile], catalogue: Catalogue, settings: Settings | None,
            use_cache: bool, pool, workers: int) -> Prepared:  # type: ignore[no-untyped-def]
    """Screen every file, build and resolve the project index once, and give each file that
    needs analysis its ProjectInfo (the resolution written once for the workers to load)."""
    screened = _screen_all(files, catalogue, pool, workers)
    seeds = {s.path.absolute(): quick is None for s, quick in zip(files, screened)}
    index = _index(paths, settings, catalogue, use_cache, pool, workers, seeds, [s.path for s in files])
    pending: list[SourceFile] = []
    settled: list[FileResult] = []
    for source, quick in zip(files, screened):
        if quick is None or (not quick.findings and index is not None and index.matters(source.path)):
            pending.append(source)
        else:
            settled.append(quick)  # most files of a repository end here, unparsed
    infos = project_infos(files, [source.path for source in pending])
    index_file: Path | None = None
    if index is not None and index.summarised:
        index_file = _write_index(index)
        infos = _with_index(infos, index, index_file)
    return Prepared(settled, pending, infos, index_file)


def check_paths(paths: Iterable[str], catalogue: Catalogue, selected: Collection[str],
                settings: Settings | None = None, jobs: int | None = None, use_cache: bool = False) -> list[FileResult]:
    """Check every file under ``paths``; results sorted by path, whatever ``jobs`` is."""
    paths = list(paths)
    index_file: Path | None = None
    files, results = discover_files(paths, settings)
    pool, workers = open_pool(jobs, len(files), catalogue)
    try:
        ready = prepare(paths, files, catalogue, settings, use_cache, pool, workers)
        index_file, infos = ready.index_file, ready.infos
        results += ready.settled
        root = project_root(paths, settings.root if settings is not None and settings.has_config else None)
        cache = Cache(root, catalogue, selected) if use_cache else None
        tasks: list[tuple[SourceFile, frozenset[str], ProjectInfo]] = []
        keys: list[str] = []
        for source in ready.pending:
            key = ""
            if cache is not None:
                try:
                    key = cache.key(source.display, source.path.read_bytes(), infos[source.path])
                except OSError:
                    key = ""
                hit = cache.get(key) if key else None
                if hit is not None and hit.asked and not _still_valid(hit, infos[source.path]):
                    hit = None  # the project changed what this file's analysis asked about
                if hit is not None:
                    results.append(hit)
                    continue
            tasks.append((source, selection(source, selected, settings), infos[source.path]))
            keys.append(key)
        if pool is not None and len(tasks) > SMALL_RUN:
            fresh = list(pool.map(_worker_check, tasks, chunksize=chunksize(len(tasks), workers)))
        else:
            fresh = [_guarded_check(source, catalogue, chosen, project) for source, chosen, project in tasks]
    finally:
        if pool is not None:
            pool.shutdown()
        if index_file is not None:
            index_file.unlink(missing_ok=True)
    if cache is not None:
        for key, result in zip(keys, fresh):
            if key and not any(f.code == INTERNAL_ERROR for f in result.findings):
                cache.put(key, result)
    results += fresh
    return sorted(results, key=lambda r: r.path)


def _index(paths: list[str], settings: Settings | None, catalogue: Catalogue, use_cache: bool, pool, workers: int,  # type: ignore[no-untyped-def]
           seeds: dict[Path, bool] | None = None, walked: list[Path] | None = None):
    """The project index around the checked paths (None when there is nothing to index). A
    file outside any project (no marker above it) is indexed with its folder's files only."""
    from spotlint.engine.cache import catalogue_digest
    from spotlint.project.index import build_index, find_project

    if not paths:
        return None
    marked = True
    if settings is not None and settings.has_config:
        root = settings.root.resolve()
    else:
        found, marked = find_project(Path(paths[0]))
        root = found.resolve()
    shallow = not marked and not Path(paths[0]).is_dir()
    if walked is not None and not (len(paths) == 1 and Path(paths[0]).resolve() == root):
        walked = None  # the checked paths are not the whole project: walk it

    def infos(found: list[Path]) -> dict[Path, ProjectInfo]:
        return project_infos([SourceFile(p, str(p)) for p in found])

    def summarise_many(items):  # type: ignore[no-untyped-def]
        if pool is not None and len(items) > SMALL_RUN:
            return list(pool.map(_worker_summarise, items, chunksize=chunksize(len(items), workers, 4)))
        from spotlint.project.index import summarise_file

        return [summarise_file(path, key, module, catalogue, info) for path, key, module, info in items]

    try:
        return build_index(root, catalogue, infos, settings.scope if settings else None, use_cache,
                           summarise_many, catalogue_digest(catalogue), seeds, shallow, walked)
    except (OSError, RecursionError, ValueError):
        return None  # without the index each file is checked on its own, as before


def indexed_infos(paths: Iterable[str], files: list[SourceFile], settings: Settings | None, catalogue: Catalogue,
                  use_cache: bool = True) -> dict[Path, ProjectInfo]:
    """ProjectInfo for each file with the project index around the paths, for in-process work
    (``fix``, the flake8 plugin): the resolution is registered in this process, no file is written."""
    from spotlint.project.env import register

    infos = project_infos(files)
    index = _index(list(paths), settings, catalogue, use_cache, None, 1)
    if index is None or not index.summarised:
        return infos
    name = f"memory:{index.digest}"
    register(name, index.resolved)
    return _with_index(infos, index, Path(name))


def file_project(path: Path, catalogue: Catalogue, use_cache: bool = True) -> ProjectInfo:
    """What is known of the project around one file, the project index included: for the
    flake8 plugin, which is handed one buffer at a time (the index comes from the cache)."""
    return indexed_infos([str(path)], [SourceFile(path, str(path))], None, catalogue, use_cache)[path]


def _write_index(index) -> Path:  # type: ignore[no-untyped-def]
    """The resolved project, for worker processes (and this one, without a file read)."""
    import pickle
    import tempfile

    from spotlint.project.env import register

    handle, name = tempfile.mkstemp(prefix="spotlint-index-", suffix=".pickle")
    with os.fdopen(handle, "wb") as out:
        pickle.dump(index.resolved, out, protocol=pickle.HIGHEST_PROTOCOL)
    register(name, index.resolved)
    return Path(name)


def _with_index(infos: dict[Path, ProjectInfo], index, index_file: Path) -> dict[Path, ProjectInfo]:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    return {
        path: replace(info, index_file=str(index_file), module_key=index.key_of(path), index_digest=index.digest,
                      relevant=index.matters(path))
        for path, info in infos.items()
    }


def _worker_summarise(item):  # type: ignore[no-untyped-def]
    from spotlint.project.index import summarise_file

    path, key, module, info = item
    return summarise_file(path, key, module, worker_catalogue(), info)


def _still_valid(result: FileResult, info: ProjectInfo) -> bool:
    from spotlint.project.env import environment

    env = environment(info)
    return env is not None and env.answers(result.asked)


def selection(source: SourceFile, selected: Collection[str], settings: Settings | None) -> frozenset[str]:
    chosen = frozenset(selected)
    if settings is not None and settings.per_file_ignores:
        ignored = settings.ignored_codes(source.path)
        chosen = frozenset(c for c in chosen if not any(c.startswith(i) for i in ignored))
    return chosen


def _screen_one(source: SourceFile, catalogue: Catalogue) -> FileResult | None:
    try:
        data = source.path.read_bytes()
    except OSError as exc:
        return error_result(source.display, READ_ERROR, f"cannot read file: {exc.strerror or exc}")
    return screen(data, source.path, source.display, catalogue)


def _screen_all(files: list[SourceFile], catalogue: Catalogue, pool, workers: int) -> list[FileResult | None]:  # type: ignore[no-untyped-def]
    if pool is None:
        return [_screen_one(source, catalogue) for source in files]
    size = chunksize(len(files), workers, 4)
    chunks = [files[i:i + size] for i in range(0, len(files), size)]
    return [result for chunk in pool.map(_worker_screen, chunks) for result in chunk]


def _worker_screen(chunk: list[SourceFile]) -> list[FileResult | None]:
    return [_screen_one(source, worker_catalogue()) for source in chunk]


def _worker_check(task: tuple[SourceFile, frozenset[str], ProjectInfo]) -> FileResult:
    source, chosen, project = task
    return _guarded_check(source, worker_catalogue(), chosen, project)


def _guarded_check(source: SourceFile, catalogue: Catalogue, selected: Collection[str], project: ProjectInfo) -> FileResult:
    """The one broad ``except``: a crash on one file becomes a result, and the run goes on."""
    from spotlint.engine.check import check_file  # the parser is loaded only when a file needs it

    try:
        return check_file(source.path, catalogue, selected, project, source.display)
    except Exception as exc:  # noqa: BLE001 - reported to the user with its traceback
        where = traceback.extract_tb(exc.__traceback__)[-1]
        message = (
            f"internal error while checking this file: {type(exc).__name__}: {exc} "
            f"(at {Path(where.filename).name}:{where.lineno}; please report it)"
        )
        return error_result(source.display, INTERNAL_ERROR, message)
