"""The abstract values of the project index: what a name, attribute, parameter or return is as
far as Spotify goes. Pure data (frozen, slotted, picklable), shared by the summaries, the
resolution and the view the per-file analysis reads.

``Ref`` is symbolic: a path such as ``config.sp``, ``auth.login()[0]``, ``flask.g.sp`` or
``routes.show§sp`` (parameter ``sp`` of ``routes.show``), resolved over the whole project.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Ref:
    path: str


@dataclass(frozen=True, slots=True)
class ClientV:
    """An instance of a client; ``trace`` says how it got here (not part of its identity)."""

    library: str
    overrides: frozenset[str] = frozenset()  # methods the user's client subclass defines itself
    trace: tuple[str, ...] = field(default=(), compare=False)
    max_limits: bool = False  # made with tekore's ``max_limits_on=True``


@dataclass(frozen=True, slots=True)
class ClientClassV:
    library: str
    overrides: frozenset[str] = frozenset()
    trace: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True, slots=True)
class ClassV:
    """A class of the project that is not a client class (``module:Qual.Name``)."""

    key: str


@dataclass(frozen=True, slots=True)
class InstanceV:
    key: str


@dataclass(frozen=True, slots=True)
class FunctionV:
    key: str
    bound: bool = False


@dataclass(frozen=True, slots=True)
class ModuleV:
    key: str


@dataclass(frozen=True, slots=True)
class ResultV:
    library: str
    method: str


@dataclass(frozen=True, slots=True)
class TupleV:
    items: tuple[frozenset[Value], ...]


@dataclass(frozen=True, slots=True)
class ExternalV:
    """An object of another library (``flask.g``, ``requests.Session()``): never a client."""

    path: str


@dataclass(frozen=True, slots=True)
class OpaqueV:
    """A value known not to be a client (a literal, a number, a string)."""


OPAQUE = OpaqueV()
Value = Ref | ClientV | ClientClassV | ClassV | InstanceV | FunctionV | ModuleV | ResultV | TupleV | ExternalV | OpaqueV
Values = frozenset[Value]
NONE: Values = frozenset()

# Markers in the text of templates and paths, private-use code points never in real code:
WILD = "\ue000"  # one unknown run of characters in a string template
REF_OPEN, REF_CLOSE = "\ue001", "\ue002"  # around another module's constant, expanded by the resolution
WIDE = "\ue003"  # ends another library's object path that was cut: operations on it give itself
PARAM = "\u00a7"  # ``function§parameter`` in a path: what the parameter's call sites pass


def is_client(value: Value) -> bool:
    return isinstance(value, (ClientV, ClientClassV))


def is_spotify(value: Value) -> bool:
    """A client, or a response of one: what makes a module that receives it matter."""
    return isinstance(value, (ClientV, ClientClassV, ResultV))


def with_step(values: Values, step: str) -> Values:
    """The same values, each client's trace extended by ``step`` (where it was passed on)."""
    out: set[Value] = set()
    for value in values:
        if isinstance(value, ClientV) and len(value.trace) < 6 and step not in value.trace:
            value = ClientV(value.library, value.overrides, (*value.trace, step), value.max_limits)
        elif isinstance(value, ClientClassV) and len(value.trace) < 6 and step not in value.trace:
            value = ClientClassV(value.library, value.overrides, (*value.trace, step))
        out.add(value)
    return frozenset(out)
