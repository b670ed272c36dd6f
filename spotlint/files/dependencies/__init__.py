"""Dependency declarations: which versions of a client library a project allows or installs,
and where each is written. Knows the file names (``is_dependency_file``), hands each file to
its reader (manifests, lock files, conda environments) and decides what a folder installs when
a lock sits beside a looser manifest. Pure: the caller reads the files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spotlint.files.dependencies import conda, locks, manifests
from spotlint.files.dependencies.manifests import poetry_specifier
from spotlint.files.dependencies.model import Declaration, DependencyFileError, lines_of
from spotlint.files.dependencies.versions import allows_any, versions_before, versions_from, versions_in

__all__ = [
    "DEPENDENCY_FILES", "Declaration", "DependencyFileError", "allows_any", "installed", "is_dependency_file",
    "parse", "poetry_specifier", "versions_before", "versions_from", "versions_in",
]

Reader = Callable[[str, list[str]], Iterator[Declaration]]

_READERS: dict[str, Reader] = {
    "pyproject.toml": manifests.pyproject,
    "setup.cfg": manifests.setup_cfg,
    "Pipfile": manifests.pipfile,
    "Pipfile.lock": locks.pipfile_lock,
    "poetry.lock": locks.package_lock,
    "uv.lock": locks.package_lock,
    "pdm.lock": locks.package_lock,
    "environment.yml": conda.environment,
    "environment.yaml": conda.environment,
}
DEPENDENCY_FILES = tuple(_READERS)


def is_dependency_file(name: str) -> bool:
    """A file name spotlint reads declarations from: those above and ``requirements*.txt|.in``."""
    return name in _READERS or (name.startswith("requirements") and name.endswith((".txt", ".in")))


def parse(name: str, text: str) -> list[Declaration]:
    """The declarations of a dependency file named ``name``, in text order; a file that is not
    valid in its format raises DependencyFileError."""
    lines = lines_of(text)
    reader = _READERS.get(name, manifests.requirements)
    return sorted(reader(text, lines), key=lambda d: (d.line, d.column))


def installed(declarations: Iterable[Declaration]) -> list[Declaration]:
    """What the declarations of one folder's files say gets installed: a package a lock pins
    is installed at the lock's versions, so the lock replaces the looser manifest entries
    (``spotipy = "*"`` in a Pipfile beside ``Pipfile.lock``'s ``==2.23.0``)."""
    found = list(declarations)
    locked = {d.package for d in found if d.locked}
    return [d for d in found if d.locked or d.package not in locked]
