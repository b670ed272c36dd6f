"""Run fixes over paths: plan the run, fix files in worker processes, write atomically.

The only part of the fixer that writes to the file system, and only here, in the parent, after
every worker has returned. The run shares ``check``'s stages (discovery, screening, one
resolution of the project index) so both count the same findings; each file's fix is a
value (``FileFix``). Where each file's compat module goes is decided here, before the workers
start (``fix.placement``, per file); each compat module is rendered from the blocks its files
report, and dependency files get their pins raised (``fix.pins``). A file is written only when
it changes and its new text parses; ``--diff`` and ``--check`` write nothing.
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
from spotlint.files.dependencies import is_dependency_file
from spotlint.files.discovery import Scope, SourceFile, project_root
from spotlint.files.source import DecodeFailure, decode
from spotlint.findings import INTERNAL_ERROR, FileResult, error_result
from spotlint.fix.accounting import FIXED, LEFT, Outcome, Tally, left_as_found, not_selected, scoped, selectable
from spotlint.fix.blocks import Block
from spotlint.fix.compat import CompatError, render
from spotlint.fix.onefile import FileFix, fix_file
from spotlint.fix.pins import fix_pins
from spotlint.fix.placement import COMPAT_FILE, Layout, Placement, Unplaceable, place
from spotlint.fix.plan import NO_REWRITE
from spotlint.fix.rounds import FixJob
from spotlint.project.info import ProjectInfo


@dataclass
class FixReport:
    files: list[FileFix]
    tally: Tally  # every finding of the run, once: fixed, left (why) or not selected
    compats: list[FileFix]  # the compat modules the fixed files call, one per placement
    problems: list[str]

    @property
    def changed(self) -> list[FileFix]:
        return [f for f in [*self.files, *self.compats] if f.changed]

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
    """The run's compat modules: where each fixed file's is (fix.placement decides), and the
    functions each module must hold."""

    layout: Layout
    placed: dict[Path, Placement | Unplaceable] = field(default_factory=dict)  # fixed file -> its placement
    blocks: dict[Path, dict[str, Block]] = field(default_factory=dict)  # compat module -> its functions

    def place(self, near: Path) -> Placement | Unplaceable:
        key = near.absolute()
        if key not in self.placed:
            self.placed[key] = place(key, self.layout)
        return self.placed[key]

    def known_as(self, near: Path) -> str:
        """The compat module's dotted name for a file placed already ('' if not)."""
        placement = self.placed.get(near.absolute())
        return placement.known_as if isinstance(placement, Placement) else ""

    def is_compat(self, path: Path) -> bool:
        """Whether a file is a compat module itself (it is never fixed)."""
        configured = self.layout.configured
        if path.name != (configured.name if configured is not None else COMPAT_FILE):
            return False
        placement = self.place(path)
        return isinstance(placement, Placement) and placement.path == path.absolute()

    def job_for(self, near: Path, job: FixJob) -> FixJob:
        """The run's job with this file's placement, for the worker that fixes it."""
        placement = self.place(near)
        if isinstance(placement, Unplaceable):
            return replace(job, unplaceable=placement.reason)
        return replace(job, compat=placement.module, known_as=placement.known_as, warning=placement.warning)


_Task = tuple[SourceFile, frozenset[str], FixJob, ProjectInfo]


def fix_paths(paths: Iterable[str], catalogue: Catalogue, selected: Collection[str], strategy: str | None,
              unsafe_fixes: bool, compat_path: Path | None, write: bool, settings: Settings | None = None,
              fixable: Collection[str] | None = None, jobs: int | None = None) -> FixReport:
    """Fix every file under ``paths``. ``selected`` is what ``check`` reports (the findings
    counted); ``fixable`` the codes to rewrite (default: all selected), the rest not selected.
    ``strategy`` is forced on every rule; None lets each rule's fix-default decide."""
    from spotlint.api import discover_files, prepare, selection

    paths = list(paths)
    files, missing = discover_files(paths, settings)
    root = project_root(paths, settings.root if settings is not None and settings.has_config else None)
    if compat_path is not None and not _within(compat_path, root):
        problem = f"{compat_path}: the compat module must be inside the project ({root}); nothing written"
        return FixReport([], Tally.of(()), [], [problem])
    problems: list[str] = []
    scope = settings.scope if settings else Scope()
    compat = _Compat(Layout(tuple(Path(p).absolute() for p in paths if Path(p).is_dir()), scope,
                            compat_path.absolute() if compat_path else None))
    outcomes = [o for result in missing for o in left_as_found(result)]
    pool, workers = open_pool(jobs, len(files), catalogue)
    index_file: Path | None = None
    try:
        ready = prepare(paths, files, catalogue, settings, False, pool, workers)  # the resolution check uses
        index_file = ready.index_file
        outcomes += [o for result in ready.settled for o in left_as_found(result)]
        job = FixJob(strategy, unsafe_fixes, frozenset(selected if fixable is None else fixable))
        tasks: list[_Task] = []
        pinned: list[FileFix] = []
        for source in ready.pending:
            chosen = selection(source, selected, settings)
            if source.path.suffix not in (".py", ".pyi", ".ipynb"):
                result = check_file(source.path, catalogue, chosen, ready.infos[source.path], source.display)
                pins = _fix_pins(source, result, catalogue, strategy, job.fixable)
                if isinstance(pins, FileFix):
                    pinned.append(pins)
                else:
                    outcomes += pins
            elif compat.is_compat(source.path):
                outcomes += left_as_found(check_file(source.path, catalogue, chosen, ready.infos[source.path],
                                                     source.display), "in the compat module spotlint writes: not rewritten")
            else:
                tasks.append((source, chosen, compat.job_for(source.path, job), ready.infos[source.path]))
        fixes = _run(tasks, catalogue, pool, workers)
    finally:
        if pool is not None:
            pool.shutdown()
        if index_file is not None:
            index_file.unlink(missing_ok=True)
    modules: dict[Path, Path] = {}  # fixed file -> the compat module its blocks go to
    for (source, _, _, _), item in zip(tasks, fixes):
        placement = compat.place(source.path)
        if item.blocks and isinstance(placement, Placement):
            modules[source.path] = placement.path
            filed = compat.blocks.setdefault(placement.path, {})
            for block in item.blocks:
                filed[block.name] = block
    compat_fixes = _compat_fix(compat, problems)
    failed = {item.path for item in compat_fixes if item.error}
    if failed:  # the rewritten files would call what is not there
        fixes = [_unfixed(f, "the compat module cannot be updated; this file is not rewritten")
                 if f.blocks and modules.get(f.path) in failed else f for f in fixes]
    fixes += pinned
    if write:
        for item in [*fixes, *compat_fixes]:
            if item.changed:
                _write(item)
    outcomes = [scoped(o, job.fixable) for o in outcomes] + [o for item in fixes for o in item.outcomes]
    return FixReport(fixes, Tally.of(outcomes), compat_fixes, problems)


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
    """Findings in files the fixer does not rewrite (dependency declarations it cannot edit)."""
    return tuple(
        Outcome(f, LEFT, NO_REWRITE, f"no automatic fix: {catalogue.rule(f.code).instead}")
        if catalogue.has(f.code) else o
        for f, o in zip(result.findings, left_as_found(result))
    )


def _fix_pins(source: SourceFile, result: FileResult, catalogue: Catalogue, strategy: str | None,
              fixable: frozenset[str]) -> FileFix | tuple[Outcome, ...]:
    """A dependency declaration file: stale pins raised (fix.pins) as fixed, the rest left with
    their kind and reason; or, for a file it cannot edit, its findings left."""
    if not is_dependency_file(source.path.name) or not result.findings or result.failed:
        return _leave_unfixable(result, catalogue)
    try:
        decoded = decode(source.path.read_bytes())
    except (OSError, DecodeFailure):
        return _leave_unfixable(result, catalogue)
    chosen = [f for f in result.findings if selectable(f, fixable)]
    pins = fix_pins(source.path.name, decoded.text, chosen, catalogue, strategy)
    left = {id(item.finding): item for item in pins.left}
    outcomes = tuple(
        not_selected(f) if not selectable(f, fixable)
        else Outcome(f, LEFT, left[id(f)].kind, left[id(f)].reason) if id(f) in left
        else Outcome(f, FIXED)
        for f in result.findings
    )
    return FileFix(source.display, source.path, decoded.text, pins.text, outcomes=outcomes, source=decoded)


def _compat_fix(compat: _Compat, problems: list[str]) -> list[FileFix]:
    """Each compat module with the functions its files now call (merged into what is there)."""
    fixes = []
    for path, blocks in sorted(compat.blocks.items()):
        display = os.path.relpath(path) if not os.path.relpath(path).startswith("..") else str(path)
        before = path.read_text(encoding="utf-8") if path.is_file() else ""
        try:
            after = render(blocks.values(), before or None)
        except CompatError as exc:
            problems.append(f"{display}: cannot update the compat module: {exc}")
            fixes.append(FileFix(display, path, before, before, error=str(exc)))
            continue
        fixes.append(FileFix(display, path, before, after))
    return fixes


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
