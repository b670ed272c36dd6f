"""Stale client pins: dependency declarations that keep a client on versions sending removed
routes. The rule says which library; the catalogue's route rules say from which version it
is fixed. Pure: text in, findings out.
"""

from __future__ import annotations

from collections.abc import Collection

from spotlint.catalogue.load import Catalogue
from spotlint.files.dependencies import Declaration, DependencyFileError, allows_any, parse, versions_before, versions_from
from spotlint.findings import READ_ERROR, FileResult, Finding, Span


def stale(declaration: Declaration, fixed: str) -> bool:
    """Allows an old version and no fixed one: installing it can only give the old routes."""
    return allows_any(declaration.specifier, versions_before(fixed)) and not allows_any(
        declaration.specifier, versions_from(fixed)
    )


def check_dependency_text(text: str, name: str, path: str, catalogue: Catalogue, selected: Collection[str]) -> FileResult:
    rules = [r for r in catalogue.rules if r.kind == "pin" and r.code in selected and r.pin_library]
    if not rules:
        return FileResult(path, ())
    try:
        declarations = parse(name, text)
    except DependencyFileError as exc:
        message = f"cannot read dependencies: {exc}"
        return FileResult(path, (Finding(path, Span(1, 1, 1, 1), READ_ERROR, "", message),), error=message)
    findings = []
    for rule in rules:
        fixed = catalogue.fixed_version(rule.pin_library or "")
        if fixed is None:
            continue
        for declaration in declarations:
            if declaration.package != rule.pin_library or not stale(declaration, fixed):
                continue
            span = Span(declaration.line, declaration.column, declaration.line, declaration.column + len(declaration.package))
            head = rule.message.replace("{key}", f"{declaration.package}{declaration.specifier}")
            message = f"{head} {catalogue.wave_of(rule).audience}; {rule.instead}"
            findings.append(Finding(path, span, rule.code, rule.name, message, rule.fix))
    return FileResult(path, tuple(sorted(findings, key=Finding.sort_key)))
