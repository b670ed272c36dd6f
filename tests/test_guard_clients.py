"""spotipy and tekore through the guard: every wave-1 and wave-2 restriction they can send is
reported exactly once, with its code, at the test's line; block mode stops each one; the same
works when the suite mocks HTTP (responses, requests-mock, respx)."""

from __future__ import annotations

import re
import warnings

import httpx
import pytest
import requests
import requests_mock
import respx
import responses
import spotipy
import tekore

from spotlint import guard
from spotlint.guard import RestrictedRequest, RestrictedRequestWarning
from tests.spotify_server import fake_spotify

OWNED = "37i9dQZF1DXcBWIGoYBM5M"
TRACK, ARTIST, SHOW, EPISODE = "4uLU6hMCjMI75M1A2tKUQC", "0OdUWJ0sBjDrqHygGUXeCF", "38bS44xjbVVZ3No3ByF1dJ", "512ojhOuo1ktJprKbVcKyQ"

# spotipy 2.26: what it still sends of each rule (its migrated library and follow methods send the new routes)
SPOTIPY = [
    ("SPT101", lambda sp: sp.recommendations(seed_artists=[ARTIST])),
    ("SPT102", lambda sp: sp.recommendation_genre_seeds()),
    ("SPT103", lambda sp: sp.audio_features([TRACK])),
    ("SPT104", lambda sp: sp.audio_analysis(TRACK)),
    ("SPT105", lambda sp: sp.artist_related_artists(ARTIST)),
    ("SPT106", lambda sp: sp.featured_playlists()),
    ("SPT107", lambda sp: sp.category_playlists("party")),
    ("SPT109", lambda sp: sp.playlist(OWNED)),
    ("SPT201", lambda sp: sp.user_playlist_create("someone", "mix")),
    ("SPT202", lambda sp: sp.artist_top_tracks(ARTIST)),
    ("SPT203", lambda sp: sp.available_markets()),
    ("SPT204", lambda sp: sp.new_releases()),
    ("SPT205", lambda sp: sp.albums([TRACK])),
    ("SPT206", lambda sp: sp.artists([ARTIST])),
    ("SPT207", lambda sp: sp.get_audiobooks([SHOW])),
    ("SPT208", lambda sp: sp.categories()),
    ("SPT209", lambda sp: sp.category("party")),
    ("SPT211", lambda sp: sp.episodes([EPISODE])),
    ("SPT212", lambda sp: sp.shows([SHOW])),
    ("SPT213", lambda sp: sp.tracks([TRACK])),
    ("SPT214", lambda sp: sp.user("someone")),
    ("SPT215", lambda sp: sp.user_playlists("someone")),
    ("SPT220", lambda sp: sp.user_playlist_remove_specific_occurrences_of_tracks("someone", "p1", [{"uri": TRACK, "positions": [0]}])),
    ("SPT223", lambda sp: sp.current_user_unfollow_playlist("p1")),
    ("SPT224", lambda sp: sp.current_user_saved_episodes_contains([EPISODE])),
    ("SPT250", lambda sp: sp.search("nina", limit=50)),
    ("SPT251", lambda sp: sp.artist_albums(ARTIST)),  # its default limit is 20
]
SPOTIPY_ALLOWED = [
    lambda sp: sp.track(TRACK), lambda sp: sp.search("nina"), lambda sp: sp.artist_albums(ARTIST, limit=10),
    lambda sp: sp.playlist_items("5ownPlaylistId0000000"), lambda sp: sp.current_user_saved_tracks_add([TRACK]),
]

# tekore 6.2: no release migrated, so it sends every route rule too
TEKORE = [
    ("SPT101", lambda tk: tk.recommendations(artist_ids=[ARTIST])),
    ("SPT102", lambda tk: tk.recommendation_genre_seeds()),
    ("SPT103", lambda tk: tk.tracks_audio_features([TRACK])),
    ("SPT103", lambda tk: tk.track_audio_features(TRACK)),
    ("SPT104", lambda tk: tk.track_audio_analysis(TRACK)),
    ("SPT105", lambda tk: tk.artist_related_artists(ARTIST)),
    ("SPT106", lambda tk: tk.featured_playlists()),
    ("SPT107", lambda tk: tk.category_playlists("party")),
    ("SPT109", lambda tk: tk.playlist(OWNED)),
    ("SPT201", lambda tk: tk.playlist_create("someone", "mix")),
    ("SPT202", lambda tk: tk.artist_top_tracks(ARTIST, "US")),
    ("SPT203", lambda tk: tk.markets()),
    ("SPT204", lambda tk: tk.new_releases()),
    ("SPT205", lambda tk: tk.albums([TRACK])),
    ("SPT206", lambda tk: tk.artists([ARTIST])),
    ("SPT208", lambda tk: tk.categories()),
    ("SPT209", lambda tk: tk.category("party")),
    ("SPT210", lambda tk: tk.chapters([EPISODE])),
    ("SPT211", lambda tk: tk.episodes([EPISODE])),
    ("SPT212", lambda tk: tk.shows([SHOW])),
    ("SPT213", lambda tk: tk.tracks([TRACK])),
    ("SPT214", lambda tk: tk.user("someone")),
    ("SPT215", lambda tk: tk.playlists("someone")),
    ("SPT220", lambda tk: tk.playlist_items("5ownPlaylistId0000000")),
    ("SPT221", lambda tk: tk.saved_tracks_add([TRACK])),
    ("SPT222", lambda tk: tk.artists_follow([ARTIST])),
    ("SPT223", lambda tk: tk.playlist_follow("p1")),
    ("SPT224", lambda tk: tk.saved_tracks_contains([TRACK])),
    ("SPT250", lambda tk: tk.search("nina")),  # its default limit is 20
    ("SPT251", lambda tk: tk.artist_albums(ARTIST)),
]
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # spotipy's own warnings

TEKORE_ALLOWED = [lambda tk: tk.track(TRACK), lambda tk: tk.search("nina", limit=10), lambda tk: tk.current_user()]


def _call(send, client):
    """Run one client call; the stand-in's empty answers may not parse into the client's models."""
    try:
        send(client)
    except RestrictedRequest:
        raise
    except Exception:
        pass


def _line(send):
    return send.__code__.co_firstlineno


@pytest.fixture
def server(monkeypatch):
    with fake_spotify() as fake:
        monkeypatch.setattr(tekore._client.base, "prefix", fake.api)
        yield fake


@pytest.fixture
def sp(server):
    client = spotipy.Spotify(auth="token", retries=0)
    client.prefix = server.api
    return client


@pytest.fixture
def tk(server):
    return tekore.Spotify("token")


@pytest.mark.parametrize("client,table,allowed", [("sp", SPOTIPY, SPOTIPY_ALLOWED), ("tk", TEKORE, TEKORE_ALLOWED)])
def test_each_restriction_is_reported_once_at_the_calling_line(request, server, client, table, allowed):
    api = request.getfixturevalue(client)
    with guard.active("collect", hosts=[server.netloc]) as g:
        for _, send in table:
            _call(send, api)
        for send in allowed:
            _call(send, api)
    seen = [(s.code, s.finding.path.rsplit("/", 1)[-1], s.finding.span.line) for s in g.sightings]
    assert seen == [(code, "test_guard_clients.py", _line(send)) for code, send in table]
    assert len(server.received) == len(table) + len(allowed)


def test_the_waves_are_all_covered_between_the_two_clients(catalogue):
    from spotlint.catalogue.schema import REQUEST_KINDS

    covered = {code for code, _ in SPOTIPY + TEKORE}
    assert covered == {r.code for r in catalogue.rules if r.kind in REQUEST_KINDS}


@pytest.mark.parametrize("client,table", [("sp", SPOTIPY), ("tk", TEKORE)])
def test_block_mode_stops_every_one(request, server, client, table):
    api = request.getfixturevalue(client)
    with guard.active("block", hosts=[server.netloc]):
        for code, send in table:
            with pytest.raises(RestrictedRequest) as caught:
                _call(send, api)
            assert caught.value.sighting.code == code
    assert server.received == []


def test_tekore_async_client(server):
    import asyncio

    async def main():
        tk = tekore.Spotify("token", asynchronous=True)
        try:
            await tk.tracks([TRACK])
        except Exception:
            pass
        try:
            await tk.artist_related_artists(ARTIST)
        except Exception:
            pass
        await tk.sender.close()

    with guard.active("collect", hosts=[server.netloc]) as g:
        asyncio.run(main())
    assert [(s.code, s.finding.span.line) for s in g.sightings] == [
        ("SPT213", main.__code__.co_firstlineno + 3), ("SPT105", main.__code__.co_firstlineno + 7)]


# -- suites that mock HTTP: the real host name, answered by the mock ----------------------------------
def _mocked_spotipy():
    return spotipy.Spotify(auth="token", retries=0)


def test_spotipy_under_responses_warns_once_per_request():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        for method in (responses.GET, responses.POST, responses.PUT, responses.DELETE):
            mock.add(method, re.compile(r"https://api\.spotify\.com/.*"), json={})
        sp = _mocked_spotipy()
        with guard.active("warn"), warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            for _, send in SPOTIPY:
                _call(send, sp)
            for send in SPOTIPY_ALLOWED:
                _call(send, sp)
        assert len(mock.calls) == len(SPOTIPY) + len(SPOTIPY_ALLOWED)
    warned = [(str(w.message).split()[0], w.lineno) for w in caught if w.category is RestrictedRequestWarning]
    assert warned == [(code, _line(send)) for code, send in SPOTIPY]


def test_requests_mock_sees_the_guard_first():
    with requests_mock.Mocker() as mock:
        mock.get(requests_mock.ANY, json={})
        with guard.active("block"):
            with pytest.raises(RestrictedRequest, match="SPT213"):
                requests.get("https://api.spotify.com/v1/tracks", params={"ids": "a"})
            session = requests.Session()
            with pytest.raises(RestrictedRequest, match="SPT203"):
                session.send(requests.Request("GET", "https://api.spotify.com/v1/markets").prepare())
            requests.get("https://api.spotify.com/v1/tracks/a")
        assert [r.path for r in mock.request_history] == ["/v1/tracks/a"]


def test_tekore_and_httpx_under_respx():
    with respx.mock(assert_all_called=False) as mock:
        route = mock.route(host="api.spotify.com").respond(json={})
        with guard.active("collect") as g:
            _call(lambda tk: tk.artist_top_tracks(ARTIST, "US"), tekore.Spotify("token"))
            httpx.get("https://api.spotify.com/v1/browse/featured-playlists")
            httpx.get("https://api.spotify.com/v1/me")
        with guard.active("block"):
            with pytest.raises(RestrictedRequest, match="SPT213"):
                _call(lambda tk: tk.tracks([TRACK]), tekore.Spotify("token"))
        assert route.call_count == 3
    assert [s.code for s in g.sightings] == ["SPT202", "SPT106"]


def test_requests_mock_started_inside_the_guard():
    """As under the pytest plugin: the guard is on before the test's mocker replaces
    ``Session.send`` with one that calls the unguarded original."""
    with guard.active("block") as g:
        with requests_mock.Mocker() as mock:
            mock.get(requests_mock.ANY, json={})
            with pytest.raises(RestrictedRequest, match="SPT213"):
                requests.get("https://api.spotify.com/v1/tracks", params={"ids": "a"})
            with pytest.raises(RestrictedRequest, match="SPT203"):
                _call(lambda sp: sp.available_markets(), _mocked_spotipy())
            requests.get("https://api.spotify.com/v1/tracks/a")
        assert [r.path for r in mock.request_history] == ["/v1/tracks/a"]
    assert [s.code for s in g.sightings] == ["SPT213", "SPT203"]


def _every_request_rule(catalogue):
    """(code, method, URL) for every endpoint of every request-shaped rule, ids filled."""
    from spotlint.catalogue.schema import REQUEST_KINDS

    out = []
    for rule in catalogue.rules:
        if rule.kind not in REQUEST_KINDS:
            continue
        for endpoint in rule.endpoints:
            path = re.sub(r"\{[a-z_]+\}", OWNED if rule.kind == "playlist" else "abc", endpoint.path)
            query = "?limit=50" if rule.limit else "?ids=a,b"
            out.append((rule.code, endpoint.method, f"https://api.spotify.com/v1{path}{query}"))
    return out


def test_tekore_under_respx_warns_once_per_restriction():
    with respx.mock(assert_all_called=False) as mock:
        route = mock.route(host="api.spotify.com").respond(json={})
        tk = tekore.Spotify("token")
        with guard.active("warn"), warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            for _, send in TEKORE:
                _call(send, tk)
            for send in TEKORE_ALLOWED:
                _call(send, tk)
        assert route.call_count == len(TEKORE) + len(TEKORE_ALLOWED)
        with guard.active("block"):
            for code, send in TEKORE:
                with pytest.raises(RestrictedRequest, match=code):
                    _call(send, tk)
        assert route.call_count == len(TEKORE) + len(TEKORE_ALLOWED)
    warned = [(str(w.message).split()[0], w.lineno) for w in caught if w.category is RestrictedRequestWarning]
    assert warned == [(code, _line(send)) for code, send in TEKORE]


@pytest.mark.parametrize("library", ["requests", "httpx"])
def test_raw_requests_to_every_restricted_endpoint_under_mocks(catalogue, library):
    table = _every_request_rule(catalogue)
    if library == "requests":
        mocker, send = requests_mock.Mocker(), lambda method, url: requests.request(method, url)
    else:
        mocker, send = respx.mock(assert_all_called=False), lambda method, url: httpx.request(method, url)
    with mocker as mock:
        if library == "requests":
            mock.register_uri(requests_mock.ANY, requests_mock.ANY, json={})
        else:
            mock.route(host="api.spotify.com").respond(json={})
        with guard.active("collect") as g:
            for _, method, url in table:
                send(method, url)
        with guard.active("block"):
            for code, method, url in table:
                with pytest.raises(RestrictedRequest, match=code):
                    send(method, url)
    expected = []
    for code, _, url in table:
        expected.append(code)
        if code == "SPT109" and "/tracks?" in url:
            expected.append("SPT220")  # a Spotify-owned playlist on the old route breaks both rules
    assert [s.code for s in g.sightings] == expected
    assert {s.library for s in g.sightings} == {library}
