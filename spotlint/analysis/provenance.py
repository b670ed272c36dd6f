"""Where a value comes from, for field reads: a Spotify response, an object the code built
itself, or no telling.

A response is what inference calls a client method's result (and everything read out of it),
or the ``.json()`` of a request whose URL is the Web API's, followed through single
assignments, subscripts, ``.get`` and loops and into the returns of the module's own functions.
Dict and list literals, copies with keys of their own, other libraries' objects (a DataFrame, a
database row) and the project's own instances are the code's. Pure: reads the tree.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from spotlint.analysis.context import ModuleContext
from spotlint.analysis.infer import Builtin, Client, ClientClass, Function, Instance, Opaque, Qual, Result, TupleT, Type, UserClass
from spotlint.analysis.scope import Scope, reaching
from spotlint.analysis.strings import Evaluator
from spotlint.analysis.urls import API_HOST, request_url, template_path
from spotlint.analysis.wrappers import is_api_wrapper

SPOTIFY, LOCAL, UNKNOWN = "spotify", "local", "unknown"
API_ROOT = f"https://{API_HOST}/"
# libraries whose objects may hold a response: decoded JSON, a request, a client's own models
OPEN_LIBRARIES = frozenset({
    "requests", "httpx", "aiohttp", "urllib3", "urllib", "json", "orjson", "ujson", "simplejson",
    "pickle", "spotipy", "tekore",
})
_KEEPS_RESPONSE = frozenset({"get", "items", "values", "copy", "pop", "setdefault"})
MAX_CHASE = 10


@dataclass(frozen=True, slots=True)
class Origin:
    verdict: str  # SPOTIFY | LOCAL | UNKNOWN
    libraries: frozenset[str] = frozenset()  # spotipy, tekore or http, for a response
    methods: frozenset[str] = frozenset()  # the client methods (or request paths) it came from


def origin(node: cst.BaseExpression, scope: Scope, ctx: ModuleContext) -> Origin:
    types = ctx.inference.of(node, scope)
    results = [t for t in types if isinstance(t, Result)]
    if results:
        return Origin(SPOTIFY, frozenset(r.library for r in results), frozenset(r.method for r in results))
    path = api_response(node, scope, ctx, 0)
    if path is not None:
        return Origin(SPOTIFY, frozenset({"http"}), frozenset({path}))
    if types and all(_ours(t, ctx) for t in types):
        return Origin(LOCAL)
    return Origin(UNKNOWN)


def _ours(value: Type, ctx: ModuleContext) -> bool:
    if isinstance(value, (Opaque, Instance, UserClass, Function, Builtin, TupleT, Client, ClientClass)):
        return True
    if isinstance(value, Qual):
        if value.external:
            return value.external.split(".")[0] not in OPEN_LIBRARIES
        if value.resolved:
            return True
        root = value.name.split(".")[0]
        return bool(root) and not root.startswith((".", "@")) and not ctx.project.is_first_party(root) \
            and root not in OPEN_LIBRARIES and value.name not in ctx.project.modules
    return False


def api_response(node: cst.BaseExpression, scope: Scope, ctx: ModuleContext, depth: int) -> str | None:
    """The Web API path whose decoded response ``node`` is read from, if it is one."""
    if depth > MAX_CHASE:
        return None
    if isinstance(node, (cst.Subscript, cst.Attribute)):
        return api_response(node.value, scope, ctx, depth + 1)
    if isinstance(node, cst.Await):
        return api_response(node.expression, scope, ctx, depth + 1)
    if isinstance(node, cst.Call):
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value == "json":
            return _request_path(func.value, scope, ctx, depth + 1)
        url = request_url(node) if isinstance(func, cst.Attribute) else None
        if url is not None and is_api_wrapper(ctx.inference.of(func.value, scope), ctx):
            return _api_path(url, scope, ctx, relative=True)  # the project's wrapper: it decodes the response
        if isinstance(func, cst.Attribute) and func.attr.value in _KEEPS_RESPONSE:
            return api_response(func.value, scope, ctx, depth + 1)
        for callee in ctx.inference.of(func, scope):
            if isinstance(callee, Function):  # a helper of this module that returns the response
                body = ctx.function_scopes.get(id(callee.node))
                for value in body.returns if body is not None else ():
                    found = api_response(value, body, ctx, depth + 1)  # type: ignore[arg-type]
                    if found is not None:
                        return found
        return None
    if isinstance(node, cst.Name):
        bindings = reaching(scope, node.value, ctx.sites.get(id(node)))
        if len(bindings) == 1 and bindings[0].kind in ("assign", "iter", "iter-item") \
                and isinstance(bindings[0].node, cst.BaseExpression):
            return api_response(bindings[0].node, bindings[0].scope, ctx, depth + 1)
    return None


def _request_path(node: cst.BaseExpression, scope: Scope, ctx: ModuleContext, depth: int) -> str | None:
    """The path of the Web API request ``node`` (a response object) was sent as."""
    while depth <= MAX_CHASE:
        if isinstance(node, cst.Await):
            node = node.expression
        elif isinstance(node, cst.Name):
            bindings = reaching(scope, node.value, ctx.sites.get(id(node)))
            if len(bindings) != 1 or bindings[0].kind != "assign" or not isinstance(bindings[0].node, cst.BaseExpression):
                return None
            node, scope = bindings[0].node, bindings[0].scope
        else:
            break
        depth += 1
    if not isinstance(node, cst.Call):
        return None
    url = request_url(node)
    return _api_path(url, scope, ctx, relative=False) if url is not None else None


def _api_path(url: cst.BaseExpression, scope: Scope, ctx: ModuleContext, relative: bool) -> str | None:
    """The Web API path a request's URL names (a relative one only for the project's wrappers)."""
    for template in Evaluator(ctx.inference).evaluate(url, scope).templates:
        parsed = template_path(template)
        if parsed is not None and (parsed[0] == "absolute" or relative and parsed[0] == "relative"):
            return "/".join(parsed[1])
        if template.startswith(API_ROOT):  # ``API + path``: the API's, whatever the route
            return template[len(API_ROOT):]
    return None
