"""Dependency declarations: which versions of a client library a project allows, and where.

Reads requirements files, ``pyproject.toml`` (PEP 621 and Poetry), ``setup.cfg`` and
``Pipfile`` from their text; Poetry's ``^``/``~`` constraints are translated to PEP 440.
Pure: the caller reads the files.
"""

from __future__ import annotations

import configparser
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DEPENDENCY_FILES = ("pyproject.toml", "setup.cfg", "Pipfile")


def is_dependency_file(name: str) -> bool:
    return name in DEPENDENCY_FILES or (name.startswith("requirements") and name.endswith((".txt", ".in")))


@dataclass(frozen=True, slots=True)
class Declaration:
    package: str  # normalised name
    specifier: str  # PEP 440
    line: int
    column: int
    text: str  # the declaration as written


class DependencyFileError(Exception):
    """The file is not valid in its format; the message says where."""


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _name_pattern(package: str) -> str:
    return re.escape(package).replace("\\-", "[-_.]")


def _locate(lines: list[str], pattern: re.Pattern[str]) -> tuple[int, int]:
    for number, line in enumerate(lines):
        match = pattern.search(line)
        if match and not line.lstrip().startswith("#"):
            return number + 1, match.start(1) + 1
    return 1, 1


def _locate_string(lines: list[str], value: str, package: str) -> tuple[int, int]:
    """Where a requirement string sits: the quoted string itself, else the package name."""
    exact = re.compile(rf"[\"']({re.escape(value)})[\"']")
    found = _locate(lines, exact)
    if found != (1, 1) or exact.search(lines[0] if lines else ""):
        return found
    return _locate(lines, re.compile(rf"(?i)(?<![\w.-])({_name_pattern(package)})(?![\w.-])"))


def _locate_key(lines: list[str], package: str) -> tuple[int, int]:
    """Where ``package = …`` sits in a TOML table."""
    return _locate(lines, re.compile(rf"(?i)^\s*[\"']?({_name_pattern(package)})[\"']?\s*=(?!=)"))


def _requirement(text: str) -> tuple[str, str] | None:
    from packaging.requirements import InvalidRequirement, Requirement

    try:
        requirement = Requirement(text)
    except InvalidRequirement:
        return None
    return _normal(requirement.name), str(requirement.specifier)


def poetry_specifier(constraint: str) -> str:
    """Poetry's constraint syntax (``^2.23``, ``~2.23``, ``2.23.*``, ``2.23.0``) as PEP 440."""
    parts = []
    for piece in constraint.split(","):
        piece = piece.strip()
        if not piece or piece == "*":
            continue
        if piece.startswith("^") or (piece.startswith("~") and not piece.startswith("~=")):
            base = piece.lstrip("^~").strip()
            numbers = [int(n) for n in re.findall(r"\d+", base)[:3]] or [0]
            if piece.startswith("^"):
                index = next((i for i, n in enumerate(numbers) if n != 0), len(numbers) - 1)
            else:
                index = 1 if len(numbers) > 1 else 0
            upper = numbers[: index + 1]
            upper[-1] += 1
            parts += [f">={base}", f"<{'.'.join(map(str, upper))}"]
        elif re.match(r"^\d", piece):
            parts.append(f"=={piece}")
        else:
            parts.append(piece)
    return ",".join(parts)


def parse(name: str, text: str) -> list[Declaration]:
    lines = text.splitlines()
    found = list(_declarations(name, text, lines))
    return sorted(found, key=lambda d: (d.line, d.column))


def _declarations(name: str, text: str, lines: list[str]) -> Iterator[Declaration]:
    if name == "pyproject.toml" or name == "Pipfile":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise DependencyFileError(f"invalid TOML: {exc}") from None
        yield from (_pyproject(data, lines) if name == "pyproject.toml" else _pipfile(data, lines))
    elif name == "setup.cfg":
        parser = configparser.ConfigParser(interpolation=None)
        try:
            parser.read_string(text)
        except configparser.Error as exc:
            raise DependencyFileError(f"invalid setup.cfg: {exc.message.splitlines()[0]}") from None
        values = []
        if parser.has_option("options", "install_requires"):
            values.append(parser.get("options", "install_requires"))
        if parser.has_section("options.extras_require"):
            values += [v for _, v in parser.items("options.extras_require")]
        for value in values:
            entries = [v.split(" #", 1)[0].strip() for v in value.splitlines()]
            yield from _from_strings([v for v in entries if v and not v.startswith("#")], lines)
    else:
        for number, line in enumerate(lines, start=1):
            content = line.split(" #", 1)[0].strip()
            if not content or content.startswith(("#", "-")):
                continue
            parsed = _requirement(content)
            if parsed:
                column = line.find(content[:1]) + 1
                yield Declaration(parsed[0], parsed[1], number, column, content)


def _from_strings(values: list[str], lines: list[str]) -> Iterator[Declaration]:
    for value in values:
        parsed = _requirement(value)
        if parsed:
            line, column = _locate_string(lines, value, parsed[0])
            yield Declaration(parsed[0], parsed[1], line, column, value)


def _pyproject(data: dict, lines: list[str]) -> Iterator[Declaration]:
    project = data.get("project", {})
    strings = [v for v in project.get("dependencies", []) if isinstance(v, str)]
    for group in project.get("optional-dependencies", {}).values():
        strings += [v for v in group if isinstance(v, str)]
    for group in data.get("dependency-groups", {}).values():
        strings += [v for v in group if isinstance(v, str)]
    yield from _from_strings(strings, lines)
    poetry = data.get("tool", {}).get("poetry", {})
    tables = [poetry.get("dependencies", {}), poetry.get("dev-dependencies", {})]
    tables += [g.get("dependencies", {}) for g in poetry.get("group", {}).values() if isinstance(g, dict)]
    for table in tables:
        yield from _table(table, lines, poetry_specifier)


def _pipfile(data: dict, lines: list[str]) -> Iterator[Declaration]:
    for section in ("packages", "dev-packages"):
        yield from _table(data.get(section, {}), lines, lambda c: "" if c.strip() == "*" else c)


def _table(table: dict, lines: list[str], convert) -> Iterator[Declaration]:  # type: ignore[no-untyped-def]
    for package, value in table.items():
        constraint = value.get("version", "*") if isinstance(value, dict) else value
        if not isinstance(constraint, str):
            continue
        line, column = _locate_key(lines, package)
        yield Declaration(_normal(package), convert(constraint), line, column, f"{package} = {constraint!r}")


def allows_any(specifier: str, versions: list[str]) -> bool:
    from packaging.specifiers import InvalidSpecifier, SpecifierSet
    from packaging.version import Version

    try:
        spec = SpecifierSet(specifier)
    except InvalidSpecifier:
        return True
    return any(spec.contains(Version(v), prereleases=True) for v in versions)


def versions_before(fixed: str) -> list[str]:
    """Probe versions below ``fixed`` (every minor and a few patches of the same major)."""
    from packaging.version import Version

    target = Version(fixed)
    probes = [f"{major}.{minor}.{patch}" for major in range(0, target.major + 1)
              for minor in range(0, 40) for patch in range(0, 4)]
    return [p for p in probes if Version(p) < target]


def versions_from(fixed: str) -> list[str]:
    from packaging.version import Version

    target = Version(fixed)
    return [str(target), *(f"{target.major}.{m}.{p}" for m in range(target.minor, target.minor + 20) for p in range(4)),
            f"{target.major + 1}.0.0"]
