"""Settings for a run: the nearest config file (``.spotlint.toml`` or ``spotlint.toml`` with
top-level keys, or ``[tool.spotlint]`` in ``pyproject.toml``) read once and validated, then the
command line on top, as one frozen Settings value.

Selection works on code prefixes, like ruff and flake8: ``SPT1`` is every wave-1 rule,
``SPT103`` one rule, ``ALL`` everything. What gets scanned follows ruff too: ``exclude``
replaces the default excludes, ``extend-exclude`` adds to them, ``respect-gitignore`` turns
``.gitignore`` off, ``force-exclude`` (on by default) applies the excludes to files named on the
command line. Unknown keys and bad values are ConfigErrors naming the file, the key and what
was expected; all of a config's problems are raised together, one line each.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pathspec

from spotlint.catalogue.load import Catalogue, load_catalogue
from spotlint.errors import ConfigError
from spotlint.files.discovery import DEFAULT_EXCLUDES, Scope
from spotlint.findings import DIAGNOSTICS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

KEYS = frozenset({
    "select", "ignore", "extend-select", "extend-ignore", "exclude", "extend-exclude", "force-exclude",
    "respect-gitignore", "per-file-ignores", "extend-per-file-ignores", "extend-rules", "compat-module",
    "fix-strategy", "waves",
})
CONFIG_FILES = (".spotlint.toml", "spotlint.toml", "pyproject.toml")  # one folder's precedence, as ruff's
STRATEGIES = ("stub", "local", "reccobeats")
PER_RULE = "default"  # fix-strategy / --strategy value: each rule's own fix-default (also when unset)


@dataclass(frozen=True)
class FileConfig:
    """The settings of one config file as written, validated; paths are relative to ``root``."""

    source: str = ""
    where: str = ""  # how messages name it: "path: [tool.spotlint] ", or "path: " for a spotlint.toml
    root: Path = field(default_factory=Path.cwd)
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    exclude: tuple[str, ...] | None = None  # None: the default excludes
    extend_exclude: tuple[str, ...] = ()
    force_exclude: bool = True
    respect_gitignore: bool = True
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    extend_per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    extend_rules: tuple[str, ...] = ()
    compat_module: str | None = None
    fix_strategy: str | None = None
    waves: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Settings:
    catalogue: Catalogue
    selected: frozenset[str]
    root: Path
    exclude: pathspec.PathSpec | None = None  # the configured patterns (exclude, extend-exclude)
    default_excludes: frozenset[str] = DEFAULT_EXCLUDES  # empty when the config's exclude replaced them
    respect_gitignore: bool = True
    force_exclude: bool = True  # the excludes apply to files named on the command line too
    per_file_ignores: tuple[tuple[pathspec.PathSpec, frozenset[str]], ...] = ()
    compat_module: Path | None = None
    fix_strategy: str | None = None  # forced on every rule; None: each rule's fix-default
    source: str = ""
    has_config: bool = False

    def relative(self, path: Path) -> str | None:
        try:
            return path.absolute().relative_to(self.root.absolute()).as_posix()
        except ValueError:
            return None

    def excluded(self, path: Path, is_dir: bool = False) -> bool:
        relative = self.relative(path)
        return bool(self.exclude and relative and self.exclude.match_file(relative + ("/" if is_dir else "")))

    @property
    def scope(self) -> Scope:
        """What discovery and the project index leave out."""
        return Scope(self.default_excludes, self.excluded if self.exclude else None, self.respect_gitignore, self.root,
                     self.force_exclude)

    def ignored_codes(self, path: Path) -> frozenset[str]:
        relative = self.relative(path)
        if relative is None:
            return frozenset()
        codes: set[str] = set()
        for spec, ignored in self.per_file_ignores:
            if spec.match_file(relative):
                codes |= ignored
        return frozenset(codes)


# -- reading ---------------------------------------------------------------------------
class ConfigProblems(ConfigError):
    """Every problem of one configuration, one line each (the CLI prints them all)."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(self.problems))


def _toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: cannot read: not UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def _has_table(data: dict[str, Any]) -> bool:
    tool = data.get("tool")
    return isinstance(tool, dict) and "spotlint" in tool


def find_config(paths: Sequence[str]) -> Path | None:
    """The nearest config from the first path up. In one folder ``.spotlint.toml`` wins over
    ``spotlint.toml``, which wins over a ``pyproject.toml`` with a [tool.spotlint] table (a
    pyproject.toml without one is passed over); the nearest folder with one of them wins."""
    start = Path(paths[0]) if paths else Path.cwd()
    start = start.absolute()
    for directory in ([start] if start.is_dir() else []) + list(start.parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if not candidate.is_file():
                continue
            if name != "pyproject.toml":
                return candidate
            try:
                data = tomllib.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError):
                continue
            except tomllib.TOMLDecodeError as exc:
                raise ConfigError(f"{candidate}: invalid TOML: {exc}") from None
            if _has_table(data):
                return candidate
    return None


def _kind(value: Any) -> str:
    """``value``'s TOML type, as an error message names it."""
    if isinstance(value, bool):
        return "a boolean"
    kinds = ((str, "a string"), (int, "an integer"), (float, "a float"), (list, "an array"), (dict, "a table"))
    return next((name for kind, name in kinds if isinstance(value, kind)), "a date or time")


class _Reader:
    """Reads one table of settings, collecting every problem instead of stopping at the first."""

    def __init__(self, table: dict[str, Any], where: str) -> None:
        self.table = table
        self.where = where  # "path: [tool.spotlint] " or "path: "
        self.problems: list[str] = []

    def problem(self, key: str, text: str) -> None:
        self.problems.append(f"{self.where}{key}: {text}")

    def strings(self, key: str, value: Any = None, patterns: bool = False) -> tuple[str, ...] | None:
        value = self.table.get(key) if value is None else value
        if value is None:
            return None
        if not isinstance(value, list):
            self.problem(key, f"expected a list of strings, got {_kind(value)}")
            return None
        wrong = [v for v in value if not isinstance(v, str)]
        if wrong:
            self.problem(key, f"expected a list of strings, got {_kind(wrong[0])} {wrong[0]!r} in the list")
            return None
        if patterns:
            for pattern in value:
                problem = _pattern_problem(pattern)
                if problem:
                    self.problem(key, problem)
        return tuple(value)

    def boolean(self, key: str) -> bool | None:
        value = self.table.get(key)
        if value is not None and not isinstance(value, bool):
            self.problem(key, f"expected true or false, not {value!r}")
            return None
        return value

    def string(self, key: str) -> str | None:
        value = self.table.get(key)
        if value is not None and not isinstance(value, str):
            self.problem(key, f"expected a string, got {_kind(value)}")
            return None
        return value

    def per_file(self, key: str) -> list[tuple[str, tuple[str, ...]]]:
        value = self.table.get(key, {})
        if not isinstance(value, dict):
            self.problem(key, f"expected a table of pattern = [codes], got {_kind(value)}")
            return []
        found = []
        for pattern, codes in value.items():
            problem = _pattern_problem(pattern)
            if problem:
                self.problem(key, problem)
            listed = self.strings(f"{key}.{pattern!r}", codes if codes is not None else [])
            if listed is not None and not problem:
                found.append((pattern, listed))
        return found


def _pattern_problem(pattern: str) -> str | None:
    try:
        pathspec.GitIgnoreSpec.from_lines([pattern])
    except ValueError as exc:
        return f"{pattern!r} is not a gitignore-style pattern ({exc})"
    return None


def _checked(patterns: Sequence[str], where: str) -> tuple[str, ...]:
    """Gitignore-style patterns, each checked: one that pathspec rejects is an error."""
    problems = [f"{where}: {p}" for p in map(_pattern_problem, patterns) if p]
    if problems:
        raise ConfigProblems(problems)
    return tuple(patterns)


def _settings_table(path: Path, data: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """The table of settings and how messages name it. A ``spotlint.toml`` (or
    ``.spotlint.toml``) holds them at the top level; a ``pyproject.toml`` must have a
    [tool.spotlint] table; any other file given with --config may do either."""
    if path.name in CONFIG_FILES[:2] or (path.name != "pyproject.toml" and "tool" not in data):
        return data, f"{path}: "
    if not _has_table(data):
        raise ConfigError(f"{path}: no [tool.spotlint] table (a spotlint.toml holds the settings at the top level)")
    table = data["tool"]["spotlint"]
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.spotlint] must be a table, got {_kind(table)}")
    return table, f"{path}: [tool.spotlint] "


def load_config(path: Path) -> FileConfig:
    """One config file, every value checked by type; all its problems raise together."""
    source = str(path)
    table, where = _settings_table(path, _toml(path))
    read = _Reader(table, where)
    for key in sorted(set(table) - KEYS):
        hint = " ([tool.spotlint] belongs in pyproject.toml; here the keys are top-level)" if key == "tool" else ""
        read.problem(key, f"unknown key{hint} (known: {', '.join(sorted(KEYS))})")
    strategy = read.string("fix-strategy")
    if strategy is not None and strategy not in (PER_RULE, *STRATEGIES):
        read.problem("fix-strategy", f"{strategy!r} is not one of {', '.join((PER_RULE, *STRATEGIES))}")
    compat = read.string("compat-module")
    if compat is not None and not compat.endswith(".py"):
        read.problem("compat-module", "expected a path to a .py file")
    config = FileConfig(
        source=source,
        where=where,
        root=path.parent,
        select=read.strings("select"),
        ignore=read.strings("ignore") or (),
        extend_ignore=read.strings("extend-ignore") or (),
        extend_select=read.strings("extend-select") or (),
        exclude=read.strings("exclude", patterns=True),
        extend_exclude=read.strings("extend-exclude", patterns=True) or (),
        force_exclude=read.boolean("force-exclude") is not False,
        respect_gitignore=read.boolean("respect-gitignore") is not False,
        per_file_ignores=read.per_file("per-file-ignores"),
        extend_per_file_ignores=read.per_file("extend-per-file-ignores"),
        extend_rules=read.strings("extend-rules") or (),
        compat_module=compat,
        fix_strategy=strategy,
        waves=read.strings("waves"),
    )
    if read.problems:
        raise ConfigProblems(read.problems)
    return config


def _forced(strategy: str | None) -> str | None:
    """The strategy forced on every rule, None when each rule's own default applies."""
    return None if strategy in (None, PER_RULE) else strategy


# -- selection -------------------------------------------------------------------------
def _expand(selectors: Iterable[str], known: list[str], source: str, problems: list[str] | None = None) -> set[str]:
    """The codes ``selectors`` pick; one matching nothing is an error, or, given ``problems``,
    a line added there."""
    codes: set[str] = set()
    for raw in selectors:
        selector = raw.strip().upper()
        if not selector:
            continue
        if selector == "ALL":
            codes.update(known)
            continue
        matched = [c for c in known if c.startswith(selector)]
        if not matched:
            problem = f"{source}: {raw!r} matches no rule code (see `spotlint rules`)"
            if problems is None:
                raise ConfigError(problem)
            problems.append(problem)
        codes.update(matched)
    return codes


def resolve_selection(
    catalogue: Catalogue,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    extend_select: Iterable[str] = (),
    source: str = "command line",
    problems: list[str] | None = None,
) -> frozenset[str]:
    known = [*DIAGNOSTICS, *catalogue.codes()]
    chosen = _expand(select, known, source, problems) if select is not None else set(known)
    chosen |= _expand(extend_select, known, source, problems)
    chosen -= _expand(ignore, known, source, problems)
    return frozenset(chosen)


def split_codes(values: Iterable[str]) -> list[str]:
    """``--select SPT1,SPT2 --select SPT003`` → ['SPT1', 'SPT2', 'SPT003']."""
    return [part for value in values for part in value.split(",") if part.strip()]


def build_settings(
    paths: Sequence[str] = (),
    config_path: str | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    extend_select: Sequence[str] = (),
    compat_module: str | None = None,
    fix_strategy: str | None = None,
    isolated: bool = False,
    extend_exclude: Sequence[str] = (),
    respect_gitignore: bool | None = None,
    force_exclude: bool | None = None,
) -> Settings:
    """Config file (found or given) with command-line values on top; ``extend_exclude``
    patterns from the command line are, like the config's, relative to the config's folder."""
    found = Path(config_path) if config_path else (None if isolated else find_config(paths))
    config = load_config(found) if found is not None else FileConfig()
    where = config.where
    problems: list[str] = []  # what needs the catalogue to be judged, all reported together
    rule_dirs = []
    for directory in config.extend_rules:
        resolved = (config.root / directory).resolve()
        if resolved.is_dir():
            rule_dirs.append(str(resolved))
        else:
            problems.append(f"{where}extend-rules: {directory!r} is not a directory")
    catalogue = load_catalogue(tuple(rule_dirs))
    known = [*DIAGNOSTICS, *catalogue.codes()]
    if config.waves is not None:
        for wave in sorted(set(config.waves) - set(catalogue.waves)):
            problems.append(f"{where}waves: unknown wave {wave!r} (known: {', '.join(sorted(catalogue.waves))})")
    chosen = set(known) if config.select is None else _expand(config.select, known, f"{where}select", problems)
    chosen |= _expand(config.extend_select, known, f"{where}extend-select", problems)
    chosen -= _expand(config.ignore, known, f"{where}ignore", problems)
    chosen -= _expand(config.extend_ignore, known, f"{where}extend-ignore", problems)
    per_file = []
    for key, entries in (("per-file-ignores", config.per_file_ignores),
                         ("extend-per-file-ignores", config.extend_per_file_ignores)):
        for pattern, codes in entries:
            per_file.append((pathspec.GitIgnoreSpec.from_lines([pattern]),
                             frozenset(_expand(codes, known, f"{where}{key}.{pattern!r}", problems))))
    if problems:
        raise ConfigProblems(problems)
    selected = frozenset(chosen)
    if select is not None or ignore or extend_select:
        base = set(selected) if select is None else set(resolve_selection(catalogue, select))
        base |= resolve_selection(catalogue, extend_select) - set(DIAGNOSTICS) if extend_select else set()
        base -= set(_expand(ignore, known, "command line"))
        selected = frozenset(base)
    if config.waves is not None:
        selected = frozenset(c for c in selected if not catalogue.has(c) or catalogue.rule(c).wave in config.waves)
    patterns = [*(config.exclude or ()), *config.extend_exclude, *_checked(extend_exclude, "--extend-exclude")]
    compat = compat_module or (str(config.root / config.compat_module) if config.compat_module else None)
    return Settings(
        catalogue=catalogue,
        selected=selected,
        root=config.root,
        exclude=pathspec.GitIgnoreSpec.from_lines(patterns) if patterns else None,
        default_excludes=DEFAULT_EXCLUDES if config.exclude is None else frozenset(),
        respect_gitignore=config.respect_gitignore if respect_gitignore is None else respect_gitignore,
        force_exclude=config.force_exclude if force_exclude is None else force_exclude,
        per_file_ignores=tuple(per_file),
        compat_module=Path(compat) if compat else None,
        fix_strategy=_forced(fix_strategy or config.fix_strategy),
        source=config.source,
        has_config=bool(config.source),
    )
