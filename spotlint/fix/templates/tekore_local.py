"""Local replacements for tekore calls of restricted endpoints (template for compat modules).

Several-item gets become one single-item get per id, with the same list result; renamed routes
are sent to the new route with ``client.send``, which tekore documents for requests its methods
do not make, and answered with the model the method returned. Written for tekore's synchronous
client; spotlint derives the asynchronous client's ``…_async`` twins.
"""

from __future__ import annotations

from typing import Any


def tekore_tracks(client: Any, track_ids: Any, market: str | None = None) -> list[Any]:
    """One `GET /tracks/{id}` per track, same list as `tracks()`."""
    return [client.track(track_id, market=market) for track_id in track_ids]


def tekore_albums(client: Any, album_ids: Any, market: str | None = None) -> list[Any]:
    """One `GET /albums/{id}` per album, same list as `albums()`."""
    return [client.album(album_id, market=market) for album_id in album_ids]


def tekore_artists(client: Any, artist_ids: Any) -> list[Any]:
    """One `GET /artists/{id}` per artist, same list as `artists()`."""
    return [client.artist(artist_id) for artist_id in artist_ids]


def tekore_episodes(client: Any, episode_ids: Any, market: str | None = None) -> list[Any]:
    """One `GET /episodes/{id}` per episode, same list as `episodes()`."""
    return [client.episode(episode_id, market=market) for episode_id in episode_ids]


def tekore_shows(client: Any, show_ids: Any, market: str | None = None) -> list[Any]:
    """One `GET /shows/{id}` per show, same list as `shows()`."""
    return [client.show(show_id, market=market) for show_id in show_ids]


def tekore_chapters(client: Any, chapter_ids: Any, market: str | None = None) -> list[Any]:
    """One `GET /chapters/{id}` per chapter, same list as `chapters()`."""
    return [client.chapter(chapter_id, market=market) for chapter_id in chapter_ids]


def tekore_audiobooks(client: Any, audiobook_ids: Any, market: str | None = None) -> list[Any]:
    """One `GET /audiobooks/{id}` per audiobook, same list as `audiobooks()`."""
    return [client.audiobook(audiobook_id, market=market) for audiobook_id in audiobook_ids]


# The most items `GET /search` and `GET /artists/{id}/albums` return per request since
# February 2026; a larger `limit` fails the whole request.
PAGE_LIMIT = 10


def _tekore_pages(client: Any, fetch: Any, limit: int | None, offset: int, pagings: Any) -> Any:
    """Call ``fetch(limit=…, offset=…)`` in pages of at most PAGE_LIMIT until ``limit`` items
    or the last page, and return the first response with every page's items in its paging
    models (``pagings`` lists them), as one request of ``limit`` items used to. Without a
    ``limit``, as many as tekore would have asked for: 50 under ``max_limits``, else 20."""
    if limit is None:
        limit = 50 if getattr(client, "max_limits_on", False) else 20
    wanted = max(1, int(limit))
    size = min(PAGE_LIMIT, wanted)
    first = fetch(limit=size, offset=offset)
    targets = pagings(first)
    fetched = size
    while fetched < wanted and any(t.next for t in targets):
        size = min(PAGE_LIMIT, wanted - fetched)
        page = fetch(limit=size, offset=offset + fetched)
        for target, more in zip(targets, pagings(page)):
            if target.next:
                target.items.extend(more.items or [])
                target.next = more.next
        fetched += size
    for target in targets:
        target.limit = wanted
    return first


def tekore_search(client: Any, query: str, types: Any = ("track",), market: str | None = None,
                  include_external: str | None = None, limit: int | None = None, offset: int = 0) -> tuple[Any, ...]:
    """`GET /search` in pages of at most 10 (`offset` paging), merged into the paging models
    one request of `limit` items returned (one per type, as `search()` returns them)."""
    def fetch(limit: int, offset: int) -> Any:
        return client.search(query, types, market, include_external, limit=limit, offset=offset)

    return _tekore_pages(client, fetch, limit, offset, list)


def tekore_artist_albums(client: Any, artist_id: str, include_groups: Any = None, market: str | None = None,
                         limit: int | None = None, offset: int = 0) -> Any:
    """`GET /artists/{id}/albums` in pages of at most 10 (`offset` paging), merged into the
    paging model one request of `limit` items returned."""
    def fetch(limit: int, offset: int) -> Any:
        return client.artist_albums(artist_id, include_groups, market, limit=limit, offset=offset)

    return _tekore_pages(client, fetch, limit, offset, lambda page: [page])


# tekore's error class (a name in ``tekore``) for each status Spotify answers with.
_TEKORE_ERRORS = {400: "BadRequest", 401: "Unauthorised", 403: "Forbidden", 404: "NotFound", 429: "TooManyRequests",
                  500: "InternalServerError", 502: "BadGateway", 503: "ServiceUnavailable"}


def _tekore_checked(request: Any, response: Any) -> Any:
    """The response's JSON; an error status raises tekore's error for it, as its methods do."""
    import tekore as tk

    status = response.status_code
    if status < 400:
        return response.content
    error = (response.content or {}).get("error") or {}
    message = error.get("message", "") if isinstance(error, dict) else str(error)
    name = _TEKORE_ERRORS.get(status, "ClientError" if status < 500 else "ServerError")
    raise getattr(tk, name)(f"Error in {response.url}:\n{status}: {message}", request=request, response=response)


def _tekore_send(client: Any, method: str, url: str, payload: Any = None, **params: Any) -> Any:
    """Send ``method url`` with ``client.send`` (the client's token and sender, so its retrying
    or caching too) and return the JSON; parameters that are None are left out."""
    import tekore as tk

    query = {name: params[name] for name in params if params[name] is not None}
    request = tk.Request(method=method, url=url, params=query or None, json=payload)
    return _tekore_checked(request, client.send(request))


def _tekore_model(name: str, json: Any) -> Any:
    """tekore's model ``name`` (in ``tekore.model``) built from the JSON, as its methods build it."""
    from tekore import model

    return getattr(model, name)(**json)


def _tekore_item_aliases(page: Any) -> Any:
    """Entries of the new items route name their object `item`; fill the deprecated `track`
    (which tekore's `PlaylistTrack` still offers) from it, so old readers keep working."""
    for entry in (page or {}).get("items") or []:
        if isinstance(entry, dict) and "track" not in entry:
            entry["track"] = entry.get("item")
    return page


def _tekore_playlist_aliases(playlist: Any) -> Any:
    """A playlist's `items` (formerly `tracks`) under both names, its entries aliased too."""
    found = dict(playlist)
    contents = found.get("items", found.get("tracks"))
    found["items"] = found["tracks"] = _tekore_item_aliases(contents)
    return found


def _tekore_additional_types(as_tracks: Any) -> str | None:
    """tekore's ``as_tracks`` as the route's `additional_types`: the types not returned as tracks."""
    if as_tracks is True:
        return None
    kept = {"episode", "track"} - (set() if as_tracks is False else set(as_tracks))
    return ",".join(sorted(kept)) or None


def tekore_playlist_items(client: Any, playlist_id: str, fields: str | None = None, market: str | None = None,
                          as_tracks: Any = False, limit: int = 100, offset: int = 0) -> Any:
    """`GET /playlists/{id}/items`, the route that replaced `/tracks` (at most 50 a page, its
    documented maximum): a `PlaylistTrackPaging`, or the JSON when ``fields`` or ``as_tracks``
    is given, as tekore returns; each entry's `track` is kept next to the new `item`."""
    page = _tekore_send(client, "GET", f"playlists/{playlist_id}/items", limit=min(limit, 50), offset=offset,
                        fields=fields, market=market, additional_types=_tekore_additional_types(as_tracks))
    page = _tekore_item_aliases(page)
    return page if fields or as_tracks else _tekore_model("PlaylistTrackPaging", page)


def _tekore_snapshot(json: Any) -> str:
    return (json or {}).get("snapshot_id", "")


def tekore_playlist_add(client: Any, playlist_id: str, uris: Any, position: int | None = None) -> str:
    """`POST /playlists/{id}/items`, the route that replaced `/tracks`; the snapshot id."""
    json = _tekore_send(client, "POST", f"playlists/{playlist_id}/items", payload={"uris": list(uris)},
                        position=position)
    return _tekore_snapshot(json)


def tekore_playlist_replace(client: Any, playlist_id: str, uris: Any) -> None:
    """`PUT /playlists/{id}/items`, the route that replaced `/tracks`."""
    _tekore_send(client, "PUT", f"playlists/{playlist_id}/items", payload={"uris": list(uris)})


def tekore_playlist_clear(client: Any, playlist_id: str) -> None:
    """`PUT /playlists/{id}/items` with no URIs, the route that replaced `/tracks`."""
    _tekore_send(client, "PUT", f"playlists/{playlist_id}/items", payload={"uris": []})


def tekore_playlist_reorder(client: Any, playlist_id: str, range_start: int, insert_before: int,
                            range_length: int = 1, snapshot_id: str | None = None) -> str:
    """`PUT /playlists/{id}/items`, the route that replaced `/tracks`; the snapshot id."""
    payload: dict[str, Any] = {"range_start": range_start, "range_length": range_length, "insert_before": insert_before}
    if snapshot_id:
        payload["snapshot_id"] = snapshot_id
    return _tekore_snapshot(_tekore_send(client, "PUT", f"playlists/{playlist_id}/items", payload=payload))


def tekore_playlist_remove(client: Any, playlist_id: str, uris: Any, snapshot_id: str | None = None) -> str:
    """`DELETE /playlists/{id}/items`; the body lists the entries under `items` (was `tracks`)."""
    payload: dict[str, Any] = {"items": [{"uri": uri} for uri in uris]}
    if snapshot_id:
        payload["snapshot_id"] = snapshot_id
    return _tekore_snapshot(_tekore_send(client, "DELETE", f"playlists/{playlist_id}/items", payload=payload))


def tekore_playlist_create(client: Any, user_id: str, name: str, public: bool = True, description: str = "") -> Any:
    """`POST /me/playlists`: the playlist is created for the signed-in user (``user_id`` is not
    sent: apps may only create playlists for them); the same `FullPlaylist`."""
    payload = {"name": name, "public": public, "description": description}
    playlist = _tekore_send(client, "POST", "me/playlists", payload=payload)
    return _tekore_model("FullPlaylist", _tekore_playlist_aliases(playlist))


def tekore_playlists(client: Any, user_id: str, limit: int = 20, offset: int = 0) -> Any:
    """The signed-in user's playlists (`GET /me/playlists`, tekore's `followed_playlists`) when
    ``user_id`` is theirs; other users' playlists are no longer available: an empty page."""
    me = client.current_user()
    if me.id == user_id:
        return client.followed_playlists(limit=limit, offset=offset)
    return _tekore_model("SimplePlaylistPaging", {"href": "", "items": [], "limit": limit, "next": None,
                                                  "offset": offset, "previous": None, "total": 0})


def _tekore_library(client: Any, method: str, kind: str, ids: Any) -> Any:
    """`PUT`/`DELETE /me/library`, or `GET /me/library/contains`, which take Spotify URIs."""
    uris = ",".join(f"spotify:{kind}:{value}" for value in ids)
    return _tekore_send(client, method, "me/library/contains" if method == "GET" else "me/library", uris=uris)


def tekore_saved_tracks_add(client: Any, track_ids: Any) -> None:
    """`PUT /me/library` with track URIs (replaces `PUT /me/tracks`)."""
    _tekore_library(client, "PUT", "track", track_ids)


def tekore_saved_tracks_delete(client: Any, track_ids: Any) -> None:
    """`DELETE /me/library` with track URIs (replaces `DELETE /me/tracks`)."""
    _tekore_library(client, "DELETE", "track", track_ids)


def tekore_saved_tracks_contains(client: Any, track_ids: Any) -> list[bool]:
    """`GET /me/library/contains` with track URIs (replaces `GET /me/tracks/contains`)."""
    return _tekore_library(client, "GET", "track", track_ids)


def tekore_saved_albums_add(client: Any, album_ids: Any) -> None:
    """`PUT /me/library` with album URIs (replaces `PUT /me/albums`)."""
    _tekore_library(client, "PUT", "album", album_ids)


def tekore_saved_albums_delete(client: Any, album_ids: Any) -> None:
    """`DELETE /me/library` with album URIs (replaces `DELETE /me/albums`)."""
    _tekore_library(client, "DELETE", "album", album_ids)


def tekore_saved_albums_contains(client: Any, album_ids: Any) -> list[bool]:
    """`GET /me/library/contains` with album URIs (replaces `GET /me/albums/contains`)."""
    return _tekore_library(client, "GET", "album", album_ids)


def tekore_saved_episodes_add(client: Any, episode_ids: Any) -> None:
    """`PUT /me/library` with episode URIs (replaces `PUT /me/episodes`)."""
    _tekore_library(client, "PUT", "episode", episode_ids)


def tekore_saved_episodes_delete(client: Any, episode_ids: Any) -> None:
    """`DELETE /me/library` with episode URIs (replaces `DELETE /me/episodes`)."""
    _tekore_library(client, "DELETE", "episode", episode_ids)


def tekore_saved_episodes_contains(client: Any, episode_ids: Any) -> list[bool]:
    """`GET /me/library/contains` with episode URIs (replaces `GET /me/episodes/contains`)."""
    return _tekore_library(client, "GET", "episode", episode_ids)


def tekore_saved_shows_add(client: Any, show_ids: Any) -> None:
    """`PUT /me/library` with show URIs (replaces `PUT /me/shows`)."""
    _tekore_library(client, "PUT", "show", show_ids)


def tekore_saved_shows_delete(client: Any, show_ids: Any, market: str | None = None) -> None:
    """`DELETE /me/library` with show URIs (replaces `DELETE /me/shows`)."""
    _tekore_library(client, "DELETE", "show", show_ids)


def tekore_saved_shows_contains(client: Any, show_ids: Any) -> list[bool]:
    """`GET /me/library/contains` with show URIs (replaces `GET /me/shows/contains`)."""
    return _tekore_library(client, "GET", "show", show_ids)


def tekore_artists_follow(client: Any, artist_ids: Any) -> None:
    """`PUT /me/library` with artist URIs (replaces `PUT /me/following?type=artist`)."""
    _tekore_library(client, "PUT", "artist", artist_ids)


def tekore_artists_unfollow(client: Any, artist_ids: Any) -> None:
    """`DELETE /me/library` with artist URIs (replaces `DELETE /me/following?type=artist`)."""
    _tekore_library(client, "DELETE", "artist", artist_ids)


def tekore_artists_is_following(client: Any, artist_ids: Any) -> list[bool]:
    """`GET /me/library/contains` with artist URIs (replaces `GET /me/following/contains`)."""
    return _tekore_library(client, "GET", "artist", artist_ids)


def tekore_users_follow(client: Any, user_ids: Any) -> None:
    """`PUT /me/library` with user URIs (replaces `PUT /me/following?type=user`)."""
    _tekore_library(client, "PUT", "user", user_ids)


def tekore_users_unfollow(client: Any, user_ids: Any) -> None:
    """`DELETE /me/library` with user URIs (replaces `DELETE /me/following?type=user`)."""
    _tekore_library(client, "DELETE", "user", user_ids)


def tekore_users_is_following(client: Any, user_ids: Any) -> list[bool]:
    """`GET /me/library/contains` with user URIs (replaces `GET /me/following/contains`)."""
    return _tekore_library(client, "GET", "user", user_ids)


# unsafe: `public` is dropped: the library route has no such option
def tekore_playlist_follow(client: Any, playlist_id: str, public: bool = True) -> None:
    """`PUT /me/library` with the playlist URI (replaces `PUT /playlists/{id}/followers`)."""
    _tekore_library(client, "PUT", "playlist", [playlist_id])


def tekore_playlist_unfollow(client: Any, playlist_id: str) -> None:
    """`DELETE /me/library` with the playlist URI (replaces `DELETE /playlists/{id}/followers`)."""
    _tekore_library(client, "DELETE", "playlist", [playlist_id])


# unsafe: answers for the signed-in user only; other user ids get False
def tekore_playlist_is_following(client: Any, playlist_id: str, user_ids: Any) -> list[bool]:
    """`GET /me/library/contains` with the playlist URI: the new route answers for the
    signed-in user only, so other user ids get False."""
    me = client.current_user()
    [following] = _tekore_library(client, "GET", "playlist", [playlist_id])
    return [bool(following) and user_id == me.id for user_id in user_ids]
