"""Run fixes over paths: plan the run, fix files in worker processes, write atomically.

The only part of the fixer that writes to the file system, and only here, in the parent, after
every worker has returned. The run shares ``check``'s stages (discovery, screening, one
resolution of the project index) so both count the same findings; each file's fix is a
value (``FileFix``); the compat module is rendered from the blocks the files report. A file is
written only when it changes and its new text parses; ``--diff`` and ``--check`` write nothing.
"""

from __future__ import annotations

import difflib
import os
import tempfile
import traceback
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from spotlint.catalogue.load import Catalogue
from spotlint.config import Settings
from spotlint.engine.check import check_file
from spotlint.engine.pool import SMALL_RUN, chunksize, open_pool, worker_catalogue
from spotlint.files.discovery import SourceFile, import_root, project_root
from spotlint.findings import INTERNAL_ERROR, FileResult, error_result
from spotlint.fix.accounting import FIXED, LEFT, Outcome, Tally, left_as_found, scoped
from spotlint.fix.blocks import Block
from spotlint.fix.compat import CompatError, render
from spotlint.fix.onefile import FileFix, fix_file
from spotlint.fix.plan import NO_REWRITE
from spotlint.fix.rounds import FixJob
from spotlint.project.info import ProjectInfo

COMPAT_FILE = "spotify_compat.py"


@dataclass
class FixReport:
    files: list[FileFix]
    tally: Tally  # every finding of the run, once: fixed, left (why) or not selected
    compat: FileFix | None
    problems: list[str]

    @property
    def changed(self) -> list[FileFix]:
        return [f for f in self.files if f.changed] + ([self.compat] if self.compat and self.compat.changed else [])

    @property
    def fixed(self) -> int:
        return self.tally.fixed

    @property
    def left(self) -> tuple[Outcome, ...]:
        return self.tally.left

    def fails(self, mode: str) -> bool:
        """The exit status ``fix`` gives (True: 1), in its ``mode``: "write" fails while
        findings are left after writing; "diff" (a preview: nothing is fixed yet) while
        anything would change or be left; "check" only when something would change, or when a
        file cannot be read or parsed (spotlint cannot tell nothing would change). Errors (a
        rewrite that would not parse, a compat module that cannot be updated) always fail."""
        errors = bool(self.problems) or any(f.error for f in self.files)
        if mode == "check":
            return errors or bool(self.changed) or bool(self.tally.unparsable)
        if mode == "diff":
            return errors or bool(self.changed) or bool(self.left)
        return errors or bool(self.left)


@dataclass
class _Compat:
    """Where the compat module lives, decided by the first file that needs it."""

    path: Path | None
    dotted: str = ""
    blocks: dict[str, Block] = field(default_factory=dict)

    def place(self, near: Path) -> str:
        if self.path is None:
            root, module = import_root(near)
            package = module.split(".")[0] if "." in module else ""
            self.path = (root / package / COMPAT_FILE) if package else near.absolute().parent / COMPAT_FILE
        if not self.dotted:
            _, self.dotted = import_root(self.path)
        return self.dotted


_Task = tuple[SourceFile, frozenset[str], FixJob, ProjectInfo]


def fix_paths(paths: Iterable[str], catalogue: Catalogue, selected: Collection[str], strategy: str,
              unsafe_fixes: bool, compat_path: Path | None, write: bool, settings: Settings | None = None,
              fixable: Collection[str] | None = None, jobs: int | None = None) -> FixReport:
    """Fix every file under ``paths``. ``selected`` is what ``check`` reports (the findings
    counted); ``fixable`` the codes to rewrite (default: all selected), the rest not selected."""
    from spotlint.api import discover_files, prepare, selection

    paths = list(paths)
    files, missing = discover_files(paths, settings)
    root = project_root(paths, settings.root if settings is not None and settings.has_config else None)
    if compat_path is not None and not _within(compat_path, root):
        problem = f"{compat_path}: the compat module must be inside the project ({root}); nothing written"
        return FixReport([], Tally.of(()), None, [problem])
    problems: list[str] = []
    outcomes = [o for result in missing for o in left_as_found(result)]
    pool, workers = open_pool(jobs, len(files), catalogue)
    index_file: Path | None = None
    try:
        ready = prepare(paths, files, catalogue, settings, False, pool, workers)  # the resolution check uses
        index_file = ready.index_file
        outcomes += [o for result in ready.settled for o in left_as_found(result)]
        sources = [s for s in ready.pending if s.path.suffix in (".py", ".pyi", ".ipynb")]
        compat = _placement(compat_path, sources)
        job = FixJob(strategy, unsafe_fixes, frozenset(selected if fixable is None else fixable), compat.dotted)
        tasks: list[_Task] = []
        for source in ready.pending:
            chosen = selection(source, selected, settings)
            if source.path.suffix not in (".py", ".pyi", ".ipynb"):
                outcomes += _leave_unfixable(check_file(source.path, catalogue, chosen, ready.infos[source.path],
                                                        source.display), catalogue)
            elif compat.path is not None and source.path.absolute() == compat.path:
                outcomes += left_as_found(check_file(source.path, catalogue, chosen, ready.infos[source.path],
                                                     source.display), "in the compat module spotlint writes: not rewritten")
            else:
                tasks.append((source, chosen, job, ready.infos[source.path]))
        fixes = _run(tasks, catalogue, pool, workers)
        compat, fixes = _replaced(compat_path, compat, tasks, fixes, catalogue, pool, workers)
    finally:
        if pool is not None:
            pool.shutdown()
        if index_file is not None:
            index_file.unlink(missing_ok=True)
    for item in fixes:
        for block in item.blocks:
            compat.blocks[block.name] = block
    compat_fix = _compat_fix(compat, problems)
    if compat_fix is not None and compat_fix.error:  # the rewritten files would call what is not there
        fixes = [_unfixed(f, "the compat module cannot be updated; this file is not rewritten") if f.blocks else f
                 for f in fixes]
    if write:
        for item in [*fixes, *([compat_fix] if compat_fix else [])]:
            if item.changed:
                _write(item)
    outcomes = [scoped(o, job.fixable) for o in outcomes] + [o for item in fixes for o in item.outcomes]
    return FixReport(fixes, Tally.of(outcomes), compat_fix, problems)


def _placement(compat_path: Path | None, sources: list[SourceFile]) -> _Compat:
    """Where the compat module goes, decided before the workers start (they write its import):
    by the first file that may need it. ``_replaced`` corrects the guess when that file needed none."""
    compat = _Compat(compat_path.absolute() if compat_path else None)
    if sources:
        compat.place(sources[0].path)
    return compat


def _replaced(compat_path: Path | None, compat: _Compat, tasks: list[_Task], fixes: list[FileFix],
              catalogue: Catalogue, pool, workers: int) -> tuple[_Compat, list[FileFix]]:  # type: ignore[no-untyped-def]
    """The compat module where the first file that uses it puts it; the files that use it fixed
    again when the guess put it elsewhere (rare: only in runs over several import roots)."""
    first = next((task for task, item in zip(tasks, fixes) if item.blocks), None)
    if first is None:
        return compat, fixes
    actual = _Compat(compat_path.absolute() if compat_path else None)
    actual.place(first[0].path)
    if actual.path == compat.path:
        return compat, fixes
    again = [i for i, item in enumerate(fixes) if item.blocks]
    redone = _run([(s, c, replace(j, compat=actual.dotted), p) for s, c, j, p in (tasks[i] for i in again)],
                  catalogue, pool, workers)
    fixes = list(fixes)
    for index, item in zip(again, redone):
        fixes[index] = item
    return actual, fixes


def _run(tasks: list[_Task], catalogue: Catalogue, pool, workers: int) -> list[FileFix]:  # type: ignore[no-untyped-def]
    if pool is not None and len(tasks) > SMALL_RUN:
        return list(pool.map(_worker_fix, tasks, chunksize=chunksize(len(tasks), workers)))
    return [_guarded_fix(source, catalogue, chosen, job, project) for source, chosen, job, project in tasks]


def _worker_fix(task: _Task) -> FileFix:
    source, chosen, job, project = task
    return _guarded_fix(source, worker_catalogue(), chosen, job, project)


def _guarded_fix(source: SourceFile, catalogue: Catalogue, chosen: frozenset[str], job: FixJob,
                 project: ProjectInfo) -> FileFix:
    """A crash on one file becomes a left SPT004 finding for it, as ``check`` reports it."""
    try:
        return fix_file(source, catalogue, chosen, job, project)
    except Exception as exc:  # noqa: BLE001 - reported to the user with its traceback
        where = traceback.extract_tb(exc.__traceback__)[-1]
        message = (f"internal error while fixing this file: {type(exc).__name__}: {exc} "
                   f"(at {Path(where.filename).name}:{where.lineno}; please report it)")
        result = error_result(source.display, INTERNAL_ERROR, message)
        return FileFix(source.display, source.path, "", "", outcomes=left_as_found(result), error=message)


def _unfixed(item: FileFix, reason: str) -> FileFix:
    outcomes = tuple(Outcome(o.finding, LEFT, NO_REWRITE, reason) if o.status == FIXED else o for o in item.outcomes)
    return replace(item, after=item.before, outcomes=outcomes, blocks=())


def _within(path: Path, root: Path) -> bool:
    try:
        path.absolute().resolve().relative_to(root)
    except ValueError:
        return False
    return True


def _leave_unfixable(result: FileResult, catalogue: Catalogue) -> tuple[Outcome, ...]:
    """Findings in files the fixer does not rewrite (dependency declarations)."""
    return tuple(
        Outcome(f, LEFT, NO_REWRITE, f"no automatic fix: {catalogue.rule(f.code).instead}")
        if catalogue.has(f.code) else o
        for f, o in zip(result.findings, left_as_found(result))
    )


def _compat_fix(compat: _Compat, problems: list[str]) -> FileFix | None:
    if not compat.blocks or compat.path is None:
        return None
    path = compat.path
    display = os.path.relpath(path) if not os.path.relpath(path).startswith("..") else str(path)
    before = path.read_text(encoding="utf-8") if path.is_file() else ""
    try:
        after = render(compat.blocks.values(), before or None)
    except CompatError as exc:
        problems.append(f"{display}: cannot update the compat module: {exc}")
        return FileFix(display, path, before, before, error=str(exc))
    return FileFix(display, path, before, after)


def _encode(fix: FileFix) -> bytes:
    source = fix.source
    if source is None:
        return fix.after.encode("utf-8")
    body = fix.after.encode(source.encoding)
    return (b"\xef\xbb\xbf" + body) if source.bom else body


def _write(fix: FileFix) -> None:
    """Write atomically: a temporary file in the same directory, then a rename over the old."""
    data = _encode(fix)
    fix.path.parent.mkdir(parents=True, exist_ok=True)
    mode = fix.path.stat().st_mode & 0o777 if fix.path.exists() else 0o644
    handle, temporary = tempfile.mkstemp(prefix=f".{fix.path.name}.", suffix=".spotlint-tmp", dir=_scratch(fix.path))
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, fix.path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def _scratch(target: Path) -> Path:
    """Where to write before the rename: the system's temporary directory when it is on the
    same file system (a killed run then leaves nothing in the project), else beside the file."""
    scratch = Path(tempfile.gettempdir())
    try:
        if os.stat(scratch).st_dev == os.stat(target.parent).st_dev:
            return scratch
    except OSError:
        pass
    return target.parent


def unified_diff(fix: FileFix) -> str:
    lines = difflib.unified_diff(
        fix.before.splitlines(keepends=True), fix.after.splitlines(keepends=True),
        fromfile=f"a/{fix.display}", tofile=f"b/{fix.display}",
    )
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
