"""urllib.request: ``OpenerDirector.open``, which ``urlopen`` and every built opener call
with a URL or a ``Request`` (redirects it follows are the same logical request)."""

from __future__ import annotations

from typing import Any

from spotlint.guard.hooks.patch import Target

LIBRARY = "urllib"


def _open(opener: Any, fullurl: Any, data: Any = None, *args: Any, **kwargs: Any) -> tuple[str, str, Any]:
    if isinstance(fullurl, str):
        return ("GET" if data is None else "POST"), fullurl, None
    method = fullurl.get_method() if data is None or fullurl.method else "POST"
    return method, fullurl.full_url, None


def targets() -> list[Target]:
    from urllib.request import OpenerDirector

    return [Target(OpenerDirector, "open", _open)]
