"""What git ignores, for discovery's walk: where a work tree starts (a ``.git`` folder or file),
the patterns in force (``.git/info/exclude``, then each ``.gitignore`` from the tree's root
down, the deepest deciding) and the files git tracks, which no pattern ignores.

Outside a work tree nothing is ignored. The tracked files come from one ``git ls-files`` per
work tree, asked only when a pattern matches; without git, or when it fails or hangs, nothing
counts as tracked. The walk itself, and every other exclude, is discovery's.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import pathspec

GIT_TIMEOUT = 10.0  # seconds; a slower git leaves every file untracked, as without git
_KEPT_ENV = frozenset({"GIT_EXEC_PATH", "GIT_CONFIG_NOSYSTEM"})


def worktree_root(directory: Path) -> Path | None:
    """The nearest folder at or above ``directory`` holding a ``.git`` folder or file."""
    for candidate in (directory, *directory.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def patterns(lines: Iterable[str]) -> pathspec.GitIgnoreSpec | None:
    """Gitignore patterns from ``lines`` (a line git would not accept is skipped, as git
    skips it); None when no line is a pattern."""
    lines = list(lines)
    try:
        spec = pathspec.GitIgnoreSpec.from_lines(lines)
    except ValueError:
        kept = []
        for line in lines:
            try:
                pathspec.GitIgnoreSpec.from_lines([line])
            except ValueError:
                continue
            kept.append(line)
        spec = pathspec.GitIgnoreSpec.from_lines(kept)
    return spec if any(p.include is not None for p in spec.patterns) else None


def read_patterns(path: Path) -> pathspec.GitIgnoreSpec | None:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return patterns(text.splitlines())


def info_exclude(worktree: Path) -> pathspec.GitIgnoreSpec | None:
    """The repository's ``info/exclude`` (in the common git folder, shared by linked work
    trees and found through a ``.git`` file's ``gitdir:`` line)."""
    git_dir = _git_dir(worktree)
    if git_dir is None:
        return None
    try:
        common = (git_dir / (git_dir / "commondir").read_text(encoding="utf-8").strip())
    except OSError:
        common = git_dir
    return read_patterns(common / "info" / "exclude")


def _git_dir(worktree: Path) -> Path | None:
    dot = worktree / ".git"
    if dot.is_dir():
        return dot
    try:
        first = dot.read_text(encoding="utf-8", errors="replace").splitlines()[0]
    except (OSError, IndexError):
        return None
    if not first.startswith("gitdir:"):
        return None
    return worktree / first[len("gitdir:"):].strip()  # an absolute gitdir replaces worktree


def tracked_files(worktree: Path, timeout: float = GIT_TIMEOUT) -> frozenset[str]:
    """Paths (POSIX, relative to ``worktree``) that git tracks there; empty when git cannot
    say. The environment's GIT_* variables are dropped (a hook's GIT_DIR or GIT_INDEX_FILE
    names another repository), and ``core.fsmonitor`` is off, so no command configured in a
    scanned repository runs."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") or k in _KEPT_ENV}
    command = ["git", "-C", str(worktree), "-c", "core.fsmonitor=", "ls-files", "-z", "--cached"]
    try:
        done = subprocess.run(command, capture_output=True, stdin=subprocess.DEVNULL, env=env, timeout=timeout,
                              check=False)
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    if done.returncode != 0:
        return frozenset()
    return frozenset(os.fsdecode(p) for p in done.stdout.split(b"\0") if p)


class Tracked:
    """The files and folders one work tree tracks, asked of git on first need."""

    __slots__ = ("root", "_files", "_dirs")

    def __init__(self, root: Path) -> None:
        self.root = root
        self._files: frozenset[str] | None = None
        self._dirs: frozenset[str] | None = None

    def file(self, relative: str) -> bool:
        if self._files is None:
            self._files = tracked_files(self.root)
        return relative in self._files

    def folder(self, relative: str) -> bool:
        """Whether git tracks a file under ``relative`` (or ``relative`` itself: a submodule)."""
        if self._dirs is None:
            if self._files is None:
                self._files = tracked_files(self.root)
            dirs = set()
            for path in self._files:
                parts = path.split("/")
                dirs.update("/".join(parts[:i]) for i in range(1, len(parts)))
            self._dirs = frozenset(dirs)
        return relative in self._dirs or relative in self._files  # type: ignore[operator]


Specs = tuple[tuple[int, pathspec.GitIgnoreSpec], ...]


@dataclass(frozen=True, slots=True)
class GitState:
    """Where a walked folder stands in its work tree: its path from the tree's root, the
    patterns in force (each with the depth of the folder holding it, outermost first), and
    whether git ignores the folder (walked only for the files git tracks in it)."""

    tracked: Tracked
    parts: tuple[str, ...] = ()
    specs: Specs = ()
    ignored: bool = False

    @staticmethod
    def named(folder: Path) -> GitState | None:
        """The state of a folder named to walk (absolute, resolved): the patterns from its
        tree's root down to it, except those ignoring it or a folder above it (a folder named
        is walked); None outside a work tree."""
        tree = worktree_root(folder)
        if tree is None:
            return None
        parts = folder.relative_to(tree).parts
        found: list[tuple[int, pathspec.GitIgnoreSpec]] = []
        exclude = info_exclude(tree)
        if exclude is not None:
            found.append((0, exclude))
        for depth in range(len(parts)):
            spec = read_patterns(tree.joinpath(*parts[:depth], ".gitignore"))
            if spec is not None:
                found.append((depth, spec))
        specs = tuple((depth, spec) for depth, spec in found if not any(
            spec.match_file("/".join(parts[depth:i]) + "/") for i in range(depth + 1, len(parts) + 1)))
        return GitState(Tracked(tree), parts, specs)

    @staticmethod
    def entering(state: GitState | None, folder: Path, names: set[str]) -> GitState | None:
        """The state inside ``folder`` (holding ``names``): a ``.git`` starts a work tree (a
        nested repository or submodule keeps none of the outer patterns); a ``.gitignore``
        adds its patterns."""
        if ".git" in names and (state is None or state.parts):
            tree = folder.absolute()
            exclude = info_exclude(tree)
            state = GitState(Tracked(tree), (), ((0, exclude),) if exclude is not None else ())
        if state is not None and not state.ignored and ".gitignore" in names:
            spec = read_patterns(folder / ".gitignore")
            if spec is not None:
                state = replace(state, specs=(*state.specs, (len(state.parts), spec)))
        return state

    def child(self, name: str) -> GitState | None:
        """A subfolder's state, or None when git ignores it and tracks nothing in it."""
        parts = (*self.parts, name)
        ignored = self.ignored or self._ignores(parts, True)
        if ignored and not self.tracked.folder("/".join(parts)):
            return None
        return GitState(self.tracked, parts, self.specs, ignored)

    def keeps(self, name: str) -> bool:
        """Whether a file of this folder is walked: not ignored, or tracked."""
        parts = (*self.parts, name)
        if self.ignored or self._ignores(parts, False):
            return self.tracked.file("/".join(parts))  # git ignores patterns for the files it tracks
        return True

    def _ignores(self, parts: tuple[str, ...], is_dir: bool) -> bool:
        """As git decides: the deepest patterns that say anything of the path win, and within
        one file the last matching line (``!`` re-includes)."""
        for depth, spec in reversed(self.specs):
            verdict = spec.check_file("/".join(parts[depth:]) + ("/" if is_dir else "")).include
            if verdict is not None:
                return verdict
        return False
