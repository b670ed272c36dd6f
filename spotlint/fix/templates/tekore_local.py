"""Local replacements for tekore calls of restricted endpoints (template for compat modules).

Several-item gets become one single-item get per id, with the same list result. Works with
tekore's synchronous client; calls awaited on the asynchronous client are not rewritten.
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
