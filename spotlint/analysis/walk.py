"""The single walk over a module: scope and binding bookkeeping plus handler dispatch.

Every analyser registers handlers by node type; this visitor keeps ``ModuleContext.scope``
and ``ModuleContext.statement`` current and calls the handlers. It reports nothing itself.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence

import libcst as cst

from spotlint.analysis.context import ModuleContext
from spotlint.analysis.scope import (
    Binding,
    Scope,
    Site,
    dotted_name,
    import_from_module,
)

Handler = Callable[[cst.CSTNode, ModuleContext], None]

_STATEMENTS = frozenset({
    cst.SimpleStatementLine, cst.If, cst.For, cst.While, cst.With, cst.Try, cst.TryStar,
    cst.Match, cst.FunctionDef, cst.ClassDef,
})
_BODIES = frozenset({cst.IndentedBlock, cst.SimpleStatementSuite})
_SCOPES = frozenset({cst.FunctionDef, cst.Lambda, cst.ClassDef})
_LOOPS = frozenset({cst.For, cst.While})
_COMPREHENSIONS = frozenset({cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp})


# Leaves no analyser looks at: skipping them halves the walk.
_SKIPPED = (
    cst.BaseParenthesizableWhitespace, cst.EmptyLine, cst.TrailingWhitespace, cst.Newline,
    cst.Comment, cst.Comma, cst.Dot, cst.Colon, cst.AssignEqual, cst.Semicolon,
    cst.BaseBinaryOp, cst.BaseBooleanOp, cst.BaseCompOp, cst.BaseUnaryOp, cst.BaseAugOp,
    cst.LeftParen, cst.RightParen, cst.LeftSquareBracket, cst.RightSquareBracket,
    cst.LeftCurlyBrace, cst.RightCurlyBrace, cst.Asynchronous, cst.ImportStar,
)
_FIELDS: dict[type, tuple[str, ...]] = {}
_WANTED: dict[type, bool] = {}


def _wanted(kind: type) -> bool:
    wanted = _WANTED.get(kind)
    if wanted is None:
        wanted = _WANTED[kind] = issubclass(kind, cst.CSTNode) and not issubclass(kind, _SKIPPED)
    return wanted


def children(node: cst.CSTNode) -> list[cst.CSTNode]:
    """The child nodes an analyser may care about, in field order, without copying anything
    (libcst's own ``visit`` rebuilds every node it passes)."""
    kind = type(node)
    names = _FIELDS.get(kind)
    if names is None:
        names = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(kind))  # type: ignore[arg-type]
    found: list[cst.CSTNode] = []
    for name in names:
        value = getattr(node, name)
        if type(value) in (tuple, list):
            found.extend(v for v in value if _wanted(type(v)))
        elif _wanted(type(value)):
            found.append(value)
    return found


class Walker:
    def __init__(self, ctx: ModuleContext, handlers: Mapping[type, Sequence[Handler]]) -> None:
        self.ctx = ctx
        self.handlers = handlers
        self.statements: list[cst.CSTNode | None] = []
        self.ordinal = 0
        self.bodies: list[int] = []
        self.loops: list[int] = []
        self.comprehensions: list[int] = []

    def walk(self, root: cst.CSTNode) -> None:
        """Pre-order walk with an explicit stack, so deep nesting cannot overflow Python's."""
        stack: list[tuple[cst.CSTNode, bool]] = [(root, False)]
        while stack:
            node, leaving = stack.pop()
            if leaving:
                self.on_leave(node)
                continue
            self.on_visit(node)
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(children(node)))

    # -- dispatch ---------------------------------------------------------------
    def on_visit(self, node: cst.CSTNode) -> None:
        ctx = self.ctx
        kind = type(node)
        if kind is cst.Name:
            ctx.sites[id(node)] = ctx.site
        elif kind in _STATEMENTS:
            self.statements.append(ctx.statement)
            ctx.statement = node
            self.ordinal += 1
            if kind in _LOOPS:
                self.loops.append(id(node))
            ctx.site = self.site()
        elif kind in _BODIES:
            self.statements.append(ctx.statement)
            ctx.statement = None
            self.bodies.append(id(node))
            ctx.site = self.site()
        elif kind in _COMPREHENSIONS:
            self.comprehensions.append(id(node))
            ctx.site = self.site()
        binder = _BINDERS.get(kind)
        if binder is not None:
            binder(node, ctx)
        for handler in self.handlers.get(kind, ()):
            handler(node, ctx)
        if kind is cst.FunctionDef or kind is cst.Lambda:
            _enter_function(node, ctx)  # type: ignore[arg-type]
        elif kind is cst.ClassDef:
            ctx.scope = Scope("class", node, ctx.scope)
            ctx.class_scopes[id(node)] = ctx.scope

    def on_leave(self, node: cst.CSTNode) -> None:
        ctx = self.ctx
        kind = type(node)
        if kind in _SCOPES:
            assert ctx.scope.parent is not None
            ctx.scope = ctx.scope.parent
        if kind in _STATEMENTS or kind in _BODIES:
            ctx.statement = self.statements.pop()
            if kind in _BODIES:
                self.bodies.pop()
            elif kind in _LOOPS:
                self.loops.pop()
            ctx.site = self.site()
        elif kind in _COMPREHENSIONS:
            self.comprehensions.pop()
            ctx.site = self.site()

    def site(self) -> Site:
        return Site(self.ordinal, tuple(self.bodies), tuple(self.loops), tuple(self.comprehensions))

    # Function parameters and default values are visited inside the function scope;
    # defaults and decorators strictly belong outside, which matters only for shadowing.


def _enter_function(node: cst.FunctionDef | cst.Lambda, ctx: ModuleContext) -> None:
    outer = ctx.scope
    scope = Scope("function", node, outer)
    params = node.params
    positional = [*params.posonly_params, *params.params]
    owner = outer if outer.kind == "class" and isinstance(node, cst.FunctionDef) else None
    decorators = {dotted_name(d.decorator) for d in node.decorators} if isinstance(node, cst.FunctionDef) else set()
    items = ctx.lambda_items.get(id(node))
    for index, param in enumerate([*positional, *params.kwonly_params]):
        kind = "param"
        if owner is not None and index == 0 and param in positional and "staticmethod" not in decorators:
            kind = "cls" if "classmethod" in decorators else "self"
        if items is not None and index == 0:  # ``sorted(items, key=lambda item: …)``: an element
            _bind(ctx, param.name.value, Binding("iter", items, outer), scope)
            continue
        _bind(ctx, param.name.value, Binding(kind, param, scope), scope)
    for star in (params.star_arg, params.star_kwarg):
        if isinstance(star, cst.Param):
            _bind(ctx, star.name.value, Binding("unknown", star, scope), scope)
    ctx.function_scopes[id(node)] = scope
    ctx.scope = scope


# -- binders: record what each statement binds ------------------------------------
def _bind(ctx: ModuleContext, name: str, binding: Binding, scope: Scope | None = None) -> None:
    binding.site = ctx.site
    (scope or ctx.scope).bind(name, binding)


def _bind_import(node: cst.Import, ctx: ModuleContext) -> None:
    for alias in node.names:
        full = dotted_name(alias.name)
        if alias.asname is not None:
            name = dotted_name(alias.asname.name)  # type: ignore[arg-type]
            _bind(ctx, name, Binding("import", node, ctx.scope, full))
        else:
            top = full.split(".")[0]
            _bind(ctx, top, Binding("import", node, ctx.scope, top))


def _bind_import_from(node: cst.ImportFrom, ctx: ModuleContext) -> None:
    module = import_from_module(node, ctx.project.package)
    if isinstance(node.names, cst.ImportStar):
        ctx.scope.module().star_imports.append(module)
        return
    for alias in node.names:
        imported = dotted_name(alias.name)
        name = dotted_name(alias.asname.name) if alias.asname is not None else imported  # type: ignore[arg-type]
        qual = f"{module}.{imported}" if module and not module.endswith(".") else f"{module}{imported}"
        _bind(ctx, name, Binding("import", node, ctx.scope, qual))


def _bind_targets(target: cst.BaseExpression, value: cst.BaseExpression | None, kind: str, ctx: ModuleContext) -> None:
    if isinstance(target, cst.Name):
        _bind(ctx, target.value, Binding(kind if value is not None else "unknown", value, ctx.scope))
    elif isinstance(target, (cst.Tuple, cst.List)):
        values = value.elements if isinstance(value, (cst.Tuple, cst.List)) else None
        for index, element in enumerate(target.elements):
            inner = element.value
            if isinstance(element, cst.StarredElement):
                _bind_targets(inner, None, kind, ctx)
            elif values is None and value is not None and kind == "assign" and isinstance(inner, cst.Name):
                _bind(ctx, inner.value, Binding("item", value, ctx.scope, index=index))  # a, b = f()
            else:
                sub = values[index].value if values is not None and index < len(values) else None
                _bind_targets(inner, sub, kind if sub is not None else "iter-part", ctx)
    elif isinstance(target, cst.Attribute) and isinstance(target.value, cst.Name):
        _bind_self_attribute(target, value, kind, ctx)
    elif isinstance(target, cst.StarredElement):
        _bind_targets(target.value, None, kind, ctx)


def _bind_self_attribute(target: cst.Attribute, value: cst.BaseExpression | None, kind: str, ctx: ModuleContext) -> None:
    scope = ctx.scope
    owner = scope.enclosing_class()
    if owner is None or value is None:
        return
    bindings = scope.bindings.get(target.value.value, [])  # type: ignore[attr-defined]
    if any(b.kind in ("self", "cls") for b in bindings):  # cls.x in a classmethod (setUpClass) too
        owner.instance_attrs.setdefault(target.attr.value, []).append(Binding(kind, value, scope))


def _bind_assign(node: cst.Assign, ctx: ModuleContext) -> None:
    for target in node.targets:
        _bind_targets(target.target, node.value, "assign", ctx)


def _bind_ann_assign(node: cst.AnnAssign, ctx: ModuleContext) -> None:
    target = node.target
    annotation = node.annotation.annotation
    if isinstance(target, cst.Name):
        _bind(ctx, target.value, Binding("annotation", annotation, ctx.scope))
        if node.value is not None:
            _bind(ctx, target.value, Binding("assign", node.value, ctx.scope))
        if ctx.scope.kind == "class":  # dataclass-style field: an instance attribute too
            ctx.scope.instance_attrs.setdefault(target.value, []).append(Binding("annotation", annotation, ctx.scope))
    elif isinstance(target, cst.Attribute):
        _bind_self_attribute(target, annotation, "annotation", ctx)
        if node.value is not None:
            _bind_self_attribute(target, node.value, "assign", ctx)


def _bind_named_expr(node: cst.NamedExpr, ctx: ModuleContext) -> None:
    _bind_targets(node.target, node.value, "assign", ctx)


def _bind_for(node: cst.For | cst.CompFor, ctx: ModuleContext) -> None:
    _bind_iteration(node.target, node.iter, ctx)


def _bind_iteration(target: cst.BaseExpression, iterable: cst.BaseExpression, ctx: ModuleContext) -> None:
    if isinstance(target, cst.Name):
        _bind(ctx, target.value, Binding("iter", iterable, ctx.scope))
    elif isinstance(target, (cst.Tuple, cst.List)) and not any(isinstance(e, cst.StarredElement) for e in target.elements):
        for index, element in enumerate(target.elements):  # ``for i, track in enumerate(items)``
            if isinstance(element.value, cst.Name):
                _bind(ctx, element.value.value, Binding("iter-item", iterable, ctx.scope, index=index))
            else:
                _bind_targets(element.value, None, "unknown", ctx)
    else:
        _bind_targets(target, None, "unknown", ctx)


def _bind_with(node: cst.With, ctx: ModuleContext) -> None:
    for item in node.items:
        if item.asname is not None:
            _bind_targets(item.asname.name, item.item, "assign", ctx)


def _bind_definition(node: cst.FunctionDef | cst.ClassDef, ctx: ModuleContext) -> None:
    kind = "class" if isinstance(node, cst.ClassDef) else "function"
    _bind(ctx, node.name.value, Binding(kind, node, ctx.scope))


def _bind_global(node: cst.Global | cst.Nonlocal, ctx: ModuleContext) -> None:
    if isinstance(node, cst.Global):
        ctx.scope.globals.update(item.name.value for item in node.names)


def _bind_return(node: cst.Return, ctx: ModuleContext) -> None:
    if node.value is not None:
        ctx.scope.returns.append(node.value)


def _bind_yield(node: cst.Yield, ctx: ModuleContext) -> None:
    if isinstance(node.value, cst.BaseExpression):
        ctx.scope.yields.append(node.value)


_ELEMENT_FUNCTIONS = {"sorted": 0, "min": 0, "max": 0, "filter": 1, "map": 1}


def _bind_lambda_arguments(node: cst.Call, ctx: ModuleContext) -> None:
    """A lambda given to ``sorted``/``min``/``max``/``filter``/``map``/``list.sort`` gets each
    element of the iterable: remember which iterable, for its parameter."""
    func = node.func
    positional = [a.value for a in node.args if a.keyword is None and not a.star]
    if isinstance(func, cst.Name) and func.value in _ELEMENT_FUNCTIONS:
        index = _ELEMENT_FUNCTIONS[func.value]
        iterable = positional[index] if index < len(positional) else None
    elif isinstance(func, cst.Attribute) and func.attr.value == "sort":
        iterable = func.value
    else:
        return
    if iterable is None:
        return
    for arg in node.args:
        if isinstance(arg.value, cst.Lambda) and (arg.keyword is not None and arg.keyword.value == "key" or arg.keyword is None):
            ctx.lambda_items[id(arg.value)] = iterable


def _bind_except(node: cst.ExceptHandler | cst.ExceptStarHandler, ctx: ModuleContext) -> None:
    if node.name is not None:
        _bind_targets(node.name.name, None, "unknown", ctx)


_BINDERS: dict[type, Callable[[object, ModuleContext], None]] = {  # type: ignore[dict-item]
    cst.Import: _bind_import,
    cst.ImportFrom: _bind_import_from,
    cst.Assign: _bind_assign,
    cst.AnnAssign: _bind_ann_assign,
    cst.NamedExpr: _bind_named_expr,
    cst.For: _bind_for,
    cst.CompFor: _bind_for,
    cst.With: _bind_with,
    cst.FunctionDef: _bind_definition,
    cst.ClassDef: _bind_definition,
    cst.Global: _bind_global,
    cst.Return: _bind_return,
    cst.Yield: _bind_yield,
    cst.ExceptHandler: _bind_except,
    cst.Call: _bind_lambda_arguments,
    cst.ExceptStarHandler: _bind_except,
}
