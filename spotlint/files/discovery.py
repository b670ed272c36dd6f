"""Turn the paths a user names into the files to check, and what the engine needs to know of
the project around them (module names, first-party packages).

A walk leaves out the default excludes (ruff's list of VCS, tool, build and environment folders,
unless the config's ``exclude`` replaces it), the configured patterns, virtual environments,
and, inside a git work tree, what the ``.gitignore`` files and ``.git/info/exclude`` ignore,
except files git tracks. It never follows a directory twice (symlink loops) nor a link out of
the tree. A folder named explicitly is walked; a file named explicitly is checked unless an
exclude (configured or default, on it or a folder between its project and it) says otherwise
and ``force-exclude`` is on (the default; off, as ruff's default, named files are all checked).
"""

from __future__ import annotations

import os
from functools import lru_cache
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spotlint.project.info import ProjectInfo
from spotlint.files.dependencies import DependencyFileError, installed, is_dependency_file
from spotlint.files.dependencies import parse as parse_dependencies
from spotlint.files.gitfiles import GitState, worktree_root

SOURCE_SUFFIXES = (".py", ".pyi", ".ipynb")
DEFAULT_EXCLUDES = frozenset({  # ruff's default ``exclude``, and the caches spotlint and pytest write
    ".bzr", ".direnv", ".eggs", ".git", ".git-rewrite", ".hg", ".ipynb_checkpoints", ".mypy_cache", ".nox",
    ".pants.d", ".pyenv", ".pytest_cache", ".pytype", ".ruff_cache", ".svn", ".tox", ".venv", ".vscode",
    "__pypackages__", "_build", "buck-out", "build", "dist", "node_modules", "site-packages", "venv",
    ".spotlint_cache", "__pycache__",
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


@dataclass(frozen=True, slots=True)
class Scope:
    """What a walk leaves out: ``names`` of folders and files anywhere (the default excludes),
    ``excluded(path, is_dir)`` (the configured patterns), and, when ``gitignore``, what git
    ignores. ``root`` is the configuration's folder. ``force`` applies the excludes to files
    named explicitly too (``force-exclude``); without it a named file is always checked."""

    names: frozenset[str] = DEFAULT_EXCLUDES
    excluded: Excluded | None = None
    gitignore: bool = True
    root: Path | None = None
    force: bool = True


def discover(paths: Iterable[str], scope: Scope | None = None) -> Iterator[SourceFile | Missing]:
    """Files under ``paths``. The excludes apply to files named explicitly too when
    ``scope.force`` (the default: pre-commit passes every changed file); ``.gitignore`` does not
    (git would not pass an ignored file)."""
    scope = scope or Scope()
    seen_files: set[Path] = set()
    named = _NamedFiles(scope)
    for raw in paths:
        path = Path(raw)
        if path.is_file():
            resolved = path.resolve()
            if resolved not in seen_files and not (scope.force and named.excluded(path)):
                seen_files.add(resolved)
                yield SourceFile(path, _display(path))
        elif path.is_dir():
            for found in walk(path, scope):
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


class _NamedFiles:
    """Judges the files named explicitly: the configured patterns, then the default excludes on
    the file and the folders between its base and it — the config folder or the work tree
    nearest above it, else the folder above its own (``.ipynb_checkpoints/x.ipynb`` is
    skipped anywhere)."""

    def __init__(self, scope: Scope) -> None:
        self.scope = scope
        self.root = os.path.normpath(os.path.abspath(scope.root)) if scope.root is not None else None
        self.trees: dict[str, str | None] = {}  # folder -> its work tree root, asked once per folder

    def excluded(self, path: Path) -> bool:
        if self.scope.excluded is not None and self.scope.excluded(path, False):
            return True
        if not self.scope.names:
            return False
        absolute = os.path.normpath(os.path.abspath(path))
        folder = os.path.dirname(absolute)
        if folder not in self.trees:
            tree = worktree_root(Path(folder))
            self.trees[folder] = None if tree is None else str(tree)
        bases = [b for b in (self.root, self.trees[folder]) if b is not None and _below(absolute, b)]
        base = max(bases, key=len, default=os.path.dirname(folder))
        return any(part in self.scope.names for part in os.path.relpath(absolute, base).split(os.sep))


def _below(path: str, folder: str) -> bool:
    return path.startswith(folder.rstrip(os.sep) + os.sep)


def _is_virtualenv(directory: Path) -> bool:
    return (directory / "pyvenv.cfg").is_file() or (directory / "conda-meta").is_dir()


def walk(root: Path, scope: Scope | None = None) -> Iterator[Path]:
    """The source and dependency files under the folder ``root``, in name order."""
    scope = scope or Scope()
    absolute = root.resolve()
    return _Walk(scope, absolute).folder(root, GitState.named(absolute) if scope.gitignore else None)


class _Walk:
    """One walk: the folders seen (by device and inode), and the tree it may not leave."""

    def __init__(self, scope: Scope, boundary: Path) -> None:
        self.scope = scope
        self.boundary = boundary
        self.visited: set[tuple[int, int]] = set()

    def folder(self, directory: Path, git: GitState | None) -> Iterator[Path]:
        try:
            stat = directory.stat()
            if (stat.st_dev, stat.st_ino) in self.visited:
                return
            self.visited.add((stat.st_dev, stat.st_ino))
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError:
            return
        scope = self.scope
        if scope.gitignore:
            git = GitState.entering(git, directory, {e.name for e in entries})
        for entry in entries:
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
            except OSError:
                continue
            if entry.name in scope.names or (scope.excluded is not None and scope.excluded(path, is_dir)):
                continue
            if entry.is_symlink() and not _inside(path, self.boundary):
                continue  # a symbolic link out of the scanned tree is not followed
            if is_dir:
                if _is_virtualenv(path):
                    continue
                if git is None:
                    yield from self.folder(path, None)
                elif (child := git.child(entry.name)) is not None:
                    yield from self.folder(path, child)
            elif entry.name.endswith(SOURCE_SUFFIXES) or is_dependency_file(entry.name):
                if git is None or git.keeps(entry.name):
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
    return (worktree_root(start.resolve()) or Path.cwd()).resolve()


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
