"""Compute a module's summary from its text: one parse, the analysers' binder and their
inference in symbolic mode (other modules' values stay references). Pure: text in, a
``ModuleSummary`` out; a file that does not parse (or crashes the summariser) gets an empty
summary, so the index never stops the run.
"""

from __future__ import annotations

import libcst as cst

from spotlint.analysis.context import ModuleContext
from spotlint.analysis.infer import (
    Builtin, Client, ClientClass, Function, Inference, Instance, Opaque, Qual, Result, TupleT, Types, UserClass,
)
from spotlint.analysis.scope import Scope, dotted_name, local_name
from spotlint.analysis.walk import _STATEMENTS, Walker
from spotlint.catalogue.load import Catalogue
from spotlint.engine.positions import Positions, SourceText
from spotlint.project.info import ProjectInfo
from spotlint.analysis.wrappers import holds_api_base
from spotlint.project.summary import CallSite, ClassSummary, FunctionSummary, ModuleSummary, Store
from spotlint.project.values import NONE, OPAQUE, REF_OPEN, ClientClassV, ClientV, Ref, ResultV, TupleV, Value, Values


class _Recorder:
    """Handlers for the summary walk: calls and attribute stores, with their scopes."""

    def __init__(self) -> None:
        self.calls: list[tuple[cst.Call, Scope]] = []
        self.stores: list[tuple[cst.Attribute, cst.BaseExpression, Scope]] = []

    def on_call(self, node: cst.CSTNode, ctx: ModuleContext) -> None:
        assert isinstance(node, cst.Call)
        if node.args:
            self.calls.append((node, ctx.scope))

    def on_assign(self, node: cst.CSTNode, ctx: ModuleContext) -> None:
        assert isinstance(node, cst.Assign)
        for target in node.targets:
            if isinstance(target.target, cst.Attribute):
                self.stores.append((target.target, node.value, ctx.scope))


def summarise(text: str, module: str, path: str, catalogue: Catalogue, project: ProjectInfo) -> ModuleSummary:
    try:
        tree = cst.parse_module(text)
    except (cst.ParserSyntaxError, RecursionError, ValueError):
        return ModuleSummary.empty(module, path)
    try:
        return _Summariser(tree, module, path, catalogue, project, text).run()
    except Exception:  # noqa: BLE001 - a summary is an optimisation of recall: never a crash
        return ModuleSummary.empty(module, path)


class _Summariser:
    def __init__(self, tree: cst.Module, module: str, path: str, catalogue: Catalogue, project: ProjectInfo,
                 text: str | None = None) -> None:
        self.tree, self.module, self.path, self.text = tree, module, path, text
        self.ctx = ModuleContext(catalogue=catalogue, project=project, scope=Scope("module", tree, None), symbolic=True)
        self.recorder = _Recorder()
        self._positions: Positions | None = None
        self.statements: list[cst.CSTNode] = []  # in walk order: a Site's ordinal - 1 indexes it

    def run(self) -> ModuleSummary:
        ctx, recorder = self.ctx, self.recorder
        handlers = {kind: [self.on_statement] for kind in _STATEMENTS}
        Walker(ctx, {**handlers, cst.Call: [recorder.on_call], cst.Assign: [recorder.on_assign]}).walk(self.tree)
        self.inference = ctx.inference = Inference(ctx)
        module_scope = ctx.scope
        symbols = {name: self.values(bindings, name) for name, bindings in module_scope.bindings.items()}
        classes = {local_name(scope): self.cls(scope) for scope in ctx.class_scopes.values()}
        functions = {local_name(scope): self.function(scope) for scope in ctx.function_scopes.values()
                     if isinstance(scope.node, cst.FunctionDef)}
        return ModuleSummary(
            self.module, self.path, {k: v for k, v in symbols.items() if v}, classes, functions,
            tuple(self.calls()), tuple(self.stores()), self.strings(module_scope), tuple(module_scope.star_imports),
        )

    # -- where things are, for traces -------------------------------------------------
    def on_statement(self, node: cst.CSTNode, ctx: ModuleContext) -> None:
        self.statements.append(node)

    def line(self, node: cst.CSTNode) -> int:
        """Code is generated for the module statement that holds ``node`` only: the last
        statement entered before a name in it (the walk is pre-order) lies in that one."""
        if self._positions is None:
            self._positions = Positions(self.tree, SourceText(self.text if self.text is not None else self.tree.code))
        near = self._statement_near(node)
        ranges = self._positions.around(near) if near is not None else self._positions.within(self.tree)
        where = ranges.get(node)
        return where.start.line if where is not None else 0

    def _statement_near(self, node: cst.CSTNode) -> cst.CSTNode | None:
        stack = [node]
        while stack:
            first = stack.pop()
            if isinstance(first, cst.Name):
                site = self.ctx.sites.get(id(first))
                if site is not None and 0 < site.ordinal <= len(self.statements):
                    return self.statements[site.ordinal - 1]
            stack.extend(reversed(first.children))
        return None

    def step(self, label: str, node: cst.CSTNode | None) -> str:
        if node is None:
            return f"{label} in {self.path}"
        shown = ""
        if isinstance(node, cst.Call):
            shown = f" = {dotted_name(node.func) or '…'}(...)"
        return f"{label}{shown} at {self.path}:{self.line(node)}"

    # -- values ------------------------------------------------------------------------
    def convert(self, types: Types, label: str = "", node: cst.CSTNode | None = None, depth: int = 0) -> Values:
        out: set[Value] = set()
        for value in types:
            if isinstance(value, Qual):
                out.add(Ref(value.name))
            elif isinstance(value, Client):
                overrides = self._defined(value.cls) if value.cls is not None else frozenset()
                trace = value.trace or ((self.step(label, node),) if label else ())
                out.add(ClientV(value.library, overrides, trace, value.max_limits))
            elif isinstance(value, ClientClass):
                out.add(ClientClassV(value.library, value.overrides, value.trace))
            elif isinstance(value, UserClass):
                out.add(Ref("@" + self._class_name(value)))
            elif isinstance(value, Instance):
                out.add(Ref("@" + self._class_name(value.cls) + "()"))
            elif isinstance(value, Function):
                out.add(Ref("@" + self._function_name(value)))
            elif isinstance(value, Result):
                out.add(ResultV(value.library, value.method))
            elif isinstance(value, TupleT) and depth < 3:
                out.add(TupleV(tuple(self.convert(item, label, node, depth + 1) for item in value.items)))
            elif isinstance(value, Opaque):
                out.add(OPAQUE)
            elif isinstance(value, Builtin):
                continue
        return frozenset(out)

    def values(self, bindings: list, label: str) -> Values:  # type: ignore[type-arg]
        out: set[Value] = set()
        for binding in bindings:
            node = binding.node if isinstance(binding.node, cst.BaseExpression) else None
            out |= self.convert(self.inference.binding(binding), label, node)
        return frozenset(out)

    def _class_name(self, cls: UserClass) -> str:
        scope = self.ctx.class_scopes.get(id(cls.node))
        return local_name(scope) if scope is not None else cls.node.name.value

    def _function_name(self, function: Function) -> str:
        scope = self.ctx.function_scopes.get(id(function.node))
        return local_name(scope) if scope is not None else function.node.name.value

    def _defined(self, node: cst.ClassDef) -> frozenset[str]:
        scope = self.ctx.class_scopes.get(id(node))
        return frozenset(scope.bindings) if scope is not None else frozenset()

    # -- classes and functions -------------------------------------------------------------
    def cls(self, scope: Scope) -> ClassSummary:
        node = scope.node
        assert isinstance(node, cst.ClassDef)
        outer = scope.parent or scope
        bases = tuple(self.convert(self.inference.of(arg.value, outer)) for arg in node.bases if arg.keyword is None)
        name = local_name(scope)
        members: dict[str, Values] = {}
        for attr, bindings in [*scope.bindings.items(), *scope.instance_attrs.items()]:
            found = self.values(bindings, f"{name}.{attr}")
            if found:
                members[attr] = members.get(attr, NONE) | found
        return ClassSummary(bases, members, frozenset(scope.bindings), holds_api_base(node))

    def function(self, scope: Scope) -> FunctionSummary:
        node = scope.node
        assert isinstance(node, cst.FunctionDef)
        params = node.params
        positional = [p.name.value for p in (*params.posonly_params, *params.params)]
        keyword = [p.name.value for p in params.kwonly_params]
        first = scope.bindings.get(positional[0], []) if positional else []
        method = any(b.kind in ("self", "cls") for b in first)
        name = local_name(scope)
        returns: set[Value] = set()
        for value in [*scope.returns, *scope.yields]:
            returns |= self.convert(self.inference.of(value, scope), f"{name}() returns", value)
        if node.returns is not None:
            returns |= self.convert(self.inference.annotation(node.returns.annotation, scope.parent or scope))
        return FunctionSummary(tuple(positional + keyword), len(positional), method, frozenset(returns), _fixture(node))

    # -- calls, stores and strings -----------------------------------------------------------
    def calls(self) -> list[CallSite]:
        sites = []
        for node, scope in self.recorder.calls:
            callee = frozenset(v for v in self.convert(self.inference.of(node.func, scope)) if isinstance(v, Ref))
            if not callee:
                continue
            args: list[Values] = []
            keywords: list[tuple[str, Values]] = []
            for arg in node.args:
                if arg.star:
                    break
                shown = dotted_name(arg.value) or "an argument"
                value = frozenset(v for v in self.convert(self.inference.of(arg.value, scope), shown, arg.value) if v != OPAQUE)
                if arg.keyword is not None:
                    keywords.append((arg.keyword.value, value))
                else:
                    args.append(value)
            if any(args) or any(v for _, v in keywords):
                name = dotted_name(node.func) or "a call"
                sites.append(CallSite(callee, tuple(args), tuple(keywords),
                                      f"passed to {name}() at {self.path}:{self.line(node)}"))
        return sites

    def stores(self) -> list[Store]:
        found = []
        for target, value, scope in self.recorder.stores:
            base = self.inference.of(target.value, scope)
            refs = frozenset(v for v in self.convert(base) if isinstance(v, Ref))
            if not refs:
                continue
            values = self.convert(self.inference.of(value, scope), f"{dotted_name(target) or target.attr.value}", value)
            if values - {OPAQUE}:
                found.append(Store(refs, target.attr.value, values))
        return found

    def strings(self, scope: Scope) -> dict[str, tuple[str, ...]]:
        from spotlint.analysis.strings import WILD, Evaluator, is_string_expression

        evaluator = Evaluator(self.inference)
        out: dict[str, tuple[str, ...]] = {}
        for name, bindings in scope.bindings.items():
            if len(bindings) != 1 or bindings[0].kind != "assign":
                continue
            node = bindings[0].node
            if not isinstance(node, cst.BaseExpression) or not (is_string_expression(node) or isinstance(node, (cst.Name, cst.Attribute, cst.Integer))):
                continue
            templates = evaluator.evaluate(node, scope).templates
            if templates and templates != [WILD] and any(REF_OPEN in t or WILD not in t for t in templates):
                out[name] = tuple(templates)
        return out


def _fixture(node: cst.FunctionDef) -> str:
    for decorator in node.decorators:
        target = decorator.decorator
        call = target if isinstance(target, cst.Call) else None
        name = dotted_name(call.func if call is not None else target)
        if name.split(".")[-1] != "fixture":
            continue
        if call is not None:
            for arg in call.args:
                if arg.keyword is not None and arg.keyword.value == "name" and isinstance(arg.value, cst.SimpleString):
                    value = arg.value.evaluated_value
                    if isinstance(value, str):
                        return value
        return node.name.value
    return ""


