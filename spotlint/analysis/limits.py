"""Parameter limits: a call whose ``limit`` exceeds what the endpoint now accepts.

The value is the call's own argument (evaluated like URLs: literals, constants of the function,
the module and other modules, a parameter's default), else what the client sends without it:
its default for the declared versions, or tekore's maximum for a client made with
``max_limits_on=True`` or a call inside ``with client.max_limits():``. Raw requests are judged
in ``urls`` with ``requested_limit``. The numbers all come from the rule's ``[limit]`` data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import libcst as cst

from spotlint.analysis.clients import method_target, resolved_client, rules_for_call
from spotlint.analysis.context import ModuleContext
from spotlint.analysis.infer import Client
from spotlint.analysis.scope import Scope, reaching
from spotlint.analysis.strings import Evaluator
from spotlint.catalogue.schema import Limit, LimitCall, Rule
from spotlint.files.dependencies import allows_any, versions_in

_QUERY_LIMIT = re.compile(r"[?&]limit=(\d+)(?:&|#|$)")


def on_call(node: cst.CSTNode, ctx: ModuleContext) -> None:
    assert isinstance(node, cst.Call)
    target = method_target(node)
    if target is None:
        return
    receiver, name = target
    entries = ctx.catalogue.limit_rules(name)
    if not entries or any(arg.star == "**" for arg in node.args):
        return  # ``**options`` may hold the limit: no telling
    scope, statement = ctx.scope, ctx.statement
    keywords = frozenset(arg.keyword.value for arg in node.args if arg.keyword is not None)

    def check(done: ModuleContext) -> None:
        assert statement is not None
        receivers = done.inference.of(receiver, scope)
        maximised = id(node) in done.maximised or any(isinstance(t, Client) and t.max_limits for t in receivers)
        for rule, libraries in rules_for_call(done, done.inference, receiver, scope, name, keywords, entries):
            detail = _excess(done, node, scope, rule, name, libraries, maximised)
            if detail:
                done.report(node, rule, statement, detail, name, libraries, sure=resolved_client(receivers))

    ctx.late.append(check)


def on_with(node: cst.CSTNode, ctx: ModuleContext) -> None:
    """``with spotify.max_limits():`` makes every call in its body send the maximum."""
    assert isinstance(node, cst.With)
    for item in node.items:
        call = item.item
        if isinstance(call, cst.Call) and isinstance(call.func, cst.Attribute) and call.func.attr.value == "max_limits":
            if call.args and not (isinstance(call.args[0].value, cst.Name) and call.args[0].value.value == "True"):
                return  # ``max_limits(False)`` turns it off
            ctx.maximised.update(id(n) for n in _calls(node.body))
            return


def _calls(root: cst.CSTNode) -> Iterable[cst.CSTNode]:
    stack = [root]
    while stack:
        current = stack.pop()
        if isinstance(current, cst.Call):
            yield current
        if not isinstance(current, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            stack.extend(current.children)


def _excess(ctx: ModuleContext, node: cst.Call, scope: Scope, rule: Rule, method: str,
            libraries: frozenset[str], maximised: bool) -> str:
    """Why this call asks for more than the maximum ('' when it does not, or we cannot tell)."""
    limit = rule.limit
    assert limit is not None
    entries = [e for library in sorted(libraries) for e in _applicable(ctx, limit, library, method)]
    if not entries:
        return ""
    argument = _argument(node, limit.parameter, {e.position for e in entries})
    if argument is not None:
        values = integer_values(ctx, argument, scope)
        over = [v for v in values if v > limit.maximum]
        if over and len(over) == len(values):
            return f"this call asks for {max(over)}"
        return ""
    if _has_positional_beyond(node, entries):
        return ""
    sent = [(e, e.max_limits if maximised and e.max_limits is not None else e.default) for e in entries]
    if not all(value > limit.maximum for _, value in sent):
        return ""  # some client this may be sends an accepted default
    entry, value = max(sent, key=lambda pair: pair[1])
    versions = f" {entry.versions}" if entry.versions else ""
    if maximised and entry.max_limits is not None:
        return f"{entry.library}{versions} sends {limit.parameter}={value} under max_limits when it is left out"
    return f"{entry.library}{versions} sends {limit.parameter}={value} when it is left out"


def _applicable(ctx: ModuleContext, limit: Limit, library: str, method: str) -> list[LimitCall]:
    """The entries for the client versions the project may install."""
    declared = ctx.project.declared_specifiers(library)
    found = []
    for entry in limit.entries(library, method):
        if entry.versions and declared and not any(allows_any(spec, list(versions_in(entry.versions))) for spec in declared):
            continue
        found.append(entry)
    return found


def _argument(node: cst.Call, parameter: str, positions: set[int]) -> cst.BaseExpression | None:
    for arg in node.args:
        if arg.keyword is not None and arg.keyword.value == parameter:
            return arg.value
    positional = [a.value for a in node.args if a.keyword is None and not a.star]
    if len(positions) == 1:
        [index] = positions
        if index < len(positional):
            return positional[index]
    return None


def _has_positional_beyond(node: cst.Call, entries: list[LimitCall]) -> bool:
    """Positional arguments reach the parameter for one of the clients (or ``*args`` might)."""
    positional = [a for a in node.args if a.keyword is None]
    return any(a.star == "*" for a in positional) or any(len(positional) > e.position for e in entries)


def integer_values(ctx: ModuleContext, node: cst.BaseExpression, scope: Scope) -> list[int]:
    """The whole numbers an expression may be, as far as they are known (``n = 50`` on one
    path and a setting on another: 50 may be sent)."""
    if isinstance(node, cst.Name):
        bindings = reaching(scope, node.value, ctx.sites.get(id(node)))
        if len(bindings) == 1 and bindings[0].kind == "param" and isinstance(bindings[0].node, cst.Param):
            default = bindings[0].node.default
            outer = bindings[0].scope.parent or bindings[0].scope
            return integer_values(ctx, default, outer) if default is not None else []
    return [int(t) for t in Evaluator(ctx.inference).evaluate(node, scope).templates if t.isdigit()]


def requested_limit(templates: Iterable[str], params: cst.BaseExpression | None, ctx: ModuleContext,
                    scope: Scope) -> int | None:
    """The ``limit`` a raw request asks for: in the URL's query or its ``params`` mapping."""
    asked = [int(m.group(1)) for t in templates for m in [_QUERY_LIMIT.search(t)] if m]
    if params is not None:
        value = _mapping_value(params, "limit", scope)
        if value is not None:
            asked += integer_values(ctx, value, scope)
    return max(asked) if asked else None


def _mapping_value(node: cst.BaseExpression, key: str, scope: Scope, depth: int = 0) -> cst.BaseExpression | None:
    """``{"limit": 50}`` or a name bound once to such a literal (``dict(limit=50)`` too)."""
    if isinstance(node, cst.Name) and depth < 4:
        bindings = scope.lookup(node.value)
        if len(bindings) == 1 and bindings[0].kind == "assign" and isinstance(bindings[0].node, cst.BaseExpression):
            return _mapping_value(bindings[0].node, key, bindings[0].scope, depth + 1)
        return None
    if isinstance(node, cst.Dict):
        for element in node.elements:
            if (isinstance(element, cst.DictElement) and isinstance(element.key, cst.SimpleString)
                    and element.key.evaluated_value == key):
                return element.value
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and node.func.value == "dict":
        for arg in node.args:
            if arg.keyword is not None and arg.keyword.value == key:
                return arg.value
    return None


def over_limit(rule: Rule, asked: int | None) -> bool:
    return rule.limit is not None and asked is not None and asked > rule.limit.maximum


HANDLERS = {cst.Call: [on_call], cst.With: [on_with]}
