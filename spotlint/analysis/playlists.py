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



def on_call(node: cst.CSTNode, ctx: ModuleContext) -> None:
    assert isinstance(node, cst.Call)
    func = node.func
    if not isinstance(func, cst.Attribute):
        return
    name = func.attr.value
    if node.args:
        ctx.method_calls.append((node, ctx.scope))
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
            if not any(pattern.search(s) for arg in node.args for s, _ in string_values(arg.value, scope)):
                return
            receiver = classify(done.inference.of(func.value, scope), done)
            if receiver.libraries & libraries or (not receiver.libraries and receiver.may_be_client):
                done.report(node, rule, statement)

        ctx.deferred.append(check)


def on_literal(node: cst.CSTNode, ctx: ModuleContext) -> None:
    """A Spotify-owned playlist id on its own (a constant, a config entry) is reported at the
    literal, unless a client call it reaches in this module judges it."""
    assert isinstance(node, cst.SimpleString)
    value = node.evaluated_value
    if not isinstance(value, str) or "37i9dQZ" not in value:
        return
    statement = ctx.statement
    for rule in ctx.catalogue.rules:
        if rule.kind == "playlist" and rule.playlist_id and _owned_playlist(value, rule.playlist_id):

            def check(done: ModuleContext, rule=rule) -> None:  # type: ignore[no-untyped-def]
                if id(node) not in done.consumed and id(node) not in _claimed(done) and statement is not None:
                    done.report(node, rule, statement)

            ctx.late.append(check)


def _claimed(ctx: ModuleContext) -> set[int]:
    """Literals passed (directly or through a constant) to a call on a client: each is judged
    by that call (a playlist read is reported there; playback of such a playlist is fine)."""
    if ctx.claimed is None:
        ctx.claimed = set()
        for call, scope in ctx.method_calls:
            assert isinstance(call.func, cst.Attribute)
            if classify(ctx.inference.of(call.func.value, scope), ctx).may_be_client:
                for arg in call.args:
                    ctx.claimed.update(id(n) for _, n in string_values(arg.value, scope))
    return ctx.claimed


def _owned_playlist(value: str, pattern: str) -> bool:
    """The id alone, as a URI or as an open.spotify.com / API URL of a playlist."""
    id_re = f"(?:{pattern})"
    forms = (
        rf"^{id_re}$",
        rf"^spotify:(?:user:[^:]+:)?playlist:{id_re}$",
        rf"open\.spotify\.com/(?:intl-[a-z]+/)?(?:embed/)?(?:user/[^/]+/)?playlist/{id_re}",
        rf"/playlists/{id_re}",
    )
    return any(re.search(form, value) for form in forms)


def string_values(node: cst.BaseExpression, scope: Scope, depth: int = 0) -> list[tuple[str, cst.SimpleString]]:
    """The strings a literal, or a name bound to literals (a constant), may hold."""
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return [(value, node)] if isinstance(value, str) else []
    if isinstance(node, cst.Name) and depth < 5:
        found: list[tuple[str, cst.SimpleString]] = []
        for binding in scope.lookup(node.value):
            if binding.kind == "assign" and isinstance(binding.node, cst.BaseExpression):
                found += string_values(binding.node, binding.scope, depth + 1)
        return found
    return []


HANDLERS = {cst.Call: [on_call], cst.SimpleString: [on_literal]}
