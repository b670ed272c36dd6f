"""Turn the paths a user names into the files to check, and what the engine needs to know of
the project around them (module names, first-party packages).

Skips VCS and tool directories, virtual environments, ``__pycache__`` and whatever the
``.gitignore`` files on the way ignore; never follows a directory twice (symlink loops).
Files named explicitly are always checked.
"""

from __future__ import annotations

import os
from functools import lru_cache
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pathspec

from spotlint.project.info import ProjectInfo
from spotlint.files.dependencies import DependencyFileError, installed, is_dependency_file
from spotlint.files.dependencies import parse as parse_dependencies

SOURCE_SUFFIXES = (".py", ".pyi", ".ipynb")
SKIP_DIRS = frozenset({
    ".git", ".hg", ".svn", "__pycache__", ".tox", ".nox", ".mypy_cache", ".pytest_cache",
    ".ruff_cache", ".spotlint_cache", "node_modules", "site-packages", ".eggs",
})


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: Path
    display: str  # the path as shown in output


@dataclass(frozen=True, slots=True)
class Missing:
    display: str
    reason: str


Excluded = Callable[[Path, bool], bool]


def discover(paths: Iterable[str], excluded: Excluded | None = None) -> Iterator[SourceFile | Missing]:
    """Files under ``paths``; ``excluded(path, is_dir)`` (the configured excludes) applies to
    files named explicitly too, as pre-commit passes every changed file."""
    seen_files: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_file():
            resolved = path.resolve()
            if resolved not in seen_files and not (excluded and excluded(path, False)):
                seen_files.add(resolved)
                yield SourceFile(path, _display(path))
        elif path.is_dir():
            for found in _walk(path, excluded):
                resolved = found.resolve()
                if resolved not in seen_files:
                    seen_files.add(resolved)
                    yield SourceFile(found, _display(found))
        elif path.is_symlink():
            yield Missing(_display(path), "broken symbolic link")
        else:
            yield Missing(_display(path), "no such file or directory")


def _display(path: Path) -> str:
    text = os.path.normpath(str(path))
    return text[2:] if text.startswith("./") else text


def _is_virtualenv(directory: Path) -> bool:
    return (directory / "pyvenv.cfg").is_file() or (directory / "conda-meta").is_dir()


def _ignore_spec(directory: Path) -> pathspec.PathSpec | None:
    gitignore = directory / ".gitignore"
    try:
        lines = gitignore.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return pathspec.GitIgnoreSpec.from_lines(lines)


def _repository_root(directory: Path) -> Path | None:
    for candidate in (directory, *directory.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def _walk(root: Path, excluded: Excluded | None = None) -> Iterator[Path]:
    visited: set[tuple[int, int]] = set()
    specs: list[tuple[Path, pathspec.PathSpec]] = []
    absolute = root.resolve()
    repository = _repository_root(absolute)
    if repository is not None:  # as git does: .gitignore files from the repository root down
        for parent in reversed(absolute.parents):
            if parent == repository or repository in parent.parents:
                spec = _ignore_spec(parent)
                if spec is not None and not _covers(spec, parent, absolute):
                    specs.append((parent, spec))
    yield from _walk_dir(root, specs, visited, excluded, absolute)


def _covers(spec: pathspec.PathSpec, base: Path, root: Path) -> bool:
    """Whether ``spec`` ignores the named root (or a directory above it): a directory the
    user names explicitly is checked anyway, so such a spec is not applied."""
    parts = root.relative_to(base).parts
    return any(spec.match_file("/".join(parts[: i + 1]) + "/") for i in range(len(parts)))


def _ignored(path: Path, is_dir: bool, specs: list[tuple[Path, pathspec.PathSpec]]) -> bool:
    absolute = path.resolve() if path.is_symlink() else path.absolute()
    for base, spec in specs:
        try:
            relative = absolute.relative_to(base.absolute() if not base.is_absolute() else base).as_posix()
        except ValueError:
            continue
        if spec.match_file(relative + ("/" if is_dir else "")):
            return True
    return False


def _walk_dir(directory: Path, specs: list[tuple[Path, pathspec.PathSpec]], visited: set[tuple[int, int]],
              excluded: Excluded | None = None, boundary: Path | None = None) -> Iterator[Path]:
    try:
        stat = directory.stat()
    except OSError:
        return
    key = (stat.st_dev, stat.st_ino)
    if key in visited:
        return
    visited.add(key)
    own = _ignore_spec(directory)
    local_specs = [*specs, (directory.absolute(), own)] if own is not None else specs
    try:
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError:
            continue
        if excluded is not None and excluded(path, is_dir):
            continue
        if boundary is not None and entry.is_symlink() and not _inside(path, boundary):
            continue  # a symbolic link out of the scanned tree is not followed
        if is_dir:
            if entry.name in SKIP_DIRS or _is_virtualenv(path) or _ignored(path, True, local_specs):
                continue
            yield from _walk_dir(path, local_specs, visited, excluded, boundary)
        elif (entry.name.endswith(SOURCE_SUFFIXES) or is_dependency_file(entry.name)) and not _ignored(path, False, local_specs):
            yield path


def _inside(path: Path, boundary: Path) -> bool:
    try:
        path.resolve().relative_to(boundary)
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def project_root(paths: Iterable[str], config_root: Path | None = None) -> Path:
    """Where spotlint may write (compat module, cache): the config file's directory, else the
    repository holding the first path, else the current directory."""
    if config_root is not None:
        return config_root.resolve()
    first = Path(next(iter(paths), ".")).absolute()
    start = first if first.is_dir() else first.parent
    return (_repository_root(start.resolve()) or Path.cwd()).resolve()


def import_root(path: Path) -> tuple[Path, str]:
    """The directory a file is imported from, and its dotted module name."""
    absolute = path.absolute()
    root, package = _package_of(absolute.parent)
    parts = [*package, absolute.stem] if absolute.stem != "__init__" else list(package)
    return root, ".".join(parts)


@lru_cache(maxsize=4096)
def _package_of(directory: Path) -> tuple[Path, tuple[str, ...]]:
    """(import root, package parts) of a directory, one stat per directory level."""
    if directory.parent == directory or not (directory / "__init__.py").is_file():
        return directory, ()
    root, parts = _package_of(directory.parent)
    return root, (*parts, directory.name)


def project_infos(files: Iterable[SourceFile], needed: Iterable[Path] | None = None) -> dict[Path, ProjectInfo]:
    """ProjectInfo for each ``needed`` file (default: all): its module name, and the
    first-party names and modules around it, learnt from all ``files``."""
    roots: dict[Path, tuple[Path, str]] = {f.path: import_root(f.path) for f in files}
    modules_by_root: dict[Path, set[str]] = {}
    listed: set[Path] = set()
    for path, (root, module) in roots.items():
        names = modules_by_root.setdefault(root, set())
        parts = module.split(".")
        for i in range(1, len(parts) + 1):
            names.add(".".join(parts[:i]))
        package = path.absolute().parent
        if len(parts) > 1 and package not in listed:  # the file's package: its sibling modules
            listed.add(package)
            prefix = ".".join(parts[:-1])
            try:
                entries = os.listdir(package)
            except OSError:
                entries = []
            names |= {f"{prefix}.{e[:-3]}" for e in entries if e.endswith(".py") and e != "__init__.py"}
            names |= {f"{prefix}.{e}" for e in entries if (package / e / "__init__.py").is_file()}
    first_party: dict[Path, frozenset[str]] = {}
    for root in modules_by_root:
        try:
            entries = os.listdir(root)
        except OSError:
            entries = []
        names = {e[:-3] for e in entries if e.endswith(".py")}
        names |= {e for e in entries if (root / e / "__init__.py").is_file()}
        first_party[root] = frozenset(names)
        modules_by_root[root] |= names
    declared: dict[Path, tuple[tuple[str, str], ...]] = {}
    modules = {root: frozenset(names) for root, names in modules_by_root.items()}  # shared, not copied per file
    wanted = roots if needed is None else {p: roots[p] for p in needed}
    return {
        path: ProjectInfo(module, first_party[root], modules[root], _declared_near(path.absolute().parent, declared),
                          is_package=path.name == "__init__.py")
        for path, (root, module) in wanted.items()
    }


def _declared_near(directory: Path, cache: dict[Path, tuple[tuple[str, str], ...]]) -> tuple[tuple[str, str], ...]:
    """Client versions declared by the nearest directory (this one or above, up to the
    repository root) that holds dependency files; a lock there decides the versions of what it
    pins (it is what gets installed)."""
    if directory in cache:
        return cache[directory]
    try:
        names = sorted(n for n in os.listdir(directory) if is_dependency_file(n))
    except OSError:
        names = []
    if names:
        found = []
        for name in names:
            try:
                text = (directory / name).read_text(encoding="utf-8", errors="replace")
                found += parse_dependencies(name, text)
            except (OSError, DependencyFileError):
                continue
        result = tuple((d.package, d.specifier) for d in installed(found))
    elif (directory / ".git").exists() or directory.parent == directory:
        result = ()
    else:
        result = _declared_near(directory.parent, cache)
    cache[directory] = result
    return result
