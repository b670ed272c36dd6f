"""Request paths against the catalogue's endpoint templates: which rules a Web API path breaks.

Pure and free of libcst, so both the static analysis (URL templates with wildcards) and the
runtime guard (the URLs a program really sends) match paths the same way. It knows nothing of
how a template was built or where a request came from.
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
    path = re.sub(r"/{2,}", "/", path).strip("/")
    versioned = path == "v1" or path.startswith("v1/")
    if versioned:
        path = path[3:]
    segments = path.split("/") if path else []
    if any(s == "" for s in segments):
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
    for rule in catalogue.rules:
        for endpoint in rule.endpoints:
            if method and endpoint.method != method:
                continue
            pattern = endpoint.path.strip("/").split("/")
            if len(pattern) != len(segments) or not all(_segment_matches(p, s) for p, s in zip(pattern, segments)):
                continue
            if rule.kind == "playlist":
                if not rule.playlist_id or not any(re.search(rule.playlist_id, s) for s in segments):
                    continue
            found.append(Match(rule, endpoint))
            break
    return found
