"""Settings for a run: ``[tool.spotlint]`` in ``pyproject.toml`` read once and validated, then
the command line on top, as one frozen Settings value.

Selection works on code prefixes, like ruff and flake8: ``SPT1`` is every wave-1 rule,
``SPT103`` one rule, ``ALL`` everything. What gets scanned follows ruff too: ``exclude``
replaces the default excludes, ``extend-exclude`` adds to them, ``respect-gitignore`` turns
``.gitignore`` off. Unknown keys and bad values are ConfigErrors naming the key and the file.
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
    "select", "ignore", "extend-select", "exclude", "extend-exclude", "respect-gitignore", "per-file-ignores",
    "extend-rules", "compat-module", "fix-strategy", "waves",
})
STRATEGIES = ("stub", "local", "reccobeats")
PER_RULE = "default"  # fix-strategy / --strategy value: each rule's own fix-default (also when unset)


@dataclass(frozen=True)
class FileConfig:
    """``[tool.spotlint]`` as written, validated; paths are relative to ``root``."""

    source: str = ""
    root: Path = field(default_factory=Path.cwd)
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    exclude: tuple[str, ...] | None = None  # None: the default excludes
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
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
        return Scope(self.default_excludes, self.excluded if self.exclude else None, self.respect_gitignore, self.root)

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
def find_config(paths: Sequence[str]) -> Path | None:
    """The nearest pyproject.toml with a [tool.spotlint] table, from the first path up."""
    start = Path(paths[0]) if paths else Path.cwd()
    start = start.absolute()
    for directory in ([start] if start.is_dir() else []) + list(start.parents):
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            try:
                data = tomllib.loads(candidate.read_text(encoding="utf-8"))
            except OSError:
                continue
            except tomllib.TOMLDecodeError as exc:
                raise ConfigError(f"{candidate}: invalid TOML: {exc}") from None
            if "spotlint" in data.get("tool", {}):
                return candidate
    return None


def _strings(value: Any, key: str, source: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{source}: [tool.spotlint] {key}: expected a list of strings")
    return tuple(value)


def _patterns(value: Any, key: str, source: str) -> tuple[str, ...]:
    return _checked(_strings(value, key, source), f"{source}: [tool.spotlint] {key}")


def _checked(patterns: Sequence[str], where: str) -> tuple[str, ...]:
    """Gitignore-style patterns, each checked: one that pathspec rejects is an error."""
    for pattern in patterns:
        try:
            pathspec.GitIgnoreSpec.from_lines([pattern])
        except ValueError as exc:
            raise ConfigError(f"{where}: {pattern!r} is not a gitignore-style pattern ({exc})") from None
    return tuple(patterns)


def load_config(path: Path) -> FileConfig:
    source = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{source}: cannot read: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{source}: invalid TOML: {exc}") from None
    table = data.get("tool", {}).get("spotlint", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{source}: [tool.spotlint] must be a table")
    unknown = sorted(set(table) - KEYS)
    if unknown:
        raise ConfigError(f"{source}: [tool.spotlint] {unknown[0]}: unknown key (known: {', '.join(sorted(KEYS))})")
    per_file = table.get("per-file-ignores", {})
    if not isinstance(per_file, dict):
        raise ConfigError(f"{source}: [tool.spotlint] per-file-ignores: expected a table of pattern = [codes]")
    strategy = table.get("fix-strategy")
    if strategy is not None and strategy not in (PER_RULE, *STRATEGIES):
        raise ConfigError(f"{source}: [tool.spotlint] fix-strategy: {strategy!r} is not one of "
                          f"{', '.join((PER_RULE, *STRATEGIES))}")
    respect = table.get("respect-gitignore", True)
    if not isinstance(respect, bool):
        raise ConfigError(f"{source}: [tool.spotlint] respect-gitignore: expected true or false, not {respect!r}")
    compat = table.get("compat-module")
    if compat is not None and (not isinstance(compat, str) or not compat.endswith(".py")):
        raise ConfigError(f"{source}: [tool.spotlint] compat-module: expected a path to a .py file")
    return FileConfig(
        source=source,
        root=path.parent,
        select=_strings(table["select"], "select", source) if "select" in table else None,
        ignore=_strings(table.get("ignore", []), "ignore", source),
        extend_select=_strings(table.get("extend-select", []), "extend-select", source),
        exclude=_patterns(table["exclude"], "exclude", source) if "exclude" in table else None,
        extend_exclude=_patterns(table.get("extend-exclude", []), "extend-exclude", source),
        respect_gitignore=respect,
        per_file_ignores=tuple(
            (pattern, _strings(codes, f"per-file-ignores.{pattern!r}", source)) for pattern, codes in per_file.items()
        ),
        extend_rules=_strings(table.get("extend-rules", []), "extend-rules", source),
        compat_module=compat,
        fix_strategy=strategy,
        waves=_strings(table["waves"], "waves", source) if "waves" in table else None,
    )


def _forced(strategy: str | None) -> str | None:
    """The strategy forced on every rule, None when each rule's own default applies."""
    return None if strategy in (None, PER_RULE) else strategy


# -- selection -------------------------------------------------------------------------
def _expand(selectors: Iterable[str], known: list[str], source: str) -> set[str]:
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
            raise ConfigError(f"{source}: {raw!r} matches no rule code (see `spotlint rules`)")
        codes.update(matched)
    return codes


def resolve_selection(
    catalogue: Catalogue,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    extend_select: Iterable[str] = (),
    source: str = "command line",
) -> frozenset[str]:
    known = [*DIAGNOSTICS, *catalogue.codes()]
    chosen = _expand(select, known, source) if select is not None else set(known)
    chosen |= _expand(extend_select, known, source)
    chosen -= _expand(ignore, known, source)
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
) -> Settings:
    """Config file (found or given) with command-line values on top; ``extend_exclude``
    patterns from the command line are, like the config's, relative to the config's folder."""
    found = Path(config_path) if config_path else (None if isolated else find_config(paths))
    config = load_config(found) if found is not None else FileConfig()
    where = f"{config.source}: [tool.spotlint]" if config.source else "command line"
    rule_dirs = []
    for directory in config.extend_rules:
        resolved = (config.root / directory).resolve()
        if not resolved.is_dir():
            raise ConfigError(f"{where} extend-rules: {directory!r} is not a directory")
        rule_dirs.append(str(resolved))
    catalogue = load_catalogue(tuple(rule_dirs))
    if config.waves is not None:
        unknown = sorted(set(config.waves) - set(catalogue.waves))
        if unknown:
            raise ConfigError(f"{where} waves: unknown wave {unknown[0]!r} (known: {', '.join(sorted(catalogue.waves))})")
    selected = resolve_selection(catalogue, config.select, config.ignore, config.extend_select, where)
    if select is not None or ignore or extend_select:
        base = set(selected) if select is None else set(resolve_selection(catalogue, select))
        base |= resolve_selection(catalogue, extend_select) - set(DIAGNOSTICS) if extend_select else set()
        base -= set(_expand(ignore, [*DIAGNOSTICS, *catalogue.codes()], "command line"))
        selected = frozenset(base)
    if config.waves is not None:
        selected = frozenset(c for c in selected if not catalogue.has(c) or catalogue.rule(c).wave in config.waves)
    per_file = []
    for pattern, codes in config.per_file_ignores:
        per_file.append((pathspec.GitIgnoreSpec.from_lines([pattern]),
                         frozenset(_expand(codes, [*DIAGNOSTICS, *catalogue.codes()], f"{where} per-file-ignores"))))
    patterns = [*(config.exclude or ()), *config.extend_exclude, *_checked(extend_exclude, "--extend-exclude")]
    compat = compat_module or (str(config.root / config.compat_module) if config.compat_module else None)
    return Settings(
        catalogue=catalogue,
        selected=selected,
        root=config.root,
        exclude=pathspec.GitIgnoreSpec.from_lines(patterns) if patterns else None,
        default_excludes=DEFAULT_EXCLUDES if config.exclude is None else frozenset(),
        respect_gitignore=config.respect_gitignore if respect_gitignore is None else respect_gitignore,
        per_file_ignores=tuple(per_file),
        compat_module=Path(compat) if compat else None,
        fix_strategy=_forced(fix_strategy or config.fix_strategy),
        source=config.source,
        has_config=bool(config.source),
    )
