"""What every dependency-file reader produces (a ``Declaration``) and the helpers they share:
package-name normalisation, PEP 508 parsing and finding where a name sits in the text.
Pure: strings in, values out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Declaration:
    """One package constraint of a dependency file, with where it is written."""

    package: str  # normalised name
    specifier: str  # PEP 440
    line: int
    column: int
    text: str  # the declaration as written
    locked: bool = False  # an exact version a lock file (or hashed requirements) installs


class DependencyFileError(Exception):
    """The file is not valid in its format; the message says where."""


def normal(name: str) -> str:
    """PEP 503 normalisation: ``Spotipy_Extra`` and ``spotipy.extra`` are ``spotipy-extra``."""
    return re.sub(r"[-_.]+", "-", name).lower()


def name_pattern(package: str) -> str:
    """A regex for a normalised name as it may be written (any separator, any case with (?i))."""
    return re.escape(package).replace("\\-", "[-_.]+")


def requirement(text: str) -> tuple[str, str] | None:
    """(normalised name, PEP 440 specifier) of a PEP 508 string, None if it is not one."""
    from packaging.requirements import InvalidRequirement, Requirement

    try:
        parsed = Requirement(text)
    except InvalidRequirement:
        return None
    return normal(parsed.name), str(parsed.specifier)


def exact(version: str) -> str | None:
    """``==version`` when ``version`` is a valid PEP 440 version, else None."""
    from packaging.version import InvalidVersion, Version

    try:
        Version(version)
    except InvalidVersion:
        return None
    return f"=={version}"


def locate(lines: list[str], pattern: re.Pattern[str]) -> tuple[int, int]:
    """(line, column) of group 1 of the first match on a line that is not a comment."""
    for number, line in enumerate(lines):
        match = pattern.search(line)
        if match and not line.lstrip().startswith("#"):
            return number + 1, match.start(1) + 1
    return 1, 1


def locate_string(lines: list[str], value: str, package: str) -> tuple[int, int]:
    """Where a requirement string sits: the quoted string itself, else the package name."""
    quoted = re.compile(rf"[\"']({re.escape(value)})[\"']")
    found = locate(lines, quoted)
    if found != (1, 1) or quoted.search(lines[0] if lines else ""):
        return found
    return locate(lines, re.compile(rf"(?i)(?<![\w.-])({name_pattern(package)})(?![\w.-])"))


def locate_key(lines: list[str], package: str) -> tuple[int, int]:
    """Where ``package = …`` sits in a TOML table."""
    return locate(lines, re.compile(rf"(?i)^\s*[\"']?({name_pattern(package)})[\"']?\s*=(?!=)"))


_NEWLINE = re.compile(r"\r\n?|\n")


def lines_of(text: str) -> list[str]:
    """The lines as editors number them: only CR LF, CR and LF end one (``str.splitlines``
    also breaks at form feeds and Unicode separators, which shifts every later line)."""
    return _NEWLINE.split(text)


def position(text: str, offset: int) -> tuple[int, int]:
    """(line, column), both 1-based, of a character offset."""
    before = lines_of(text[:offset])
    return len(before), len(before[-1]) + 1
