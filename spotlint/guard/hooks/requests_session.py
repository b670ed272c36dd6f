"""requests: ``Session.request`` (module functions, sessions, spotipy) and ``Session.send``
(prepared requests). Both sit above ``HTTPAdapter.send`` (which ``responses`` replaces) and
above the adapter requests-mock installs, whose own ``Session.send`` skips a later patch."""

from __future__ import annotations

from typing import Any

from spotlint.guard.hooks.patch import Target

LIBRARY = "requests"


def _request(session: Any, method: str, url: Any, params: Any = None, *args: Any, **kwargs: Any) -> tuple[str, str, Any]:
    return str(method), _text(url), params


def _send(session: Any, request: Any, *args: Any, **kwargs: Any) -> tuple[str, str, Any]:
    return str(request.method), _text(request.url), None


def _text(url: Any) -> str:
    return url.decode("utf-8") if isinstance(url, bytes) else str(url)


def targets() -> list[Target]:
    import requests

    return [
        Target(requests.Session, "request", _request),
        Target(requests.Session, "send", _send),
    ]
