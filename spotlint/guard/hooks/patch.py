"""Replacing one method of a library class with a guarded one, and putting it back.

A guarded method checks the request with ``state.inspect`` before it calls the original, and
is a plain pass-through while no activation is active, so one left in place (another patcher
wrapped it, e.g. a mocking library started while the guard was on) does nothing.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spotlint.guard import state

# (method, url, params) of the request a call of the hooked method sends, or None
Describe = Callable[..., "tuple[str, str, Any] | None"]
_MISSING = object()


@dataclass(frozen=True, slots=True)
class Target:
    """A method to guard: where it lives and how to read the request from its arguments."""

    owner: type
    name: str
    describe: Describe
    asynchronous: bool = False


@dataclass(slots=True)
class Patch:
    owner: type
    name: str
    original: Any  # what ``owner.__dict__`` held (``_MISSING`` when the method was inherited)
    replacement: Any

    def restore(self) -> None:
        """Put the original back, unless someone has replaced ours since (then ours stays
        and passes through)."""
        if self.owner.__dict__.get(self.name) is not self.replacement:
            return
        if self.original is _MISSING:
            delattr(self.owner, self.name)
        else:
            setattr(self.owner, self.name, self.original)


def guard_method(target: Target, library: str) -> Patch:
    """Replace ``target.owner.name`` with a version that checks each request it sends."""
    owner, name = target.owner, target.name
    original = owner.__dict__.get(name, _MISSING)
    method = getattr(owner, name)
    if target.asynchronous:
        replacement: Any = _async_guarded(method, library, target.describe)
    else:
        replacement = _guarded(method, library, target.describe)
    setattr(owner, name, replacement)
    return Patch(owner, name, original, replacement)


def _check(library: str, describe: Describe, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    try:
        described = describe(*args, **kwargs)
    except Exception:  # a call the library itself will reject: let it say why
        described = None
    if described is not None:
        method, url, params = described
        state.inspect(method, url, library, params)


def _guarded(target: Callable[..., Any], library: str, describe: Describe) -> Callable[..., Any]:
    @functools.wraps(target)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        if not state._guards or state.SENDING.get():
            return target(*args, **kwargs)
        token = state.SENDING.set(True)
        try:
            _check(library, describe, args, kwargs)
            return target(*args, **kwargs)
        finally:
            state.SENDING.reset(token)

    guarded.__spotlint_guard__ = True  # type: ignore[attr-defined]
    return guarded


def _async_guarded(target: Callable[..., Any], library: str, describe: Describe) -> Callable[..., Any]:
    @functools.wraps(target)
    async def guarded(*args: Any, **kwargs: Any) -> Any:
        if not state._guards or state.SENDING.get():
            return await target(*args, **kwargs)
        token = state.SENDING.set(True)
        try:
            _check(library, describe, args, kwargs)
            return await target(*args, **kwargs)
        finally:
            state.SENDING.reset(token)

    guarded.__spotlint_guard__ = True  # type: ignore[attr-defined]
    return guarded
