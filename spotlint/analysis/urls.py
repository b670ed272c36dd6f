"""Raw HTTP: URLs of restricted endpoints, however they are built and sent.

A string expression is evaluated to templates (``strings``) and matched against every
catalogue path. A match is reported at the call that sends the request when the string
reaches one in the same scope (requests, httpx, aiohttp, urllib, a session's ``get``…,
spotipy's and tekore's ``_get``…), otherwise at the string expression: one finding per use.
"""

from __future__ import annotations

import re

import libcst as cst

from spotlint.analysis.context import ModuleContext
from spotlint.analysis.infer import Client, Types
from spotlint.analysis.limits import integer_values, over_limit, requested_limit
from spotlint.analysis.scope import Scope
from spotlint.analysis.strings import Evaluator, is_string_expression
from spotlint.analysis.wrappers import is_api_wrapper
from spotlint.catalogue.paths import API_HOST, Match, match_path, template_path  # noqa: F401  (API_HOST: re-exported for provenance)

HTTP_VERBS = {"get": "GET", "post": "POST", "put": "PUT", "delete": "DELETE", "patch": "PATCH", "head": "HEAD"}
REQUEST_FUNCS = {"request": 1, "_internal_call": 1}  # name -> index of the URL argument
CLIENT_INTERNALS = {"_get": "GET", "_post": "POST", "_put": "PUT", "_delete": "DELETE", "_internal_call": ""}
# a wrapper's own request methods: ``get_one``, ``get_all``, ``_post_json``…
_WRAPPER_VERB = re.compile(r"_?(get|post|put|delete|patch)_\w+")
HTTP_LIBRARIES = ("requests", "httpx", "aiohttp", "urllib3", "urllib.request")


# -- handlers ----------------------------------------------------------------------------
def on_string(node: cst.CSTNode, ctx: ModuleContext) -> None:
    """Remember the outermost string expressions; their parts are evaluated with them."""
    if id(node) in ctx.string_parts or not is_string_expression(node):
        return
    for child in _string_children(node):
        ctx.string_parts.add(id(child))
    scope, statement = ctx.scope, ctx.statement
    ctx.late.append(lambda done: _check_string(node, scope, statement, done))  # type: ignore[arg-type]


def _string_children(node: cst.CSTNode) -> list[cst.CSTNode]:
    if isinstance(node, cst.ConcatenatedString):
        return [node.left, node.right]
    if isinstance(node, cst.BinaryOperation):
        return [node.left, node.right]
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
        return [node.func.value, *(a.value for a in node.args)]
    if isinstance(node, cst.FormattedString):
        return [p.expression for p in node.parts if isinstance(p, cst.FormattedStringExpression)]
    return []


def on_call(node: cst.CSTNode, ctx: ModuleContext) -> None:
    assert isinstance(node, cst.Call)
    target = _url_argument(node)
    if target is None:
        return
    url, verb_index = target
    scope, statement = ctx.scope, ctx.statement
    ctx.deferred.append(lambda done: _check_request(node, url, verb_index, scope, statement, done))  # type: ignore[arg-type]


def _call_parts(node: cst.Call) -> tuple[str, list[cst.Arg], dict[str, cst.BaseExpression]]:
    """(called name, positional arguments, keyword arguments) of ``f(…)`` or ``x.f(…)``."""
    func = node.func
    name = func.attr.value if isinstance(func, cst.Attribute) else func.value if isinstance(func, cst.Name) else ""
    positional = [a for a in node.args if a.keyword is None and not a.star]
    keywords = {a.keyword.value: a.value for a in node.args if a.keyword is not None}
    return name, positional, keywords


def _url_argument(node: cst.Call) -> tuple[cst.BaseExpression, int | None] | None:
    """The URL argument of a call that may send a request, and where its HTTP verb is."""
    name, positional, keywords = _call_parts(node)
    index = REQUEST_FUNCS.get(name, 0)
    if name in HTTP_VERBS or name in CLIENT_INTERNALS or name in REQUEST_FUNCS or name in ("urlopen", "Request") \
            or _WRAPPER_VERB.fullmatch(name) and isinstance(node.func, cst.Attribute):
        if "url" in keywords:
            return keywords["url"], (0 if index else None)
        if len(positional) > index:
            return positional[index].value, (0 if index else None)
    return None


def request_url(node: cst.Call) -> cst.BaseExpression | None:
    """The URL argument of a call that may send a request."""
    found = _url_argument(node)
    return found[0] if found is not None else None


def _send_method(node: cst.Call, verb_index: int | None, types: Types, ctx: ModuleContext) -> tuple[str, bool] | None:
    """(HTTP method, relative paths allowed) of a call that sends a request, else None. A
    client's internals and the project's own Web API wrappers take paths relative to the API."""
    name, positional, keywords = _call_parts(node)
    internal = any(isinstance(t, Client) for t in types) or is_api_wrapper(types, ctx)
    wrapper_verb = _WRAPPER_VERB.fullmatch(name)
    if name in CLIENT_INTERNALS and internal:
        method = CLIENT_INTERNALS[name]
    elif wrapper_verb is not None and name not in CLIENT_INTERNALS:
        if not internal:
            return None
        method = wrapper_verb.group(1).upper()
    elif name in HTTP_VERBS:
        method = HTTP_VERBS[name]
    elif name == "request" or name == "_internal_call":
        method = ""
    elif name in ("urlopen", "Request"):
        method = "POST" if "data" in keywords else "GET"
        override = keywords.get("method")
        if isinstance(override, cst.SimpleString) and isinstance(override.evaluated_value, str):
            method = override.evaluated_value.upper()
    else:
        return None
    if verb_index is not None:
        verb = keywords.get("method") or (positional[verb_index].value if len(positional) > verb_index else None)
        method = verb.evaluated_value.upper() if isinstance(verb, cst.SimpleString) and isinstance(verb.evaluated_value, str) else ""
    return method, internal


def _check_request(node: cst.Call, url: cst.BaseExpression, verb_index: int | None, scope: Scope,
                   statement: cst.CSTNode, ctx: ModuleContext) -> None:
    types = ctx.inference.of(node.func.value, scope) if isinstance(node.func, cst.Attribute) else frozenset()
    sent = _send_method(node, verb_index, types, ctx)
    if sent is None:
        return
    method, internal = sent
    evaluation = Evaluator(ctx.inference).evaluate(url, scope)
    same_scope = {s for s in evaluation.sources if ctx.string_scopes.get(s) is scope}
    if not same_scope:
        return  # the string lives elsewhere: it is judged (and reported) where it is written
    ctx.consumed.update(same_scope)
    _, _, keywords = _call_parts(node)
    asked = requested_limit(evaluation.templates, keywords.get("params"), ctx, scope)
    if internal and "limit" in keywords:  # spotipy's ``_get("search", limit=50)``
        asked = max([asked or 0, *integer_values(ctx, keywords["limit"], scope)]) or None
    matches = _matches(ctx, evaluation.templates, method, relative_ok=internal, asked=asked)
    for match in matches:
        ctx.report(node, match.rule, statement, _asked(match, asked), pieces=tuple(evaluation.nodes),
                   http_method=method or match.endpoint.method)


def _check_string(node: cst.BaseExpression, scope: Scope, statement: cst.CSTNode | None, ctx: ModuleContext) -> None:
    if id(node) in ctx.consumed or statement is None:
        return
    evaluation = Evaluator(ctx.inference).evaluate(node, scope)
    asked = requested_limit(evaluation.templates, None, ctx, scope)
    for match in _matches(ctx, evaluation.templates, "GET", relative_ok=False, asked=asked):
        ctx.report(node, match.rule, statement, _asked(match, asked), pieces=tuple(evaluation.nodes), http_method="GET")


def _asked(match: Match, asked: int | None) -> str:
    return f"this request asks for {asked}" if match.rule.kind == "limit" else ""


def _matches(ctx: ModuleContext, templates: list[str], method: str, relative_ok: bool,
             asked: int | None = None) -> list[Match]:
    """The rules a request to one of ``templates`` breaks (a capped route only when ``asked``
    exceeds its maximum)."""
    found: dict[str, Match] = {}
    for template in templates:
        parsed = template_path(template)
        if parsed is None:
            continue
        anchor, segments = parsed
        if anchor == "relative" and not relative_ok:
            continue
        if anchor == "unanchored" and not (ctx.uses_spotify or relative_ok):
            continue
        for match in match_path(ctx.catalogue, segments, method, None):
            if match.rule.kind == "limit" and not over_limit(match.rule, asked):
                continue
            if match.rule.kind != "field":
                found.setdefault(match.rule.code, match)
    return list(found.values())


def on_any_string_node(node: cst.CSTNode, ctx: ModuleContext) -> None:
    ctx.string_scopes[id(node)] = ctx.scope
    on_string(node, ctx)


HANDLERS = {
    cst.SimpleString: [on_any_string_node],
    cst.ConcatenatedString: [on_any_string_node],
    cst.FormattedString: [on_any_string_node],
    cst.BinaryOperation: [on_any_string_node],
    cst.Call: [on_any_string_node, on_call],
}
