"""One file in, one FileResult out: decode → parse → analyse → position → suppress.

Pure apart from ``check_file`` reading the bytes. Never formats output; problems with the
file become SPT001/SPT002 findings so the run goes on.
"""

from __future__ import annotations

import ast
import hashlib
import re
from dataclasses import dataclass, replace
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path

import libcst as cst
from libcst._position import CodeRange

from spotlint.analysis import analyse
from spotlint.analysis.context import Candidate
from spotlint.project.info import ProjectInfo, compat_name
from spotlint.catalogue.load import Catalogue
from spotlint.catalogue.messages import compose
from spotlint.findings import INVALID_NOQA, PARSE_ERROR, READ_ERROR, FileResult, Finding, Span, error_result
from spotlint.files.kinds import kind
from spotlint.files.notebook import extract
from spotlint.engine.positions import Positions, SourceText
from spotlint.engine.prefilter import may_have_findings
from spotlint.files.source import DecodeFailure, decode
from spotlint.engine.suppress import noqa_comments





def check_file(
    path: Path, catalogue: Catalogue, selected: Collection[str], project: ProjectInfo = ProjectInfo(),
    display: str | None = None, use_prefilter: bool = True,
) -> FileResult:
    """Read, decode (bad bytes are SPT002 whatever the file holds), prefilter, analyse."""
    shown = display if display is not None else str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return error_result(shown, READ_ERROR, f"cannot read file: {exc.strerror or exc}")
    return check_bytes(data, path, shown, catalogue, selected, project, use_prefilter)




def check_bytes(
    data: bytes, path: Path, shown: str, catalogue: Catalogue, selected: Collection[str],
    project: ProjectInfo = ProjectInfo(), use_prefilter: bool = True,
) -> FileResult:
    what = kind(path.name, data[:256])
    if what is None:  # named explicitly, but not a file spotlint reads (README.md, package.json)
        return FileResult(shown, ())
    if what == "notebook":
        return check_notebook(data, shown, catalogue, selected, project, use_prefilter)
    try:
        text = decode(data).text
    except DecodeFailure as exc:
        return error_result(shown, READ_ERROR, f"cannot decode file: {exc}")
    if what == "dependencies":  # small, and a broken one is worth saying
        from spotlint.analysis.pins import check_dependency_text

        return check_dependency_text(text, path.name, shown, catalogue, selected)
    if use_prefilter and not project.relevant and not may_have_findings(data, catalogue):
        return FileResult(shown, ())
    return check_source(text, shown, catalogue, selected, project)


def check_notebook(
    data: bytes, path: str, catalogue: Catalogue, selected: Collection[str], project: ProjectInfo = ProjectInfo(),
    use_prefilter: bool = True,
) -> FileResult:
    """Analyse a notebook's code cells together (a later cell uses an earlier cell's client);
    if they do not parse together, each cell alone, so one broken cell hides nothing else."""
    try:
        code = extract(data)
    except DecodeFailure as exc:
        return error_result(path, READ_ERROR, f"cannot read notebook: {exc}")
    if not code.cells or (use_prefilter and not may_have_findings(code.text.encode("utf-8"), catalogue)):
        return FileResult(path, ())
    whole = check_source(code.text, path, catalogue, selected, project)
    if not whole.failed:
        return FileResult(path, tuple(in_cell(f, *code.locate(f.span.line)) for f in whole.findings))
    # Report each cell that does not parse, and analyse the others together without it.
    errors: list[Finding] = []
    kept = []
    for cell in code.cells:
        alone = check_source(cell.text, path, catalogue, frozenset({PARSE_ERROR}), project)
        if alone.failed:
            errors += [in_cell(f, cell.number, f.span.line) for f in alone.findings]
            kept.append("\n" * cell.text.count("\n"))
        else:
            kept.append(cell.text)
    rest = check_source("".join(kept), path, catalogue, selected, project)
    findings = [*errors, *(in_cell(f, *code.locate(f.span.line)) for f in rest.findings if f.code != PARSE_ERROR)]
    if PARSE_ERROR not in selected:
        findings = [f for f in findings if f.code != PARSE_ERROR]
    return FileResult(path, tuple(sorted(findings, key=Finding.sort_key)), error=errors[0].message if errors else None)


def in_cell(finding: Finding, cell: int, line: int) -> Finding:
    shift = line - finding.span.line
    span = Span(line, finding.span.column, finding.span.end_line + shift, finding.span.end_column)
    return replace(finding, span=span, cell=cell)


def check_source(
    text: str, path: str, catalogue: Catalogue, selected: Collection[str], project: ProjectInfo = ProjectInfo(),
) -> FileResult:
    """Analyse source text; the pure core of ``check_file``."""
    outcome = analyse_source(text, path, catalogue, selected, project)
    if isinstance(outcome, FileResult):
        return outcome
    return FileResult(path, outcome.findings, asked=outcome.asked)


@dataclass(frozen=True)
class Analysis:
    """A parsed module with its findings, and the candidate behind each rule finding (what
    the fixer rewrites). Lives in one process: it holds the tree."""

    module: cst.Module
    findings: tuple[Finding, ...]
    located: tuple[tuple[Candidate, Finding], ...]
    asked: tuple[tuple[str, str], ...] = ()  # what the analysis asked of the project index


def analyse_source(
    text: str, path: str, catalogue: Catalogue, selected: Collection[str], project: ProjectInfo = ProjectInfo(),
    module: cst.Module | None = None,
) -> Analysis | FileResult:
    """Parse (unless ``module`` is ``text`` parsed already) and analyse; a FileResult carrying
    SPT001 when the text does not parse."""
    try:
        module = cst.parse_module(text) if module is None else module
    except cst.ParserSyntaxError as exc:
        line, column, reason = _syntax_error(text, exc)
        return error_result(path, PARSE_ERROR, f"cannot parse file: {reason}", line, column)
    except RecursionError:
        return error_result(path, PARSE_ERROR, "cannot parse file: code nested too deeply")
    try:
        from spotlint.project.env import environment

        env = environment(project)
        candidates = [c for c in analyse(module, catalogue, project, env) if c.rule.code in selected]
        located = _locate(module, text, candidates, path, catalogue) if candidates else []
    except RecursionError:
        return error_result(path, PARSE_ERROR, "cannot analyse file: code nested too deeply")
    asked = tuple(sorted(env.asked.items())) if env is not None else ()
    if not located:
        return Analysis(module, (), (), asked)
    findings = _suppress([f for _, f in located], text, selected)
    kept = {id(f) for f in findings}
    return Analysis(module, findings, tuple((c, f) for c, f in located if id(f) in kept), asked)


_NOQA = re.compile(r"(?i)noqa")


def _syntax_error(text: str, exc: cst.ParserSyntaxError) -> tuple[int, int, str]:
    """Python's own account of a syntax error (clearer, better placed than the parser's)."""
    try:
        compile(text, "<source>", "exec", flags=ast.PyCF_ONLY_AST, dont_inherit=True)
    except SyntaxError as error:
        return error.lineno or 1, error.offset or 1, error.msg
    except (ValueError, RecursionError, MemoryError):
        pass
    return exc.editor_line, exc.editor_column, exc.message


def _locate(
    module: cst.Module, text: str, candidates: Sequence[Candidate], path: str, catalogue: Catalogue,
) -> list[tuple[Candidate, Finding]]:
    source = SourceText(text)
    located = Positions(module, source)
    located.prepare(c.statement for c in candidates)
    findings: dict[tuple[int, int, str], tuple[Candidate, Finding]] = {}
    for candidate in candidates:
        positions = located.within(candidate.statement)
        where = positions[candidate.node]
        statement = positions[candidate.statement]
        span = Span(where.start.line, where.start.column + 1, where.end.line, where.end.column + 1)
        last = statement.end.line
        if not isinstance(candidate.statement, cst.SimpleStatementLine):
            last = max(where.end.line, statement.start.line)  # a compound statement's header
        rule = candidate.rule
        finding = Finding(
            path=path, span=span, code=rule.code, endpoint=rule.name,
            message=compose_message(catalogue, candidate), fix=rule.fix,
            statement_lines=(statement.start.line, last),
            replacement=_replacement(positions, source, candidate),
            fingerprint=_fingerprint(rule.code, source.of(statement), source.of(where)),
            trace=candidate.trace,
        )
        findings.setdefault((span.line, span.column, rule.code), (candidate, finding))
    return sorted(findings.values(), key=lambda pair: pair[1].sort_key())


def _fingerprint(code: str, statement: str, node: str) -> str:
    """Stable under edits elsewhere in the file: only the reported code and its statement."""
    normal = " ".join(f"{code}|{node}|{statement}".split())
    return hashlib.sha1(normal.encode("utf-8")).hexdigest()[:16]


def _replacement(positions: Mapping[cst.CSTNode, CodeRange], source: SourceText, candidate: Candidate) -> str | None:
    """The stub rewrite of a client call, as text (what `spotlint fix` puts there)."""
    if not candidate.method or not candidate.rule.fix or len(candidate.libraries) != 1:
        return None
    [library] = candidate.libraries
    name = f"spotify_compat.{compat_name(library, candidate.method)}"
    node = candidate.node
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value == candidate.method:
        receiver = source.of(positions[node.func.value])
        whole, func = source.of(positions[node]), source.of(positions[node.func])
        rest = whole[len(func):].lstrip()[1:]
        return f"{name}({receiver}, {rest.lstrip()}" if node.args else f"{name}({receiver}{rest}"
    target = node.args[0].value if isinstance(node, cst.Call) and node.args else getattr(node, "value", None)
    if isinstance(target, cst.BaseExpression) and target in positions:
        return f"functools.partial({name}, {source.of(positions[target])})"
    return None


_MESSAGES: dict[tuple[int, str, str], tuple[Catalogue, str]] = {}


def compose_message(catalogue: Catalogue, candidate: Candidate) -> str:
    """The finding's text; one string object per distinct message (files with hundreds of
    findings hold, pickle and cache far less)."""
    key = (id(catalogue), candidate.rule.code, candidate.detail)
    known = _MESSAGES.get(key)
    if known is None or known[0] is not catalogue:
        known = _MESSAGES[key] = (catalogue, _compose(catalogue, candidate))
    return known[1]


def _compose(catalogue: Catalogue, candidate: Candidate) -> str:
    return compose(catalogue, candidate.rule, candidate.detail)


def _suppress(findings: list[Finding], text: str, selected: Collection[str]) -> tuple[Finding, ...]:
    comments = noqa_comments(text) if _NOQA.search(text) else {}
    kept: list[Finding] = []
    reported_bad: set[int] = set()
    for finding in findings:
        first, last = finding.statement_lines
        notes = [comments[n] for n in range(first, last + 1) if n in comments]
        if any(n.silences(finding.code) for n in notes):
            continue
        kept.append(finding)
        for note in notes:
            if note.malformed and note.line not in reported_bad and INVALID_NOQA in selected:
                reported_bad.add(note.line)
                span = Span(note.line, note.column, note.line, note.column)
                message = f"invalid noqa comment: {note.malformed}; it suppresses nothing (write `# noqa: SPT103`)"
                kept.append(Finding(finding.path, span, INVALID_NOQA, "", message))
    return tuple(sorted(kept, key=Finding.sort_key))
