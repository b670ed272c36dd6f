"""The pytest plugin on a suite that mocks HTTP (responses, requests-mock, respx): off unless
asked, a per-test summary in warn mode, failed tests in block mode, the allow marker."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

SUITE = '''
import re

import httpx
import pytest
import requests
import responses
import respx
import spotipy
import tekore

API = re.compile(r"https://api\\.spotify\\.com/.*")


@responses.activate
def test_spotipy_under_responses():
    responses.add(responses.GET, API, json={})
    sp = spotipy.Spotify(auth="token", retries=0)
    sp.audio_features(["t1"])
    sp.track("t1")
    sp.search("x", limit=50)


def test_requests_mock_fixture(requests_mock):
    requests_mock.get(API, json={})
    requests.get("https://api.spotify.com/v1/tracks", params={"ids": "a,b"})


@respx.mock
def test_tekore_under_respx():
    respx.route(host="api.spotify.com").respond(json={"artists": []})
    tk = tekore.Spotify("token")
    try:
        tk.artist_related_artists("a1")
    except Exception as exc:  # the mock's body does not parse, or the guard blocked it
        caught = exc
    httpx.get("https://api.spotify.com/v1/me")


@pytest.mark.spotlint_allow("SPT213")
def test_allowed(requests_mock):
    requests_mock.get(API, json={})
    requests.get("https://api.spotify.com/v1/tracks", params={"ids": "a"})


def test_clean(requests_mock):
    requests_mock.get(API, json={})
    requests.get("https://api.spotify.com/v1/tracks/a")


def test_fixture(spotlint_guard, requests_mock):
    requests_mock.get(API, json={})
    try:
        requests.get("https://api.spotify.com/v1/markets")
    except Exception:
        pass
    assert [s.code for s in spotlint_guard.sightings] == ["SPT203"]
'''


@pytest.fixture
def suite(pytester):
    pytester.makepyfile(test_suite=SUITE)
    return pytester


def _section(result):
    lines = result.outlines
    start = next(i for i, line in enumerate(lines) if line.startswith("=") and line.strip("= ") == "spotlint guard")
    section = []
    for line in lines[start + 1:]:
        if line.startswith("="):
            break
        section.append(line)
    return section


def test_off_unless_asked(suite):
    result = suite.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=6)
    assert not any("spotlint guard" in line for line in result.outlines)


def test_warn_mode_lists_each_tests_requests_once(suite):
    result = suite.runpytest("--spotlint-guard", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=6)
    section = _section(result)
    tests = [line for line in section if line.startswith("test_suite.py::")]
    assert tests == ["test_suite.py::test_spotipy_under_responses", "test_suite.py::test_requests_mock_fixture",
                     "test_suite.py::test_tekore_under_respx", "test_suite.py::test_fixture"]
    codes = [line.split(": ", 1)[1].split()[0] for line in section if line.startswith("    ")]
    assert codes == ["SPT103", "SPT250", "SPT213", "SPT105", "SPT203"]
    assert any(line.startswith("    test_suite.py:18:5: SPT103 ") for line in section)
    assert section[-1].startswith("5 restricted request(s) made in 4 test(s)")
    assert result.ret == 0


def test_block_mode_fails_the_tests_that_made_them(suite):
    result = suite.runpytest("--spotlint-guard=block", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=2, failed=4)
    assert result.ret == 1
    text = result.stdout.str()
    assert "RestrictedRequest" in text
    assert "the test caught the exception" in text  # the tekore test swallows it
    assert "FAILED test_suite.py::test_fixture" in text  # blocked, so the assertion on sightings still holds but the test fails
    assert _section(result)[-1].startswith("4 restricted request(s) blocked in 4 test(s)")


def test_a_bare_option_before_a_path_and_a_bad_mode(suite):
    result = suite.runpytest("--spotlint-guard", "test_suite.py", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=6)
    assert _section(result)[-1].startswith("5 restricted request(s) made in 4 test(s)")
    bad = suite.runpytest("--spotlint-guard=loud", "-p", "no:cacheprovider")
    assert bad.ret == pytest.ExitCode.USAGE_ERROR
    assert "--spotlint-guard=loud: expected one of warn, block" in bad.stderr.str()
