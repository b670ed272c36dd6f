"""Evaluate string expressions to templates: literal text with wildcards for unknown parts.

Follows literals, f-strings, implicit concatenation, ``+``, ``%``-formatting, ``.format()``,
``urljoin``, ``sep.join([...])``, constants bound in the module or the function, class
attributes and a client's ``prefix``. Records which string expressions fed a result, so
callers can report one finding per use. Pure: reads only the tree and its bindings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import libcst as cst

from spotlint.analysis.infer import Client, Inference, Instance, Qual, UserClass
from spotlint.analysis.scope import Scope, reaching
from spotlint.project.values import REF_CLOSE, REF_OPEN, WILD

MAX_TEMPLATES = 8
MAX_DEPTH = 12
API_PREFIX = "https://api.spotify.com/v1/"
URLJOIN = frozenset({"urllib.parse.urljoin", "requests.compat.urljoin", "urlparse.urljoin"})
PATHJOIN = frozenset({"os.path.join", "posixpath.join"})

_PERCENT_RE = re.compile(r"%(?:\((?P<key>[^)]*)\))?[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?(?P<conv>[diouxXeEfFgGcrsa%])")
_FORMAT_RE = re.compile(r"\{\{|\}\}|\{(?P<field>[^{}!:]*)(?:![rsa])?(?::[^{}]*)?\}")


@dataclass
class Evaluation:
    """Templates an expression may evaluate to, and the string expressions that fed them."""

    templates: list[str]
    sources: set[int] = field(default_factory=set)  # ids of the string expressions used
    nodes: list[cst.CSTNode] = field(default_factory=list)  # the same expressions


def _squash(text: str) -> str:
    while WILD + WILD in text:
        text = text.replace(WILD + WILD, WILD)
    return text


def _product(left: list[str], right: list[str]) -> list[str]:
    out = []
    for a in left:
        for b in right:
            out.append(_squash(a + b))
            if len(out) >= MAX_TEMPLATES:
                return out
    return out


def is_string_expression(node: cst.CSTNode) -> bool:
    """Whether ``node`` builds a string (the things this module evaluates)."""
    if isinstance(node, (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString)):
        return not (isinstance(node, cst.SimpleString) and "b" in node.prefix.lower())
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, (cst.Add, cst.Modulo)):
        return is_string_expression(node.left) or (
            isinstance(node.operator, cst.Add) and is_string_expression(node.right)
        )
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
        return node.func.attr.value in ("format", "join") and is_string_expression(node.func.value)
    return False


class Evaluator:
    def __init__(self, inference: Inference) -> None:
        self.inference = inference

    def evaluate(self, node: cst.BaseExpression, scope: Scope) -> Evaluation:
        result = Evaluation([])
        result.templates = self._eval(node, scope, result, 0)
        return result

    # -- dispatch -------------------------------------------------------------------
    def _eval(self, node: cst.BaseExpression, scope: Scope, acc: Evaluation, depth: int) -> list[str]:
        if depth > MAX_DEPTH:
            return [WILD]
        if is_string_expression(node) and id(node) not in acc.sources:
            acc.sources.add(id(node))
            acc.nodes.append(node)
        if isinstance(node, cst.SimpleString):
            value = node.evaluated_value
            return [value] if isinstance(value, str) else [WILD]
        if isinstance(node, cst.Integer):
            number = node.evaluated_value
            return [str(number)] if isinstance(number, int) else [WILD]
        if isinstance(node, cst.ConcatenatedString):
            return _product(self._eval(node.left, scope, acc, depth + 1), self._eval(node.right, scope, acc, depth + 1))
        if isinstance(node, cst.FormattedString):
            return self._fstring(node, scope, acc, depth)
        if isinstance(node, cst.BinaryOperation):
            if isinstance(node.operator, cst.Add):
                return _product(self._eval(node.left, scope, acc, depth + 1), self._eval(node.right, scope, acc, depth + 1))
            if isinstance(node.operator, cst.Modulo):
                return self._percent(node, scope, acc, depth)
            return [WILD]
        if isinstance(node, cst.Call):
            return self._call(node, scope, acc, depth)
        if isinstance(node, cst.Name):
            return self._name(node, scope, acc, depth)
        if isinstance(node, cst.Attribute):
            return self._attribute(node, scope, acc, depth)
        if isinstance(node, cst.IfExp):
            both = self._eval(node.body, scope, acc, depth + 1) + self._eval(node.orelse, scope, acc, depth + 1)
            return both[:MAX_TEMPLATES]
        return [WILD]

    def _fstring(self, node: cst.FormattedString, scope: Scope, acc: Evaluation, depth: int) -> list[str]:
        out = [""]
        for part in node.parts:
            if isinstance(part, cst.FormattedStringText):
                text = part.value.replace("{{", "{").replace("}}", "}")
                out = [o + text for o in out]
            else:
                values = self._eval(part.expression, scope, acc, depth + 1)
                if part.format_spec or part.conversion:
                    values = [WILD]
                out = _product(out, values)
        return out

    def _percent(self, node: cst.BinaryOperation, scope: Scope, acc: Evaluation, depth: int) -> list[str]:
        formats = self._eval(node.left, scope, acc, depth + 1)
        right = node.right
        if isinstance(right, cst.Tuple):
            args: list[cst.BaseExpression] = [e.value for e in right.elements]
        else:
            args = [right]
        keyed = {}
        if isinstance(right, cst.Dict):
            for element in right.elements:
                if isinstance(element, cst.DictElement) and isinstance(element.key, cst.SimpleString):
                    keyed[element.key.evaluated_value] = element.value
        results = []
        for fmt in formats:
            pieces = [""]
            position = 0
            index = 0
            for match in _PERCENT_RE.finditer(fmt):
                pieces = [p + fmt[position:match.start()] for p in pieces]
                position = match.end()
                if match.group("conv") == "%":
                    pieces = [p + "%" for p in pieces]
                    continue
                key = match.group("key")
                arg = keyed.get(key) if key is not None else (args[index] if index < len(args) else None)
                index += key is None
                values = self._eval(arg, scope, acc, depth + 1) if arg is not None else [WILD]
                if match.group("conv") not in "sra":
                    values = [WILD]
                pieces = _product(pieces, values)
            results += [_squash(p + fmt[position:]) for p in pieces]
        return results[:MAX_TEMPLATES] or [WILD]

    def _call(self, node: cst.Call, scope: Scope, acc: Evaluation, depth: int) -> list[str]:
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value == "format" and is_string_expression(func.value):
            return self._format(node, scope, acc, depth)
        if isinstance(func, cst.Attribute) and func.attr.value == "join" and node.args and is_string_expression(func.value):
            return self._join(node, scope, acc, depth)
        qualified = {t.name for t in self.inference.of(func, scope) if isinstance(t, Qual)}
        if qualified & PATHJOIN and node.args and not any(a.star for a in node.args):
            joined = [""]
            for index, arg in enumerate(node.args):
                values = self._eval(arg.value, scope, acc, depth + 1)
                joined = [_pathjoin(j, v) if index else v for j in joined for v in values][:MAX_TEMPLATES]
            return joined
        if qualified & URLJOIN and len(node.args) >= 2:
            bases = self._eval(node.args[0].value, scope, acc, depth + 1)
            urls = self._eval(node.args[1].value, scope, acc, depth + 1)
            return [_urljoin(b, u) for b in bases for u in urls][:MAX_TEMPLATES]
        return [WILD]

    def _format(self, node: cst.Call, scope: Scope, acc: Evaluation, depth: int) -> list[str]:
        assert isinstance(node.func, cst.Attribute)
        formats = self._eval(node.func.value, scope, acc, depth + 1)
        positional = [a.value for a in node.args if a.keyword is None and not a.star]
        keywords = {a.keyword.value: a.value for a in node.args if a.keyword is not None}
        results = []
        for fmt in formats:
            pieces = [""]
            position = 0
            auto = 0
            for match in _FORMAT_RE.finditer(fmt):
                pieces = [p + fmt[position:match.start()] for p in pieces]
                position = match.end()
                token = match.group(0)
                if token in ("{{", "}}"):
                    pieces = [p + token[0] for p in pieces]
                    continue
                name = (match.group("field") or "").split(".")[0].split("[")[0]
                arg: cst.BaseExpression | None
                if name == "":
                    arg = positional[auto] if auto < len(positional) else None
                    auto += 1
                elif name.isdigit():
                    arg = positional[int(name)] if int(name) < len(positional) else None
                else:
                    arg = keywords.get(name)
                simple = match.group("field") == name and ":" not in token and "!" not in token
                values = self._eval(arg, scope, acc, depth + 1) if arg is not None and simple else [WILD]
                pieces = _product(pieces, values)
            results += [_squash(p + fmt[position:]) for p in pieces]
        return results[:MAX_TEMPLATES] or [WILD]

    def _join(self, node: cst.Call, scope: Scope, acc: Evaluation, depth: int) -> list[str]:
        assert isinstance(node.func, cst.Attribute)
        items = node.args[0].value
        if not is_string_expression(node.func.value) or not isinstance(items, (cst.List, cst.Tuple)):
            return [WILD]
        separators = self._eval(node.func.value, scope, acc, depth + 1)
        out: list[str] = []
        for separator in separators:
            joined = [""]
            for index, element in enumerate(items.elements):
                if isinstance(element, cst.StarredElement):
                    return [WILD]
                values = self._eval(element.value, scope, acc, depth + 1)
                joined = _product([j + (separator if index else "") for j in joined], values)
            out += joined
        return out[:MAX_TEMPLATES]

    def external(self, path: str) -> list[str]:
        """A constant of another module: a reference while summarising, else what the project
        index resolved it to (a wildcard when it knows nothing)."""
        ctx = self.inference.ctx
        if ctx.symbolic:
            return [REF_OPEN + path + REF_CLOSE]
        found = ctx.env.strings(path) if ctx.env is not None else None
        return list(found) if found else [WILD]

    def _name(self, node: cst.Name, scope: Scope, acc: Evaluation, depth: int) -> list[str]:
        bindings = reaching(scope, node.value, self.inference.ctx.sites.get(id(node)))
        if len(bindings) == 1 and bindings[0].kind == "import" and bindings[0].qualname:
            return self.external(bindings[0].qualname)
        values = [b for b in bindings if b.kind == "assign" and isinstance(b.node, cst.BaseExpression)]
        if not values or len(values) != len(bindings):
            return [WILD]
        out: list[str] = []
        for binding in values:
            assert isinstance(binding.node, cst.BaseExpression)
            out += self._binding(binding.node, binding.scope, acc, depth)
        return _dedupe(out)

    def _binding(self, value: cst.BaseExpression, scope: Scope, acc: Evaluation, depth: int) -> list[str]:
        """A name's assigned value, evaluated once per module (names that build on names in
        f-strings would otherwise be evaluated again for every path to them: exponential)."""
        memo = self.inference.__dict__.setdefault("string_memo", {})
        key = (id(value), id(scope))
        known = memo.get(key)
        if known is not None and known[0] is value:
            templates, nodes = known[1], known[2]
        else:
            memo[key] = (value, [WILD], ())  # a name defined through itself: unknown
            inner = Evaluation([])
            templates = self._eval(value, scope, inner, depth + 1)
            nodes = tuple(inner.nodes)
            memo[key] = (value, templates, nodes)
        for node in nodes:
            if id(node) not in acc.sources:
                acc.sources.add(id(node))
                acc.nodes.append(node)
        return templates

    def _attribute(self, node: cst.Attribute, scope: Scope, acc: Evaluation, depth: int) -> list[str]:
        receivers = self.inference.of(node.value, scope)
        name = node.attr.value
        if name == "prefix" and any(isinstance(r, Client) for r in receivers):
            return [API_PREFIX]
        out: list[str] = []
        for receiver in receivers:
            if isinstance(receiver, Qual) and not receiver.name.endswith(")"):
                out += self.external(f"{receiver.name}.{name}")
            elif isinstance(receiver, (Instance, UserClass)):
                cls = receiver.cls if isinstance(receiver, Instance) else receiver
                class_scope = self.inference.class_scope(cls)
                if class_scope is None:
                    continue
                bindings = [*class_scope.instance_attrs.get(name, []), *class_scope.bindings.get(name, [])]
                for binding in bindings:
                    if binding.kind == "assign" and isinstance(binding.node, cst.BaseExpression):
                        out += self._eval(binding.node, binding.scope, acc, depth + 1)
        return _dedupe(out) or [WILD]


def _dedupe(values: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        seen.setdefault(value, None)
    return list(seen)[:MAX_TEMPLATES]


def _pathjoin(base: str, part: str) -> str:
    """``os.path.join`` / ``posixpath.join`` of two templates (POSIX separators)."""
    if part.startswith("/"):
        return part
    if not base or base.endswith("/"):
        return _squash(base + part)
    return _squash(base + "/" + part)


def _urljoin(base: str, url: str) -> str:
    """``urllib.parse.urljoin`` on templates, for the shapes URLs are built with."""
    if url.startswith(("http://", "https://")):
        return url
    if url.startswith("/"):
        match = re.match(r"^(https?://[^/]*)", base)
        return url if match is None else match.group(1) + url
    if base.endswith("/") or base.endswith(WILD):
        return _squash(base + url)
    return _squash(base[: base.rfind("/") + 1] + url) if "/" in base else url
