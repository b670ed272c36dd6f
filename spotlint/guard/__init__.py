"""The runtime guard: the catalogue checked on the requests a program really sends.

``with spotlint.guard.active(mode="warn"):`` hooks requests, urllib3, httpx, urllib.request
and aiohttp while it is active; each request to the Web API that a rule restricts is reported
at the first frame of the user's code, in ``spotlint check``'s finding format. Importing this
package imports nothing outside the standard library: the HTTP libraries when an activation
starts, the catalogue at the first request to the API.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from spotlint.guard.settings import API_HOST, DEFAULT_RECORD, MODES, Settings
from spotlint.guard.sighting import RestrictedRequest, RestrictedRequestWarning, Sighting
from spotlint.guard.state import Guard

__all__ = [
    "API_HOST", "MODES", "Guard", "RestrictedRequest", "RestrictedRequestWarning", "Settings", "Sighting",
    "activate", "active", "deactivate",
]


def activate(mode: str = "warn", *, allow: Iterable[str] = (), hosts: Iterable[str] = (),
             record_to: str = DEFAULT_RECORD, skip: Iterable[str] = (), rule_dirs: Iterable[str] = ()) -> Guard:
    """Start one activation; ``deactivate`` it when done (``active`` does both).

    ``hosts`` adds API hosts to api.spotify.com (``host`` or ``host:port``); ``skip`` adds
    module roots whose frames are not the user's code; ``rule_dirs`` adds rule directories."""
    from spotlint.guard import state

    settings = Settings(mode, tuple(allow), (API_HOST, *hosts), record_to, frozenset(skip), tuple(rule_dirs))
    guard = Guard(settings)
    state.start(guard)
    return guard


def deactivate(guard: Guard) -> None:
    """Stop one activation; the hooks go when the last one stops."""
    from spotlint.guard import state

    state.stop(guard)


@contextmanager
def active(mode: str = "warn", *, allow: Iterable[str] = (), hosts: Iterable[str] = (),
           record_to: str = DEFAULT_RECORD, skip: Iterable[str] = (), rule_dirs: Iterable[str] = ()) -> Iterator[Guard]:
    """``with active("block") as guard:`` … ``guard.sightings`` lists what it saw."""
    guard = activate(mode, allow=allow, hosts=hosts, record_to=record_to, skip=skip, rule_dirs=rule_dirs)
    try:
        yield guard
    finally:
        deactivate(guard)
