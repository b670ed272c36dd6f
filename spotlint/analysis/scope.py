"""Scopes and bindings of one module, collected during the single walk.

Owns name binding (imports, assignments, parameters, definitions, ``self.x`` attributes) and
LEGB lookup. It records syntax only; what a binding's value *is* belongs to ``infer``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst


@dataclass(frozen=True, slots=True)
class Site:
    """Where in the control flow a statement is: its number in text order, the ids of the
    blocks (bodies) it is nested in, outermost first, the ids of the loops around it and of
    the comprehensions (whose targets are their own: they never leak out)."""

    ordinal: int
    bodies: tuple[int, ...] = ()
    loops: tuple[int, ...] = ()
    comprehensions: tuple[int, ...] = ()


@dataclass(eq=False, slots=True)
class Binding:
    """One way a name gets a value. ``kind`` says how to read ``node``."""

    kind: str  # import | assign | annotation | param | self | cls | function | class | iter | unknown
    node: cst.CSTNode | None
    scope: Scope
    qualname: str = ""  # for imports
    index: int = -1  # for ``item``: the position unpacked from ``node`` (``a, b = f()``)
    site: Site | None = None  # the binding statement's place; None when unknown


@dataclass(eq=False, slots=True)
class Scope:
    kind: str  # module | class | function
    node: cst.CSTNode | None
    parent: Scope | None
    bindings: dict[str, list[Binding]] = field(default_factory=dict)
    globals: set[str] = field(default_factory=set)
    returns: list[cst.BaseExpression] = field(default_factory=list)
    yields: list[cst.BaseExpression] = field(default_factory=list)
    # class scopes only: attributes assigned through ``self.<name>`` in any method
    instance_attrs: dict[str, list[Binding]] = field(default_factory=dict)
    star_imports: list[str] = field(default_factory=list)

    def bind(self, name: str, binding: Binding) -> None:
        target = self.module() if name in self.globals else self
        target.bindings.setdefault(name, []).append(binding)

    def module(self) -> Scope:
        scope = self
        while scope.parent is not None:
            scope = scope.parent
        return scope

    def enclosing_class(self) -> Scope | None:
        """For a method's scope, the scope of the class it is defined in."""
        if self.kind == "function" and self.parent is not None and self.parent.kind == "class":
            return self.parent
        return None

    def lookup(self, name: str) -> list[Binding]:
        """Bindings visible for ``name`` from this scope (class bodies are skipped below)."""
        scope: Scope | None = self
        first = True
        while scope is not None:
            if (first or scope.kind != "class") and name in scope.bindings:
                return scope.bindings[name]
            first = False
            scope = scope.parent
        module = self.module()
        return [Binding("import", None, module, f"{star}.{name}") for star in module.star_imports]


def reaching(scope: Scope, name: str, site: Site | None) -> list[Binding]:
    """The bindings of ``name`` that may give its value at ``site``, read in ``scope``.

    The latest binding of the scope that dominates the read (an earlier statement of a block
    the read is in) hides the ones before it; the ones after it, in nested blocks, still reach,
    and so does every binding inside a loop entered since. Without such a binding, for a name
    of an enclosing scope (a closure or a global runs later) and for bindings made from other
    scopes (``global``), every binding counts, as a flow-insensitive analysis would say."""
    bindings = scope.lookup(name)
    if site is None or len(bindings) < 2 or scope.bindings.get(name) is not bindings:
        return bindings
    inner = _comprehension_targets(bindings, site)
    if inner is not None:
        return inner
    best: Site | None = None
    for binding in bindings:
        at = binding.site
        if at is not None and binding.scope is scope and at.ordinal < site.ordinal \
                and site.bodies[:len(at.bodies)] == at.bodies and (best is None or at.ordinal > best.ordinal):
            best = at
    if best is None:
        return bindings
    loops = set(site.loops) - set(best.loops)
    return [b for b in bindings if b.site is None or b.scope is not scope
            or (not b.site.comprehensions or b.site.comprehensions == site.comprehensions)
            and (best.ordinal <= b.site.ordinal <= site.ordinal or not loops.isdisjoint(b.site.loops))]


def _comprehension_targets(bindings: list[Binding], site: Site) -> list[Binding] | None:
    """Inside a comprehension, its own targets (the innermost one's) are all a name can be."""
    depth, found = 0, None
    for binding in bindings:
        at = binding.site
        if at is not None and at.comprehensions and len(at.comprehensions) >= depth \
                and site.comprehensions[:len(at.comprehensions)] == at.comprehensions:
            if len(at.comprehensions) > depth:
                depth, found = len(at.comprehensions), []
            assert found is not None
            found.append(binding)
    return found


def local_name(scope: Scope) -> str:
    """``Outer.method`` for a class or function scope (the name the project index uses);
    '' for the module and for anything inside a lambda."""
    parts: list[str] = []
    current: Scope | None = scope
    while current is not None and current.parent is not None:
        node = current.node
        if not isinstance(node, (cst.FunctionDef, cst.ClassDef)):
            return ""
        parts.append(node.name.value)
        current = current.parent
    return ".".join(reversed(parts))


def dotted_name(node: cst.BaseExpression | None) -> str:
    """``a.b.c`` for a Name/Attribute chain, else ''."""
    parts: list[str] = []
    while isinstance(node, cst.Attribute):
        parts.append(node.attr.value)
        node = node.value
    if isinstance(node, cst.Name):
        parts.append(node.value)
        return ".".join(reversed(parts))
    return ""


def import_from_module(node: cst.ImportFrom, package: str) -> str:
    """The absolute module a ``from … import`` names, resolved against ``package`` when relative."""
    module = dotted_name(node.module) if node.module is not None else ""
    dots = len(node.relative)
    if not dots:
        return module
    base = package.split(".") if package else []
    if dots - 1 > len(base) or not package:
        return "." * dots + module  # unresolvable: keep it visibly relative
    base = base[: len(base) - (dots - 1)]
    return ".".join([*base, module] if module else base)
