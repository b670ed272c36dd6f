"""Which catalogue rules one outgoing request breaks: method and path against the endpoint
templates (``catalogue.paths``, the matching the static analysis uses), the Spotify-owned
playlist pattern, and capped query parameters such as ``limit``.

Pure: no I/O, no stack, no libraries; the guard's state decides what to do with the result.
"""

from __future__ import annotations

from dataclasses import dataclass

from spotlint.catalogue.load import Catalogue
from spotlint.catalogue.paths import Match, match_path, path_segments
from spotlint.catalogue.schema import REQUEST_KINDS, Rule
from spotlint.guard.request import Outgoing, shown


@dataclass(frozen=True, slots=True)
class Violation:
    rule: Rule
    detail: str  # as in the static check: "this request asks for 50" for a limit
    request: str  # method and path with ids and query values masked


def violations(catalogue: Catalogue, request: Outgoing, path: str, query: list[tuple[str, str]]) -> tuple[Violation, ...]:
    """The rules ``request`` (already known to go to the Web API) breaks, one per rule."""
    method = request.method.upper()
    return judged(candidates(catalogue, method, path), method, path, query)


def candidates(catalogue: Catalogue, method: str, path: str) -> tuple[Match, ...]:
    """The endpoints of request-shaped rules that ``method`` (upper case) on ``path`` hits,
    before the query is read: none for most requests, which the guard then lets go at once."""
    split = path_segments(path)
    if split is None or not split[0]:
        return ()  # the Web API is under /v1
    return tuple(m for m in match_path(catalogue, split[1], method) if m.rule.kind in REQUEST_KINDS)


def judged(matches: tuple[Match, ...], method: str, path: str, query: list[tuple[str, str]]) -> tuple[Violation, ...]:
    """The ``candidates`` the query confirms (a capped parameter over its maximum)."""
    found = []
    for match in matches:
        rule = match.rule
        detail: str = ""
        keep: frozenset[str] = frozenset()
        if rule.kind == "limit":
            assert rule.limit is not None
            asked = _largest(query, rule.limit.parameter)
            if asked is None or asked <= rule.limit.maximum:
                continue
            detail, keep = f"this request asks for {asked}", frozenset({rule.limit.parameter})
        found.append(Violation(rule, detail, shown(method, path, query, match.endpoint.path, keep)))
    return tuple(found)


def _largest(query: list[tuple[str, str]], parameter: str) -> int | None:
    values = [int(v) for k, v in query if k == parameter and v.strip().isdigit()]
    return max(values) if values else None
