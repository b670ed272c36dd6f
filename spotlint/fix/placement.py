"""Where the compat module goes for a fixed file, and the import that reaches it from there.

Owns the placement rules only: it reads folder markers (``__init__.py``, project files) and
never writes, rewrites or reports. A file inside a package (``__init__.py`` up to its import
root) gets the module inside its *top* package, imported relatively (``from . import
spotify_compat``, ``from .. import`` one level down): that works for ``python -m pkg.mod`` from
the root and for users importing the installed package, and, unlike ``from pkg import …`` or a
top-level module beside the package, it still works when users reach the package under a longer
name (a namespace folder above it: ``source.spotify.mod``) and the module ships with the
package. A file in a package run as ``python pkg/mod.py`` cannot import it (nor its own package).

A standalone script (its folder holds no ``__init__.py``) or a notebook gets the module beside
it, imported plainly (``import spotify_compat``): ``python path/to/tool.py`` puts the script's
folder on ``sys.path`` and a notebook's kernel starts in its folder. The trade-off: ``python -m
scripts.tool`` from the project root then fails (only the root is on ``sys.path``); a relative
import would work there but break the common ``python scripts/tool.py``. Placements are per
file, so a folder of several projects gets one module per project (and a project one per
package or script folder), never one shared from the first file's folder.

The module never goes into a hidden, excluded or environment folder (``.ipynb_checkpoints``,
``__pycache__``, ``site-packages``, virtual environments, the configured excludes) below the
project: a Jupyter checkpoint is placed like the file it copies (in the folder above); any
other such file has no importable place and is ``Unplaceable``. A configured compat module
overrides all this; the import is then computed per file, with a warning when the file cannot
import it the way it runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spotlint.files.discovery import DEFAULT_EXCLUDES, Scope, import_root
from spotlint.project.index import find_project
from spotlint.project.info import COMPAT_MODULE

COMPAT_FILE = f"{COMPAT_MODULE}.py"
CHECKPOINTS = ".ipynb_checkpoints"
CHECKPOINT_SUFFIX = "-checkpoint"


@dataclass(frozen=True, slots=True)
class Layout:
    """What placement needs besides the file: the folders the user named (below them folder
    names are judged), what the walk leaves out, and a configured compat module."""

    named: tuple[Path, ...] = ()
    scope: Scope = Scope()
    configured: Path | None = None


@dataclass(frozen=True, slots=True)
class Placement:
    path: Path  # the compat module (absolute)
    module: str  # what the file imports, in Python's notation: "spotify_compat", "pkg.x", "..spotify_compat"
    known_as: str  # its dotted name from the file's import root (a module of the project)
    warning: str = ""  # why the file may not import a configured module


@dataclass(frozen=True, slots=True)
class Unplaceable:
    reason: str


def place(file: Path, layout: Layout) -> Placement | Unplaceable:
    """The compat module a fixed ``file`` (a .py, .pyi or .ipynb) calls, and how it imports it."""
    file = _outside_checkpoints(file.absolute())
    if layout.configured is not None:
        return _configured(file, layout.configured.absolute())
    package = _package(file)
    if package:
        folder = import_root(file)[0] / package[0]
        placement = Placement(folder / COMPAT_FILE, "." * len(package) + COMPAT_MODULE, f"{package[0]}.{COMPAT_MODULE}")
    else:
        folder = file.parent
        placement = Placement(folder / COMPAT_FILE, COMPAT_MODULE, COMPAT_MODULE)
    unfit = _unfit(folder, _base(folder, layout), layout.scope)
    if unfit:
        return Unplaceable(f"no importable place for the compat module: {unfit}")
    return placement


def _outside_checkpoints(file: Path) -> Path:
    """A Jupyter checkpoint stands for the file it copies, in the folder above."""
    while file.parent.name == CHECKPOINTS:
        stem = file.stem.removesuffix(CHECKPOINT_SUFFIX)
        file = file.parent.parent / f"{stem}{file.suffix}"
    return file


def _package(file: Path) -> tuple[str, ...]:
    """The package parts of the folder a module is in; () for a script or a notebook."""
    if file.suffix == ".ipynb" or not (file.parent / "__init__.py").is_file():
        return ()
    parts = tuple(import_root(file)[1].split("."))
    return parts if file.stem == "__init__" else parts[:-1]


def _base(folder: Path, layout: Layout) -> Path:
    """Below which folder names are judged: the deepest of the project root and the folders
    the user named that hold ``folder``; else its parent (only its own name is judged)."""
    root, marked = find_project(folder)
    bases = [*([root] if marked else []), *(p for p in layout.named if p.is_dir())]
    holding = [b for b in bases if folder == b or b in folder.parents]
    return max(holding, key=lambda b: len(b.parts)) if holding else folder.parent


def _unfit(folder: Path, base: Path, scope: Scope) -> str:
    """Why a folder cannot hold the compat module ('' when it can), judged from ``base`` down."""
    chain = [folder, *folder.parents]
    below = chain[:chain.index(base)] if base in chain else [folder]
    for part in reversed(below):
        if part.name.startswith("."):
            return f"{part} is a hidden folder"
        if part.name in DEFAULT_EXCLUDES or part.name in scope.names:
            return f"{part} is an excluded folder"
        if scope.excluded is not None and scope.excluded(part, True):
            return f"{part} is excluded by the configuration"
        if (part / "pyvenv.cfg").is_file() or (part / "conda-meta").is_dir():
            return f"{part} is a virtual environment"
    return ""


def _configured(file: Path, compat: Path) -> Placement:
    """A configured module: relative within the file's top package, absolute from the folder
    the file runs from, else that import with a warning that it may not resolve."""
    compat_root, dotted = import_root(compat)
    package = _package(file)
    runs_from = import_root(file)[0] if package else file.parent
    parts = dotted.split(".")
    if package and compat_root == runs_from and len(parts) > 1 and parts[0] == package[0]:
        return Placement(compat, "." * len(package) + ".".join(parts[1:]), dotted)
    if compat_root == runs_from:
        return Placement(compat, dotted, dotted)
    return Placement(compat, dotted, dotted, warning=(
        f"{file.name} imports {dotted} from {compat_root}, which is not on its import path when it runs "
        f"(from {runs_from}): add that folder to PYTHONPATH or move the compat module"))
