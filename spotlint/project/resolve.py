"""Resolution of the module summaries to a fixed point: imports and re-exports, inheritance
across modules, factory returns and tuple unpacking, call-site values of untyped parameters,
attributes stored on shared objects, pytest fixtures and module constants.

Pure: summaries in, a ``Resolved`` project out. Every round recomputes each entry from the
previous round's table; values only grow, so it ends (bounded by ``MAX_ROUNDS`` as well), and
path lookups are memoised per round and guarded against cycles, so nothing is exponential.

Another library's objects are the one infinite part of the value space (``q = q.filter()`` in a
query builder passed around makes a new path every round), so they are widened: past its
second call, or past ``MAX_EXTERNAL`` characters, a path ends in ``WIDE`` and any operation on
it gives itself. An entry that still grows past ``MAX_VALUES`` has its new values widened to
their library (and its tuples merged by length): every entry's values are finitely many.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from spotlint.project.summary import FunctionSummary, ModuleSummary
from spotlint.project.values import (
    NONE, PARAM, REF_CLOSE, REF_OPEN, WIDE, WILD, ClassV, ClientClassV, ClientV, ExternalV, FunctionV, InstanceV, ModuleV, Ref,
    ResultV, TupleV, Value, Values, with_step,
)

MAX_ROUNDS = 24
MAX_DEPTH = 24
MAX_EXTERNAL = 160  # characters of another library's object path
MAX_CALLS = 2  # calls in another library's object path before it is widened
MAX_VALUES = 48  # values of one entry before what it gains is widened
_OPS = re.compile(r"\(\)|\[\d+\]|\[\*\]|\.[^.()\[\]]+")
_REF = re.compile(REF_OPEN + "([^" + REF_CLOSE + "]*)" + REF_CLOSE)


@dataclass
class Resolved:
    """The resolved project: every module's entries, by ``module key:local name``."""

    summaries: dict[str, ModuleSummary]
    names: dict[str, list[str]]  # dotted module name -> keys of the files it may name
    known: frozenset[str]  # dotted names of every module of the project, summarised or not
    table: dict[str, Values] = field(default_factory=dict)
    external: dict[str, Values] = field(default_factory=dict)  # stored on other libraries' objects
    rounds: int = 0
    _memo: dict[tuple[str, str], Values] = field(default_factory=dict, repr=False)
    _active: set[tuple[str, str]] = field(default_factory=set, repr=False)

    # -- paths ---------------------------------------------------------------------------
    def resolve(self, path: str, context: str) -> Values:
        """What ``path`` (``config.sp``, ``@f§p``, ``auth.login()[0]``…) is, seen from the
        module ``context``; empty when the project does not know."""
        key = (path, context)
        if key in self._memo:
            return self._memo[key]
        if key in self._active or len(self._active) > MAX_DEPTH:
            return NONE
        self._active.add(key)
        try:
            found = self._resolve(path, context)
        finally:
            self._active.discard(key)
        self._memo[key] = found
        return found

    def _resolve(self, path: str, context: str) -> Values:
        if path.startswith("@"):
            return self._local(path[1:], context)
        head = re.match(r"[^.()\[\]]+(?:\.[^.()\[\]]+)*", path)
        if head is None:
            return NONE
        dotted = head.group(0).split(".")
        rest = path[head.end():]
        for cut in range(len(dotted), 0, -1):
            name = ".".join(dotted[:cut])
            module = self.module_key(name, context)
            if module is not None:
                ops = "".join("." + part for part in dotted[cut:]) + rest
                return self._apply(frozenset({ModuleV(module)}), ops, context)
            if name in self.known:
                return NONE  # a module of the project that was not summarised: nothing is known
        if dotted[0] in self.known or dotted[0].startswith("."):
            return NONE
        return self._external(path)

    def _local(self, local: str, module: str) -> Values:
        if PARAM in local:
            function, _, tail = local.partition(PARAM)
            name = re.match(r"[^.()\[\]]+", tail)
            if name is None:
                return NONE
            start = self.table.get(f"{module}:{function}{PARAM}{name.group(0)}", NONE)
            return self._apply(start, tail[name.end():], module)
        head = re.match(r"[^.()\[\]]+", local)
        if head is None:
            return NONE
        return self._apply(self._name(module, head.group(0)), local[head.end():], module)

    def _name(self, module: str, name: str) -> Values:
        summary = self.summaries.get(module)
        if summary is None:
            return NONE
        if name in summary.classes:
            return self.table.get(f"{module}:{name}", NONE)
        if name in summary.functions:
            return frozenset({FunctionV(f"{module}:{name}")})
        found = self.table.get(f"{module}:{name}", NONE)
        for star in summary.star_imports if not found else ():
            found = self.resolve(f"{star}.{name}", module)
            if found:
                break
        if not found:  # a submodule of a package (``from app import clients``)
            child = self.module_key(f"{summary.module}.{name}", module) if summary.module else None
            if child is not None:
                return frozenset({ModuleV(child)})
        return found

    def _apply(self, values: Values, ops: str, context: str) -> Values:
        for op in _OPS.findall(ops):
            if not values:
                return NONE
            if op == "()":
                values = self._call(values)
            elif op == "[*]":
                values = self._element(values)
            elif op.startswith("["):
                values = self._item(values, int(op[1:-1]))
            else:
                values = self._attr(values, op[1:])
        return values

    def _external(self, path: str) -> Values:
        path = widened(path)
        if path.endswith(WIDE):
            return frozenset({ExternalV(path)})
        return self.external.get(path, NONE) | {ExternalV(path)}

    # -- operations on values ----------------------------------------------------------------
    def _attr(self, values: Values, name: str) -> Values:
        out: set[Value] = set()
        for value in values:
            if isinstance(value, ModuleV):
                out |= self._name(value.key, name)
            elif isinstance(value, (ClassV, InstanceV)):
                out |= self.member(value.key, name, isinstance(value, InstanceV))
            elif isinstance(value, ExternalV):
                out |= self._external(f"{value.path}.{name}")
            elif isinstance(value, ResultV):
                out.add(value)
            elif isinstance(value, ClientV):  # a client's method: calling it gives its response
                out.add(ResultV(value.library, name))
        return frozenset(out)

    def _call(self, values: Values) -> Values:
        out: set[Value] = set()
        for value in values:
            if isinstance(value, ClassV):
                out.add(InstanceV(value.key))
            elif isinstance(value, ClientClassV):
                out.add(ClientV(value.library, value.overrides, value.trace))
            elif isinstance(value, FunctionV):
                out |= self.table.get(f"{value.key}()", NONE)
            elif isinstance(value, ExternalV):
                out |= self._external(f"{value.path}()")
            elif isinstance(value, ResultV):
                out.add(value)  # a method of a response (``page.get``): still the response
        return frozenset(out)

    def _element(self, values: Values) -> Values:
        """An element of (or a key read from) each value: a response's part is the response's."""
        out: set[Value] = set()
        for value in values:
            if isinstance(value, ResultV):
                out.add(value)
            elif isinstance(value, ExternalV):
                out |= self._external(f"{value.path}[*]")
        return frozenset(out)

    def _item(self, values: Values, index: int) -> Values:
        out: set[Value] = set()
        for value in values:
            if isinstance(value, TupleV) and index < len(value.items):
                out |= value.items[index]
            elif isinstance(value, ExternalV):
                out |= self._external(f"{value.path}[{index}]")
            elif isinstance(value, ResultV):
                out.add(value)
        return frozenset(out)

    def member(self, cls: str, name: str, instance: bool, depth: int = 0) -> Values:
        """An attribute of a project class (``module:Class``) or its instances, inherited
        through project classes; methods read through an instance are bound."""
        module, _, local = cls.partition(":")
        summary = self.summaries.get(module)
        if summary is None or local not in summary.classes or depth > 10:
            return NONE
        if f"{local}.{name}" in summary.functions:
            return frozenset({FunctionV(f"{module}:{local}.{name}", bound=instance)})
        found = self.table.get(f"{cls}.{name}", NONE)
        if found:
            return found
        for base in self.table.get(f"{cls}#bases", NONE):
            if isinstance(base, ClassV):
                found |= self.member(base.key, name, instance, depth + 1)
        return found

    def api_wrapper(self, cls: str, depth: int = 0) -> bool:
        """Whether a project class (``module:Class``) or one of its bases holds the Web API's
        base URL (``analysis.wrappers``)."""
        module, _, local = cls.partition(":")
        summary = self.summaries.get(module)
        if summary is None or local not in summary.classes or depth > 10:
            return False
        return summary.classes[local].api_base or any(
            isinstance(base, ClassV) and self.api_wrapper(base.key, depth + 1) for base in self.table.get(f"{cls}#bases", NONE))

    def module_key(self, name: str, context: str) -> str | None:
        keys = self.names.get(name)
        if not keys:
            return None
        if len(keys) == 1:
            return keys[0]
        here = posixpath.dirname(context)
        return min(keys, key=lambda k: (posixpath.dirname(k) != here, not here.startswith(posixpath.dirname(k)), k))

    # -- evaluation of summary values ------------------------------------------------------------
    def evaluate(self, values: Iterable[Value], context: str, depth: int = 0) -> Values:
        out: set[Value] = set()
        for value in values:
            if isinstance(value, Ref):
                out |= self.resolve(value.path, context)
            elif isinstance(value, TupleV) and depth < 3:
                out.add(TupleV(tuple(self.evaluate(item, context, depth + 1) for item in value.items)))
            else:
                out.add(value)
        return frozenset(out)

    # -- strings -----------------------------------------------------------------------------
    def strings(self, path: str, context: str, depth: int = 0) -> tuple[str, ...] | None:
        """The templates a module constant (``settings.API``, seen from ``context``) may hold."""
        module, name = self._constant(path, context)
        if module is None or depth > 6:
            return None
        summary = self.summaries.get(module)
        templates = summary.strings.get(name) if summary is not None else None
        if templates is None:
            return None
        out: list[str] = []
        for template in templates:
            out += self._expand(template, module, depth + 1)
        return tuple(dict.fromkeys(out))[:8]

    def _constant(self, path: str, context: str) -> tuple[str | None, str]:
        if path.startswith("@"):
            return context, path[1:]
        head, _, name = path.rpartition(".")
        if not head:
            return None, name
        module = self.module_key(head, context)
        if module is None:
            return None, name
        found = self.summaries[module].symbols.get(name, NONE) if module in self.summaries else NONE
        for value in found:  # re-exported: ``from .settings import API``
            if isinstance(value, Ref) and value.path != path and name not in self.summaries[module].strings:
                return self._constant(value.path, module)
        return module, name

    def _expand(self, template: str, module: str, depth: int) -> list[str]:
        parts: list[list[str]] = []
        position = 0
        for match in _REF.finditer(template):
            parts.append([template[position:match.start()]])
            found = self.strings(match.group(1), module, depth)
            parts.append(list(found) if found else [WILD])
            position = match.end()
        parts.append([template[position:]])
        out = [""]
        for options in parts:
            out = [a + b for a in out for b in options][:8]
        return out


def resolve(summaries: Mapping[str, ModuleSummary], names: Mapping[str, list[str]], known: Iterable[str],
            order: Iterable[list[str]] = ()) -> Resolved:
    """Rounds until nothing changes. ``order`` groups the modules into import cycles (strongly
    connected components), imported groups first; each group is settled before the next reads
    it, so import chains of any length, cycles included, resolve in one round. Later rounds
    only carry what flows backwards: call-site values into parameters, stored attributes."""
    project = Resolved(dict(summaries), {k: list(v) for k, v in names.items()}, frozenset(known))
    groups = [[k for k in group if k in summaries] for group in order]
    seen = {k for group in groups for k in group}
    groups += [[k] for k in sorted(set(summaries) - seen)]
    groups = [g for g in groups if g]
    for round_number in range(1, MAX_ROUNDS + 1):
        project.rounds = round_number
        changed = False
        for group in groups:
            for _ in range(MAX_ROUNDS):
                grew = _round(project, group)
                changed |= grew
                if not grew or len(group) == 1:
                    break
        project._memo = {}
        changed |= _fixtures(project)
        if not changed:
            break
    project._memo = {}
    return project


def _round(project: Resolved, ordered: list[str]) -> bool:
    """One pass over ``ordered``, growing the table in place; whether anything grew."""
    table, external = project.table, project.external
    changed = False

    for key in ordered:
        summary = project.summaries[key]
        project._memo = {}
        for name, values in summary.symbols.items():
            if name not in summary.classes and name not in summary.functions:
                changed |= _grow(table, f"{key}:{name}", project.evaluate(values, key))
        for local, cls in summary.classes.items():
            bases = project.evaluate((v for base in cls.bases for v in base), key)
            changed |= _grow(table, f"{key}:{local}#bases", bases)
            client = next((b for b in sorted(bases, key=repr) if isinstance(b, ClientClassV)), None)
            inherited = _inherited_client(project, bases) if client is None else client
            if inherited is not None:
                defines = cls.defines | inherited.overrides
                table[f"{key}:{local}"] = frozenset({ClientClassV(inherited.library, defines, inherited.trace)})
            elif f"{key}:{local}" not in table:
                changed |= _grow(table, f"{key}:{local}", frozenset({ClassV(f"{key}:{local}")}))
            for attr, values in cls.members.items():
                if f"{local}.{attr}" not in summary.functions:
                    changed |= _grow(table, f"{key}:{local}.{attr}", project.evaluate(values, key))
        for local, function in summary.functions.items():
            changed |= _grow(table, f"{key}:{local}()", project.evaluate(function.returns, key))
        for store in summary.stores:
            value = project.evaluate(store.value, key)
            for base in project.evaluate(store.base, key):
                if isinstance(base, (ClassV, InstanceV)):
                    changed |= _grow(table, f"{base.key}.{store.attr}", value)
                elif isinstance(base, ModuleV):
                    changed |= _grow(table, f"{base.key}:{store.attr}", value)
                elif isinstance(base, ExternalV):
                    changed |= _grow(external, f"{base.path}.{store.attr}", value)
        for site in summary.calls:
            for callee in project.evaluate(site.callee, key):
                target = _callee(project, callee)
                if target is None:
                    continue
                function_key, function = target
                offset = 1 if function.method else 0
                for index, arg in enumerate(site.args):
                    position = index + offset
                    if position < function.positional and arg:
                        param = f"{function_key}{PARAM}{function.params[position]}"
                        changed |= _grow(table, param, with_step(project.evaluate(arg, key), f"{function.params[position]}: {site.step}"))
                for name, arg in site.keywords:
                    if name in function.params and arg:
                        changed |= _grow(table, f"{function_key}{PARAM}{name}", with_step(project.evaluate(arg, key), f"{name}: {site.step}"))
    project._memo = {}
    return changed


def _grow(into: dict[str, Values], key: str, values: Values) -> bool:
    """Add ``values`` to an entry; whether it grew (entries only ever grow: the fixed point)."""
    old = into.get(key, NONE)
    if not values or values <= old:
        return False
    if len(old | values) > MAX_VALUES:
        values = _coarse(values - old)
        if values <= old:
            return False
    into[key] = old | values
    return True


def widened(path: str) -> str:
    """Another library's object path, cut with ``WIDE`` past its second call or its length
    limit; a path that is already wide stays as it is, whatever was appended to it."""
    wide = path.find(WIDE)
    if wide >= 0:
        return path[:wide + 1]
    calls = 0
    for match in _OPS.finditer(path):
        calls += match.group(0) == "()"
        if calls > MAX_CALLS or match.end() > MAX_EXTERNAL:
            return path[:match.start()] + WIDE
    return path


def _coarse(values: Values) -> Values:
    """Values an entry gains past ``MAX_VALUES``: other libraries' objects widened to their
    library, tuples of one length merged into one."""
    out: set[Value] = set()
    tuples: dict[int, list[set[Value]]] = {}
    for value in values:
        if isinstance(value, ExternalV):
            out.add(ExternalV(re.split(r"[.(\[]", value.path, maxsplit=1)[0] + WIDE))
        elif isinstance(value, TupleV):
            merged = tuples.setdefault(len(value.items), [set() for _ in value.items])
            for slot, item in zip(merged, value.items):
                slot |= _coarse(item) if len(item) > MAX_VALUES else item
        else:
            out.add(value)
    out |= {TupleV(tuple(frozenset(slot) for slot in slots)) for slots in tuples.values()}
    return frozenset(out)


def _inherited_client(project: Resolved, bases: Values) -> ClientClassV | None:
    for base in bases:
        if isinstance(base, ClassV):
            found = project.table.get(base.key, NONE)
            client = next((v for v in found if isinstance(v, ClientClassV)), None)
            if client is not None:
                return client
    return None


def _callee(project: Resolved, callee: Value) -> tuple[str, FunctionSummary] | None:
    if isinstance(callee, FunctionV):
        key = callee.key
    elif isinstance(callee, ClassV):
        key = f"{callee.key}.__init__"
    else:
        return None
    module, _, local = key.partition(":")
    summary = project.summaries.get(module)
    function = summary.functions.get(local) if summary is not None else None
    return (key, function) if function is not None else None


def _fixtures(project: Resolved) -> bool:
    """pytest: a test's parameter named like a fixture of its module or of a conftest.py in
    its folder or above holds what the fixture returns or yields. Whether anything grew."""
    table = project.table
    changed = False

    fixtures: dict[str, list[tuple[str, str]]] = {}
    for key, summary in project.summaries.items():
        for local, function in summary.functions.items():
            if function.fixture:
                fixtures.setdefault(function.fixture, []).append((key, local))
    if not fixtures:
        return False
    for key, summary in project.summaries.items():
        folder = posixpath.dirname(key)
        for local, function in summary.functions.items():
            for name in function.params:
                for owner, fixture in fixtures.get(name, ()):
                    owner_folder = posixpath.dirname(owner)
                    visible = owner == key or (posixpath.basename(owner) == "conftest.py" and (
                        owner_folder == "" or folder == owner_folder or folder.startswith(owner_folder + "/")))
                    if visible and fixture != local:
                        values = table.get(f"{owner}:{fixture}()", NONE)
                        changed |= _grow(table, f"{key}:{local}{PARAM}{name}", with_step(values, f"{name}: pytest fixture in {owner}"))
    return changed
