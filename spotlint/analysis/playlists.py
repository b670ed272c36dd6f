"""Spotify-owned playlists (ids ``37i9dQZ…``) passed to a playlist read.

Reports a playlist call on a client (or, in a Spotify module, on a receiver of unknown type)
whose arguments hold a literal id, URI or URL of a Spotify-owned playlist.
"""

from __future__ import annotations

import re

import libcst as cst

from spotlint.analysis.context import ModuleContext
from spotlint.analysis.clients import classify
from spotlint.analysis.scope import Scope

KINDS = ("playlist",)


def on_call(node: cst.CSTNode, ctx: ModuleContext) -> None:
    assert isinstance(node, cst.Call)
    func = node.func
    if not isinstance(func, cst.Attribute):
        return
    name = func.attr.value
    for rule in ctx.catalogue.rules:
        if rule.kind != "playlist" or rule.playlist_id is None:
            continue
        libraries = {group.library for group in rule.clients if name in group.methods}
        if not libraries:
            continue
        pattern = re.compile(rule.playlist_id)
        scope, statement = ctx.scope, ctx.statement

        def check(done: ModuleContext, rule=rule, libraries=libraries, pattern=pattern) -> None:  # type: ignore[no-untyped-def]
            assert statement is not None
            if not any(pattern.search(s) for arg in node.args for s in string_values(arg.value, scope)):
                return
            receiver = classify(done.inference.of(func.value, scope), done)
            if receiver.libraries & libraries or (not receiver.libraries and receiver.may_be_client):
                done.report(node, rule, statement)

        ctx.deferred.append(check)


def string_values(node: cst.BaseExpression, scope: Scope, depth: int = 0) -> list[str]:
    """The string a literal, or a name bound to literals (a constant), may hold."""
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return [value] if isinstance(value, str) else []
    if isinstance(node, cst.Name) and depth < 5:
        found: list[str] = []
        for binding in scope.lookup(node.value):
            if binding.kind == "assign" and isinstance(binding.node, cst.BaseExpression):
                found += string_values(binding.node, binding.scope, depth + 1)
        return found
    return []


HANDLERS = {cst.Call: [on_call]}
