"""What an expression evaluates to, as far as Spotify clients are concerned.

A small flow-insensitive inference over the bindings of ``scope``: imports resolve to
qualified names, calls of client classes (and their subclasses, and functions returning
them) give clients, client method calls give results. Never guesses from spelling.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

from spotlint.analysis.context import ModuleContext
from spotlint.analysis.scope import Binding, Scope, Site, local_name, reaching
from spotlint.project.info import COMPAT_MODULE, compat_method
from spotlint.project.values import PARAM

MAX_DEPTH = 40


@dataclass(frozen=True, slots=True)
class Qual:
    """An imported module or object, by qualified name; ``module`` when known to be a module."""

    name: str
    module: bool = False
    resolved: bool = False  # the project index resolved it to something that is not a client
    external: str = ""  # what the index resolved it to when that is another library's object
    api: bool = False  # the index resolved it to a Web API wrapper of the project (``wrappers``)


@dataclass(frozen=True, slots=True)
class ClientClass:
    library: str
    overrides: frozenset[str] = frozenset()  # methods a project subclass defines itself
    trace: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True, slots=True)
class Client:
    """An instance of a client; ``cls`` is the user's subclass when known."""

    library: str
    cls: cst.ClassDef | None = None
    overrides: frozenset[str] = frozenset()  # methods a project subclass (in another module) defines
    trace: tuple[str, ...] = field(default=(), compare=False)  # how the project index resolved it
    max_limits: bool = False  # tekore ``max_limits_on=True``: calls leaving out ``limit`` send the maximum


@dataclass(frozen=True, slots=True)
class Result:
    """The value returned by (or read out of) a client method call."""

    library: str
    method: str


@dataclass(frozen=True, slots=True)
class UserClass:
    node: cst.ClassDef
    scope: Scope


@dataclass(frozen=True, slots=True)
class Instance:
    cls: UserClass


@dataclass(frozen=True, slots=True)
class Function:
    node: cst.FunctionDef
    scope: Scope  # the scope the function is defined in
    owner: UserClass | None = None


@dataclass(frozen=True, slots=True)
class Builtin:
    name: str


@dataclass(frozen=True, slots=True)
class Opaque:
    """A value we know is not a client (a literal, a user object without client parts)."""


@dataclass(frozen=True, slots=True)
class TupleT:
    items: tuple[frozenset, ...]  # type: ignore[type-arg]


OPAQUE = Opaque()
Type = Qual | ClientClass | Client | Result | UserClass | Instance | Function | Builtin | Opaque | TupleT
Types = frozenset[Type]
NOTHING: Types = frozenset()

_BUILTINS = frozenset({"getattr", "super"})
# builtins (and ``copy``'s functions) whose result holds the same objects as an argument:
# name -> index of that argument (``dict`` only when it adds no keys of its own)
_PASS_THROUGH = {"list": 0, "sorted": 0, "tuple": 0, "reversed": 0, "set": 0, "iter": 0, "next": 0,
                 "filter": 1, "dict": 0, "copy.copy": 0, "copy.deepcopy": 0}
_COMPREHENSIONS = (cst.ListComp, cst.SetComp, cst.GeneratorExp)
_LITERALS = (
    cst.SimpleString, cst.ConcatenatedString, cst.FormattedString, cst.Integer, cst.Float,
    cst.Imaginary, cst.Dict, cst.List, cst.Set, cst.Tuple, cst.DictComp, cst.ListComp,
    cst.SetComp, cst.GeneratorExp, cst.Comparison, cst.UnaryOperation,
)


def _max_limits_on(call: cst.Call) -> bool:
    """``tk.Spotify(token, max_limits_on=True)``."""
    return any(arg.keyword is not None and arg.keyword.value == "max_limits_on"
               and isinstance(arg.value, cst.Name) and arg.value.value == "True" for arg in call.args)


def _with_max_limits(value: Type, call: cst.Call) -> Type:
    if isinstance(value, Client) and not value.max_limits and _max_limits_on(call):
        return Client(value.library, value.cls, value.overrides, value.trace, True)
    return value


def _is_property(node: cst.CSTNode | None) -> bool:
    if not isinstance(node, cst.FunctionDef):
        return False
    for decorator in node.decorators:
        target = decorator.decorator
        name = target.attr.value if isinstance(target, cst.Attribute) else getattr(target, "value", "")
        if name in ("property", "cached_property"):
            return True
    return False


class Inference:
    """Memoised inference for one module."""

    def __init__(self, ctx: ModuleContext) -> None:
        self.ctx = ctx
        self.classes: dict[str, str] = {}
        self.library_modules: dict[str, str] = {}
        for library in ctx.catalogue.libraries:
            for qualname in library.classes:
                self.classes[qualname] = library.name
            for module in library.modules:
                self.library_modules[module] = library.name
        # keyed by ids, holding the node itself so a freed node's id is never mistaken for it
        self.memo: dict[tuple[int, int], tuple[cst.CSTNode, Types]] = {}
        self.active: set[tuple[int, int]] = set()
        self.parsed: dict[int, tuple[cst.SimpleString, cst.BaseExpression | None]] = {}

    # -- public --------------------------------------------------------------------
    def of(self, node: cst.BaseExpression, scope: Scope) -> Types:
        key = (id(node), id(scope))
        cached = self.memo.get(key)
        if cached is not None and cached[0] is node:
            return cached[1]
        if key in self.active or len(self.active) > MAX_DEPTH:
            return NOTHING
        self.active.add(key)
        try:
            result = self._infer(node, scope)
        finally:
            self.active.discard(key)
        self.memo[key] = (node, result)
        return result

    def library_of_qual(self, name: str) -> str | None:
        """The client library a qualified name belongs to, if any."""
        top = name.split(".")[0]
        return self.library_modules.get(top)

    # -- expressions ---------------------------------------------------------------
    def _infer(self, node: cst.BaseExpression, scope: Scope) -> Types:
        if isinstance(node, cst.Name):
            return self._name(node.value, scope, self.ctx.sites.get(id(node)))
        if isinstance(node, cst.Attribute):
            return self._attribute(self.of(node.value, scope), node.attr.value)
        if isinstance(node, cst.Call):
            return self._call(node, scope)
        if isinstance(node, cst.Await):
            return self.of(node.expression, scope)
        if isinstance(node, cst.IfExp):
            return self.of(node.body, scope) | self.of(node.orelse, scope)
        if isinstance(node, cst.BooleanOperation):
            return self.of(node.left, scope) | self.of(node.right, scope)
        if isinstance(node, cst.NamedExpr):
            return self.of(node.value, scope)
        if isinstance(node, cst.Subscript):
            return self._subscript(self.of(node.value, scope), node)
        if isinstance(node, cst.Tuple) and len(node.elements) <= 8:
            return frozenset({TupleT(tuple(self.of(e.value, scope) for e in node.elements))})
        if isinstance(node, _COMPREHENSIONS):  # a list of response items is still the response's
            return self._results(self.of(node.elt, scope))
        if isinstance(node, cst.List):
            found: Types = NOTHING
            for element in node.elements:
                found |= self.of(element.value, scope)
            return self._results(found)
        if isinstance(node, _LITERALS):
            return frozenset({OPAQUE})
        return NOTHING

    @staticmethod
    def _results(values: Types) -> Types:
        """What a container built from ``values`` is: a response's when they are, else ours."""
        results = frozenset(v for v in values if isinstance(v, Result))
        return results or frozenset({OPAQUE})

    def _name(self, name: str, scope: Scope, site: Site | None = None) -> Types:
        bindings = reaching(scope, name, site)
        if not bindings:
            return frozenset({Builtin(name)}) if name in _BUILTINS else NOTHING
        result: set[Type] = set()
        for binding in bindings:
            result |= self.binding(binding)
        return frozenset(result)

    def binding(self, binding: Binding) -> Types:
        kind, node, scope = binding.kind, binding.node, binding.scope
        if kind == "import":
            is_module = isinstance(node, cst.Import) or binding.qualname in self.ctx.project.modules
            return self._qual(binding.qualname, is_module)
        if kind == "class":
            assert isinstance(node, cst.ClassDef)
            return frozenset({UserClass(node, scope)})
        if kind == "function":
            assert isinstance(node, cst.FunctionDef)
            owner = self._owner_class(scope)
            return frozenset({Function(node, scope, owner)})
        if kind == "assign" and isinstance(node, cst.BaseExpression):
            return self.of(node, scope)
        if kind == "annotation" and isinstance(node, cst.BaseExpression):
            return self.annotation(node, scope)
        if kind == "param" and isinstance(node, cst.Param):
            outer = scope.parent or scope
            if node.annotation is not None:
                annotated = self.annotation(node.annotation.annotation, outer)
                if annotated:
                    return annotated
            found = self.of(node.default, outer) if node.default is not None else NOTHING
            return found | self._param(scope, node.name.value)
        if kind == "item" and isinstance(node, cst.BaseExpression):
            return self._item(self.of(node, scope), binding.index)
        if kind in ("self", "cls"):
            owner_scope = scope.enclosing_class()
            if owner_scope is None or not isinstance(owner_scope.node, cst.ClassDef):
                return NOTHING
            cls = UserClass(owner_scope.node, owner_scope.parent or owner_scope)
            if kind == "cls":
                return frozenset({cls})
            return self._instantiate(cls)
        if kind == "iter" and isinstance(node, cst.BaseExpression):
            return self._subscript(self.of(node, scope))
        if kind == "iter-item" and isinstance(node, cst.BaseExpression):
            return self._iter_item(node, scope, binding.index)
        return NOTHING

    def _iter_item(self, iterable: cst.BaseExpression, scope: Scope, index: int) -> Types:
        """Part ``index`` of each element: ``enumerate(x)``, ``zip(a, b)``, ``d.items()``."""
        if isinstance(iterable, cst.Call) and isinstance(iterable.func, cst.Name) and not scope.lookup(iterable.func.value):
            name, args = iterable.func.value, [a.value for a in iterable.args if a.keyword is None and not a.star]
            if name == "enumerate" and args:
                return frozenset({OPAQUE}) if index == 0 else self._subscript(self.of(args[0], scope))
            if name == "zip" and index < len(args):
                return self._subscript(self.of(args[index], scope))
        elements = self._subscript(self.of(iterable, scope))
        return elements or self._item(self._elements(self.of(iterable, scope)), index)

    @staticmethod
    def _elements(values: Types) -> Types:
        return frozenset(v for v in values if isinstance(v, TupleT))

    def _owner_class(self, scope: Scope) -> UserClass | None:
        if scope.kind == "class" and isinstance(scope.node, cst.ClassDef) and scope.parent is not None:
            return UserClass(scope.node, scope.parent)
        return None

    def _qual(self, name: str, is_module: bool = False) -> Types:
        library = self.classes.get(name)
        if library is not None:
            return frozenset({ClientClass(library)})
        env = self.ctx.env
        if env is not None:
            found = env.lookup(name)
            if found is not None:
                return found
        return frozenset({Qual(name, is_module or name in self.ctx.project.modules)})

    def _param(self, scope: Scope, name: str) -> Types:
        """What a parameter's call sites in the project pass (symbolic while summarising)."""
        owner = local_name(scope)
        if not owner:
            return NOTHING
        path = f"@{owner}{PARAM}{name}"
        if self.ctx.symbolic:
            return frozenset({Qual(path)})
        env = self.ctx.env
        found = env.lookup(path) if env is not None else None
        return frozenset(t for t in found if not isinstance(t, Qual) or t.api) if found else NOTHING

    def _item(self, values: Types, index: int) -> Types:
        result: set[Type] = set()
        for value in values:
            if isinstance(value, TupleT):
                if 0 <= index < len(value.items):
                    result |= value.items[index]
            elif isinstance(value, Qual) and not value.module:
                result |= self._qual(f"{value.name}[{index}]")
            elif isinstance(value, Result):
                result.add(value)
        return frozenset(result)

    def _attribute(self, bases: Types, attr: str) -> Types:
        result: set[Type] = set()
        for base in bases:
            if isinstance(base, Qual):
                result |= self._qual(f"{base.name}.{attr}")
            elif isinstance(base, Instance):
                result |= self.member(base.cls, attr, instance=True)
            elif isinstance(base, Client) and base.cls is not None:
                result |= self.member(self.user_class(base.cls), attr, instance=True)
            elif isinstance(base, UserClass):
                result |= self.member(base, attr, instance=False)
            elif isinstance(base, Result):
                result.add(base)
        return frozenset(result)

    def user_class(self, node: cst.ClassDef) -> UserClass:
        scope = self.ctx.class_scopes[id(node)]
        assert scope.parent is not None
        return UserClass(node, scope.parent)

    def _subscript(self, values: Types, node: cst.Subscript | None = None) -> Types:
        """Reading into a client result (``r["items"]``, iteration) stays a result; an index
        into a tuple (``login()[0]``) is that element."""
        if node is not None and len(node.slice) == 1:
            index = node.slice[0].slice
            if isinstance(index, cst.Index) and isinstance(index.value, cst.Integer) and index.value.value.isdigit():
                picked = self._item(values, int(index.value.value))
                if picked:
                    return picked
        return frozenset(v for v in values if isinstance(v, Result))

    # -- classes -------------------------------------------------------------------
    def class_scope(self, cls: UserClass) -> Scope | None:
        return self.ctx.class_scopes.get(id(cls.node))

    def bases(self, cls: UserClass) -> Types:
        result: set[Type] = set()
        for arg in cls.node.bases:
            result |= self.of(arg.value, cls.scope)
        return frozenset(result)

    def client_library(self, cls: UserClass, depth: int = 0) -> str | None:
        """The client library a user class derives from, if it does."""
        found = self.client_base(cls, depth)
        return found.library if found is not None else None

    def client_base(self, cls: UserClass, depth: int = 0) -> ClientClass | None:
        """The client class a user class derives from (directly, through user classes, or
        through a project class of another module), if it does."""
        if depth > 10:
            return None
        for base in self.bases(cls):
            if isinstance(base, ClientClass):
                return base
            if isinstance(base, UserClass):
                found = self.client_base(base, depth + 1)
                if found is not None:
                    return found
        return None

    def defines(self, cls: UserClass, name: str, depth: int = 0) -> bool:
        """Whether the user class (or a user base class) defines ``name`` itself."""
        scope = self.class_scope(cls)
        if scope is not None and name in scope.bindings:
            return True
        if depth > 10:
            return False
        return any(isinstance(b, UserClass) and self.defines(b, name, depth + 1) for b in self.bases(cls))

    def member(self, cls: UserClass, attr: str, instance: bool, depth: int = 0) -> Types:
        scope = self.class_scope(cls)
        result: set[Type] = set()
        if scope is not None:
            if instance:
                for binding in scope.instance_attrs.get(attr, []):
                    result |= self.binding(binding)
            for binding in scope.bindings.get(attr, []):
                if instance and binding.kind == "function" and _is_property(binding.node):
                    result |= self.returns(Function(binding.node, scope, cls))  # type: ignore[arg-type]
                else:
                    result |= self.binding(binding)
        if not result and depth < 10:
            for base in self.bases(cls):
                if isinstance(base, UserClass):
                    result |= self.member(base, attr, instance, depth + 1)
                elif isinstance(base, Qual) and not base.module:  # a class of another module
                    result |= self._qual(f"{base.name}().{attr}" if instance else f"{base.name}.{attr}")
        return frozenset(result)

    def _instantiate(self, cls: UserClass) -> Types:
        base = self.client_base(cls)
        if base is not None:
            return frozenset({Client(base.library, cls.node, base.overrides, base.trace)})
        return frozenset({Instance(cls)})

    # -- calls and annotations -------------------------------------------------------
    def _call(self, node: cst.Call, scope: Scope) -> Types:
        func = node.func
        result: set[Type] = set()
        passed = self._pass_through(node, scope)
        if passed is not None:
            return passed
        compat = self._compat_call(node, scope)
        if compat is not None:
            return compat
        if isinstance(func, cst.Attribute):
            for receiver in self.of(func.value, scope):
                if isinstance(receiver, Client):
                    result.add(Result(receiver.library, func.attr.value))
        for callee in self.of(func, scope):
            if isinstance(callee, ClientClass):
                result.add(Client(callee.library, None, callee.overrides, callee.trace, _max_limits_on(node)))
            elif isinstance(callee, UserClass):
                result |= {_with_max_limits(c, node) for c in self._instantiate(callee)}
            elif isinstance(callee, Result):
                result.add(callee)  # ``page.get("items")``, ``results.values()``: still the response
            elif isinstance(callee, Function):
                result |= self.returns(callee)
            elif isinstance(callee, Qual) and not callee.module:
                result |= self._qual(f"{callee.name}()")  # returned by an imported callable
            elif isinstance(callee, Builtin) and callee.name == "super":
                owner = scope.enclosing_class()
                if owner is not None and isinstance(owner.node, cst.ClassDef) and owner.parent is not None:
                    library = self.client_library(UserClass(owner.node, owner.parent))
                    if library:
                        result.add(Client(library))
        return frozenset(result)

    def _compat_call(self, node: cst.Call, scope: Scope) -> Types | None:
        """``spotify_compat.tracks(sp, ids)``, what ``spotlint fix`` writes for ``sp.tracks(ids)``:
        the same result as the client method (the compat function keeps its response's shape)."""
        if not node.args or node.args[0].keyword is not None or node.args[0].star:
            return None
        for callee in self.of(node.func, scope):
            if not isinstance(callee, Qual) or callee.module:
                continue
            module, _, function = callee.name.rpartition(".")
            if module.rpartition(".")[2] != COMPAT_MODULE or function.startswith("_"):
                continue
            library, method = compat_method(function, (lib.name for lib in self.ctx.catalogue.libraries))
            if not any(lib == library for lib, _ in self.ctx.catalogue.call_rules(method)):
                continue
            result: set[Type] = set()
            for receiver in self.of(node.args[0].value, scope):
                if isinstance(receiver, Client) and receiver.library == library:
                    result.add(Result(library, method))
                elif isinstance(receiver, Qual) and not receiver.module and not receiver.resolved:
                    result |= self._qual(f"{receiver.name}.{method}()")  # another module's client, resolved later
            return frozenset(result)
        return None

    def _pass_through(self, node: cst.Call, scope: Scope) -> Types | None:
        """``list(items)``, ``sorted(items, key=…)``, ``copy.deepcopy(track)``: the argument's
        response objects (``dict(track, extra=1)`` adds keys of its own: a dict of ours)."""
        func = node.func
        if isinstance(func, cst.Name) and not scope.lookup(func.value):
            name = func.value
        elif isinstance(func, cst.Attribute):
            name = next((q.name for q in self.of(func, scope) if isinstance(q, Qual)), "")
        else:
            return None
        index = _PASS_THROUGH.get(name)
        if index is None:
            return None
        args = [a for a in node.args if a.keyword is None]
        if name == "dict" and (len(node.args) != 1 or args[0].star):
            return frozenset({OPAQUE})
        if index >= len(args) or args[index].star:
            return frozenset({OPAQUE})
        return self.of(args[index].value, scope)

    def returns(self, function: Function) -> Types:
        node = function.node
        if node.returns is not None:
            return self.annotation(node.returns.annotation, function.scope)
        body_scope = self.ctx.function_scopes.get(id(node))
        if body_scope is None:
            return NOTHING
        result: set[Type] = set()
        for value in body_scope.returns:
            result |= self.of(value, body_scope)
        return frozenset(result)

    def _parse_annotation(self, node: cst.SimpleString) -> cst.BaseExpression | None:
        cached = self.parsed.get(id(node))
        if cached is None or cached[0] is not node:
            try:
                value = node.evaluated_value
                parsed = cst.parse_expression(value) if isinstance(value, str) else None
            except (cst.ParserSyntaxError, RecursionError):
                parsed = None
            cached = self.parsed[id(node)] = (node, parsed)
        return cached[1]

    def annotation(self, node: cst.BaseExpression, scope: Scope) -> Types:
        """The instances an annotation describes (``Spotify``, ``"tk.Spotify"``, ``Optional[...]``)."""
        if isinstance(node, cst.SimpleString):
            parsed = self._parse_annotation(node)
            return self.annotation(parsed, scope) if parsed is not None else NOTHING
        if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.BitOr):
            return self.annotation(node.left, scope) | self.annotation(node.right, scope)
        if isinstance(node, cst.Subscript):
            container = self.of(node.value, scope)
            if any(isinstance(c, Qual) and c.name.rsplit(".", 1)[-1] in ("Optional", "Union") for c in container):
                result: set[Type] = set()
                for element in node.slice:
                    if isinstance(element.slice, cst.Index):
                        result |= self.annotation(element.slice.value, scope)
                return frozenset(result)
            return NOTHING
        result = set()
        for value in self.of(node, scope):
            if isinstance(value, ClientClass):
                result.add(Client(value.library))
            elif isinstance(value, UserClass):
                result |= self._instantiate(value)
            elif isinstance(value, Qual) and value.resolved and not value.module and not value.external:
                result |= self._qual(f"{value.name}()")  # a project class of another module: its instances
        return frozenset(result)
