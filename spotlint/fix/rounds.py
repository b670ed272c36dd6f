"""Rewrite one source text until it is stable, and say what became of each of its findings.

Pure: text in, new text, compat blocks and one outcome per finding out (no I/O, no printing),
so it runs in worker processes. The first round's analysis gives the findings ``check``
reports; the round that changes nothing is the final analysis: its findings are what is left.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, replace

import libcst as cst

from spotlint.analysis.context import Candidate
from spotlint.analysis.walk import children
from spotlint.catalogue.load import Catalogue
from spotlint.engine.check import Analysis, analyse_source
from spotlint.findings import FileResult, Finding
from spotlint.fix.accounting import FIXED, LEFT, Outcome, not_selected, selectable
from spotlint.fix.blocks import Block
from spotlint.fix.plan import NO_REWRITE, UNPARSABLE, Left, Plan, plan
from spotlint.fix.transform import rewrite_module
from spotlint.project.info import ProjectInfo

MAX_ROUNDS = 4
_LIBRARY_IMPORT_RE = re.compile(r"^\s*(?:import|from)\s+(spotipy|tekore)\b", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class FixJob:
    """What a run fixes, the same for every file (sent to each worker)."""

    strategy: str | None  # forced on every rule; None: each rule's fix-default
    unsafe_fixes: bool
    fixable: frozenset[str]  # the codes ``fix`` may rewrite (its --select/--ignore)
    # The file's compat module, as ``fix.placement`` placed it (per file, in the parent):
    compat: str = ""  # what the file imports ("spotify_compat", "..spotify_compat", "pkg.x"; '' = not placed)
    known_as: str = ""  # its dotted name from the file's import root (a module of the project)
    unplaceable: str = ""  # why no compat module can be placed for the file (its rewrites are left)
    warning: str = ""  # a note for the file, once it calls the module (a configured module it may not import)


@dataclass(frozen=True, slots=True)
class Rewritten:
    text: str  # the new text (the old one when ``error`` is set)
    outcomes: tuple[Outcome, ...]  # positions as in the text given
    blocks: tuple[Block, ...] = ()  # compat functions the new text calls
    notes: tuple[str, ...] = ()
    partial: bool = False  # functools.partial is used
    error: str = ""


def rewrite_text(text: str, display: str, catalogue: Catalogue, selected: Collection[str], job: FixJob,
                 project: ProjectInfo, notebook: bool = False) -> Rewritten | FileResult:
    """The fixed text with an outcome per finding, or the FileResult (SPT001) when ``text``
    does not parse. A notebook gets one round (its import is added by the caller)."""
    if job.known_as:  # the compat module is a module, whether or not it exists yet
        project = replace(project, modules=project.modules | {job.known_as})
    libraries = frozenset(name for name, _ in project.declared if name in ("spotipy", "tekore"))
    current, module = text, None
    originals: list[Finding] = []
    status: dict[int, Outcome] = {}
    blocks: dict[str, Block] = {}
    notes: list[str] = []
    partial = False
    for round_number in range(1 if notebook else MAX_ROUNDS):
        analysis = analyse_source(current, display, catalogue, selected, project, module=module)
        if not isinstance(analysis, Analysis):
            if round_number == 0:
                return analysis
            return _failed(text, originals, status, display, "the rewrite could not be analysed; nothing written")
        if round_number == 0:
            originals = list(analysis.findings)
            origin = {id(f): f for f in originals}
        else:
            origin = _match(analysis.findings, [f for f in originals if status[id(f)].status != FIXED], originals)
        planned = [(c, f) for c, f in analysis.located if f.code in job.fixable]
        steps = plan(planned, job.strategy, job.unsafe_fixes, _imported(current) | libraries, _awaited(analysis.module))
        if steps.rewrites and not job.compat:  # no place for the module: the path renames can still be made
            steps = _unplaced(steps, planned, job.unplaceable or "no compat module is placed for this file")
        kept = {id(left.finding): left for left in steps.left}
        rewritten = {id(f) for _, f in planned} - set(kept)
        for finding in analysis.findings:
            first = origin[id(finding)]
            if not selectable(first, job.fixable):
                status[id(first)] = not_selected(first)
            elif id(finding) in kept:
                left = kept[id(finding)]
                status[id(first)] = Outcome(first, LEFT, left.kind, left.reason)
            elif id(finding) not in rewritten:  # a diagnostic (an invalid noqa comment): for a human
                status[id(first)] = Outcome(first, LEFT, NO_REWRITE, finding.message)
        if not rewritten:
            break  # this round changed nothing: its analysis is the final one
        try:
            new_module, used_partial = rewrite_module(analysis.module, steps.rewrites, job.compat,
                                                      add_imports=not notebook, retexts=steps.retexts)
            new_text = new_module.code
            module = cst.parse_module(new_text)
            compile(new_text, display, "exec", dont_inherit=True)
        except RecursionError:
            return _failed(text, originals, status, display, "code nested too deeply to rewrite; nothing written")
        except (cst.ParserSyntaxError, SyntaxError, ValueError) as exc:
            return _failed(text, originals, status, display, f"the rewrite would not parse ({exc}); nothing written")
        if new_text == current:
            for finding in analysis.findings:
                if id(finding) in rewritten:
                    first = origin[id(finding)]
                    status[id(first)] = Outcome(first, LEFT, NO_REWRITE, "the rewrite changes nothing")
            break
        for finding in analysis.findings:
            if id(finding) in rewritten:
                status[id(origin[id(finding)])] = Outcome(origin[id(finding)], FIXED)
        partial = partial or used_partial
        for rewrite in steps.rewrites:
            blocks[rewrite.block.name] = rewrite.block
            if rewrite.note:
                notes.append(f"{rewrite.code} {rewrite.block.name}: {rewrite.note}")
        if steps.rewrites and job.warning and job.warning not in notes:
            notes.append(job.warning)
        current = new_text
    return Rewritten(current, tuple(status[id(f)] for f in originals), tuple(blocks.values()), tuple(notes), partial)


def _unplaced(steps: Plan, planned: list[tuple[Candidate, Finding]], reason: str) -> Plan:
    """The plan without its compat calls (the file has no place for the module): their
    findings are left with ``reason``; the raw URL renames stay."""
    nodes = {id(r.node) for r in steps.rewrites}
    kept = {id(left.finding) for left in steps.left}
    left = tuple(Left(f, reason) for c, f in planned if id(c.node) in nodes and id(f) not in kept)
    return Plan((), steps.left + left, steps.retexts)


def _match(found: tuple[Finding, ...], unresolved: list[Finding], originals: list[Finding]) -> dict[int, Finding]:
    """Which first-round finding each finding of a later round is: the same code and
    fingerprint, else the same code in order. One that matches none is new; it is added to
    ``originals`` (it is in the code now, so it is counted)."""
    free: dict[str, list[Finding]] = {}
    for finding in unresolved:
        free.setdefault(finding.code, []).append(finding)
    origin: dict[int, Finding] = {}
    rest: list[Finding] = []
    for finding in found:
        same = next((f for f in free.get(finding.code, []) if f.fingerprint and f.fingerprint == finding.fingerprint), None)
        if same is None:
            rest.append(finding)
        else:
            free[finding.code].remove(same)
            origin[id(finding)] = same
    for finding in rest:
        candidates = free.get(finding.code, [])
        if candidates:
            origin[id(finding)] = candidates.pop(0)
        else:
            originals.append(finding)
            origin[id(finding)] = finding
    return origin


def _failed(text: str, originals: list[Finding], status: dict[int, Outcome], display: str, reason: str) -> Rewritten:
    """Nothing of the file is written: what would have been fixed is left, as unparsable."""
    outcomes = tuple(
        status[id(f)] if id(f) in status and status[id(f)].status != FIXED else Outcome(f, LEFT, UNPARSABLE, reason)
        for f in originals
    )
    return Rewritten(text, outcomes, error=f"{display}: {reason}")


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
