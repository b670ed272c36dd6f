"""The guard's process state: the active activations, the hooks they installed, and the one
check every hook calls before a request leaves.

The hooks are installed when the first activation starts and removed when the last one stops
(a lock orders starts and stops across threads); a hook reads the tuple of activations without
a lock. A request inside another guarded one (requests over urllib3, redirects, retries) is
not checked again: ``SENDING`` marks the logical request in the current thread or task.
"""

from __future__ import annotations

import threading
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from spotlint.guard.request import netloc
from spotlint.guard.settings import Settings
from spotlint.guard.sighting import RestrictedRequest, Sighting

if TYPE_CHECKING:
    from spotlint.catalogue.load import Catalogue
    from spotlint.guard.hooks.patch import Patch

SENDING: ContextVar[bool] = ContextVar("spotlint_guard_sending", default=False)


class Guard:
    """One activation: its settings and every sighting it saw, in order."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.sightings: list[Sighting] = []
        self._catalogue: Catalogue | None = None

    @property
    def catalogue(self) -> Catalogue:
        """Loaded at the first request to the API, not before."""
        if self._catalogue is None:
            from pathlib import Path

            from spotlint.catalogue.load import load_catalogue

            self._catalogue = load_catalogue(Path(d) for d in self.settings.rule_dirs)
        return self._catalogue


_lock = threading.Lock()
_guards: tuple[Guard, ...] = ()
# every activation's API hosts: a request to none of them leaves after one set lookup; grown
# before ``_guards`` and shrunk after it, so it always holds the hosts of the guards a hook reads
_hosts: frozenset[str] = frozenset()
_patches: list[Patch] = []
_judge: Any = None  # ``judge.judge``, imported at the first request to the API


def start(guard: Guard) -> None:
    global _guards, _hosts
    with _lock:
        if not _guards:
            from spotlint.guard.hooks import install

            _patches[:] = install()
        _hosts = _hosts | frozenset(guard.settings.hosts)
        _guards = (*_guards, guard)


def stop(guard: Guard) -> None:
    global _guards, _hosts
    with _lock:
        if guard not in _guards:
            return
        _guards = tuple(g for g in _guards if g is not guard)
        _hosts = frozenset(h for g in _guards for h in g.settings.hosts)
        if not _guards:
            for patch in reversed(_patches):
                patch.restore()
            _patches.clear()


def active() -> tuple[Guard, ...]:
    return _guards


def inspect(method: str, url: str, library: str, params: Any = None) -> None:
    """Judge one request against every activation: deliver what each reports, then raise
    ``RestrictedRequest`` if one of them blocks it."""
    global _judge
    guards = _guards
    if not guards:
        return
    where = netloc(url)
    hosts = _hosts
    if where not in hosts and where.partition(":")[0] not in hosts:
        return
    watching = [g for g in guards if g.settings.watches(where)]
    if not watching:
        return
    if _judge is None:
        from spotlint.guard.judge import judge

        _judge = judge
    blocked = _judge(watching, method, url, library, params)
    if blocked is not None:
        raise RestrictedRequest(blocked)
