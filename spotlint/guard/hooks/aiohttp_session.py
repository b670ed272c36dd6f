"""aiohttp: ``ClientSession._request``, the coroutine behind ``request``, ``get``, ``post``…
(with the session's ``base_url`` and the ``params`` it will add)."""

from __future__ import annotations

from typing import Any

from spotlint.guard.hooks.patch import Target

LIBRARY = "aiohttp"


def _request(session: Any, method: str, str_or_url: Any, *args: Any, params: Any = None, **kwargs: Any) -> tuple[str, str, Any]:
    build = getattr(session, "_build_url", None)
    url = build(str_or_url) if build is not None else str_or_url
    return str(method), str(url), params


def targets() -> list[Target]:
    from aiohttp import ClientSession

    return [Target(ClientSession, "_request", _request, asynchronous=True)]
