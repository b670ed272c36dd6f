"""One outgoing HTTP request as the guard sees it, and the pure URL work on it: host, path,
query (with the ``params`` a library adds later), and the shown form with ids masked.

Knows nothing of the catalogue's rules or of the libraries that send requests.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from functools import lru_cache
from urllib.parse import SplitResult, parse_qsl, urlencode, urlsplit

DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True, slots=True)
class Outgoing:
    """A request about to leave: ``url`` holds the query the library will send."""

    method: str
    url: str
    library: str  # the hooked layer: requests, urllib3, httpx, urllib, aiohttp

    @property
    def parts(self) -> tuple[str, list[tuple[str, str]]]:
        """(path, query pairs)."""
        split = urlsplit(self.url)
        return split.path, parse_qsl(split.query, keep_blank_values=True)


def netloc(url: str) -> str:
    """``host`` or ``host:port`` (lower case; the port only when it is not the scheme's
    default), '' for a URL that does not parse."""
    try:
        split = urlsplit(url)
    except ValueError:
        return ""
    return _netloc(split.scheme, split.netloc)


@lru_cache(maxsize=256)
def _netloc(scheme: str, location: str) -> str:
    """``netloc`` of a URL's scheme and authority: a program sends to few of them."""
    split = SplitResult(scheme, location, "", "", "")
    try:
        host, port = (split.hostname or "").lower(), split.port
    except ValueError:
        return ""
    return host if port is None or DEFAULT_PORTS.get(split.scheme) == port else f"{host}:{port}"


def with_params(url: str, params: Any) -> str:
    """``url`` with the query a library builds from ``params`` (a mapping, pairs or a string)
    appended; unknown shapes add nothing."""
    extra = _pairs(params)
    if not extra:
        return url
    base, hash_, fragment = url.partition("#")
    joiner = "&" if "?" in base else "?"
    return f"{base}{joiner}{urlencode(extra)}{hash_}{fragment}"


def _pairs(params: Any) -> list[tuple[str, str]]:
    if params is None:
        return []
    if isinstance(params, bytes):
        params = params.decode("utf-8", "replace")
    if isinstance(params, str):
        return parse_qsl(params.lstrip("?"), keep_blank_values=True)
    items: Iterable[Any]
    if isinstance(params, Mapping) or hasattr(params, "items"):
        items = list(params.items())
    else:
        try:
            items = list(params)
        except TypeError:
            return []
    pairs = []
    for item in items:
        if not (isinstance(item, tuple) and len(item) == 2):
            continue
        key, value = item
        values = value if isinstance(value, (list, tuple)) else [value]
        pairs += [(str(key), _text(v)) for v in values if v is not None]
    return pairs


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value.decode() if isinstance(value, bytes) else str(value)


def shown(method: str, path: str, query: list[tuple[str, str]], template: str, keep: frozenset[str]) -> str:
    """``GET /v1/artists/{id}/albums?include_groups=…&limit=50``: the catalogue template's
    placeholders stand for the ids, query values are masked except those in ``keep``."""
    prefix = "/v1" if path.startswith("/v1/") or path == "/v1" else ""
    text = prefix + template
    if query:
        text += "?" + "&".join(f"{k}={v if k in keep else '…'}" for k, v in query)
    return f"{method} {text}"
