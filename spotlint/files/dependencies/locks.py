"""Lock files: the exact versions a project installs — ``Pipfile.lock`` (JSON) and the
``[[package]]`` tables of ``poetry.lock``, ``uv.lock`` and ``pdm.lock``. Every package a lock
pins is a declaration (a dependency of a dependency is installed too), placed on its name.
Pure: text in, declarations out.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from spotlint.files.dependencies.manifests import toml
from spotlint.files.dependencies.model import Declaration, DependencyFileError, exact, normal, position

_PACKAGE_HEADER = re.compile(r"^\s*\[\[\s*package\s*\]\]\s*(#.*)?$")


def pipfile_lock(text: str, lines: list[str]) -> Iterator[Declaration]:
    """``{"default": {"spotipy": {"version": "==2.23.0", …}}, "develop": {…}}``."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DependencyFileError(f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    if not isinstance(data, dict):
        raise DependencyFileError("invalid Pipfile.lock: the top level is not a JSON object")
    for section in ("default", "develop"):
        packages = data.get(section)
        if not isinstance(packages, dict):
            continue
        opening = re.search(rf'"{section}"\s*:\s*\{{', text)
        start = opening.end() if opening else 0
        for name, entry in packages.items():
            version = entry.get("version") if isinstance(entry, dict) else None
            if not isinstance(version, str) or not version.startswith("==") or exact(version[2:]) is None:
                continue  # a path, VCS or editable entry pins no version
            key = re.compile(rf'"({re.escape(name)})"\s*:\s*\{{').search(text, start)
            line, column = position(text, key.start(1)) if key else (1, 1)
            yield Declaration(normal(name), version, line, column, f"{name}{version}", locked=True)


def package_lock(text: str, lines: list[str]) -> Iterator[Declaration]:
    """``[[package]]`` tables with ``name`` and ``version`` (Poetry, uv and PDM agree on these)."""
    data = toml(text)
    packages = data.get("package", [])
    if not isinstance(packages, list):
        raise DependencyFileError("invalid lock file: `package` is not an array of tables")
    headers = [number for number, line in enumerate(lines) if _PACKAGE_HEADER.match(line)]
    for index, entry in enumerate(packages):
        if not isinstance(entry, dict):
            continue
        name, version = entry.get("name"), entry.get("version")
        if not isinstance(name, str) or not isinstance(version, str):
            continue
        specifier = exact(version)
        if specifier is None:
            continue
        line, column = _name_position(lines, headers, index, name)
        yield Declaration(normal(name), specifier, line, column, f"{name}{specifier}", locked=True)


def _name_position(lines: list[str], headers: list[int], index: int, name: str) -> tuple[int, int]:
    """The ``name = "…"`` line of the index-th ``[[package]]`` table (its header if not found)."""
    if len(headers) <= index:
        return 1, 1
    end = headers[index + 1] if index + 1 < len(headers) else len(lines)
    pattern = re.compile(rf"""^\s*name\s*=\s*["']({re.escape(name)})["']""")
    for number in range(headers[index] + 1, end):
        match = pattern.match(lines[number])
        if match:
            return number + 1, match.start(1) + 1
    return headers[index] + 1, 1
