"""Stub replacements for spotipy calls of restricted endpoints (template for compat modules).

Each function keeps the spotipy method's parameters, with the client first, warns once per
process, and returns the documented response shape with empty content, so calling code keeps
running. spotlint copies the functions a project needs into its compat module.
"""

from __future__ import annotations

import warnings
from typing import Any

_WARNED: set[str] = set()


def _warn_once(name: str, what: str) -> None:
    if name not in _WARNED:
        _WARNED.add(name)
        warnings.warn(
            f"{name}: {what} is restricted by Spotify; this stub returns empty data", RuntimeWarning, stacklevel=3
        )


def _paging(limit: int = 20, offset: int = 0) -> dict[str, Any]:
    return {"href": "", "items": [], "limit": limit, "next": None, "offset": offset, "previous": None, "total": 0}


def _ids(values: Any) -> list[Any]:
    if values is None:
        return []
    if isinstance(values, str):
        return [values]
    return list(values)


def recommendations(client: Any, seed_artists: Any = None, seed_genres: Any = None, seed_tracks: Any = None,
                    limit: int = 20, country: str | None = None, **kwargs: Any) -> dict[str, Any]:
    _warn_once("recommendations", "GET /recommendations")
    return {"seeds": [], "tracks": []}


def recommendation_genre_seeds(client: Any) -> dict[str, Any]:
    _warn_once("recommendation_genre_seeds", "GET /recommendations/available-genre-seeds")
    return {"genres": []}


def audio_features(client: Any, tracks: Any = ()) -> list[Any]:
    _warn_once("audio_features", "GET /audio-features")
    return [None for _ in _ids(tracks)]


def audio_analysis(client: Any, track_id: str) -> dict[str, Any]:
    _warn_once("audio_analysis", "GET /audio-analysis/{id}")
    return {"meta": {}, "track": {}, "bars": [], "beats": [], "sections": [], "segments": [], "tatums": []}


def artist_related_artists(client: Any, artist_id: str) -> dict[str, Any]:
    _warn_once("artist_related_artists", "GET /artists/{id}/related-artists")
    return {"artists": []}


def featured_playlists(client: Any, locale: str | None = None, country: str | None = None,
                       timestamp: str | None = None, limit: int = 20, offset: int = 0) -> dict[str, Any]:
    _warn_once("featured_playlists", "GET /browse/featured-playlists")
    return {"message": "", "playlists": _paging(limit, offset)}


def category_playlists(client: Any, category_id: str | None = None, country: str | None = None,
                       limit: int = 20, offset: int = 0) -> dict[str, Any]:
    _warn_once("category_playlists", "GET /browse/categories/{id}/playlists")
    return {"playlists": _paging(limit, offset)}


def artist_top_tracks(client: Any, artist_id: str, country: str = "US") -> dict[str, Any]:
    _warn_once("artist_top_tracks", "GET /artists/{id}/top-tracks")
    return {"tracks": []}


def available_markets(client: Any) -> dict[str, Any]:
    _warn_once("available_markets", "GET /markets")
    return {"markets": []}


def new_releases(client: Any, country: str | None = None, limit: int = 20, offset: int = 0) -> dict[str, Any]:
    _warn_once("new_releases", "GET /browse/new-releases")
    return {"albums": _paging(limit, offset)}


def albums(client: Any, albums: Any, market: str | None = None) -> dict[str, Any]:
    _warn_once("albums", "GET /albums?ids=")
    return {"albums": [None for _ in _ids(albums)]}


def artists(client: Any, artists: Any) -> dict[str, Any]:
    _warn_once("artists", "GET /artists?ids=")
    return {"artists": [None for _ in _ids(artists)]}


def get_audiobooks(client: Any, ids: Any, market: str | None = None) -> dict[str, Any]:
    _warn_once("get_audiobooks", "GET /audiobooks?ids=")
    return {"audiobooks": [None for _ in _ids(ids)]}


def episodes(client: Any, episodes: Any, market: str | None = None) -> dict[str, Any]:
    _warn_once("episodes", "GET /episodes?ids=")
    return {"episodes": [None for _ in _ids(episodes)]}


def shows(client: Any, shows: Any, market: str | None = None) -> dict[str, Any]:
    _warn_once("shows", "GET /shows?ids=")
    return {"shows": [None for _ in _ids(shows)]}


def tracks(client: Any, tracks: Any, market: str | None = None) -> dict[str, Any]:
    _warn_once("tracks", "GET /tracks?ids=")
    return {"tracks": [None for _ in _ids(tracks)]}


def categories(client: Any, country: str | None = None, locale: str | None = None,
               limit: int = 20, offset: int = 0) -> dict[str, Any]:
    _warn_once("categories", "GET /browse/categories")
    return {"categories": _paging(limit, offset)}


def category(client: Any, category_id: str, country: str | None = None, locale: str | None = None) -> dict[str, Any]:
    _warn_once("category", "GET /browse/categories/{id}")
    return {"href": "", "icons": [], "id": category_id, "name": ""}


def user(client: Any, user: str) -> dict[str, Any]:
    _warn_once("user", "GET /users/{id}")
    return {"display_name": None, "external_urls": {}, "href": "", "id": user, "images": [],
            "type": "user", "uri": f"spotify:user:{user}"}


def user_playlists(client: Any, user: str, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    _warn_once("user_playlists", "GET /users/{id}/playlists")
    return _paging(limit, offset)


# unsafe: creates no playlist; code that adds items to the returned id fails later
def user_playlist_create(client: Any, user: str, name: str, public: bool = True, collaborative: bool = False,
                         description: str = "") -> dict[str, Any]:
    _warn_once("user_playlist_create", "POST /users/{id}/playlists")
    return {"id": "", "name": name, "public": public, "collaborative": collaborative,
            "description": description, "external_urls": {}, "uri": ""}


def playlist_items(client: Any, playlist_id: str, fields: str | None = None, limit: int = 100, offset: int = 0,
                   market: str | None = None, additional_types: Any = ("track", "episode")) -> dict[str, Any]:
    _warn_once("playlist_items", "GET /playlists/{id}/tracks")
    return _paging(limit, offset)


def playlist_tracks(client: Any, playlist_id: str, fields: str | None = None, limit: int = 100, offset: int = 0,
                    market: str | None = None, additional_types: Any = ("track",)) -> dict[str, Any]:
    _warn_once("playlist_tracks", "GET /playlists/{id}/tracks")
    return _paging(limit, offset)


def user_playlist_tracks(client: Any, user: str | None = None, playlist_id: str | None = None,
                         fields: str | None = None, limit: int = 100, offset: int = 0,
                         market: str | None = None) -> dict[str, Any]:
    _warn_once("user_playlist_tracks", "GET /playlists/{id}/tracks")
    return _paging(limit, offset)


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def playlist_add_items(client: Any, playlist_id: str, items: Any, position: int | None = None) -> dict[str, Any]:
    _warn_once("playlist_add_items", "POST /playlists/{id}/tracks")
    return {"snapshot_id": ""}


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def playlist_replace_items(client: Any, playlist_id: str, items: Any) -> dict[str, Any]:
    _warn_once("playlist_replace_items", "PUT /playlists/{id}/tracks")
    return {"snapshot_id": ""}


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def playlist_reorder_items(client: Any, playlist_id: str, range_start: int, insert_before: int,
                           range_length: int = 1, snapshot_id: str | None = None) -> dict[str, Any]:
    _warn_once("playlist_reorder_items", "PUT /playlists/{id}/tracks")
    return {"snapshot_id": ""}


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def playlist_remove_all_occurrences_of_items(client: Any, playlist_id: str, items: Any,
                                             snapshot_id: str | None = None) -> dict[str, Any]:
    _warn_once("playlist_remove_all_occurrences_of_items", "DELETE /playlists/{id}/tracks")
    return {"snapshot_id": ""}


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def playlist_remove_specific_occurrences_of_items(client: Any, playlist_id: str, items: Any,
                                                  snapshot_id: str | None = None) -> dict[str, Any]:
    _warn_once("playlist_remove_specific_occurrences_of_items", "DELETE /playlists/{id}/tracks")
    return {"snapshot_id": ""}


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def user_playlist_add_tracks(client: Any, user: str, playlist_id: str, tracks: Any,
                             position: int | None = None) -> dict[str, Any]:
    _warn_once("user_playlist_add_tracks", "POST /playlists/{id}/tracks")
    return {"snapshot_id": ""}


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def user_playlist_add_episodes(client: Any, user: str, playlist_id: str, episodes: Any,
                               position: int | None = None) -> dict[str, Any]:
    _warn_once("user_playlist_add_episodes", "POST /playlists/{id}/tracks")
    return {"snapshot_id": ""}


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def user_playlist_replace_tracks(client: Any, user: str, playlist_id: str, tracks: Any) -> dict[str, Any]:
    _warn_once("user_playlist_replace_tracks", "PUT /playlists/{id}/tracks")
    return {"snapshot_id": ""}


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def user_playlist_reorder_tracks(client: Any, user: str, playlist_id: str, range_start: int, insert_before: int,
                                 range_length: int = 1, snapshot_id: str | None = None) -> dict[str, Any]:
    _warn_once("user_playlist_reorder_tracks", "PUT /playlists/{id}/tracks")
    return {"snapshot_id": ""}


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def user_playlist_remove_all_occurrences_of_tracks(client: Any, user: str, playlist_id: str, tracks: Any,
                                                   snapshot_id: str | None = None) -> dict[str, Any]:
    _warn_once("user_playlist_remove_all_occurrences_of_tracks", "DELETE /playlists/{id}/tracks")
    return {"snapshot_id": ""}


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def user_playlist_remove_specific_occurrences_of_tracks(client: Any, user: str, playlist_id: str, tracks: Any,
                                                        snapshot_id: str | None = None) -> dict[str, Any]:
    _warn_once("user_playlist_remove_specific_occurrences_of_tracks", "DELETE /users/{id}/playlists/{id}/tracks")
    return {"snapshot_id": ""}


def _library_write(name: str, route: str) -> None:
    _warn_once(name, route)


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def current_user_saved_tracks_add(client: Any, tracks: Any = None) -> None:
    _library_write("current_user_saved_tracks_add", "PUT /me/tracks")


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def current_user_saved_tracks_delete(client: Any, tracks: Any = None) -> None:
    _library_write("current_user_saved_tracks_delete", "DELETE /me/tracks")


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def current_user_saved_albums_add(client: Any, albums: Any = ()) -> None:
    _library_write("current_user_saved_albums_add", "PUT /me/albums")


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def current_user_saved_albums_delete(client: Any, albums: Any = ()) -> None:
    _library_write("current_user_saved_albums_delete", "DELETE /me/albums")


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def current_user_saved_episodes_add(client: Any, episodes: Any = None) -> None:
    _library_write("current_user_saved_episodes_add", "PUT /me/episodes")


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def current_user_saved_episodes_delete(client: Any, episodes: Any = None) -> None:
    _library_write("current_user_saved_episodes_delete", "DELETE /me/episodes")


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def current_user_saved_shows_add(client: Any, shows: Any = ()) -> None:
    _library_write("current_user_saved_shows_add", "PUT /me/shows")


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def current_user_saved_shows_delete(client: Any, shows: Any = ()) -> None:
    _library_write("current_user_saved_shows_delete", "DELETE /me/shows")


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def user_follow_artists(client: Any, ids: Any = ()) -> None:
    _library_write("user_follow_artists", "PUT /me/following")


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def user_follow_users(client: Any, ids: Any = ()) -> None:
    _library_write("user_follow_users", "PUT /me/following")


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def user_unfollow_artists(client: Any, ids: Any = ()) -> None:
    _library_write("user_unfollow_artists", "DELETE /me/following")


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def user_unfollow_users(client: Any, ids: Any = ()) -> None:
    _library_write("user_unfollow_users", "DELETE /me/following")


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def current_user_follow_playlist(client: Any, playlist_id: str, public: bool = True) -> None:
    _library_write("current_user_follow_playlist", "PUT /playlists/{id}/followers")


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def current_user_unfollow_playlist(client: Any, playlist_id: str) -> None:
    _library_write("current_user_unfollow_playlist", "DELETE /playlists/{id}/followers")


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def user_playlist_follow_playlist(client: Any, playlist_owner_id: str, playlist_id: str) -> None:
    _library_write("user_playlist_follow_playlist", "PUT /playlists/{id}/followers")


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def user_playlist_unfollow(client: Any, user: str, playlist_id: str) -> None:
    _library_write("user_playlist_unfollow", "DELETE /playlists/{id}/followers")


def _contains(name: str, route: str, values: Any) -> list[bool]:
    _warn_once(name, route)
    return [False for _ in _ids(values)]


def current_user_saved_tracks_contains(client: Any, tracks: Any = None) -> list[bool]:
    return _contains("current_user_saved_tracks_contains", "GET /me/tracks/contains", tracks)


def current_user_saved_albums_contains(client: Any, albums: Any = ()) -> list[bool]:
    return _contains("current_user_saved_albums_contains", "GET /me/albums/contains", albums)


def current_user_saved_episodes_contains(client: Any, episodes: Any = None) -> list[bool]:
    return _contains("current_user_saved_episodes_contains", "GET /me/episodes/contains", episodes)


def current_user_saved_shows_contains(client: Any, shows: Any = ()) -> list[bool]:
    return _contains("current_user_saved_shows_contains", "GET /me/shows/contains", shows)


def current_user_following_artists(client: Any, ids: Any = None) -> list[bool]:
    return _contains("current_user_following_artists", "GET /me/following/contains", ids)


def current_user_following_users(client: Any, ids: Any = None) -> list[bool]:
    return _contains("current_user_following_users", "GET /me/following/contains", ids)


def playlist_is_following(client: Any, playlist_id: str, user_ids: Any) -> list[bool]:
    return _contains("playlist_is_following", "GET /playlists/{id}/followers/contains", user_ids)


def user_playlist_is_following(client: Any, playlist_owner_id: str, playlist_id: str, user_ids: Any) -> list[bool]:
    return _contains("user_playlist_is_following", "GET /playlists/{id}/followers/contains", user_ids)
