"""Reads of response fields Spotify removed: ``x["preview_url"]``, ``x.get("preview_url")``,
``track.preview_url`` on tekore models, and ``fields="tracks(...)"`` filters.

A read is reported in a module that uses Spotify; a rule that names ``from-methods`` (for
keys as common as ``tracks``) needs the value to come from one of those client calls.
Writes (``x["popularity"] = …``) are not reads and stay silent.
"""

from __future__ import annotations

import re

import libcst as cst

from spotlint.analysis.clients import classify
from spotlint.analysis.context import ModuleContext
from spotlint.analysis.infer import Result



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
            if arg.keyword is not None and arg.keyword.value == "fields" and isinstance(arg.value, cst.SimpleString):
                _field_filter(arg.value, func, ctx)


def on_attribute(node: cst.CSTNode, ctx: ModuleContext) -> None:
    """``track.preview_url`` on a tekore model (tekore returns objects, spotipy dicts)."""
    assert isinstance(node, cst.Attribute)
    if id(node) not in ctx.stores and ctx.catalogue.field_rules(node.attr.value):
        _read(node, node.value, node.attr.value, ctx, attribute=True)


def _read(node: cst.CSTNode, container: cst.BaseExpression, key: str, ctx: ModuleContext, attribute: bool = False) -> None:
    rules = ctx.catalogue.field_rules(key)
    if not rules:
        return
    scope, statement = ctx.scope, ctx.statement

    def check(done: ModuleContext) -> None:
        assert statement is not None
        if not done.uses_spotify:
            return
        results = [t for t in done.inference.of(container, scope) if isinstance(t, Result)]
        if attribute and not any(r.library == "tekore" for r in results):
            return
        origins = {r.method for r in results}
        for rule in rules:
            assert rule.fields is not None
            if rule.fields.from_methods and not origins & set(rule.fields.from_methods):
                continue
            done.report(node, rule, statement, detail=f"`{key}`")

    ctx.late.append(check)


def _field_filter(value: cst.SimpleString, func: cst.Attribute, ctx: ModuleContext) -> None:
    """``fields="tracks.items(track(name))"`` asks for keys a rule renames."""
    text = _string(value) or ""
    method = func.attr.value
    scope, statement = ctx.scope, ctx.statement
    for key in re.findall(r"[A-Za-z_]+", text):
        for rule in ctx.catalogue.field_rules(key):
            assert rule.fields is not None
            if method not in rule.fields.from_methods or not rule.fields.replacement:
                continue

            def check(done: ModuleContext, rule=rule, key=key) -> None:  # type: ignore[no-untyped-def]
                assert statement is not None
                if classify(done.inference.of(func.value, scope), done).may_be_client:
                    done.report(value, rule, statement, detail=f"`{key}`")

            ctx.late.append(check)
            return


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
