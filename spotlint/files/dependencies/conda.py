"""Conda environment files (``environment.yml``): the top-level ``dependencies:`` list in conda's
match-spec syntax (``spotipy=2.23.0``, ``conda-forge::spotipy>=2.20``, ``spotipy 2.23.0``) and
its nested ``- pip:`` list in pip's. A small line reader, not a YAML parser (spotlint has no
YAML dependency): it reads the block styles conda writes and says where a file leaves them.
Pure: text in, declarations out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spotlint.files.dependencies.model import Declaration, DependencyFileError, normal, requirement

_KEY = re.compile(r"^dependencies\s*:\s*(?P<rest>.*)$")
_ITEM = re.compile(r"^(?P<indent> *)-(?:\s+(?P<value>.*?))?\s*$")
_NAME = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9_.\-]*)\s*(?P<rest>.*)$")
_OPERATOR = re.compile(r"^(!=|>=|<=|~=|>|<)")
_CHANNEL = re.compile(r"^[^\s:]*::")  # conda-forge::spotipy, conda-forge/noarch::spotipy
_MAPPING = re.compile(r"^[\w.-]+\s*:(\s|$)")  # `- pip:` (a `::` channel prefix is not a key)


def environment(text: str, lines: list[str]) -> Iterator[Declaration]:
    for number, line in enumerate(lines):
        match = _KEY.match(line)
        if match:
            rest = _uncomment(match.group("rest")).strip()
            if rest.startswith("["):
                yield from _flow(rest, line, number)
            elif rest:
                raise _error(number, "`dependencies` is not a list")
            else:
                yield from _block(lines, number + 1)
            return


def _block(lines: list[str], start: int) -> Iterator[Declaration]:
    base: int | None = None  # the indentation of the conda items
    pip: int | None = None  # the indentation of the `- pip:` item whose list we are in
    for number in range(start, len(lines)):
        line = lines[number]
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if line[: len(line) - len(line.lstrip())].count("\t"):
            raise _error(number, "a tab in the indentation (YAML allows spaces only)")
        item = _ITEM.match(line)
        if item is None:
            if not line.startswith(" ") or stripped in ("---", "..."):
                return  # the next top-level key: the list has ended
            raise _error(number, "expected a list item (`- name`) under `dependencies`")
        indent = len(item.group("indent"))
        if base is None:
            base = indent
        value = _unquote(_uncomment(item.group("value") or "").strip(), number)
        if indent < base:
            raise _error(number, "a list item indented less than the ones before it")
        if indent == base:
            pip = None
            if re.match(r"^pip\s*:(\s|$)", value):
                flow = value.split(":", 1)[1].strip()
                if flow.startswith("["):
                    yield from _flow(flow, line, number, conda=False)
                else:
                    pip = indent
            elif not _MAPPING.match(value):
                yield from _declare(value, line, number, conda=True)
        elif pip is not None:
            yield from _declare(value, line, number, conda=False)
        else:
            raise _error(number, "a nested list that is not under `- pip:`")


def _flow(text: str, line: str, number: int, conda: bool = True) -> Iterator[Declaration]:
    """``[python=3.11, spotipy=2.23.0]`` on one line."""
    if not text.endswith("]"):
        raise _error(number, "a `[` list that does not close on its line")
    for value in text[1:-1].split(","):
        value = _unquote(value.strip(), number)
        if value and not _MAPPING.match(value):
            yield from _declare(value, line, number, conda)


def _declare(value: str, line: str, number: int, conda: bool) -> Iterator[Declaration]:
    if not value or value.startswith("-"):
        return  # pip options (-r requirements.txt, --index-url …)
    parsed = match_spec(value) if conda else requirement(value)
    if parsed is not None:
        column = line.find(value) + 1 if value in line else len(line) - len(line.lstrip()) + 1
        if conda:  # the name, after a channel prefix
            column += len(value) - len(_CHANNEL.sub("", value))
        yield Declaration(parsed[0], parsed[1], number + 1, column, value)


def match_spec(text: str) -> tuple[str, str] | None:
    """(normalised name, PEP 440 specifier) of a conda match spec, None when it is not one or
    has no PEP 440 equivalent (``|`` alternatives)."""
    from packaging.specifiers import InvalidSpecifier, SpecifierSet

    spec = _CHANNEL.sub("", text.strip())
    bracket = re.match(r"^([^\[\s]+)\s*\[(.*)\]$", spec)  # name[version='>=2.20', build=…]
    if bracket:
        version = re.search(r"""\bversion\s*=\s*(?:"([^"]*)"|'([^']*)'|([^,\s]*))""", bracket.group(2))
        spec = f"{bracket.group(1)} {next(g for g in version.groups() if g is not None)}" if version else bracket.group(1)
    match = _NAME.match(spec)
    if match is None:
        return None
    name, rest = match.group("name"), match.group("rest").strip()
    if "|" in rest:
        return None
    if rest.startswith("=") and not rest.startswith("=="):  # =1.2 is 1.2.*; =1.2.3=build is 1.2.3
        version, _, build = rest[1:].partition("=")
        specifier = f"=={version}" if build else _fuzzy(version)
    elif rest.startswith("=="):
        specifier = "==" + rest[2:].split("=")[0].split()[0]
    elif _OPERATOR.match(rest):
        specifier = re.sub(r"\s+", "", rest)
    elif rest and rest != "*":  # name 1.2.3 [build]; name 1.2.*
        version = rest.split()[0]
        specifier = _fuzzy(version) if version.endswith("*") else f"=={version}"
    else:
        specifier = ""
    try:
        SpecifierSet(specifier)
    except InvalidSpecifier:
        return None
    return normal(name), specifier


def _fuzzy(version: str) -> str:
    """Conda's prefix match: ``2.23``, ``2.23.*`` and ``2.23*`` all mean ``==2.23.*``."""
    return f"=={version.rstrip('*').rstrip('.')}.*"


def _uncomment(text: str) -> str:
    """The text before a `` #`` comment that is not inside quotes."""
    quote = ""
    for index, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == "#" and (index == 0 or text[index - 1].isspace()):
            return text[:index]
    return text


def _unquote(value: str, number: int) -> str:
    if value[:1] in ("'", '"'):
        if len(value) < 2 or value[-1] != value[0]:
            raise _error(number, "a quoted string that does not close")
        return value[1:-1]
    return value


def _error(number: int, what: str) -> DependencyFileError:
    return DependencyFileError(f"unreadable environment file, line {number + 1}: {what}")
