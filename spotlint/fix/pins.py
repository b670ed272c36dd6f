"""Raise stale client pins (the pin rules' fix): a reported declaration in a requirements file,
``pyproject.toml`` (PEP 621 strings or Poetry tables), ``setup.cfg``, ``Pipfile`` or a conda
``environment.yml`` gets a version specifier that allows the first fixed release; every other
byte of the file stays.

Pure: a file's name, text and findings in, the new text and the findings left (with why) out.
Lock files and hash-pinned requirements are never edited: only their tool can re-lock them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spotlint.catalogue.load import Catalogue
from spotlint.catalogue.schema import Rule
from spotlint.files.dependencies import DependencyFileError, allows_any, parse, poetry_specifier
from spotlint.files.dependencies.conda import match_spec
from spotlint.files.dependencies.model import Declaration, requirement
from spotlint.findings import Finding
from spotlint.fix.plan import Left, strategy_for

# the command that re-locks each lock file after the manifest allows the fixed release
LOCK_COMMANDS = {"Pipfile.lock": "pipenv lock", "poetry.lock": "poetry lock", "uv.lock": "uv lock",
                 "pdm.lock": "pdm lock"}
_TABLES = ("pyproject.toml", "Pipfile")  # files whose declarations may be `name = "constraint"` keys
_STRINGS = ("pyproject.toml", "setup.cfg")  # files whose declarations are PEP 508 strings
_CONDA = ("environment.yml", "environment.yaml")  # conda match specs, and PEP 508 under `- pip:`
# a PEP 508 string: name and extras | the version specifier | markers
_REQUIREMENT = re.compile(r"^(\s*[A-Za-z0-9][A-Za-z0-9._-]*\s*(?:\[[^\]]*\]\s*)?)([^;@]*?)(\s*(?:;.*)?)$", re.S)
_KEY_VALUE = re.compile(r"""^\s*["']?[A-Za-z0-9][A-Za-z0-9._-]*["']?\s*=\s*""")
_QUOTED = re.compile(r"""(["'])([^"'\\]*)\1""")
_INLINE_VERSION = re.compile(r"""\bversion\s*=\s*(["'])([^"'\\]*)\1""")
_NEWLINE = re.compile(r"\r\n?|\n")
# a conda match spec after its channel: name, separator, one version constraint (no build string)
_MATCH_SPEC = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(\s*)([=<>!~]*[0-9][^\s\[\]]*)$")


@dataclass(frozen=True, slots=True)
class PinFix:
    """A dependency file after its stale pins were raised."""

    text: str
    fixed: int  # findings whose declaration now allows the fixed release
    left: tuple[Left, ...]


@dataclass(frozen=True, slots=True)
class _Edit:
    start: int  # offset in the file's text
    old: str
    new: str


def fix_pins(name: str, text: str, findings: Iterable[Finding], catalogue: Catalogue,
             strategy: str | None) -> PinFix:
    """Raise the pins the findings report in the file ``name`` holding ``text``; ``strategy``
    is the one forced on the run (None: each rule's default)."""
    left: list[Left] = []
    edits: list[_Edit] = []
    try:
        declarations = {(d.line, d.column): d for d in parse(name, text)}
    except DependencyFileError:
        declarations = {}
    starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]
    for finding in findings:
        rule = catalogue.rule(finding.code) if catalogue.has(finding.code) else None
        if rule is None or rule.kind != "pin":
            left.append(Left(finding, f"no automatic fix: {rule.instead}" if rule else finding.message))
            continue
        declaration = declarations.get((finding.span.line, finding.span.column))
        outcome = _edit(name, text, starts, declaration, rule, catalogue, strategy_for(rule, strategy))
        if isinstance(outcome, str):
            left.append(Left(finding, outcome))
        else:
            edits.append(outcome)
    new = text
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        new = new[:edit.start] + edit.new + new[edit.start + len(edit.old):]
    return PinFix(new, len(edits), tuple(left))


def _edit(name: str, text: str, starts: list[int], declaration: Declaration | None, rule: Rule,
          catalogue: Catalogue, strategy: str) -> _Edit | str:
    """The one change that raises a declaration, or why there is none."""
    library = rule.pin_library or ""
    fixed = catalogue.fixed_version(library)
    if strategy not in rule.fix:
        return f"no {strategy} fix for this rule (available: {', '.join(rule.fix)})"
    if fixed is None:
        return f"no {library} release sends the new routes yet"
    if name in LOCK_COMMANDS:
        return (f"a lock file installs exactly this version: allow {library}>={fixed} in the manifest, "
                f"then regenerate the lock file (`{LOCK_COMMANDS[name]}`)")
    if declaration is None:
        return "spotlint cannot tell which declaration this is; change it by hand"
    if declaration.locked:
        return (f"a hash-pinned requirement installs exactly this version: allow {library}>={fixed} in its "
                "input file, then regenerate the lock file (e.g. `pip-compile --generate-hashes`)")
    if not (name.startswith("requirements") or name in _STRINGS or name in _TABLES or name in _CONDA):
        return f"{name} is not rewritten by spotlint: change the {library} entry by hand"
    line = _line(text, starts, declaration.line)
    start = starts[declaration.line - 1] + declaration.column - 1
    column = declaration.column - 1
    if name in _CONDA and (match_spec(declaration.text) or ("", ""))[1] == declaration.specifier:
        # a conda match spec (pip's `name==1.0` reads the same either way)
        return _in_match_spec(line, start - column, declaration, fixed) or "this conda match spec is not one spotlint can raise"
    if name not in _TABLES or line[column:].startswith(declaration.text) and requirement(declaration.text):
        return _in_string(line, column, start, declaration, fixed) or "spotlint cannot rewrite this specifier; change it by hand"
    convert = poetry_specifier if name == "pyproject.toml" else _pipfile_specifier
    return _in_table(line, column, start, declaration, fixed, convert) or "the version is not a string on this line"


def _line(text: str, starts: list[int], number: int) -> str:
    begin = starts[number - 1]
    end = starts[number] if number < len(starts) else len(text)
    return _NEWLINE.sub("", text[begin:end])


def _allows(specifier: str, fixed: str) -> bool:
    """The new specifier lets the fixed release in."""
    return allows_any(specifier, [fixed])


def _in_string(line: str, column: int, start: int, declaration: Declaration, fixed: str) -> _Edit | None:
    """A PEP 508 string (``spotipy[extra]==2.23.0; python_version>"3.8"``): its specifier only."""
    if not line[column:].startswith(declaration.text):
        return None
    match = _REQUIREMENT.match(declaration.text)
    if match is None or not match.group(2).strip():
        return None
    head, specifier, tail = match.groups()
    wanted = f">={fixed}"
    if specifier.startswith("(") and specifier.rstrip().endswith(")"):  # the old `name (==1.0)` form
        wanted = f"({wanted})"
    new = head + wanted + specifier[len(specifier.rstrip()):] + tail
    parsed = requirement(new)
    if parsed is None or parsed[0] != declaration.package or not _allows(parsed[1], fixed):
        return None
    return _Edit(start, declaration.text, new)


def _in_match_spec(line: str, line_start: int, declaration: Declaration, fixed: str) -> _Edit | None:
    """A conda entry (``spotipy=2.23``, ``conda-forge::spotipy 2.24.0``): its version only; one
    with a build string or a bracket is left (the build belongs to the old version)."""
    value = declaration.text
    at = line.find(value)
    channel = declaration.column - 1 - at  # the `conda-forge::` prefix before the name
    match = _MATCH_SPEC.match(value[channel:]) if at >= 0 and 0 <= channel < len(value) else None
    if match is None:
        return None
    new = value[:channel] + match.group(1) + match.group(2) + f">={fixed}"
    parsed = match_spec(new)
    if parsed is None or parsed[0] != declaration.package or not _allows(parsed[1], fixed):
        return None
    return _Edit(line_start + at, value, new)


def _in_table(line: str, column: int, start: int, declaration: Declaration, fixed: str,
              convert: Callable[[str], str]) -> _Edit | None:
    """``spotipy = "^2.23"`` or ``spotipy = {version = "==2.22.1", extras = […]}``: the constraint."""
    key = _KEY_VALUE.match(line[column:])
    if key is None:
        return None
    rest = line[column + key.end():]
    found = _INLINE_VERSION.search(rest) if rest.startswith("{") else _QUOTED.match(rest)
    if found is None:
        return None
    old = found.group(2)
    new = _constraint(old, fixed, poetry=convert is poetry_specifier)
    if convert(old) != declaration.specifier or not _allows(convert(new), fixed):
        return None
    offset = column + key.end() + found.start(2)
    return _Edit(start - column + offset, old, new)


def _constraint(old: str, fixed: str, poetry: bool) -> str:
    """Poetry's ``^``/``~`` keep their operator on the fixed release (``^2.23`` → ``^2.26``);
    anything else becomes ``>=fixed``."""
    stripped = old.strip()
    if poetry and stripped[:1] in "^~" and not stripped.startswith("~=") and "," not in stripped:
        count = max(2, len(re.findall(r"\d+", stripped)))
        parts = (fixed.split(".") + ["0"] * count)[:count]
        return stripped[0] + ".".join(parts)
    return f">={fixed}"


def _pipfile_specifier(constraint: str) -> str:
    return "" if constraint.strip() == "*" else constraint
