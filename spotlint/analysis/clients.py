"""Client method calls: ``client.audio_features(...)``, ``getattr(client, "tracks")``.

Reports a call of a catalogue method when the receiver is a Spotify client (by inference),
or, on a receiver of unknown type, when the method name is one only Spotify clients use in
a module that uses Spotify (a generic name also needs Spotify-only keyword arguments).
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from spotlint.analysis.context import ModuleContext
from spotlint.analysis.infer import Builtin, Client, ClientClass, Inference, Qual, Types
from spotlint.analysis.scope import Scope
from spotlint.files.dependencies import allows_any, versions_before
from spotlint.catalogue.schema import Rule



def on_call(node: cst.CSTNode, ctx: ModuleContext) -> None:
    assert isinstance(node, cst.Call)
    if isinstance(node.func, cst.Attribute):
        ctx.called.add(id(node.func))
    target = method_target(node)
    if target is None:
        return
    receiver, name = target
    if not ctx.catalogue.call_rules(name):
        return
    scope, statement = ctx.scope, ctx.statement
    keywords = frozenset(arg.keyword.value for arg in node.args if arg.keyword is not None)
    via_getattr = not isinstance(node.func, cst.Attribute)

    def check(done: ModuleContext) -> None:
        assert statement is not None
        inference = done.inference
        if via_getattr and not _is_builtin_getattr(node, scope, inference):
            return
        report_calls(done, node, statement, name, rules_for_call(done, inference, receiver, scope, name, keywords),
                     _trace(inference, receiver, scope), resolved_client(inference.of(receiver, scope)))

    ctx.deferred.append(check)


def report_calls(ctx: ModuleContext, node: cst.CSTNode, statement: cst.CSTNode, method: str,
                 found: list[tuple[Rule, frozenset[str]]], trace: tuple[str, ...] = (), sure: bool = False) -> None:
    """``sure``: the receiver is resolved to a client (``resolved_client``)."""
    for rule, libraries in found:
        libraries = frozenset(lib for lib in libraries if not _declared_fixed(ctx, rule, method, lib))
        if libraries:
            ctx.report(node, rule, statement, version_note(rule, method, libraries, ctx), method, libraries,
                       trace=trace, sure=sure)


def _trace(inference: Inference, receiver: cst.BaseExpression, scope: Scope) -> tuple[str, ...]:
    """How the receiver was resolved across the project (empty when it was found in this file)."""
    traces = sorted(t.trace for t in inference.of(receiver, scope) if isinstance(t, (Client, ClientClass)) and t.trace)
    return traces[0] if traces else ()


def _declared_fixed(ctx: ModuleContext, rule: Rule, method: str, library: str) -> bool:
    """The project declares only versions of ``library`` that send the new route for ``method``."""
    fixed = next((g.fixed_in.get(method) for g in rule.clients if g.library == library), None)
    specifiers = ctx.project.declared_specifiers(library)
    if rule.kind != "route" or fixed is None or not specifiers:
        return False
    old = versions_before(fixed)
    return not any(allows_any(spec, old) for spec in specifiers)


def on_attribute(node: cst.CSTNode, ctx: ModuleContext) -> None:
    """A method passed around uncalled: ``pool.map(sp.audio_features, chunks)``."""
    assert isinstance(node, cst.Attribute)
    name = node.attr.value
    if name in MOCK_ATTRIBUTES and isinstance(node.value, cst.Attribute):
        ctx.called.add(id(node.value))  # ``sp.tracks.assert_called_with(...)``: a mock, configured
    if id(node) in ctx.called or id(node) in ctx.stores or not ctx.catalogue.call_rules(name):
        return  # called (judged as a call), or assigned to (``sp.tracks = MagicMock()``)
    scope, statement = ctx.scope, ctx.statement

    def check(done: ModuleContext) -> None:
        assert statement is not None
        types = done.inference.of(node.value, scope)
        if done.catalogue.field_rules(name) and not resolved_client(types):
            return  # ``track.available_markets``: a response field of that name, not the method
        report_calls(done, node, statement, name, rules_for_call(done, done.inference, node.value, scope, name, frozenset()),
                     _trace(done.inference, node.value, scope), resolved_client(types))

    ctx.deferred.append(check)


# unittest.mock's API: a method read only to configure or inspect a mock sends no request
MOCK_ATTRIBUTES = frozenset({
    "assert_called", "assert_called_once", "assert_called_with", "assert_called_once_with", "assert_any_call",
    "assert_has_calls", "assert_not_called", "return_value", "side_effect", "call_args", "call_args_list",
    "call_count", "called", "mock_calls", "reset_mock",
})


def method_target(node: cst.Call) -> tuple[cst.BaseExpression, str] | None:
    """(receiver, method name) of ``r.m(...)`` or ``getattr(r, "m")``."""
    func = node.func
    if isinstance(func, cst.Attribute):
        return func.value, func.attr.value
    if isinstance(func, cst.Name) and func.value == "getattr" and len(node.args) >= 2:
        name = node.args[1].value
        if isinstance(name, cst.SimpleString) and isinstance(name.evaluated_value, str):
            return node.args[0].value, name.evaluated_value
    return None


def _is_builtin_getattr(node: cst.Call, scope: Scope, inference: Inference) -> bool:
    return inference.of(node.func, scope) == frozenset({Builtin("getattr")})


def rules_for_call(
    ctx: ModuleContext, inference: Inference, receiver: cst.BaseExpression, scope: Scope,
    name: str, keywords: frozenset[str], entries: list[tuple[str, Rule]] | None = None,
) -> list[tuple[Rule, frozenset[str]]]:
    """The catalogue rules a call of ``receiver.name(...)`` breaks (``entries``: the
    (library, rule) pairs to judge, by default the method's call rules), with the client
    libraries it may come from, judged by what the receiver is."""
    entries = ctx.catalogue.call_rules(name) if entries is None else entries
    receiver_of = classify(inference.of(receiver, scope), ctx)
    found: dict[str, tuple[Rule, set[str]]] = {}
    if receiver_of.libraries:
        for client in receiver_of.clients:
            if isinstance(client, (Client, ClientClass)) and name in client.overrides:
                continue  # a project subclass (in another module) overrides the method
            if isinstance(client, Client) and client.cls is not None:
                if inference.defines(inference.user_class(client.cls), name):
                    continue  # the user's subclass overrides the method
            for library, rule in entries:
                if library == client.library:
                    found.setdefault(rule.code, (rule, set()))[1].add(library)
    elif receiver_of.may_be_client:
        for library, rule in entries:
            spotify_only = {k for group in rule.clients for k in group.keywords}
            if rule.kind == "limit" and name in rule.generic and not ctx.uses_spotify:
                continue  # ``index.search(q, type="x")`` far from any Spotify code
            if name not in rule.generic or keywords & spotify_only:
                found.setdefault(rule.code, (rule, set()))[1].add(library)
    return [(rule, frozenset(libraries)) for rule, libraries in found.values()]


@dataclass(frozen=True, slots=True)
class Receiver:
    """What a call's receiver is: clients of known libraries, or maybe a client."""

    clients: tuple[Client | ClientClass, ...]
    may_be_client: bool

    @property
    def libraries(self) -> frozenset[str]:
        return frozenset(c.library for c in self.clients)


def resolved_client(types: Types) -> bool:
    """Whether a receiver is surely a client instance: every value it may hold is one. A
    receiver that may also be something else (a model, a mock, the project's own object), a
    client class, or a value of unknown type is at most a maybe-client: reported, never rewritten."""
    return bool(types) and all(isinstance(t, Client) for t in types)


def classify(types: Types, ctx: ModuleContext) -> Receiver:
    """Known clients win; otherwise a receiver of unknown type, or an object imported from
    another module of the project, may be a client in a module that uses Spotify (an object
    from the project counts even where the module does not import a client library)."""
    clients = tuple(t for t in types if isinstance(t, (Client, ClientClass)))
    if clients:
        return Receiver(clients, True)
    open_types = [t for t in types if not _known_not_client(t, ctx)]
    if types and not open_types:
        return Receiver((), False)
    return Receiver((), ctx.uses_spotify or bool(open_types))


def _known_not_client(value: object, ctx: ModuleContext) -> bool:
    """True unless the value may be a client: only objects imported from the project qualify,
    since a third-party library's objects are not spotipy or tekore clients."""
    if isinstance(value, Qual):
        return value.resolved or not _first_party_object(value, ctx)
    return True


def _first_party_object(value: Qual, ctx: ModuleContext) -> bool:
    if value.module:
        return False
    return value.name.startswith(".") or ctx.project.is_first_party(value.name)


def version_note(rule: Rule, method: str, libraries: frozenset[str], ctx: ModuleContext) -> str:
    """For a renamed route: which client versions still send the old one, what the project
    declares (a lock's exact version where one decides), and which version to require."""
    if rule.kind != "route":
        return ""
    notes = []
    for group in rule.clients:
        if method not in group.methods or group.library not in libraries:
            continue
        library, fixed = group.library, group.fixed_in.get(method)
        specifiers = [s for s in ctx.project.declared_specifiers(library) if s]  # a bare name pins nothing
        declared = ", ".join(f"{library}{s}" for s in specifiers)
        if fixed and declared:
            notes.append(f"{library} < {fixed} sends this route and the project allows it ({declared}): "
                         f"require {library}>={fixed}")
        elif fixed:
            notes.append(f"{library} < {fixed} sends this route and the project declares no {library} version: "
                         f"require {library}>={fixed}")
        elif declared:
            notes.append(f"{declared} declared; no {library} release so far sends the new route")
        else:
            notes.append(f"every {library} release so far sends this route")
    return "; ".join(notes)


HANDLERS = {cst.Call: [on_call], cst.Attribute: [on_attribute]}
