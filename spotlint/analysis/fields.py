"""Reads of response fields Spotify removed: ``x["preview_url"]``, ``x.get("preview_url")``,
``track.preview_url`` on tekore models, and ``fields="tracks(...)"`` filters.

A read is reported where the value comes from a Spotify response (``provenance``), never on a
dict or object the code built itself; where its origin is unknown only names no other data
uses (the rule's ``spotify-only``) are reported, in a module that uses Spotify. A rule that names
``from-methods`` (for keys as common as ``tracks``) needs the response to come from one of those
calls. Writes (``x["popularity"] = …``) are not reads and stay silent.
"""

from __future__ import annotations

import re

import libcst as cst

from spotlint.analysis.clients import classify
from spotlint.analysis.context import ModuleContext
from spotlint.analysis.strings import Evaluator
from spotlint.catalogue.schema import FieldSpec
from spotlint.analysis.provenance import LOCAL, SPOTIFY, UNKNOWN, Origin, origin



def _string(node: cst.BaseExpression) -> str | None:
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None


def on_subscript(node: cst.CSTNode, ctx: ModuleContext) -> None:
    assert isinstance(node, cst.Subscript)
    if id(node) in ctx.stores or len(node.slice) != 1:
        return
    index = node.slice[0].slice
    if isinstance(index, cst.Index):
        key = _string(index.value)
        if key is not None:
            _read(node, node.value, key, ctx)


def on_call(node: cst.CSTNode, ctx: ModuleContext) -> None:
    assert isinstance(node, cst.Call)
    func = node.func
    if isinstance(func, cst.Attribute) and func.attr.value == "get" and node.args:
        key = _string(node.args[0].value)
        if key is not None:
            _read(node, func.value, key, ctx)
    if isinstance(func, cst.Attribute):
        for arg in node.args:
            if arg.keyword is not None and arg.keyword.value == "fields" and func.attr.value in _FILTERED:
                _field_filter(arg.value, func, ctx)


def on_attribute(node: cst.CSTNode, ctx: ModuleContext) -> None:
    """``track.preview_url`` on a tekore model (tekore returns objects, spotipy dicts)."""
    assert isinstance(node, cst.Attribute)
    if id(node) not in ctx.stores and id(node) not in ctx.called and ctx.catalogue.field_rules(node.attr.value):
        _read(node, node.value, node.attr.value, ctx, attribute=True)


def _read(node: cst.CSTNode, container: cst.BaseExpression, key: str, ctx: ModuleContext, attribute: bool = False) -> None:
    rules = ctx.catalogue.field_rules(key)
    if not rules:
        return
    scope, statement = ctx.scope, ctx.statement

    def check(done: ModuleContext) -> None:
        assert statement is not None
        found = origin(container, scope, done)
        if found.verdict == LOCAL or (found.verdict == UNKNOWN and not done.uses_spotify):
            return  # a dict, DataFrame or object the code built itself; a module far from Spotify
        if attribute and found.verdict == SPOTIFY and "tekore" not in found.libraries:
            return  # spotipy and raw JSON give dicts: an attribute is some other object's
        for rule in rules:
            assert rule.fields is not None
            if found.verdict == UNKNOWN:
                if key not in rule.fields.spotify_only or (attribute and "tekore" not in done.libraries):
                    continue  # a name other data uses too, on a value of unknown origin
            elif rule.fields.from_methods and not _from(found, rule.fields):
                continue
            done.report(node, rule, statement, detail=f"`{key}`")

    ctx.late.append(check)


# client methods that take a ``fields`` filter
_FILTERED = frozenset({"playlist", "playlist_items", "playlist_tracks", "user_playlist", "user_playlist_tracks"})


def _from(found: Origin, spec: FieldSpec) -> bool:
    """The response came from one of the rule's methods, or (a raw request) one of its routes."""
    if found.methods & set(spec.from_methods):
        return True
    return "http" in found.libraries and any(_on_route(path, route) for path in found.methods for route in spec.from_routes)


def _on_route(path: str, route: str) -> bool:
    """A request path on a route: its placeholders take any segment, the rest must be equal
    (so a path whose fixed part is unknown is on no route)."""
    segments, pattern = path.strip("/").split("/"), route.strip("/").split("/")
    return len(segments) == len(pattern) and all(p.startswith("{") or s == p for s, p in zip(segments, pattern))


def _field_filter(value: cst.BaseExpression, func: cst.Attribute, ctx: ModuleContext) -> None:
    """``fields="tracks.items(track(name))"`` (a literal, or a constant however it is built)
    asks for keys a rule renames."""
    method = func.attr.value
    scope, statement = ctx.scope, ctx.statement

    def check(done: ModuleContext) -> None:
        assert statement is not None
        if not classify(done.inference.of(func.value, scope), done).may_be_client:
            return
        for text in Evaluator(done.inference).evaluate(value, scope).templates:
            for key in re.findall(r"[A-Za-z_]+", text):
                for rule in done.catalogue.field_rules(key):
                    assert rule.fields is not None
                    if method in rule.fields.from_methods and rule.fields.replacement:
                        done.report(value, rule, statement, detail=f"`{key}`")
                        return

    ctx.late.append(check)


def on_store(node: cst.CSTNode, ctx: ModuleContext) -> None:
    """Remember subscripts that are assignment or deletion targets."""
    targets: list[cst.BaseExpression] = []
    if isinstance(node, cst.AssignTarget):
        targets.append(node.target)
    elif isinstance(node, (cst.AugAssign, cst.AnnAssign)):
        targets.append(node.target)
    elif isinstance(node, cst.Del):
        targets.append(node.target)
    while targets:
        target = targets.pop()
        if isinstance(target, (cst.Subscript, cst.Attribute)):
            ctx.stores.add(id(target))
        elif isinstance(target, (cst.Tuple, cst.List)):
            targets.extend(e.value for e in target.elements)


HANDLERS = {
    cst.Subscript: [on_subscript],
    cst.Attribute: [on_attribute],
    cst.Call: [on_call],
    cst.AssignTarget: [on_store],
    cst.AugAssign: [on_store],
    cst.AnnAssign: [on_store],
    cst.Del: [on_store],
}
