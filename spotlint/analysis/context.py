"""Per-file facts shared by the analysers during and after the walk.

Owns the explicit state of one analysis (scopes, the statement being walked, whether the
module uses Spotify, pending candidates). Created per file, never stored in module globals.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import libcst as cst

from spotlint.analysis.scope import Scope, Site
from spotlint.catalogue.load import Catalogue
from spotlint.project.info import ProjectInfo
from spotlint.catalogue.schema import Rule


@dataclass(eq=False, slots=True)
class Candidate:
    """A node a handler wants to report, once the whole module has been walked."""

    node: cst.CSTNode
    rule: Rule
    statement: cst.CSTNode
    detail: str = ""
    method: str = ""  # the client method, for client-call findings
    libraries: frozenset[str] = frozenset()  # the client libraries the call may come from
    pieces: tuple[cst.CSTNode, ...] = ()  # for raw HTTP: the string expressions the URL is built from
    http_method: str = ""  # for raw HTTP: the request's method, when known
    trace: tuple[str, ...] = ()  # for client calls: how the receiver was resolved across the project
    # for client calls: the receiver is resolved to a client instance (only then is it rewritten);
    # False for a receiver that is only maybe a client (unknown type, a distinctive method name)
    sure: bool = False


@dataclass(eq=False)
class ModuleContext:
    catalogue: Catalogue
    project: ProjectInfo
    scope: Scope
    statement: cst.CSTNode | None = None
    site: Site | None = None  # where the walk is in the control flow (``scope.reaching``)
    sites: dict[int, Site] = field(default_factory=dict)  # id(Name) -> the site it is read at
    uses_spotify: bool = False
    libraries: set[str] = field(default_factory=set)  # client libraries the module imports
    candidates: list[Candidate] = field(default_factory=list)
    class_scopes: dict[int, Scope] = field(default_factory=dict)  # id(ClassDef) -> its body scope
    function_scopes: dict[int, Scope] = field(default_factory=dict)  # id(FunctionDef) -> its scope
    inference: Any = None  # the module's Inference, set once the walk is over
    env: Any = None  # the resolved project (spotlint.project.env.ModuleEnv), when there is one
    symbolic: bool = False  # summarising for the project index: other modules' values stay references
    traces: dict[int, tuple[str, ...]] = field(default_factory=dict)  # id(node) -> how its receiver resolved
    stores: set[int] = field(default_factory=set)  # ids of subscripts and attributes that are written, not read
    maximised: set[int] = field(default_factory=set)  # calls inside ``with client.max_limits():``
    lambda_items: dict[int, cst.BaseExpression] = field(default_factory=dict)  # lambda -> the iterable it maps
    api_wrappers: dict[int, bool] = field(default_factory=dict)  # id(ClassDef) -> holds the API's base URL
    called: set[int] = field(default_factory=set)  # ids of attributes that are called at once
    string_parts: set[int] = field(default_factory=set)  # string expressions inside a larger one
    string_scopes: dict[int, Scope] = field(default_factory=dict)  # string expression -> its scope
    consumed: set[int] = field(default_factory=set)  # string expressions judged at a request call
    method_calls: list[tuple[cst.Call, Scope]] = field(default_factory=list)  # ``x.m(args)`` calls
    claimed: set[int] | None = None  # literals passed to client calls, computed on demand
    # checks that need every binding of the module: run once the walk is over
    deferred: list[Callable[[ModuleContext], None]] = field(default_factory=list)
    # checks that also need to know whether the module uses Spotify: run after ``deferred``
    late: list[Callable[[ModuleContext], None]] = field(default_factory=list)

    def report(self, node: cst.CSTNode, rule: Rule, statement: cst.CSTNode, detail: str = "",
               method: str = "", libraries: frozenset[str] = frozenset(),
               pieces: tuple[cst.CSTNode, ...] = (), http_method: str = "", trace: tuple[str, ...] = (),
               sure: bool = False) -> None:
        self.candidates.append(Candidate(node, rule, statement, detail, method, libraries, pieces, http_method, trace,
                                         sure))
        if rule.kind in ("endpoint", "route", "limit"):
            self.uses_spotify = True  # a restricted client call is proof enough
