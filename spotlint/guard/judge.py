"""A request to the API, judged for the activations watching it: the sightings each one
reports (at the user's frame), delivered by mode; returns the first one a block activation
stops. Runs only for requests to the API, so the catalogue loads here and not before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from spotlint.catalogue.messages import compose
from spotlint.findings import Finding, Span
from spotlint.guard import delivery
from spotlint.guard.frames import Location, user_location
from spotlint.guard.matcher import Violation, candidates, judged
from spotlint.guard.request import Outgoing, with_params
from spotlint.guard.sighting import Sighting

if TYPE_CHECKING:
    from spotlint.guard.state import Guard


def judge(guards: list[Guard], method: str, url: str, library: str, params: Any = None) -> Sighting | None:
    method = method.upper()
    path = urlsplit(url).path  # the params a library adds go to the query, never to the path
    hits = []
    for guard in guards:
        matches = candidates(guard.catalogue, method, path)
        if matches:
            hits.append((guard, matches))
    if not hits:
        return None  # most requests: no template of a request rule matches their path
    request = Outgoing(method, with_params(url, params), library)
    path, query = request.parts
    where: Location | None = None
    blocked: Sighting | None = None
    for guard, matches in hits:
        settings = guard.settings
        found = [v for v in judged(matches, method, path, query) if not settings.allows(v.rule.code)]
        if not found:
            continue
        if where is None:
            where = user_location(frozenset().union(*(g.settings.skip for g in guards)))
        for violation in found:
            sighting = _sighting(guard, violation, where, library)
            guard.sightings.append(sighting)
            if settings.mode == "warn":
                delivery.warn(sighting)
            elif settings.mode == "record":
                delivery.record(settings.record_to, sighting)
            elif settings.mode == "block" and blocked is None:
                blocked = sighting
    return blocked


def _sighting(guard: Guard, violation: Violation, where: Location, library: str) -> Sighting:
    rule = violation.rule
    message = f"{compose(guard.catalogue, rule, violation.detail)} (request: {violation.request})"
    span = Span(where.line, where.column, where.end_line, where.end_column)
    return Sighting(Finding(where.path, span, rule.code, rule.name, message, rule.fix), violation.request, library)
