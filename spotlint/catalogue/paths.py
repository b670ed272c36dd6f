"""Request paths against the catalogue's endpoint templates: which rules a Web API path breaks.

Pure and free of libcst, so both the static analysis (URL templates with wildcards) and the
runtime guard (the URLs a program really sends) match paths the same way. It knows nothing of
how a template was built or where a request came from. The endpoints are indexed once per
catalogue by method, segment count and first segment, so a path meets only the few templates
that could match it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spotlint.catalogue.load import Catalogue
from spotlint.catalogue.schema import Endpoint, Rule
from spotlint.project.values import WILD

API_HOST = "api.spotify.com"


@dataclass(frozen=True, slots=True)
class Match:
    rule: Rule
    endpoint: Endpoint


def template_path(template: str) -> tuple[str, list[str]] | None:
    """('absolute'|'relative'|'unanchored', segments) of a Web API URL template, or None
    when the template names another host."""
    text = re.split(r"[?#]", template, maxsplit=1)[0]
    if text.startswith(("http://", "https://")):
        rest = text.split("://", 1)[1]
        host, _, path = rest.partition("/")
        if host.lower() != API_HOST:
            return None
        anchor = "absolute"
    elif text.startswith(WILD):
        anchor, path = "unanchored", text.lstrip(WILD)
        if not path.startswith("/"):
            return None  # ``f"{minutes}m{seconds}s"``: a base URL is joined to its path by a slash
    else:
        anchor, path = "relative", text
    split = path_segments(path)
    if split is None or anchor == "absolute" and not split[0]:
        return None  # api.spotify.com without /v1 is not the Web API
    return anchor, split[1]


def path_segments(path: str) -> tuple[bool, list[str]] | None:
    """(under /v1, segments after it) of a path, or None when it has an empty segment."""
    if "//" in path:
        path = re.sub(r"/{2,}", "/", path)
    path = path.strip("/")
    versioned = path == "v1" or path.startswith("v1/")
    if versioned:
        path = path[3:]
    segments = path.split("/") if path else []
    if "" in segments:
        return None
    return versioned, segments


def _segment_matches(pattern: str, segment: str) -> bool:
    if pattern.startswith("{"):
        return bool(segment)
    if segment == pattern:
        return True
    if WILD in segment and segment != WILD:
        regex = ".*".join(re.escape(p) for p in segment.split(WILD))
        return re.fullmatch(regex, pattern) is not None
    return False


def match_path(catalogue: Catalogue, segments: list[str], method: str, owned: re.Pattern[str] | None = None) -> list[Match]:
    """The first endpoint of each rule that ``method`` (any when empty) on ``segments`` hits."""
    found: list[Match] = []
    last: Rule | None = None  # the rule of the last match: its other endpoints are not tried
    for entry in endpoint_index(catalogue).candidates(segments, method):
        rule = entry.rule
        if rule is last:
            continue
        pattern = entry.pattern
        if not all(_segment_matches(p, s) for p, s in zip(pattern, segments)):
            continue
        if rule.kind == "playlist":
            if not rule.playlist_id or not any(re.search(rule.playlist_id, s) for s in segments):
                continue
        found.append(entry.match)
        last = rule
    return found


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One endpoint of one rule, with its template split into segments."""

    match: Match
    pattern: tuple[str, ...]

    @property
    def rule(self) -> Rule:
        return self.match.rule


_ANY = ""  # the method key that holds every method's endpoints
_PLACEHOLDER = "{"  # the first-segment key of templates that start with a placeholder


class EndpointIndex:
    """A catalogue's endpoints keyed by (method, segment count, first segment), each list in
    catalogue order (rule by rule, endpoints as the rule lists them): a path's candidates are
    the templates starting with its first segment or with a placeholder."""

    def __init__(self, catalogue: Catalogue) -> None:
        by_shape: dict[tuple[str, int], list[IndexEntry]] = {}
        for rule in catalogue.rules:
            for endpoint in rule.endpoints:
                entry = IndexEntry(Match(rule, endpoint), tuple(endpoint.path.strip("/").split("/")))
                for method in dict.fromkeys((endpoint.method, _ANY)):
                    by_shape.setdefault((method, len(entry.pattern)), []).append(entry)
        self._by_shape = {key: tuple(entries) for key, entries in by_shape.items()}
        self._by_first: dict[tuple[str, int, str], tuple[IndexEntry, ...]] = {}
        for (method, count), entries in self._by_shape.items():
            firsts = {_first(e.pattern) for e in entries} | {_PLACEHOLDER}
            for first in firsts:
                self._by_first[method, count, first] = tuple(
                    e for e in entries if _first(e.pattern) in (first, _PLACEHOLDER))

    def candidates(self, segments: list[str], method: str) -> tuple[IndexEntry, ...]:
        """The endpoints that ``method`` (any when empty) on ``segments`` could hit, in
        catalogue order; a superset of the matches, never missing one."""
        count = len(segments)
        if not count or WILD in segments[0]:  # a wildcard may stand for any first segment
            return self._by_shape.get((method, count), ())
        found = self._by_first.get((method, count, segments[0]))
        if found is None:
            found = self._by_first.get((method, count, _PLACEHOLDER), ())
        return found


def _first(pattern: tuple[str, ...]) -> str:
    return _PLACEHOLDER if pattern[0].startswith("{") else pattern[0]


_indexes: dict[int, tuple[Catalogue, EndpointIndex]] = {}


def endpoint_index(catalogue: Catalogue) -> EndpointIndex:
    """The index of ``catalogue``, built at its first use (a few catalogues are kept)."""
    held = _indexes.get(id(catalogue))
    if held is not None and held[0] is catalogue:
        return held[1]
    index = EndpointIndex(catalogue)
    if len(_indexes) >= 8:
        _indexes.clear()
    _indexes[id(catalogue)] = (catalogue, index)
    return index
