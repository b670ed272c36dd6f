"""httpx: ``Client.send`` and ``AsyncClient.send``, which every request of a client (and
httpx's module functions, and tekore) passes through, above the transports respx mocks."""

from __future__ import annotations

from typing import Any

from spotlint.guard.hooks.patch import Target

LIBRARY = "httpx"


def _send(client: Any, request: Any, *args: Any, **kwargs: Any) -> tuple[str, str, Any]:
    return str(request.method), str(request.url), None


def targets() -> list[Target]:
    import httpx

    return [
        Target(httpx.Client, "send", _send),
        Target(httpx.AsyncClient, "send", _send, asynchronous=True),
    ]
