"""Load the rule catalogue from ``rules/`` (and user directories) into an indexed, immutable value.

Owns file discovery inside rule directories and the checks that span files: file names,
duplicate and retired codes, wave prefixes. It parses nothing itself (``schema`` does)
and knows nothing of analysis beyond the indexes analysers ask for.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from spotlint.errors import CatalogueError
from spotlint.catalogue.schema import ClientLibrary, Rule, Wave, parse_libraries, parse_rule, parse_waves

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

WAVES_FILE = "_waves.toml"
CLIENTS_FILE = "_clients.toml"
RETIRED_FILE = "_retired.toml"


def builtin_rules_dir() -> Path:
    """The shipped catalogue: inside the package when installed, beside it in a checkout."""
    here = Path(__file__).resolve().parent.parent  # the package (wheel) or its parent (clone)
    for candidate in (here / "rules", here.parent / "rules"):
        if (candidate / WAVES_FILE).is_file():
            return candidate
    raise CatalogueError(str(here / "rules"), "", "the built-in rule catalogue is missing")


@dataclass(frozen=True)
class Catalogue:
    """Every rule, wave and client library, with the lookups the analysers need."""

    rules: tuple[Rule, ...]
    waves: Mapping[str, Wave]
    libraries: tuple[ClientLibrary, ...]
    retired: frozenset[str]

    def __post_init__(self) -> None:
        by_code = {r.code: r for r in self.rules}
        calls: dict[str, list[tuple[str, Rule]]] = {}
        fields: dict[str, list[Rule]] = {}
        limits: dict[str, list[tuple[str, Rule]]] = {}
        for rule in self.rules:
            if rule.kind == "limit":
                for group in rule.clients:
                    for method in group.methods:
                        limits.setdefault(method, []).append((group.library, rule))
            if rule.kind in ("endpoint", "route"):
                for group in rule.clients:
                    for method in group.methods:
                        calls.setdefault(method, []).append((group.library, rule))
            if rule.fields is not None:
                for name in rule.fields.names:
                    fields.setdefault(name, []).append(rule)
        object.__setattr__(self, "_by_code", MappingProxyType(by_code))
        object.__setattr__(self, "_calls", MappingProxyType(calls))
        object.__setattr__(self, "_fields", MappingProxyType(fields))
        object.__setattr__(self, "_limits", MappingProxyType(limits))

    def rule(self, code: str) -> Rule:
        return self._by_code[code]  # type: ignore[attr-defined,no-any-return]

    def has(self, code: str) -> bool:
        return code in self._by_code  # type: ignore[attr-defined]

    def call_rules(self, method: str) -> list[tuple[str, Rule]]:
        """(library, rule) pairs whose client method has this name."""
        return self._calls.get(method, [])  # type: ignore[attr-defined,no-any-return]

    def limit_rules(self, method: str) -> list[tuple[str, Rule]]:
        """(library, rule) pairs whose client method of this name has a capped parameter."""
        return self._limits.get(method, [])  # type: ignore[attr-defined,no-any-return]

    def field_rules(self, name: str) -> list[Rule]:
        return self._fields.get(name, [])  # type: ignore[attr-defined,no-any-return]

    def wave_of(self, rule: Rule) -> Wave:
        return self.waves[rule.wave]

    def library(self, name: str) -> ClientLibrary:
        return next(lib for lib in self.libraries if lib.name == name)

    def fixed_version(self, library: str) -> str | None:
        """The first release of ``library`` that sends no renamed route a rule knows it fixed."""
        from packaging.version import Version

        versions = [
            Version(v) for r in self.rules if r.kind == "route"
            for g in r.clients if g.library == library for v in g.fixed_in.values()
        ]
        return str(max(versions)) if versions else None

    def codes(self) -> list[str]:
        return sorted(self._by_code)  # type: ignore[attr-defined]


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise CatalogueError(str(path), "", f"cannot read: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueError(str(path), "", f"invalid TOML: {exc}") from None


def load_catalogue(extra_dirs: Iterable[Path] = ()) -> Catalogue:
    """Load the built-in catalogue plus user rule directories; raise on any bad file.
    The built-in one is read once per process; user directories are read every time."""
    extra = tuple(Path(d) for d in extra_dirs)
    return _load((builtin_rules_dir(), *extra)) if extra else _builtin()


@lru_cache(maxsize=1)
def _builtin() -> Catalogue:
    return _load((builtin_rules_dir(),))


def _load(dirs: tuple[Path, ...]) -> Catalogue:
    base = dirs[0]
    waves = {w.id: w for w in parse_waves(_read_toml(base / WAVES_FILE), str(base / WAVES_FILE))}
    libraries = parse_libraries(_read_toml(base / CLIENTS_FILE), str(base / CLIENTS_FILE))
    retired_path = base / RETIRED_FILE
    retired: frozenset[str] = frozenset()
    if retired_path.is_file():
        retired = frozenset(_read_toml(retired_path).get("codes", []))
    rules: dict[str, Rule] = {}
    for directory in dirs:
        if not directory.is_dir():
            raise CatalogueError(str(directory), "", "rule directory does not exist")
        for path in sorted(directory.glob("*.toml")):
            if path.name.startswith("_"):
                continue
            rule = parse_rule(_read_toml(path), str(path))
            _check_rule(rule, path, rules, waves, retired)
            rules[rule.code] = rule
    ordered = tuple(sorted(rules.values(), key=lambda r: r.code))
    return Catalogue(ordered, MappingProxyType(waves), libraries, retired)


def _check_rule(
    rule: Rule, path: Path, seen: Mapping[str, Rule], waves: Mapping[str, Wave], retired: frozenset[str]
) -> None:
    source = str(path)
    expected = f"{rule.code}-{rule.name}.toml"
    if path.name != expected:
        raise CatalogueError(source, "code", f"file should be named {expected}")
    if rule.code in seen:
        raise CatalogueError(source, "code", f"{rule.code} is also defined in {seen[rule.code].source}")
    if rule.code in retired:
        raise CatalogueError(source, "code", f"{rule.code} is retired and may not be reused")
    wave = waves.get(rule.wave)
    if wave is None:
        raise CatalogueError(source, "wave", f"unknown wave {rule.wave!r} (known: {sorted(waves)})")
    if int(rule.code[3]) != wave.hundred:
        raise CatalogueError(source, "code", f"wave {wave.id} rules take SPT{wave.hundred}xx codes")
    for other in seen.values():
        if other.name == rule.name:
            raise CatalogueError(source, "name", f"{rule.name!r} is also used by {other.code}")
