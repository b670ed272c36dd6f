"""The guard's pure parts: every request-shaped rule is caught from a concrete URL, allowed
routes are not, ids and query values are masked, params merge, frames skip libraries."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from spotlint.catalogue.schema import REQUEST_KINDS
from spotlint.guard.environment import read
from spotlint.guard.frames import user_location
from spotlint.guard.matcher import violations
from spotlint.guard.request import Outgoing, netloc, with_params
from spotlint.guard.settings import Settings

OWNED = "37i9dQZF1DXcBWIGoYBM5M"


def _codes(catalogue, method, url):
    request = Outgoing(method, url, "test")
    return [v.rule.code for v in violations(catalogue, request, *request.parts)]


def _concrete(rule, path):
    """A URL for one endpoint template: ids filled (a Spotify-owned one for the playlist rule)."""
    filled = re.sub(r"\{[a-z_]+\}", OWNED if rule.kind == "playlist" else "abc123", path)
    query = f"?{rule.limit.parameter}={rule.limit.maximum + 1}" if rule.limit else "?ids=a,b"
    return f"https://api.spotify.com/v1{filled}{query}"


def test_every_request_rule_endpoint_is_caught(catalogue):
    covered = [r for r in catalogue.rules if r.kind in REQUEST_KINDS]
    assert {r.kind for r in covered} == set(REQUEST_KINDS)
    for rule in covered:
        for endpoint in rule.endpoints:
            assert rule.code in _codes(catalogue, endpoint.method, _concrete(rule, endpoint.path)), (rule.code, endpoint)


@pytest.mark.parametrize("method,url", [
    ("GET", "https://api.spotify.com/v1/tracks/abc"),
    ("GET", "https://api.spotify.com/v1/me"),
    ("GET", "https://api.spotify.com/v1/me/tracks?limit=50"),  # listing saved tracks stays
    ("PUT", "https://api.spotify.com/v1/me/library?uris=spotify:track:a"),
    ("GET", "https://api.spotify.com/v1/search?q=x&limit=10"),
    ("GET", "https://api.spotify.com/v1/search?q=x"),
    ("GET", "https://api.spotify.com/v1/artists/abc/albums?limit=5"),
    ("GET", "https://api.spotify.com/v1/playlists/5ownPlaylistId0000000/items"),
    ("POST", "https://api.spotify.com/v1/me/playlists"),
    ("POST", "https://api.spotify.com/v1/tracks"),  # not a method the rule names
    ("GET", "https://api.spotify.com/tracks?ids=a"),  # not under /v1
])
def test_allowed_requests_are_not_caught(catalogue, method, url):
    assert _codes(catalogue, method, url) == []


def test_a_spotify_owned_playlist_on_the_old_route_breaks_two_rules(catalogue):
    assert _codes(catalogue, "GET", f"https://api.spotify.com/v1/playlists/{OWNED}/tracks") == ["SPT109", "SPT220"]


def test_limits_judge_the_largest_value_sent(catalogue):
    assert _codes(catalogue, "GET", "https://api.spotify.com/v1/search?q=a&limit=5&limit=11") == ["SPT250"]
    assert _codes(catalogue, "GET", "https://api.spotify.com/v1/search?q=a&limit=ten") == []


def test_the_request_is_shown_with_ids_and_values_masked(catalogue):
    request = Outgoing("get", "https://api.spotify.com/v1/artists/0OdUWJ0sBjDrqHygGUXeCF/albums?include_groups=album&limit=50", "x")
    [violation] = violations(catalogue, request, *request.parts)
    assert violation.request == "GET /v1/artists/{id}/albums?include_groups=…&limit=50"
    assert violation.detail == "this request asks for 50"


def test_params_are_merged_into_the_url():
    assert with_params("https://h/p?a=1#f", {"limit": 50, "ids": ["x", "y"], "skip": None}) == "https://h/p?a=1&limit=50&ids=x&ids=y#f"
    assert with_params("https://h/p", [("limit", 20)]) == "https://h/p?limit=20"
    assert with_params("https://h/p", b"limit=20") == "https://h/p?limit=20"
    assert with_params("https://h/p", object()) == "https://h/p"


def test_hosts_and_ports():
    assert netloc("https://API.spotify.com:443/v1/x") == "api.spotify.com"
    assert netloc("http://127.0.0.1:8123/v1") == "127.0.0.1:8123"
    assert netloc("http://[::1/") == ""
    settings = Settings(hosts=("api.spotify.com", "127.0.0.1:8123"))
    assert settings.watches("api.spotify.com") and settings.watches("127.0.0.1:8123")
    assert not settings.watches("127.0.0.1:9000") and not settings.watches("example.com")
    assert Settings(allow=("SPT2",)).allows("SPT213") and not Settings(allow=("SPT2",)).allows("SPT103")
    with pytest.raises(ValueError, match="'loud'"):
        Settings(mode="loud")


def test_the_environment_switch():
    assert read({}).mode == "warn"
    assert read({"SPOTLINT_GUARD": "off"}).mode is None
    switch = read({"SPOTLINT_GUARD": "Record", "SPOTLINT_GUARD_FILE": "g.jsonl", "SPOTLINT_GUARD_ALLOW": "SPT103, SPT2",
                   "SPOTLINT_GUARD_HOSTS": "127.0.0.1:9"})
    assert (switch.mode, switch.record_to, switch.allow, switch.hosts) == ("record", "g.jsonl", ("SPT103", "SPT2"),
                                                                          ("api.spotify.com", "127.0.0.1:9"))
    with pytest.raises(ValueError, match="SPOTLINT_GUARD='loud'"):
        read({"SPOTLINT_GUARD": "loud"})


def _library_call():
    return user_location()


def test_the_user_frame_skips_library_modules():
    here = user_location()  # this line
    assert here.path.endswith("test_guard_matcher.py")
    assert here.line == sys._getframe().f_lineno - 2
    assert here.column == len("    here = ") + 1
    # a frame of a skipped root counts as a library's
    assert user_location(skip=frozenset({"test_guard_matcher", "tests"})).path != here.path


def test_importing_the_guard_imports_nothing_heavy():
    code = ("import sys, spotlint.guard, spotlint.guard.pytest_plugin; "
            "roots = {m.split('.')[0] for m in sys.modules}; "
            "print(sorted(roots & {'requests', 'httpx', 'urllib3', 'aiohttp', 'libcst', 'click', 'spotipy', 'tekore', 'packaging'})); "
            "print(sorted(m for m in sys.modules if m.startswith('spotlint.catalogue')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out == "[]\n[]\n"


def test_each_rule_page_says_whether_the_guard_covers_it(catalogue):
    from spotlint.catalogue.docs import render_markdown

    for rule in catalogue.rules:
        page = render_markdown(rule, catalogue)
        expected = "Runtime guard: covered" if rule.kind in REQUEST_KINDS else "Runtime guard: not covered"
        assert expected in page, rule.code
