"""Local replacements for spotipy calls of restricted endpoints (template for compat modules).

Each function keeps the spotipy method's parameters, with the client first, and returns the
same response shape as the restricted call, built only from endpoints Spotify still serves
(or from data the project supplies). Its docstring says how.
"""

from __future__ import annotations

import csv
import os
from collections import Counter
from typing import Any

# Audio features dataset: a CSV file with a track id column (``id`` or ``track_id``) and
# Spotify's feature columns, e.g. a public dump of audio features. Set the path here or in
# the SPOTIFY_AUDIO_FEATURES_CSV environment variable.
AUDIO_FEATURES_CSV: str | None = None

_FEATURES: dict[str, dict[str, Any]] | None = None
_NUMBER_KEYS = frozenset({
    "danceability", "energy", "key", "loudness", "mode", "speechiness", "acousticness",
    "instrumentalness", "liveness", "valence", "tempo", "duration_ms", "time_signature",
})


def _ids(values: Any) -> list[Any]:
    if values is None:
        return []
    if isinstance(values, str):
        return [values]
    return list(values)


def _number(value: str) -> Any:
    try:
        number = float(value)
    except ValueError:
        return value
    return int(number) if number.is_integer() and "." not in value else number


def _feature_rows() -> dict[str, dict[str, Any]]:
    global _FEATURES
    if _FEATURES is None:
        _FEATURES = {}
        path = AUDIO_FEATURES_CSV or os.environ.get("SPOTIFY_AUDIO_FEATURES_CSV")
        if path:
            with open(path, newline="", encoding="utf-8") as handle:
                for row in csv.DictReader(handle):
                    track_id = row.get("id") or row.get("track_id")
                    if track_id:
                        features = {k: _number(v) if k in _NUMBER_KEYS else v for k, v in row.items()}
                        features.update(id=track_id, type="audio_features", uri=f"spotify:track:{track_id}")
                        _FEATURES[track_id] = features
    return _FEATURES


def audio_features(client: Any, tracks: Any = ()) -> list[Any]:
    """Audio features from the dataset named by AUDIO_FEATURES_CSV (or the
    SPOTIFY_AUDIO_FEATURES_CSV environment variable): one entry per track, None for a track the
    dataset does not hold, as Spotify answered for unknown ids. Without a dataset every entry
    is None."""
    rows = _feature_rows()
    return [rows.get(client._get_id("track", t)) for t in _ids(tracks)]


def _several(client: Any, key: str, getter: str, ids: Any, **options: Any) -> dict[str, Any]:
    get = getattr(client, getter)
    return {key: [get(item, **options) if options else get(item) for item in _ids(ids)]}


def tracks(client: Any, tracks: Any, market: str | None = None) -> dict[str, Any]:
    """One `GET /tracks/{id}` per track (the migration guide's recipe), same shape as the
    several-tracks response."""
    return _several(client, "tracks", "track", tracks, market=market)


def albums(client: Any, albums: Any, market: str | None = None) -> dict[str, Any]:
    """One `GET /albums/{id}` per album, same shape as the several-albums response."""
    return _several(client, "albums", "album", albums, market=market)


def artists(client: Any, artists: Any) -> dict[str, Any]:
    """One `GET /artists/{id}` per artist, same shape as the several-artists response."""
    return _several(client, "artists", "artist", artists)


def episodes(client: Any, episodes: Any, market: str | None = None) -> dict[str, Any]:
    """One `GET /episodes/{id}` per episode, same shape as the several-episodes response."""
    return _several(client, "episodes", "episode", episodes, market=market)


def shows(client: Any, shows: Any, market: str | None = None) -> dict[str, Any]:
    """One `GET /shows/{id}` per show, same shape as the several-shows response."""
    return _several(client, "shows", "show", shows, market=market)


def get_audiobooks(client: Any, ids: Any, market: str | None = None) -> dict[str, Any]:
    """One `GET /audiobooks/{id}` per audiobook, same shape as the several-audiobooks response."""
    return _several(client, "audiobooks", "get_audiobook", ids, market=market)


def artist_related_artists(client: Any, artist_id: str) -> dict[str, Any]:
    """Artists who appear on the artist's releases (features and collaborations), the most
    frequent first, from `GET /artists/{id}/albums` and `GET /albums/{id}/tracks`, then one
    `GET /artists/{id}` each. Not Spotify's similarity graph: artists with no collaborators
    get an empty list."""
    own = client._get_id("artist", artist_id)
    counts: Counter[str] = Counter()
    releases = client.artist_albums(own, include_groups="album,single,appears_on", limit=10)
    for release in releases.get("items", [])[:10]:
        for track in client.album_tracks(release["id"]).get("items", []):
            for artist in track.get("artists", []):
                if artist.get("id") and artist["id"] != own:
                    counts[artist["id"]] += 1
    return {"artists": [client.artist(other) for other, _ in counts.most_common(20)]}


def recommendations(client: Any, seed_artists: Any = None, seed_genres: Any = None, seed_tracks: Any = None,
                    limit: int = 20, country: str | None = None, **kwargs: Any) -> dict[str, Any]:
    """Tracks from the seeds' own catalogue: releases of the seed artists and of the seed
    tracks' artists (`GET /artists/{id}/albums`, `GET /albums/{id}/tracks`) and a
    `genre:` search per seed genre, seeds excluded, then one `GET /tracks/{id}` each. The
    tuneable attributes (min_/max_/target_…) are ignored: Spotify no longer serves the audio
    features they filter on."""
    seeds: list[dict[str, Any]] = []
    picked: list[str] = []
    seed_track_ids = [client._get_id("track", t) for t in _ids(seed_tracks)]
    artist_ids = [client._get_id("artist", a) for a in _ids(seed_artists)]
    for track_id in seed_track_ids:
        seeds.append({"id": track_id, "type": "TRACK", "href": None, "initialPoolSize": 0})
        for artist in client.track(track_id, market=country).get("artists", []):
            if artist.get("id") and artist["id"] not in artist_ids:
                artist_ids.append(artist["id"])
    for artist_id in artist_ids:
        seeds.append({"id": artist_id, "type": "ARTIST", "href": None, "initialPoolSize": 0})
        releases = client.artist_albums(artist_id, include_groups="album,single", limit=5)
        for release in releases.get("items", []):
            for track in client.album_tracks(release["id"], limit=10).get("items", []):
                if track.get("id") and track["id"] not in seed_track_ids and track["id"] not in picked:
                    picked.append(track["id"])
    for genre in _ids(seed_genres):
        seeds.append({"id": genre, "type": "GENRE", "href": None, "initialPoolSize": 0})
        found = client.search(q=f'genre:"{genre}"', type="track", limit=10, market=country)
        for track in found.get("tracks", {}).get("items", []):
            if track.get("id") and track["id"] not in picked:
                picked.append(track["id"])
    # interleave sources so one prolific seed does not fill the list
    chosen = picked[::2] + picked[1::2]
    return {"seeds": seeds, "tracks": [client.track(t, market=country) for t in chosen[:limit]]}


def user_playlists(client: Any, user: str, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """The signed-in user's playlists (`GET /me/playlists`) when ``user`` is the signed-in user;
    other users' playlists are no longer available, so their page is empty."""
    if client.current_user().get("id") == user:
        return client.current_user_playlists(limit=limit, offset=offset)
    return {"href": "", "items": [], "limit": limit, "next": None, "offset": offset, "previous": None, "total": 0}


def user_playlist_create(client: Any, user: str, name: str, public: bool = True, collaborative: bool = False,
                         description: str = "") -> dict[str, Any]:
    """Creates the playlist for the signed-in user with `POST /me/playlists` (spotipy 2.26's
    `current_user_playlist_create`); ``user`` is ignored: apps may only create playlists for
    the signed-in user."""
    payload = {"name": name, "public": public, "collaborative": collaborative, "description": description}
    return client._post("me/playlists", payload=payload)


def _with_track_alias(page: Any) -> Any:
    """Pages of the new items route call each entry's object `item`; keep `track` too."""
    if isinstance(page, dict):
        for entry in page.get("items", []) or []:
            if isinstance(entry, dict) and "item" in entry and "track" not in entry:
                entry["track"] = entry["item"]
    return page


def playlist_items(client: Any, playlist_id: str, fields: str | None = None, limit: int = 100, offset: int = 0,
                   market: str | None = None, additional_types: Any = ("track", "episode")) -> dict[str, Any]:
    """`GET /playlists/{id}/items`, the route that replaced `/tracks`; each entry keeps its
    `track` key next to the new `item`."""
    plid = client._get_id("playlist", playlist_id)
    page = client._get(f"playlists/{plid}/items", limit=min(limit, 50), offset=offset, fields=fields,
                       market=market, additional_types=",".join(additional_types))
    return _with_track_alias(page)


def playlist_tracks(client: Any, playlist_id: str, fields: str | None = None, limit: int = 100, offset: int = 0,
                    market: str | None = None, additional_types: Any = ("track",)) -> dict[str, Any]:
    """`GET /playlists/{id}/items` (see playlist_items)."""
    return playlist_items(client, playlist_id, fields, limit, offset, market, additional_types)


def user_playlist_tracks(client: Any, user: str | None = None, playlist_id: str | None = None,
                         fields: str | None = None, limit: int = 100, offset: int = 0,
                         market: str | None = None) -> dict[str, Any]:
    """`GET /playlists/{id}/items` (see playlist_items)."""
    return playlist_items(client, playlist_id or "", fields, limit, offset, market, ("track",))


def playlist_add_items(client: Any, playlist_id: str, items: Any, position: int | None = None) -> dict[str, Any]:
    """`POST /playlists/{id}/items`, the route that replaced `/tracks`."""
    plid = client._get_id("playlist", playlist_id)
    uris = [client._get_uri("track", item) for item in items]
    return client._post(f"playlists/{plid}/items", payload=uris, position=position)


def playlist_replace_items(client: Any, playlist_id: str, items: Any) -> dict[str, Any]:
    """`PUT /playlists/{id}/items`, the route that replaced `/tracks`."""
    plid = client._get_id("playlist", playlist_id)
    uris = [client._get_uri("track", item) for item in items]
    return client._put(f"playlists/{plid}/items", payload={"uris": uris})


def playlist_reorder_items(client: Any, playlist_id: str, range_start: int, insert_before: int,
                           range_length: int = 1, snapshot_id: str | None = None) -> dict[str, Any]:
    """`PUT /playlists/{id}/items`, the route that replaced `/tracks`."""
    plid = client._get_id("playlist", playlist_id)
    payload: dict[str, Any] = {"range_start": range_start, "range_length": range_length, "insert_before": insert_before}
    if snapshot_id:
        payload["snapshot_id"] = snapshot_id
    return client._put(f"playlists/{plid}/items", payload=payload)


def playlist_remove_all_occurrences_of_items(client: Any, playlist_id: str, items: Any,
                                             snapshot_id: str | None = None) -> dict[str, Any]:
    """`DELETE /playlists/{id}/items`; the body lists the entries under `items` (was `tracks`)."""
    plid = client._get_id("playlist", playlist_id)
    payload: dict[str, Any] = {"items": [{"uri": client._get_uri("track", item)} for item in items]}
    if snapshot_id:
        payload["snapshot_id"] = snapshot_id
    return client._delete(f"playlists/{plid}/items", payload=payload)


def playlist_remove_specific_occurrences_of_items(client: Any, playlist_id: str, items: Any,
                                                  snapshot_id: str | None = None) -> dict[str, Any]:
    """`DELETE /playlists/{id}/items` with positions; the body key is `items` (was `tracks`)."""
    plid = client._get_id("playlist", playlist_id)
    entries = [{"uri": client._get_uri("track", item["uri"]), "positions": item["positions"]} for item in items]
    payload: dict[str, Any] = {"items": entries}
    if snapshot_id:
        payload["snapshot_id"] = snapshot_id
    return client._delete(f"playlists/{plid}/items", payload=payload)


def user_playlist_add_tracks(client: Any, user: str, playlist_id: str, tracks: Any,
                             position: int | None = None) -> dict[str, Any]:
    """`POST /playlists/{id}/items` (see playlist_add_items)."""
    return playlist_add_items(client, playlist_id, tracks, position)


def user_playlist_add_episodes(client: Any, user: str, playlist_id: str, episodes: Any,
                               position: int | None = None) -> dict[str, Any]:
    """`POST /playlists/{id}/items` with episode URIs."""
    plid = client._get_id("playlist", playlist_id)
    uris = [client._get_uri("episode", item) for item in episodes]
    return client._post(f"playlists/{plid}/items", payload=uris, position=position)


def user_playlist_replace_tracks(client: Any, user: str, playlist_id: str, tracks: Any) -> dict[str, Any]:
    """`PUT /playlists/{id}/items` (see playlist_replace_items)."""
    return playlist_replace_items(client, playlist_id, tracks)


def user_playlist_reorder_tracks(client: Any, user: str, playlist_id: str, range_start: int, insert_before: int,
                                 range_length: int = 1, snapshot_id: str | None = None) -> dict[str, Any]:
    """`PUT /playlists/{id}/items` (see playlist_reorder_items)."""
    return playlist_reorder_items(client, playlist_id, range_start, insert_before, range_length, snapshot_id)


def user_playlist_remove_all_occurrences_of_tracks(client: Any, user: str, playlist_id: str, tracks: Any,
                                                   snapshot_id: str | None = None) -> dict[str, Any]:
    """`DELETE /playlists/{id}/items` (see playlist_remove_all_occurrences_of_items)."""
    return playlist_remove_all_occurrences_of_items(client, playlist_id, tracks, snapshot_id)


def user_playlist_remove_specific_occurrences_of_tracks(client: Any, user: str, playlist_id: str, tracks: Any,
                                                        snapshot_id: str | None = None) -> dict[str, Any]:
    """`DELETE /playlists/{id}/items` (see playlist_remove_specific_occurrences_of_items)."""
    return playlist_remove_specific_occurrences_of_items(client, playlist_id, tracks, snapshot_id)


def _library(client: Any, method: str, kind: str, values: Any) -> Any:
    """`PUT`/`DELETE`/`GET …/contains` on `/me/library`, which takes Spotify URIs."""
    uris = ",".join(client._get_uri(kind, value) for value in _ids(values))
    if method == "contains":
        return client._get("me/library/contains", uris=uris)
    return getattr(client, f"_{method}")("me/library", uris=uris)


def current_user_saved_tracks_add(client: Any, tracks: Any = None) -> Any:
    """`PUT /me/library` with track URIs (replaces `PUT /me/tracks`)."""
    return _library(client, "put", "track", tracks)


def current_user_saved_tracks_delete(client: Any, tracks: Any = None) -> Any:
    """`DELETE /me/library` with track URIs (replaces `DELETE /me/tracks`)."""
    return _library(client, "delete", "track", tracks)


def current_user_saved_albums_add(client: Any, albums: Any = ()) -> Any:
    """`PUT /me/library` with album URIs (replaces `PUT /me/albums`)."""
    return _library(client, "put", "album", albums)


def current_user_saved_albums_delete(client: Any, albums: Any = ()) -> Any:
    """`DELETE /me/library` with album URIs (replaces `DELETE /me/albums`)."""
    return _library(client, "delete", "album", albums)


def current_user_saved_episodes_add(client: Any, episodes: Any = None) -> Any:
    """`PUT /me/library` with episode URIs (replaces `PUT /me/episodes`)."""
    return _library(client, "put", "episode", episodes)


def current_user_saved_episodes_delete(client: Any, episodes: Any = None) -> Any:
    """`DELETE /me/library` with episode URIs (replaces `DELETE /me/episodes`)."""
    return _library(client, "delete", "episode", episodes)


def current_user_saved_shows_add(client: Any, shows: Any = ()) -> Any:
    """`PUT /me/library` with show URIs (replaces `PUT /me/shows`)."""
    return _library(client, "put", "show", shows)


def current_user_saved_shows_delete(client: Any, shows: Any = ()) -> Any:
    """`DELETE /me/library` with show URIs (replaces `DELETE /me/shows`)."""
    return _library(client, "delete", "show", shows)


def user_follow_artists(client: Any, ids: Any = ()) -> Any:
    """`PUT /me/library` with artist URIs (replaces `PUT /me/following?type=artist`)."""
    return _library(client, "put", "artist", ids)


def user_follow_users(client: Any, ids: Any = ()) -> Any:
    """`PUT /me/library` with user URIs (replaces `PUT /me/following?type=user`)."""
    return _library(client, "put", "user", ids)


def user_unfollow_artists(client: Any, ids: Any = ()) -> Any:
    """`DELETE /me/library` with artist URIs (replaces `DELETE /me/following?type=artist`)."""
    return _library(client, "delete", "artist", ids)


def user_unfollow_users(client: Any, ids: Any = ()) -> Any:
    """`DELETE /me/library` with user URIs (replaces `DELETE /me/following?type=user`)."""
    return _library(client, "delete", "user", ids)


# unsafe: `public` is dropped: the library route has no such option
def current_user_follow_playlist(client: Any, playlist_id: str, public: bool = True) -> Any:
    """`PUT /me/library` with the playlist URI (replaces `PUT /playlists/{id}/followers`)."""
    return _library(client, "put", "playlist", playlist_id)


def current_user_unfollow_playlist(client: Any, playlist_id: str) -> Any:
    """`DELETE /me/library` with the playlist URI (replaces `DELETE /playlists/{id}/followers`)."""
    return _library(client, "delete", "playlist", playlist_id)


def user_playlist_follow_playlist(client: Any, playlist_owner_id: str, playlist_id: str) -> Any:
    """`PUT /me/library` with the playlist URI (replaces `PUT /playlists/{id}/followers`)."""
    return _library(client, "put", "playlist", playlist_id)


def user_playlist_unfollow(client: Any, user: str, playlist_id: str) -> Any:
    """`DELETE /me/library` with the playlist URI (replaces `DELETE /playlists/{id}/followers`)."""
    return _library(client, "delete", "playlist", playlist_id)


def current_user_saved_tracks_contains(client: Any, tracks: Any = None) -> list[bool]:
    """`GET /me/library/contains` with track URIs."""
    return _library(client, "contains", "track", tracks)


def current_user_saved_albums_contains(client: Any, albums: Any = ()) -> list[bool]:
    """`GET /me/library/contains` with album URIs."""
    return _library(client, "contains", "album", albums)


def current_user_saved_episodes_contains(client: Any, episodes: Any = None) -> list[bool]:
    """`GET /me/library/contains` with episode URIs."""
    return _library(client, "contains", "episode", episodes)


def current_user_saved_shows_contains(client: Any, shows: Any = ()) -> list[bool]:
    """`GET /me/library/contains` with show URIs."""
    return _library(client, "contains", "show", shows)


def current_user_following_artists(client: Any, ids: Any = None) -> list[bool]:
    """`GET /me/library/contains` with artist URIs."""
    return _library(client, "contains", "artist", ids)


def current_user_following_users(client: Any, ids: Any = None) -> list[bool]:
    """`GET /me/library/contains` with user URIs."""
    return _library(client, "contains", "user", ids)


# unsafe: answers for the signed-in user only; other user ids get False
def playlist_is_following(client: Any, playlist_id: str, user_ids: Any) -> list[bool]:
    """`GET /me/library/contains` with the playlist URI: the new route answers for the
    signed-in user only, so other user ids get False."""
    me = client.current_user().get("id")
    following = bool(_library(client, "contains", "playlist", playlist_id)[0])
    return [following and user_id == me for user_id in _ids(user_ids)]


# unsafe: answers for the signed-in user only; other user ids get False
def user_playlist_is_following(client: Any, playlist_owner_id: str, playlist_id: str, user_ids: Any) -> list[bool]:
    """See playlist_is_following."""
    return playlist_is_following(client, playlist_id, user_ids)


# The most items `GET /search` and `GET /artists/{id}/albums` return per request since
# February 2026; a larger `limit` fails the whole request.
PAGE_LIMIT = 10


def _in_pages(fetch: Any, limit: int, offset: int, pagings: Any) -> Any:
    """Call ``fetch(limit=…, offset=…)`` in pages of at most PAGE_LIMIT until ``limit`` items
    or the last page, and return the first response with every page's items in its paging
    objects (``pagings`` lists them), as one request of ``limit`` items used to."""
    wanted = max(1, int(limit))
    size = min(PAGE_LIMIT, wanted)
    first = fetch(limit=size, offset=offset)
    targets = pagings(first)
    fetched = size
    while fetched < wanted and any(t.get("next") for t in targets):
        size = min(PAGE_LIMIT, wanted - fetched)
        page = fetch(limit=size, offset=offset + fetched)
        for target, more in zip(targets, pagings(page)):
            if target.get("next"):
                target["items"].extend(more.get("items") or [])
                target["next"] = more.get("next")
        fetched += size
    for target in targets:
        target["limit"] = wanted
    return first


def search(client: Any, q: str, limit: int = 10, offset: int = 0, type: str = "track",
           market: str | None = None) -> dict[str, Any]:
    """`GET /search` in pages of at most 10 (`offset` paging), merged into the response one
    request of `limit` items returned: a paging object per requested type."""
    return _in_pages(lambda limit, offset: client.search(q, limit=limit, offset=offset, type=type, market=market),
                     limit, offset, lambda response: [p for p in response.values() if isinstance(p, dict)])


def artist_albums(client: Any, artist_id: str, album_type: str | None = None, include_groups: str | None = None,
                  country: str | None = None, limit: int = 20, offset: int = 0) -> dict[str, Any]:
    """`GET /artists/{id}/albums` in pages of at most 10 (`offset` paging), merged into the
    paging object one request of `limit` items returned."""
    return _in_pages(lambda limit, offset: client.artist_albums(artist_id, album_type=album_type,
                                                                include_groups=include_groups, country=country,
                                                                limit=limit, offset=offset),
                     limit, offset, lambda response: [response])
