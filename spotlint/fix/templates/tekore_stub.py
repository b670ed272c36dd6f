"""Stub replacements for tekore calls of restricted endpoints (template for compat modules).

tekore returns models; these stubs cover the calls whose result is a list, returning one
None per requested id (as Spotify answered for unknown ids). They warn once per process.
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
