"""Run fixes over files: read, plan, rewrite until stable, verify, write atomically.

The only part of the fixer that touches the file system. A file is written only when it
changes and its new text parses; encoding, BOM and line endings are kept; notebooks change
cell sources only. ``--diff`` and ``--check`` write nothing.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import tempfile
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import libcst as cst

from spotlint.project.info import ProjectInfo
from spotlint.analysis.walk import children
from spotlint.catalogue.load import Catalogue
from spotlint.config import Settings
from spotlint.files.dependencies import is_dependency_file
from spotlint.files.discovery import Missing, Scope, SourceFile, discover, project_root
from spotlint.engine.check import Analysis, analyse_source, check_file
from spotlint.findings import FileResult
from spotlint.fix.blocks import Block
from spotlint.fix.compat import CompatError, render
from spotlint.fix.pins import fix_pins
from spotlint.fix.placement import COMPAT_FILE, Layout, Placement, Unplaceable, place
from spotlint.fix.plan import Left, plan
from spotlint.fix.transform import import_lines, rewrite_module
from spotlint.files.notebook import extract
from spotlint.engine.prefilter import may_have_findings
from spotlint.files.source import DecodeFailure, SourceText, decode

MAX_ROUNDS = 4
_LIBRARY_IMPORT_RE = re.compile(r"^\s*(?:import|from)\s+(spotipy|tekore)\b", re.MULTILINE)


@dataclass
class FileFix:
    display: str
    path: Path
    before: str
    after: str
    fixed: int = 0
    notes: list[str] = field(default_factory=list)
    error: str = ""
    source: SourceText | None = None  # how the file was encoded, to write it back the same way


@dataclass
class FixReport:
    files: list[FileFix]
    remaining: list[FileResult]
    left: list[Left]
    compats: list[FileFix]  # the compat modules the fixed files call, one per placement
    problems: list[str]

    @property
    def changed(self) -> list[FileFix]:
        return [f for f in [*self.files, *self.compats] if f.after != f.before]

    @property
    def fixed(self) -> int:
        return sum(f.fixed for f in self.files)


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


def fix_paths(paths: Iterable[str], catalogue: Catalogue, selected: Collection[str], strategy: str | None,
              unsafe_fixes: bool, compat_path: Path | None, write: bool, settings: Settings | None = None) -> FixReport:
    paths = list(paths)
    files: list[SourceFile] = []
    problems: list[str] = []
    for item in discover(paths, settings.scope if settings else None):
        if isinstance(item, Missing):
            problems.append(f"{item.display}: cannot read: {item.reason}")
        else:
            files.append(item)
    root = project_root(paths, settings.root if settings is not None and settings.has_config else None)
    if compat_path is not None and not _within(compat_path, root):
        problems.append(f"{compat_path}: the compat module must be inside the project ({root}); nothing written")
        return FixReport([], [], [], [], problems)
    scope = settings.scope if settings else Scope()
    compat = _Compat(Layout(tuple(Path(p).absolute() for p in paths if Path(p).is_dir()), scope,
                            compat_path.absolute() if compat_path else None))
    from spotlint.api import indexed_infos

    infos = indexed_infos(paths, files, settings, catalogue, use_cache=False)  # the same resolution as check; writes no cache
    fixes: list[FileFix] = []
    left: list[Left] = []
    for source in files:
        if compat.is_compat(source.path):
            continue
        if source.path.suffix not in (".py", ".pyi", ".ipynb"):
            pinned = _fix_pins(source, check_file(source.path, catalogue, selected, infos[source.path], source.display),
                               catalogue, strategy, left)
            fixes += [pinned] if pinned is not None else []
            continue
        result = _fix_file(source, catalogue, selected, strategy, unsafe_fixes, infos[source.path], compat, left)
        if result is not None:
            fixes.append(result)
    compat_fixes = _compat_fix(compat, problems)
    if write:
        for item in [*fixes, *compat_fixes]:
            if item.after != item.before and not item.error:
                _write(item)
    remaining = []
    for fix in fixes:
        if fix.error:
            continue
        if write:
            info = infos[fix.path]
            if known := compat.known_as(fix.path):  # written just now: a module, though discovery did not see it
                info = replace(info, modules=info.modules | {known})
            remaining.append(check_file(fix.path, catalogue, selected, info, fix.display))
    return FixReport(fixes, remaining, left, compat_fixes, problems)


def _within(path: Path, root: Path) -> bool:
    try:
        path.absolute().resolve().relative_to(root)
    except ValueError:
        return False
    return True


def _leave_unfixable(result: FileResult, catalogue: Catalogue, left: list[Left]) -> None:
    """Findings in files the fixer does not rewrite (dependency declarations)."""
    for finding in result.findings:
        reason = f"no automatic fix: {catalogue.rule(finding.code).instead}" if catalogue.has(finding.code) else finding.message
        left.append(Left(finding, reason))


def _fix_pins(source: SourceFile, result: FileResult, catalogue: Catalogue, strategy: str | None,
              left: list[Left]) -> FileFix | None:
    """A dependency declaration file: stale pins raised (fix.pins), the rest left with a reason."""
    if not is_dependency_file(source.path.name) or not result.findings or result.failed:
        _leave_unfixable(result, catalogue, left)
        return None
    try:
        decoded = decode(source.path.read_bytes())
    except (OSError, DecodeFailure):
        _leave_unfixable(result, catalogue, left)
        return None
    outcome = fix_pins(source.path.name, decoded.text, result.findings, catalogue, strategy)
    left.extend(outcome.left)
    return FileFix(source.display, source.path, decoded.text, outcome.text, fixed=outcome.fixed, source=decoded)


def _imported(text: str) -> frozenset[str]:
    return frozenset(_LIBRARY_IMPORT_RE.findall(text))


def _awaited(module: cst.Module) -> frozenset[int]:
    """ids of awaited expressions (iteratively: deeply nested code must not overflow)."""
    found: set[int] = set()
    stack: list[cst.CSTNode] = [module]
    while stack:
        node = stack.pop()
        if isinstance(node, cst.Await):
            found.add(id(node.expression))
        stack.extend(children(node))
    return frozenset(found)


def _rewrite_text(text: str, display: str, catalogue: Catalogue, selected: Collection[str], strategy: str | None,
                  unsafe_fixes: bool, project: ProjectInfo, compat: _Compat, near: Path, left: list[Left],
                  fix: FileFix, notebook: bool) -> str:
    """Rewrite until nothing more can be fixed; returns the new text (unchanged on failure)."""
    current = text
    partial = False
    imported = ""  # the compat module this file imports, once a rewrite calls it
    last_left: tuple[Left, ...] = ()
    libraries = frozenset(name for name, _ in project.declared if name in ("spotipy", "tekore"))
    # a notebook gets its import only at the end (it would shift the cells): one round there
    for _ in range(1 if notebook else MAX_ROUNDS):
        if known := compat.known_as(near):  # the compat module is a module, whether or not it exists yet
            project = replace(project, modules=project.modules | {known})
        outcome = analyse_source(current, display, catalogue, selected, project)
        if not isinstance(outcome, Analysis):
            if current != text:
                fix.error = f"{display}: the rewrite would not parse; nothing written"
                return text
            return text
        steps = plan(outcome.located, strategy, unsafe_fixes, _imported(current) | libraries, _awaited(outcome.module))
        last_left = steps.left
        rewrites = steps.rewrites
        placement = compat.place(near) if rewrites else None
        if isinstance(placement, Unplaceable):  # the path renames can still be made
            found = {id(candidate.node): finding for candidate, finding in outcome.located}
            last_left += tuple(Left(found[id(r.node)], placement.reason) for r in rewrites)
            rewrites = ()
        if not rewrites and not steps.retexts:
            break
        if isinstance(placement, Placement):
            imported = placement.module
            if placement.warning and placement.warning not in fix.notes:
                fix.notes.append(placement.warning)
        try:
            new_module, used_partial = rewrite_module(outcome.module, rewrites, imported,
                                                      add_imports=not notebook, retexts=steps.retexts)
        except RecursionError:
            fix.error = f"{display}: code nested too deeply to rewrite; nothing written"
            return text
        partial = partial or used_partial
        new_text = new_module.code
        try:
            cst.parse_module(new_text)
            compile(new_text, display, "exec", dont_inherit=True)
        except (cst.ParserSyntaxError, SyntaxError, ValueError) as exc:
            fix.error = f"{display}: the rewrite would not parse ({exc}); nothing written"
            return text
        blocks = compat.blocks.setdefault(placement.path, {}) if isinstance(placement, Placement) else {}
        for rewrite in rewrites:
            blocks[rewrite.block.name] = rewrite.block
            if rewrite.note:
                fix.notes.append(f"{rewrite.code} {rewrite.block.name}: {rewrite.note}")
        fix.fixed += len(rewrites) + len({r.code + str(id(r.node)) for r in steps.retexts})
        if new_text == current:
            break
        current = new_text
    left.extend(last_left)
    if notebook and current != text and imported:
        current = _prepend_imports(current, import_lines(imported, partial))
    return current


def _prepend_imports(text: str, lines: list[str]) -> str:
    missing = [line for line in lines if not re.search(rf"^{re.escape(line)}$", text, re.MULTILINE)]
    return "".join(f"{line}\n" for line in missing) + text


def _fix_file(source: SourceFile, catalogue: Catalogue, selected: Collection[str], strategy: str | None,
              unsafe_fixes: bool, project: ProjectInfo, compat: _Compat, left: list[Left]) -> FileFix | None:
    try:
        data = source.path.read_bytes()
    except OSError as exc:
        return FileFix(source.display, source.path, "", "", error=f"{source.display}: cannot read: {exc.strerror}")
    if source.path.suffix == ".ipynb":
        return _fix_notebook(source, data, catalogue, selected, strategy, unsafe_fixes, project, compat, left)
    try:
        decoded = decode(data)
    except DecodeFailure as exc:
        return FileFix(source.display, source.path, "", "", error=f"{source.display}: cannot decode: {exc}")
    fix = FileFix(source.display, source.path, decoded.text, decoded.text)
    if not project.relevant and not may_have_findings(data, catalogue):
        return fix  # nothing a rule could find: not even parsed
    fix.after = _rewrite_text(decoded.text, source.display, catalogue, selected, strategy, unsafe_fixes, project,
                              compat, source.path, left, fix, notebook=False)
    fix.source = decoded
    return fix


def _fix_notebook(source: SourceFile, data: bytes, catalogue: Catalogue, selected: Collection[str], strategy: str | None,
                  unsafe_fixes: bool, project: ProjectInfo, compat: _Compat, left: list[Left]) -> FileFix:
    raw = data.decode("utf-8-sig", errors="replace")
    fix = FileFix(source.display, source.path, raw, raw)
    try:
        code = extract(data)
        document = json.loads(raw)
    except (DecodeFailure, json.JSONDecodeError) as exc:
        fix.error = f"{source.display}: cannot read notebook: {exc}"
        return fix
    if not code.cells:
        return fix
    joined = code.text
    new = _rewrite_text(joined, source.display, catalogue, selected, strategy, unsafe_fixes, project, compat,
                        source.path, left, fix, notebook=True)
    if new == joined:
        return fix
    added = new.count("\n") - joined.count("\n")  # import lines put on top of the first code cell
    new_lines = new.splitlines(keepends=True)
    for index, cell in enumerate(code.cells):
        original = "".join(document["cells"][cell.number - 1]["source"]) if isinstance(
            document["cells"][cell.number - 1]["source"], list) else document["cells"][cell.number - 1]["source"]
        original_lines = original.splitlines(keepends=True)
        start = cell.first_line - 1 + (added if index else 0)
        count = cell.text.count("\n") + (added if index == 0 else 0)
        rewritten = new_lines[start:start + count]
        masked = cell.text.splitlines(keepends=True)
        offset = added if index == 0 else 0
        merged = rewritten[:offset]
        for position, line in enumerate(rewritten[offset:]):
            keep_original = position < len(masked) and line == masked[position] and position < len(original_lines)
            merged.append(original_lines[position] if keep_original else line)
        text = "".join(merged)
        if not original.endswith("\n") and text.endswith("\n"):
            text = text[:-1]
        if text != original:
            document["cells"][cell.number - 1]["source"] = text.splitlines(keepends=True)
    indent = _json_indent(raw)
    fix.after = json.dumps(document, indent=indent, ensure_ascii=False) + ("\n" if raw.endswith("\n") else "")
    return fix


def _json_indent(raw: str) -> int:
    match = re.search(r"\n( +)\S", raw)
    return len(match.group(1)) if match else 1


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
