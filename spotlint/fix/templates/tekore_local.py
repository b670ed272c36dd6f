"""Local replacements for tekore calls of restricted endpoints (template for compat modules).

Several-item gets become one single-item get per id, with the same list result. Written for
tekore's synchronous client; spotlint derives the asynchronous client's ``…_async`` twins.
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
