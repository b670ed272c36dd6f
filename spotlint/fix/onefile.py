"""Fix one Python file or notebook: read it, rewrite its text, and report the result as a value.

Runs in worker processes: it reads the file but never writes (the parent writes every file
after all workers return). A file that cannot be read, decoded or parsed gives the same
SPT001/SPT002 finding ``check`` gives, left as unparsable; notebooks change cell sources only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from dataclasses import dataclass, replace
from pathlib import Path

from spotlint.catalogue.load import Catalogue
from spotlint.engine.check import check_notebook, in_cell
from spotlint.engine.prefilter import may_have_findings
from spotlint.files.discovery import SourceFile
from spotlint.files.notebook import extract
from spotlint.files.source import DecodeFailure, SourceText, decode
from spotlint.findings import READ_ERROR, FileResult, error_result
from spotlint.fix.accounting import FIXED, Outcome, left_as_found
from spotlint.fix.blocks import Block
from spotlint.fix.plan import UNPARSABLE
from spotlint.fix.rounds import FixJob, Rewritten, rewrite_text
from spotlint.fix.transform import import_lines
from spotlint.project.info import ProjectInfo


@dataclass(frozen=True, slots=True)
class FileFix:
    """One file's fix, as a worker returns it (picklable): the texts, and what became of
    each of its findings."""

    display: str
    path: Path
    before: str
    after: str
    outcomes: tuple[Outcome, ...] = ()
    blocks: tuple[Block, ...] = ()  # compat functions ``after`` calls
    notes: tuple[str, ...] = ()
    error: str = ""  # the rewrite failed: nothing of this file is written
    source: SourceText | None = None  # how the file was encoded, to write it back the same way

    @property
    def fixed(self) -> int:
        return sum(1 for o in self.outcomes if o.status == FIXED)

    @property
    def changed(self) -> bool:
        return self.after != self.before and not self.error


def fix_file(source: SourceFile, catalogue: Catalogue, selected: Collection[str], job: FixJob,
             project: ProjectInfo) -> FileFix:
    try:
        data = source.path.read_bytes()
    except OSError as exc:
        return _unread(source, error_result(source.display, READ_ERROR, f"cannot read file: {exc.strerror or exc}"))
    if source.path.suffix == ".ipynb":
        return _fix_notebook(source, data, catalogue, selected, job, project)
    try:
        decoded = decode(data)
    except DecodeFailure as exc:
        return _unread(source, error_result(source.display, READ_ERROR, f"cannot decode file: {exc}"))
    unchanged = FileFix(source.display, source.path, decoded.text, decoded.text, source=decoded)
    if not project.relevant and not may_have_findings(data, catalogue):
        return unchanged  # nothing a rule could find: not even parsed
    done = rewrite_text(decoded.text, source.display, catalogue, selected, job, project)
    if isinstance(done, FileResult):  # does not parse
        return replace(unchanged, outcomes=left_as_found(done))
    return replace(unchanged, after=done.text, outcomes=done.outcomes, blocks=done.blocks, notes=done.notes,
                   error=done.error)


def _unread(source: SourceFile, result: FileResult) -> FileFix:
    return FileFix(source.display, source.path, "", "", outcomes=left_as_found(result))


def _fix_notebook(source: SourceFile, data: bytes, catalogue: Catalogue, selected: Collection[str], job: FixJob,
                  project: ProjectInfo) -> FileFix:
    raw = data.decode("utf-8-sig", errors="replace")
    fix = FileFix(source.display, source.path, raw, raw)
    try:
        code = extract(data)
        document = json.loads(raw)
    except (DecodeFailure, json.JSONDecodeError) as exc:
        return replace(fix, outcomes=left_as_found(error_result(source.display, READ_ERROR,
                                                                f"cannot read notebook: {exc}")))
    if not code.cells or not may_have_findings(code.text.encode("utf-8"), catalogue):
        return fix
    joined = code.text
    done = rewrite_text(joined, source.display, catalogue, selected, job, project, notebook=True)
    if isinstance(done, FileResult):  # the cells do not parse together: check reports them one by one
        found = check_notebook(data, source.display, catalogue, selected, project)
        return replace(fix, outcomes=left_as_found(found, "not rewritten: a cell of this notebook does not parse",
                                                   UNPARSABLE))
    outcomes = tuple(replace(o, finding=in_cell(o.finding, *code.locate(o.finding.span.line))) for o in done.outcomes)
    fix = replace(fix, outcomes=outcomes, blocks=done.blocks, notes=done.notes, error=done.error)
    new = done.text
    if new == joined or done.error:
        return fix
    if done.blocks:  # the cells call the compat module (URL renames alone need no import)
        new = _prepend_imports(new, import_lines(job.compat, done.partial))
    return replace(fix, after=_merge_cells(raw, document, code, joined, new))


def _merge_cells(raw: str, document: dict, code, joined: str, new: str) -> str:  # type: ignore[no-untyped-def, type-arg]
    """The notebook with the rewritten code put back into its cells (masked magics kept)."""
    added = new.count("\n") - joined.count("\n")  # import lines put on top of the first code cell
    new_lines = new.splitlines(keepends=True)
    for index, cell in enumerate(code.cells):
        stored = document["cells"][cell.number - 1]["source"]
        original = "".join(stored) if isinstance(stored, list) else stored
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
    return json.dumps(document, indent=_json_indent(raw), ensure_ascii=False) + ("\n" if raw.endswith("\n") else "")


def _prepend_imports(text: str, lines: list[str]) -> str:
    missing = [line for line in lines if not re.search(rf"^{re.escape(line)}$", text, re.MULTILINE)]
    return "".join(f"{line}\n" for line in missing) + text


def _json_indent(raw: str) -> int:
    match = re.search(r"\n( +)\S", raw)
    return len(match.group(1)) if match else 1


__all__ = ["FileFix", "FixJob", "Rewritten", "fix_file"]
