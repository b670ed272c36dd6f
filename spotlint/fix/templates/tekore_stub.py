"""Stub replacements for tekore calls of restricted endpoints (template for compat modules).

Each keeps the tekore method's parameters, with the client first, warns once per process and
returns what the method returns with empty contents: one None (or False) per requested id, as
Spotify answered for unknown ids, or tekore's own model (imported from tekore when called, so
the compat module imports without it) holding nothing. Writes write nothing.
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


def tekore_tracks_audio_features(client: Any, track_ids: Any) -> list[Any]:
    _warn_once("tracks_audio_features", "GET /audio-features")
    return [None for _ in track_ids]


def tekore_recommendation_genre_seeds(client: Any) -> list[str]:
    _warn_once("recommendation_genre_seeds", "GET /recommendations/available-genre-seeds")
    return []


def tekore_artist_related_artists(client: Any, artist_id: str) -> list[Any]:
    _warn_once("artist_related_artists", "GET /artists/{id}/related-artists")
    return []


def tekore_artist_top_tracks(client: Any, artist_id: str, market: str) -> list[Any]:
    _warn_once("artist_top_tracks", "GET /artists/{id}/top-tracks")
    return []


def tekore_markets(client: Any) -> list[str]:
    _warn_once("markets", "GET /markets")
    return []


def tekore_tracks(client: Any, track_ids: Any, market: str | None = None) -> list[Any]:
    _warn_once("tracks", "GET /tracks?ids=")
    return [None for _ in track_ids]


def tekore_albums(client: Any, album_ids: Any, market: str | None = None) -> list[Any]:
    _warn_once("albums", "GET /albums?ids=")
    return [None for _ in album_ids]


def tekore_artists(client: Any, artist_ids: Any) -> list[Any]:
    _warn_once("artists", "GET /artists?ids=")
    return [None for _ in artist_ids]


def tekore_episodes(client: Any, episode_ids: Any, market: str | None = None) -> list[Any]:
    _warn_once("episodes", "GET /episodes?ids=")
    return [None for _ in episode_ids]


def tekore_shows(client: Any, show_ids: Any, market: str | None = None) -> list[Any]:
    _warn_once("shows", "GET /shows?ids=")
    return [None for _ in show_ids]


def tekore_chapters(client: Any, chapter_ids: Any, market: str | None = None) -> list[Any]:
    _warn_once("chapters", "GET /chapters?ids=")
    return [None for _ in chapter_ids]


def tekore_audiobooks(client: Any, audiobook_ids: Any, market: str | None = None) -> list[Any]:
    _warn_once("audiobooks", "GET /audiobooks?ids=")
    return [None for _ in audiobook_ids]


def tekore_saved_tracks_contains(client: Any, track_ids: Any) -> list[bool]:
    _warn_once("saved_tracks_contains", "GET /me/tracks/contains")
    return [False for _ in track_ids]


def tekore_saved_albums_contains(client: Any, album_ids: Any) -> list[bool]:
    _warn_once("saved_albums_contains", "GET /me/albums/contains")
    return [False for _ in album_ids]


def tekore_saved_episodes_contains(client: Any, episode_ids: Any) -> list[bool]:
    _warn_once("saved_episodes_contains", "GET /me/episodes/contains")
    return [False for _ in episode_ids]


def tekore_saved_shows_contains(client: Any, show_ids: Any) -> list[bool]:
    _warn_once("saved_shows_contains", "GET /me/shows/contains")
    return [False for _ in show_ids]


def tekore_artists_is_following(client: Any, artist_ids: Any) -> list[bool]:
    _warn_once("artists_is_following", "GET /me/following/contains")
    return [False for _ in artist_ids]


def tekore_users_is_following(client: Any, user_ids: Any) -> list[bool]:
    _warn_once("users_is_following", "GET /me/following/contains")
    return [False for _ in user_ids]


def _tekore_empty_paging(paging: str, limit: int, offset: int) -> Any:
    """An empty page of tekore's paging model ``paging`` (a name in ``tekore.model``)."""
    from tekore import model

    return getattr(model, paging)(href="", items=[], limit=limit, next=None, offset=offset, previous=None, total=0)


def tekore_track_audio_features(client: Any, track_id: str) -> Any:
    """None, what `tracks_audio_features()` gives for an unknown id (tekore's single call would
    raise): the call site keeps running, and code reading a feature of it sees there is none."""
    _warn_once("track_audio_features", "GET /audio-features/{id}")
    return None


def tekore_track_audio_analysis(client: Any, track_id: str) -> Any:
    """None: there is no analysis to return (see tekore_track_audio_features)."""
    _warn_once("track_audio_analysis", "GET /audio-analysis/{id}")
    return None


def tekore_recommendations(client: Any, artist_ids: Any = None, genres: Any = None, track_ids: Any = None,
                           limit: int = 20, market: str | None = None, **attributes: Any) -> Any:
    """An empty `Recommendations` model: no seeds, no tracks."""
    from tekore import model

    _warn_once("recommendations", "GET /recommendations")
    return model.Recommendations(seeds=[], tracks=[])


def tekore_featured_playlists(client: Any, country: str | None = None, locale: str | None = None,
                              timestamp: str | None = None, limit: int = 20, offset: int = 0) -> tuple[str, Any]:
    """An empty message and an empty `SimplePlaylistPaging`, as `(message, paging)`."""
    _warn_once("featured_playlists", "GET /browse/featured-playlists")
    return "", _tekore_empty_paging("SimplePlaylistPaging", limit, offset)


def tekore_category_playlists(client: Any, category_id: str, country: str | None = None, limit: int = 20,
                              offset: int = 0) -> Any:
    """An empty `SimplePlaylistPaging`."""
    _warn_once("category_playlists", "GET /browse/categories/{id}/playlists")
    return _tekore_empty_paging("SimplePlaylistPaging", limit, offset)


def tekore_new_releases(client: Any, country: str | None = None, limit: int = 20, offset: int = 0) -> Any:
    """An empty `SimpleAlbumPaging`."""
    _warn_once("new_releases", "GET /browse/new-releases")
    return _tekore_empty_paging("SimpleAlbumPaging", limit, offset)


def tekore_categories(client: Any, country: str | None = None, locale: str | None = None, limit: int = 20,
                      offset: int = 0) -> Any:
    """An empty `CategoryPaging`."""
    _warn_once("categories", "GET /browse/categories")
    return _tekore_empty_paging("CategoryPaging", limit, offset)


def tekore_category(client: Any, category_id: str, country: str | None = None, locale: str | None = None) -> Any:
    """A `Category` with the id asked for, no name and no icons."""
    from tekore import model

    _warn_once("category", "GET /browse/categories/{id}")
    return model.Category(id=category_id, href="", icons=[], name="")


def tekore_user(client: Any, user_id: str) -> Any:
    """A `PublicUser` with the id asked for and nothing else."""
    from tekore import model

    _warn_once("user", "GET /users/{id}")
    return model.PublicUser(id=user_id, href="", type="user", uri=f"spotify:user:{user_id}", external_urls={},
                            display_name=None, images=[])


def tekore_playlists(client: Any, user_id: str, limit: int = 20, offset: int = 0) -> Any:
    """An empty `SimplePlaylistPaging`."""
    _warn_once("playlists", "GET /users/{id}/playlists")
    return _tekore_empty_paging("SimplePlaylistPaging", limit, offset)


def tekore_playlist_items(client: Any, playlist_id: str, fields: str | None = None, market: str | None = None,
                          as_tracks: Any = False, limit: int = 100, offset: int = 0) -> Any:
    """An empty `PlaylistTrackPaging` (an empty page dict when ``fields`` or ``as_tracks`` is given)."""
    _warn_once("playlist_items", "GET /playlists/{id}/tracks")
    page = _tekore_empty_paging("PlaylistTrackPaging", limit, offset)
    return page.model_dump() if fields or as_tracks else page


def tekore_playlist_is_following(client: Any, playlist_id: str, user_ids: Any) -> list[bool]:
    _warn_once("playlist_is_following", "GET /playlists/{id}/followers/contains")
    return [False for _ in user_ids]


# unsafe: creates no playlist; code that adds items to the returned id fails later
def tekore_playlist_create(client: Any, user_id: str, name: str, public: bool = True, description: str = "") -> Any:
    """A `FullPlaylist` with the name asked for and an empty id: nothing is created."""
    from tekore import model

    _warn_once("playlist_create", "POST /users/{id}/playlists")
    owner = {"id": user_id, "href": "", "type": "user", "uri": f"spotify:user:{user_id}", "external_urls": {}}
    items = _tekore_empty_paging("PlaylistTrackPaging", 100, 0)
    return model.FullPlaylist(id="", href="", type="playlist", uri="", collaborative=False, description=description,
                              external_urls={}, images=[], name=name, owner=owner, public=public, snapshot_id="",
                              primary_color=None, followers={"href": None, "total": 0}, tracks=items, items=items)


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def tekore_playlist_add(client: Any, playlist_id: str, uris: Any, position: int | None = None) -> str:
    _warn_once("playlist_add", "POST /playlists/{id}/tracks")
    return ""


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def tekore_playlist_clear(client: Any, playlist_id: str) -> None:
    _warn_once("playlist_clear", "PUT /playlists/{id}/tracks")


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def tekore_playlist_replace(client: Any, playlist_id: str, uris: Any) -> None:
    _warn_once("playlist_replace", "PUT /playlists/{id}/tracks")


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def tekore_playlist_reorder(client: Any, playlist_id: str, range_start: int, insert_before: int,
                            range_length: int = 1, snapshot_id: str | None = None) -> str:
    _warn_once("playlist_reorder", "PUT /playlists/{id}/tracks")
    return ""


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def tekore_playlist_remove(client: Any, playlist_id: str, uris: Any, snapshot_id: str | None = None) -> str:
    _warn_once("playlist_remove", "DELETE /playlists/{id}/tracks")
    return ""


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def tekore_saved_tracks_add(client: Any, track_ids: Any) -> None:
    _warn_once("saved_tracks_add", "PUT /me/tracks")


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def tekore_saved_tracks_delete(client: Any, track_ids: Any) -> None:
    _warn_once("saved_tracks_delete", "DELETE /me/tracks")


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def tekore_saved_albums_add(client: Any, album_ids: Any) -> None:
    _warn_once("saved_albums_add", "PUT /me/albums")


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def tekore_saved_albums_delete(client: Any, album_ids: Any) -> None:
    _warn_once("saved_albums_delete", "DELETE /me/albums")


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def tekore_saved_episodes_add(client: Any, episode_ids: Any) -> None:
    _warn_once("saved_episodes_add", "PUT /me/episodes")


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def tekore_saved_episodes_delete(client: Any, episode_ids: Any) -> None:
    _warn_once("saved_episodes_delete", "DELETE /me/episodes")


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def tekore_saved_shows_add(client: Any, show_ids: Any) -> None:
    _warn_once("saved_shows_add", "PUT /me/shows")


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def tekore_saved_shows_delete(client: Any, show_ids: Any, market: str | None = None) -> None:
    _warn_once("saved_shows_delete", "DELETE /me/shows")


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def tekore_artists_follow(client: Any, artist_ids: Any) -> None:
    _warn_once("artists_follow", "PUT /me/following")


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def tekore_artists_unfollow(client: Any, artist_ids: Any) -> None:
    _warn_once("artists_unfollow", "DELETE /me/following")


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def tekore_users_follow(client: Any, user_ids: Any) -> None:
    _warn_once("users_follow", "PUT /me/following")


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def tekore_users_unfollow(client: Any, user_ids: Any) -> None:
    _warn_once("users_unfollow", "DELETE /me/following")


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def tekore_playlist_follow(client: Any, playlist_id: str, public: bool = True) -> None:
    _warn_once("playlist_follow", "PUT /playlists/{id}/followers")


# unsafe: the stub writes nothing; the change the call asked for is silently dropped
def tekore_playlist_unfollow(client: Any, playlist_id: str) -> None:
    _warn_once("playlist_unfollow", "DELETE /playlists/{id}/followers")
