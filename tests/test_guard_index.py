"""The endpoint index gives the matches of a plain scan of the catalogue: for every endpoint
template filled in, for wildcard templates as the static analysis builds them, and for paths
generated from the catalogue's own segments, under every method and none."""

from __future__ import annotations

import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from spotlint.catalogue.paths import Match, _segment_matches, endpoint_index, match_path, path_segments
from spotlint.project.values import WILD

OWNED = "37i9dQZF1DXcBWIGoYBM5M"
METHODS = ("", "GET", "POST", "PUT", "DELETE", "PATCH")


def _scan(catalogue, segments, method):
    """The catalogue scanned rule by rule, endpoint by endpoint: what ``match_path`` must equal."""
    found = []
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


def _same(catalogue, segments, method):
    assert match_path(catalogue, list(segments), method) == _scan(catalogue, list(segments), method), (method, segments)


def _templates(catalogue):
    return sorted({e.path for r in catalogue.rules for e in r.endpoints})


def _fixed_segments(catalogue):
    return sorted({s for t in _templates(catalogue) for s in t.strip("/").split("/") if not s.startswith("{")})


def test_every_template_filled_in_matches_as_the_scan(catalogue):
    for template, method in itertools.product(_templates(catalogue), METHODS):
        for filler in ("abc123", OWNED, WILD, f"x{WILD}", "{id}"):
            _same(catalogue, re.sub(r"\{[a-z_]+\}", filler, template).strip("/").split("/"), method)


def test_wildcards_as_the_static_analysis_builds_them(catalogue):
    for template, method in itertools.product(_templates(catalogue), ("", "GET", "PUT")):
        segments = template.strip("/").split("/")
        for index in range(len(segments)):
            for wild in (WILD, f"{WILD}s", f"a{WILD}", f"{segments[index][:3]}{WILD}"):
                _same(catalogue, [*segments[:index], wild, *segments[index + 1:]], method)


def test_short_paths_from_the_catalogue_segments_match_as_the_scan(catalogue):
    words = [*_fixed_segments(catalogue), "abc123", OWNED, WILD, "v1", "me2"]
    for count in (0, 1, 2):
        for segments in itertools.product(words, repeat=count):
            for method in METHODS:
                _same(catalogue, segments, method)


@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_generated_paths_match_as_the_scan(catalogue, data):
    words = st.sampled_from([*_fixed_segments(catalogue), "abc123", OWNED, WILD, f"{WILD}tracks", "x"])
    segments = data.draw(st.lists(words, min_size=1, max_size=6))
    _same(catalogue, segments, data.draw(st.sampled_from(METHODS)))


def test_candidates_are_few_and_the_index_is_built_once(catalogue):
    index = endpoint_index(catalogue)
    assert endpoint_index(catalogue) is index
    assert index.candidates(["tracks", "abc"], "GET") == ()  # an allowed route meets no template
    assert [e.match.rule.code for e in index.candidates(["tracks"], "GET")] == ["SPT213"]
    everything = sum(len(r.endpoints) for r in catalogue.rules)
    assert max(len(index.candidates(s, "GET")) for s in (["playlists", "x", "tracks"], ["me", "tracks"])) < everything / 5


def test_paths_split_as_before():
    assert path_segments("/v1//tracks/") == (True, ["tracks"])
    assert path_segments("/v1/tracks/abc") == (True, ["tracks", "abc"])
    assert path_segments("tracks") == (False, ["tracks"])
    assert path_segments("/v1") == (True, [])
