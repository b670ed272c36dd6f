"""httpx: ``Client.send`` and ``AsyncClient.send``, which every request of a client (and
httpx's module functions, and tekore) passes through, above the transports respx mocks."""

from __future__ import annotations

from typing import Any

from spotlint.guard.hooks.patch import Patch, guard_method


def _send(client: Any, request: Any, *args: Any, **kwargs: Any) -> tuple[str, str, Any]:
    return str(request.method), str(request.url), None


def patches() -> list[Patch]:
    import httpx

    return [
        guard_method(httpx.Client, "send", "httpx", _send),
        guard_method(httpx.AsyncClient, "send", "httpx", _send, asynchronous=True),
    ]
