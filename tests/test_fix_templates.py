"""The compat functions themselves, run against an in-memory client: stub shapes and the
local alternatives' logic (which endpoints they call, and the shape they return)."""

from __future__ import annotations

import warnings

import pytest

from fakes import FakeSpotify
from spotlint.catalogue.load import load_catalogue
from spotlint.fix.blocks import choose, load
from spotlint.fix.templates import spotipy_local as local
from spotlint.fix.templates import spotipy_stub as stub
from spotlint.fix.templates import tekore_local, tekore_stub


def test_every_fixable_spotipy_method_has_a_stub_with_the_client_first():
    catalogue = load_catalogue()
    for rule in catalogue.rules:
        if "stub" not in rule.fix:
            continue
        for method in rule.methods_of("spotipy"):
            block = choose("spotipy", method, "stub")
            assert block is not None, f"{rule.code}: no stub for spotipy {method}"
            assert block.block.text.split("(", 1)[1].startswith("client"), method


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda c: stub.audio_features(c, ["a", "b"]), [None, None]),
        (lambda c: stub.audio_features(c, "a"), [None]),
        (lambda c: stub.recommendations(c, seed_tracks=["a"]), {"seeds": [], "tracks": []}),
        (lambda c: stub.recommendation_genre_seeds(c), {"genres": []}),
        (lambda c: stub.artist_related_artists(c, "x"), {"artists": []}),
        (lambda c: stub.tracks(c, ["a", "b", "c"])["tracks"], [None, None, None]),
        (lambda c: stub.featured_playlists(c, limit=5)["playlists"]["items"], []),
        (lambda c: stub.featured_playlists(c, limit=5)["playlists"]["limit"], 5),
        (lambda c: stub.current_user_saved_tracks_contains(c, ["a", "b"]), [False, False]),
        (lambda c: stub.user(c, "bob")["id"], "bob"),
        (lambda c: sorted(stub.audio_analysis(c, "x")), ["bars", "beats", "meta", "sections", "segments", "tatums", "track"]),
        (lambda c: tekore_stub.tekore_tracks_audio_features(c, ["a"]), [None]),
    ],
)
def test_stub_shapes(call, expected):
    client = FakeSpotify()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert call(client) == expected
    assert client.calls == []  # a stub sends nothing


def test_stub_warns_once_per_process():
    stub._WARNED.clear()
    with pytest.warns(RuntimeWarning, match="audio_features: GET /audio-features is restricted") as caught:
        stub.audio_features(FakeSpotify(), ["a"])
        stub.audio_features(FakeSpotify(), ["b"])
    assert len([w for w in caught if "audio_features" in str(w.message)]) == 1


def test_several_gets_become_single_gets_with_the_same_shape():
    client = FakeSpotify()
    result = local.tracks(client, ["spotify:track:a", "b"], market="SE")
    assert result == {"tracks": [{"id": "spotify:track:a", "type": "track", "artists": [{"id": "artist-of-spotify:track:a"}]},
                                 {"id": "b", "type": "track", "artists": [{"id": "artist-of-b"}]}]}
    assert [c[0] for c in client.calls] == ["track", "track"]
    assert local.artists(client, ["x"]) == {"artists": [{"id": "x", "type": "artist"}]}
    assert local.get_audiobooks(client, ["y"])["audiobooks"][0]["type"] == "audiobook"
    assert tekore_local.tekore_albums(client, ["z"]) == [{"id": "z", "type": "album"}]


def test_related_artists_come_from_collaborations():
    client = FakeSpotify()
    client.releases = {"me": ["r1", "r2"]}
    client.release_tracks = {
        "r1": [{"id": "t1", "artists": [{"id": "me"}, {"id": "ann"}]}, {"id": "t2", "artists": [{"id": "ann"}]}],
        "r2": [{"id": "t3", "artists": [{"id": "me"}, {"id": "bo"}]}],
    }
    related = local.artist_related_artists(client, "spotify:artist:me")
    assert [a["id"] for a in related["artists"]] == ["ann", "bo"]
    assert {c[0] for c in client.calls} == {"artist_albums", "album_tracks", "artist"}


def test_recommendations_from_seed_catalogue_and_genre_search():
    client = FakeSpotify()
    client.releases = {"artist-of-s1": ["r1"], "a1": ["r2"]}
    client.release_tracks = {"r1": [{"id": "s1"}, {"id": "x1"}], "r2": [{"id": "x2"}, {"id": "x3"}]}
    result = local.recommendations(client, seed_artists=["a1"], seed_tracks=["s1"], seed_genres=["jazz"], limit=3,
                                   target_energy=0.9)
    assert [s["type"] for s in result["seeds"]] == ["TRACK", "ARTIST", "ARTIST", "GENRE"]
    ids = [t["id"] for t in result["tracks"]]
    assert len(ids) == 3 and "s1" not in ids and set(ids) <= {"x1", "x2", "x3", 'found-genre:"jazz"'}
    assert not any(c[0] in ("_get",) and "recommendations" in c[1][0] for c in client.calls)


def test_audio_features_from_a_dataset(tmp_path, monkeypatch):
    dataset = tmp_path / "features.csv"
    dataset.write_text("track_id,danceability,tempo,key,name\nabc,0.5,120.5,7,Song\n")
    monkeypatch.setattr(local, "AUDIO_FEATURES_CSV", str(dataset))
    monkeypatch.setattr(local, "_FEATURES", None)
    rows = local.audio_features(FakeSpotify(), ["spotify:track:abc", "missing"])
    assert rows[1] is None
    assert rows[0]["danceability"] == 0.5 and rows[0]["tempo"] == 120.5 and rows[0]["key"] == 7
    assert rows[0]["id"] == "abc" and rows[0]["uri"] == "spotify:track:abc" and rows[0]["name"] == "Song"


def test_playlist_routes_use_the_items_route_and_keep_the_track_key():
    client = FakeSpotify()
    page = local.playlist_items(client, "spotify:playlist:pl", limit=100)
    assert client.calls[0][:2] == ("_get", ("playlists/pl/items",)) and client.calls[0][2]["limit"] == 50
    assert page["items"][0]["track"] == page["items"][0]["item"]
    local.playlist_add_items(client, "pl", ["t1"], position=0)
    assert client.calls[-1] == ("_post", ("playlists/pl/items",), {"payload": ["spotify:track:t1"], "position": 0})
    local.user_playlist_remove_specific_occurrences_of_tracks(client, "u", "pl", [{"uri": "t1", "positions": [2]}])
    assert client.calls[-1][1] == ("playlists/pl/items",)
    assert client.calls[-1][2]["payload"] == {"items": [{"uri": "spotify:track:t1", "positions": [2]}]}


def test_library_routes_send_uris_to_me_library():
    client = FakeSpotify()
    local.current_user_saved_tracks_add(client, ["a", "spotify:track:b"])
    assert client.calls[-1] == ("_put", ("me/library",), {"payload": None, "uris": "spotify:track:a,spotify:track:b"})
    local.user_unfollow_artists(client, ["x"])
    assert client.calls[-1] == ("_delete", ("me/library",), {"payload": None, "uris": "spotify:artist:x"})
    assert local.current_user_saved_albums_contains(client, ["a", "b"]) == [True, True]
    assert client.calls[-1] == ("_get", ("me/library/contains",), {"uris": "spotify:album:a,spotify:album:b"})
    assert local.playlist_is_following(client, "pl", ["me", "other"]) == [True, False]


def test_playlist_create_and_user_playlists_use_me_routes():
    client = FakeSpotify(me="alice")
    created = local.user_playlist_create(client, "alice", "Mix", public=False)
    assert client.calls[-1][1] == ("me/playlists",) and created["name"] == "Mix" and created["public"] is False
    assert local.user_playlists(client, "alice")["items"] == [{"id": "mine"}]
    assert local.user_playlists(client, "bob")["items"] == []


def test_unsafe_rewrites_are_marked():
    assert load("spotipy_stub")["playlist_add_items"].unsafe
    assert load("spotipy_stub")["user_playlist_create"].unsafe
    assert not load("spotipy_local")["playlist_add_items"].unsafe
    assert load("spotipy_local")["playlist_is_following"].unsafe


class _PagedCatalogue:
    """A client whose search and artist albums serve ``total`` items in pages and reject a
    ``limit`` above 10, as the Web API does since February 2026."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.requests: list[tuple[int, int]] = []

    def _page(self, kind: str, limit: int, offset: int) -> dict:
        if not 1 <= limit <= 10:
            raise ValueError("Invalid limit")
        if (limit, offset) not in self.requests[-1:]:  # one request however many types it asks for
            self.requests.append((limit, offset))
        items = [{"id": f"{kind}{i}"} for i in range(offset, min(offset + limit, self.total))]
        more = offset + limit < self.total
        return {"items": items, "limit": limit, "offset": offset, "total": self.total, "next": "more" if more else None}

    def search(self, q, limit=10, offset=0, type="track", market=None):
        return {f"{t}s": self._page(t, limit, offset) for t in type.split(",")}

    def artist_albums(self, artist_id, album_type=None, include_groups=None, country=None, limit=20, offset=0):
        return self._page("album", limit, offset)


def test_search_in_pages_of_ten_keeps_the_response_shape():
    client = _PagedCatalogue(total=35)
    result = local.search(client, "abba", limit=25, type="track,artist")
    assert client.requests == [(10, 0), (10, 10), (5, 20)]
    assert [t["id"] for t in result["tracks"]["items"]] == [f"track{i}" for i in range(25)]
    assert len(result["artists"]["items"]) == 25 and result["tracks"]["limit"] == 25


def test_paging_stops_at_the_last_page_and_honours_offset():
    client = _PagedCatalogue(total=14)
    result = local.artist_albums(client, "artist", offset=2)  # spotipy's default of 20
    assert client.requests == [(10, 2), (10, 12)]
    assert [a["id"] for a in result["items"]] == [f"album{i}" for i in range(2, 14)]
    assert result["next"] is None


class _Paging:
    def __init__(self, page: dict) -> None:
        self.items, self.next, self.limit = page["items"], page["next"], page["limit"]


class _TekoreCatalogue(_PagedCatalogue):
    def search(self, query, types=("track",), market=None, include_external=None, limit=20, offset=0):
        return tuple(_Paging(self._page(t, limit, offset)) for t in types)

    def artist_albums(self, artist_id, include_groups=None, market=None, limit=20, offset=0):
        return _Paging(self._page("album", limit, offset))


def test_tekore_search_and_albums_in_pages_return_the_same_models():
    client = _TekoreCatalogue(total=100)
    tracks, = tekore_local.tekore_search(client, "abba")  # tekore's default of 20
    assert client.requests == [(10, 0), (10, 10)] and len(tracks.items) == 20 and tracks.limit == 20
    albums = tekore_local.tekore_artist_albums(client, "artist", limit=12)
    assert [a["id"] for a in albums.items] == [f"album{i}" for i in range(12)]
    client.max_limits_on = True  # as ``tk.Spotify(max_limits_on=True)`` or inside ``max_limits()``
    tracks, = tekore_local.tekore_search(client, "abba")
    assert len(tracks.items) == 50 and max(size for size, _ in client.requests) == 10


def test_a_name_shared_by_two_templates_means_the_same_code():
    """Every compat module is one namespace: a helper of one template must not shadow
    another template's helper of the same name with different code (a compat function itself
    is chosen once per method: local first, then the stub)."""
    seen: dict[str, tuple[str, str]] = {}
    for template in ("spotipy_local", "spotipy_stub", "tekore_local", "tekore_stub", "reccobeats"):
        for name, block in load(template).items():
            if not (name.startswith("_") or name.isupper()):
                continue
            if name in seen:
                assert seen[name][1] == block.text, f"{name} differs in {seen[name][0]} and {template}"
            else:
                seen[name] = (template, block.text)
