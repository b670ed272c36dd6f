"""urllib3: ``HTTPConnectionPool.urlopen``, which every pool manager, pool and requests'
adapter sends through (a request requests already checked is not checked again)."""

from __future__ import annotations

from typing import Any

from spotlint.guard.hooks.patch import Target

LIBRARY = "urllib3"


def _urlopen(pool: Any, method: str, url: str, *args: Any, **kwargs: Any) -> tuple[str, str, Any]:
    if url.startswith(("http://", "https://")):  # through a proxy: the whole URL
        return method, url, None
    host = f"[{pool.host}]" if ":" in pool.host else pool.host
    port = f":{pool.port}" if pool.port else ""
    return method, f"{pool.scheme}://{host}{port}{url}", None


def targets() -> list[Target]:
    from urllib3.connectionpool import HTTPConnectionPool

    return [Target(HTTPConnectionPool, "urlopen", _urlopen)]
