"""What the engine knows of the project around a file: its module name, first-party names,
and the client versions the project declares. Pure data, picklable, cheap to import."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# Names every layer needs without importing the analysers.
API_HOST = "api.spotify.com"
COMPAT_MODULE = "spotify_compat"  # the module `spotlint fix` writes: importing it is Spotify use


def compat_name(library: str, method: str) -> str:
    """The compat module's function for a client method (spotipy's keep their names)."""
    return method if library == "spotipy" else f"{library}_{method}"


def compat_method(function: str, libraries: Iterable[str]) -> tuple[str, str]:
    """The (library, client method) a compat function stands for: ``compat_name`` reversed."""
    for library in libraries:
        if library != "spotipy" and function.startswith(f"{library}_"):
            return library, function[len(library) + 1:]
    return "spotipy", function


@dataclass(frozen=True, slots=True)
class ProjectInfo:
    """What the engine knows of the project around a file (pure data, no I/O)."""

    module: str = ""  # dotted name of this file's module, '' when unknown
    first_party: frozenset[str] = frozenset()  # top-level names importable from the project
    modules: frozenset[str] = frozenset()  # dotted names known to be modules of the project
    declared: tuple[tuple[str, str], ...] = ()  # (package, PEP 440 specifier) the project declares
    # The resolved project index (spotlint.project.env.environment loads it), this file's key in
    # it, the index's digest (part of cache keys), and whether the index found this file can matter.
    index_file: str = ""
    module_key: str = ""
    index_digest: str = ""
    relevant: bool = False
    is_package: bool = False  # the file is a package's ``__init__``: relative imports start at it


    @property
    def package(self) -> str:
        return self.module if self.is_package else self.module.rpartition(".")[0]

    def declared_specifiers(self, package: str) -> list[str]:
        return [spec for name, spec in self.declared if name == package]

    def is_first_party(self, qualname: str) -> bool:
        """Whether a qualified name comes from this project (its own package counts)."""
        top = qualname.split(".")[0]
        return top in self.first_party or (bool(self.package) and top == self.module.split(".")[0])
