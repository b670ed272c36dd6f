"""A module's summary, as data: what its names, classes, functions, parameters and attributes
are as far as Spotify goes, the calls it makes to project code with the values of their
arguments, and the attributes it stores on imported objects. What it refers to in other
modules stays a ``Ref`` for the resolution. ``summarise`` computes one; this module imports no
parser, so a run with nothing to summarise never loads libcst.
"""

from __future__ import annotations

from dataclasses import dataclass

from spotlint.project.values import Values


@dataclass(frozen=True, slots=True)
class FunctionSummary:
    params: tuple[str, ...]  # positional parameters first (``self`` included), then keyword-only
    positional: int
    method: bool  # called through an instance or class, the first parameter is bound
    returns: Values
    fixture: str = ""  # the pytest fixture it defines, if it is one


@dataclass(frozen=True, slots=True)
class ClassSummary:
    bases: tuple[Values, ...]
    members: dict[str, Values]  # class attributes, methods, and attributes set through self/cls
    defines: frozenset[str]
    api_base: bool = False  # holds the Web API's base URL: a wrapper of the API (``analysis.wrappers``)


@dataclass(frozen=True, slots=True)
class CallSite:
    callee: Values  # a method's first parameter is its receiver (``FunctionSummary.method``)
    args: tuple[Values, ...]
    keywords: tuple[tuple[str, Values], ...]
    step: str  # "passed at routes.py:12", for traces


@dataclass(frozen=True, slots=True)
class Store:
    base: Values
    attr: str
    value: Values  # clients in it carry their trace


@dataclass(frozen=True, slots=True)
class ModuleSummary:
    module: str  # dotted name the file is imported by (from its import root)
    path: str  # the file, relative to the project root: the module's key
    symbols: dict[str, Values]
    classes: dict[str, ClassSummary]
    functions: dict[str, FunctionSummary]
    calls: tuple[CallSite, ...]
    stores: tuple[Store, ...]
    strings: dict[str, tuple[str, ...]]  # module-level string constants, as templates
    star_imports: tuple[str, ...]
    failed: bool = False  # the file did not parse: nothing is known of it

    @staticmethod
    def empty(module: str, path: str) -> ModuleSummary:
        return ModuleSummary(module, path, {}, {}, {}, (), (), {}, (), failed=True)


