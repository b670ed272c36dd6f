"""Spotify-owned playlists (ids ``37i9dQZ…``) passed to a playlist read.

Reports a playlist call on a client (or, in a Spotify module, on a receiver of unknown type)
whose arguments hold a literal id, URI or URL of a Spotify-owned playlist.
"""

from __future__ import annotations

import re

import libcst as cst

from spotlint.analysis.context import ModuleContext
from spotlint.analysis.clients import classify

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
        literal = next((s for s in _string_args(node) if pattern.search(s)), None)
        if literal is None:
            continue
        scope, statement = ctx.scope, ctx.statement

        def check(done: ModuleContext, rule=rule, libraries=libraries) -> None:  # type: ignore[no-untyped-def]
            assert statement is not None
            receiver = classify(done.inference.of(func.value, scope), done)
            if receiver.libraries & libraries or (not receiver.libraries and receiver.may_be_client):
                done.report(node, rule, statement)

        ctx.deferred.append(check)


def _string_args(node: cst.Call) -> list[str]:
    values = []
    for arg in node.args:
        if isinstance(arg.value, cst.SimpleString) and isinstance(arg.value.evaluated_value, str):
            values.append(arg.value.evaluated_value)
    return values


HANDLERS = {cst.Call: [on_call]}
