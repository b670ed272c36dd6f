"""Each hooked HTTP layer against a local server that stands in for the Web API: restricted
requests reported once at the test's own line, allowed ones and other hosts untouched, block
mode stops the request before it leaves, record mode writes JSON lines, hooks come off."""

from __future__ import annotations

import asyncio
import json
import sys
import threading
import urllib.request
import warnings

import httpx
import pytest
import requests
import urllib3

from spotlint import guard
from spotlint.guard import RestrictedRequest, RestrictedRequestWarning, state
from tests.spotify_server import fake_spotify


@pytest.fixture
def server():
    with fake_spotify() as fake:
        yield fake


def _line() -> int:
    """The caller's line."""
    return sys._getframe(1).f_lineno


def _seen(g):
    return [(s.code, s.finding.path.rsplit("/", 1)[-1], s.finding.span.line, s.library) for s in g.sightings]


HERE = "test_guard_hooks.py"


def test_requests_module_functions_and_sessions(server):
    with guard.active("collect", hosts=[server.netloc]) as g:
        line = _line(); requests.get(server.api + "tracks", params={"ids": "a,b"})  # noqa: E702
        session = requests.Session()
        session.get(server.api + "tracks/abc")  # allowed
        line2 = _line(); session.get(server.api + "search", params={"q": "x", "limit": 50})  # noqa: E702
        prepared = requests.Request("GET", server.api + "markets").prepare()
        line3 = _line(); session.send(prepared)  # noqa: E702
    assert _seen(g) == [("SPT213", HERE, line, "requests"), ("SPT250", HERE, line2, "requests"), ("SPT203", HERE, line3, "requests")]
    assert len(server.received) == 4  # collect mode lets every request go


def test_urllib3_pools_and_pool_managers(server):
    with guard.active("collect", hosts=[server.netloc]) as g:
        line = _line(); urllib3.PoolManager().request("GET", server.api + "recommendations?seed_genres=x")  # noqa: E702
        pool = urllib3.HTTPConnectionPool("127.0.0.1", server.port)
        line2 = _line(); pool.urlopen("DELETE", "/v1/me/following?type=artist&ids=a")  # noqa: E702
        pool.urlopen("GET", "/v1/me")
    assert _seen(g) == [("SPT101", HERE, line, "urllib3"), ("SPT222", HERE, line2, "urllib3")]


def test_httpx_sync_and_async(server):
    async def fetch(client):
        return await client.get(server.api + "audio-features", params={"ids": "a"})

    async def main():
        async with httpx.AsyncClient() as client:
            await asyncio.gather(fetch(client), client.get(server.api + "albums/abc"))

    with guard.active("collect", hosts=[server.netloc]) as g:
        line = _line(); httpx.get(server.api + "browse/new-releases")  # noqa: E702
        with httpx.Client(base_url=server.api) as client:
            line2 = _line(); client.put("playlists/p1/tracks", json={"uris": []})  # noqa: E702
        asyncio.run(main())
    assert _seen(g) == [("SPT204", HERE, line, "httpx"), ("SPT220", HERE, line2, "httpx"),
                        ("SPT103", HERE, fetch.__code__.co_firstlineno + 1, "httpx")]


def test_urllib_request(server):
    with guard.active("collect", hosts=[server.netloc]) as g:
        line = _line(); urllib.request.urlopen(server.api + "artists/a1/related-artists").read()  # noqa: E702
        req = urllib.request.Request(server.api + "users/u1/playlists", data=b"{}", method="POST")
        line2 = _line(); urllib.request.build_opener().open(req).read()  # noqa: E702
        urllib.request.urlopen(server.api + "me").read()
    assert _seen(g) == [("SPT105", HERE, line, "urllib"), ("SPT201", HERE, line2, "urllib")]


def test_aiohttp_session(server):
    aiohttp = pytest.importorskip("aiohttp")

    async def main():
        async with aiohttp.ClientSession(base_url=f"http://{server.netloc}") as session:
            async with session.get("/v1/artists/a1/albums", params={"limit": 20}) as response:
                await response.read()
            async with session.get("/v1/artists/a1/albums", params={"limit": 10}) as response:
                await response.read()

    with guard.active("collect", hosts=[server.netloc]) as g:
        asyncio.run(main())
    assert [s.code for s in g.sightings] == ["SPT251"]
    assert g.sightings[0].finding.span.line == main.__code__.co_firstlineno + 2
    assert g.sightings[0].request == "GET /v1/artists/{id}/albums?limit=20"


def test_other_hosts_are_left_alone(server):
    with guard.active("block") as g:  # the test server is not an API host here
        requests.get(server.api + "tracks?ids=a")
        httpx.get(server.api + "tracks?ids=a")
    assert g.sightings == [] and len(server.received) == 2


def test_block_mode_stops_the_request_before_it_leaves(server):
    with guard.active("block", hosts=[server.netloc]) as g:
        for send in (lambda: requests.get(server.api + "tracks?ids=a"),
                     lambda: httpx.get(server.api + "shows?ids=a"),
                     lambda: urllib3.PoolManager().request("GET", server.api + "episodes?ids=a"),
                     lambda: urllib.request.urlopen(server.api + "chapters?ids=a")):
            with pytest.raises(RestrictedRequest) as caught:
                send()
            assert caught.value.sighting.finding.path.endswith(HERE)
        requests.get(server.api + "tracks/abc")
    assert server.received == [("GET", "/v1/tracks/abc")]
    assert [s.code for s in g.sightings] == ["SPT213", "SPT212", "SPT211", "SPT210"]
    assert "SPT213" in str(RestrictedRequest(g.sightings[0])) and "GET /v1/tracks?ids=…" in str(RestrictedRequest(g.sightings[0]))


def test_block_mode_in_real_spotify_host_never_reaches_the_network():
    with guard.active("block"):
        with pytest.raises(RestrictedRequest, match="SPT101"):
            requests.get("https://api.spotify.com/v1/recommendations", params={"seed_genres": "x"})
        with pytest.raises(RestrictedRequest, match="SPT104"):
            httpx.get("https://api.spotify.com/v1/audio-analysis/abc")


def test_warn_mode_warns_at_the_users_line(server):
    with guard.active("warn", hosts=[server.netloc]), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        line = _line(); requests.get(server.api + "artists?ids=a")  # noqa: E702
        requests.get(server.api + "artists?ids=a")
    assert [(w.category, w.filename.rsplit("/", 1)[-1], w.lineno) for w in caught] == [
        (RestrictedRequestWarning, HERE, line), (RestrictedRequestWarning, HERE, line + 1)]
    assert str(caught[0].message).startswith("SPT206 Get Several Artists")


def test_record_mode_appends_json_lines(server, tmp_path):
    out = tmp_path / "guard.jsonl"
    with guard.active("record", hosts=[server.netloc], record_to=str(out)):
        line = _line(); requests.get(server.api + "audiobooks?ids=a")  # noqa: E702
        httpx.get(server.api + "browse/categories")
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    assert [(r["code"], r["line"], r["request"], r["library"]) for r in rows] == [
        ("SPT207", line, "GET /v1/audiobooks?ids=…", "requests"), ("SPT208", line + 1, "GET /v1/browse/categories", "httpx")]
    assert set(rows[0]) >= {"path", "line", "column", "end_line", "end_column", "code", "endpoint", "message", "fix"}
    assert len(server.received) == 2


def test_allowed_codes_are_not_reported(server):
    with guard.active("block", hosts=[server.netloc], allow=["SPT213", "SPT1"]) as g:
        requests.get(server.api + "tracks?ids=a")
        requests.get(server.api + "audio-features?ids=a")
    assert g.sightings == [] and len(server.received) == 2


def test_requests_through_urllib3_are_reported_once(server):
    with guard.active("collect", hosts=[server.netloc]) as g:
        requests.get(server.api + "markets")
    assert [(s.code, s.library) for s in g.sightings] == [("SPT203", "requests")]


def test_threads_share_the_activation(server):
    def fetch(i):
        requests.get(server.api + f"users/u{i}")

    with guard.active("collect", hosts=[server.netloc]) as g:
        threads = [threading.Thread(target=fetch, args=(i,)) for i in range(4)]
        threads.append(threading.Thread(target=requests.get, args=(server.api + "users/lib",)))
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert [s.code for s in g.sightings] == ["SPT214"] * 5
    where = sorted((s.finding.path.rsplit("/", 1)[-1], s.finding.span.line) for s in g.sightings)
    # a thread that runs a library function directly has no frame of the user's code
    assert where == [("<unknown>", 1)] + [(HERE, fetch.__code__.co_firstlineno + 1)] * 4


def test_nested_activations_each_see_the_request_and_hooks_come_off(server):
    originals = (requests.Session.send, requests.Session.request, httpx.Client.send, httpx.AsyncClient.send,
                 urllib3.HTTPConnectionPool.urlopen, urllib.request.OpenerDirector.open)
    outer = guard.activate("collect", hosts=[server.netloc])
    assert requests.Session.send is not originals[0]
    try:
        with pytest.raises(RestrictedRequest):
            with guard.active("block", hosts=[server.netloc]) as inner:
                requests.get(server.api + "tracks?ids=a")
        requests.get(server.api + "albums?ids=a")
    finally:
        guard.deactivate(outer)
    assert [s.code for s in inner.sightings] == ["SPT213"]
    assert [s.code for s in outer.sightings] == ["SPT213", "SPT205"]
    assert (requests.Session.send, requests.Session.request, httpx.Client.send, httpx.AsyncClient.send,
            urllib3.HTTPConnectionPool.urlopen, urllib.request.OpenerDirector.open) == originals
    assert state.active() == ()
    guard.deactivate(outer)  # twice: harmless


def test_concurrent_activations_from_threads_leave_no_hook_behind(server):
    original = requests.Session.send
    barrier = threading.Barrier(4)

    def run():
        barrier.wait()
        for _ in range(20):
            with guard.active("collect", hosts=[server.netloc]):
                pass

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert requests.Session.send is original and state.active() == ()
