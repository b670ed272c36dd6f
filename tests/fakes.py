"""An in-memory spotipy-like client: records every call and answers with Spotify-shaped data."""

from __future__ import annotations

from typing import Any


class FakeSpotify:
    def __init__(self, me: str = "me") -> None:
        self.calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []
        self.me_id = me
        # artist -> releases, release -> tracks (each track: id and artists)
        self.releases: dict[str, list[str]] = {}
        self.release_tracks: dict[str, list[dict[str, Any]]] = {}

    def _record(self, name: str, *args: Any, **kwargs: Any) -> None:
        self.calls.append((name, args, kwargs))

    # spotipy's helpers
    def _get_id(self, kind: str, value: str) -> str:
        return value.rsplit(":", 1)[-1].rsplit("/", 1)[-1]

    def _get_uri(self, kind: str, value: str) -> str:
        return value if value.startswith("spotify:") else f"spotify:{kind}:{self._get_id(kind, value)}"

    def _get(self, url: str, **kwargs: Any) -> Any:
        self._record("_get", url, **kwargs)
        if url == "me/library/contains":
            return [True for _ in kwargs["uris"].split(",")]
        if url.endswith("/items"):
            return {"items": [{"added_at": "", "item": {"id": "t1", "name": "One"}}], "next": None}
        return {}

    def _post(self, url: str, payload: Any = None, **kwargs: Any) -> Any:
        self._record("_post", url, payload=payload, **kwargs)
        return {"id": "new", **(payload if isinstance(payload, dict) else {})}

    def _put(self, url: str, payload: Any = None, **kwargs: Any) -> Any:
        self._record("_put", url, payload=payload, **kwargs)
        return {"snapshot_id": "s"}

    def _delete(self, url: str, payload: Any = None, **kwargs: Any) -> Any:
        self._record("_delete", url, payload=payload, **kwargs)
        return {"snapshot_id": "s"}

    # public methods still available
    def track(self, track_id: str, market: str | None = None) -> dict[str, Any]:
        self._record("track", track_id, market=market)
        return {"id": track_id, "type": "track", "artists": [{"id": f"artist-of-{track_id}"}]}

    def album(self, album_id: str, market: str | None = None) -> dict[str, Any]:
        self._record("album", album_id, market=market)
        return {"id": album_id, "type": "album"}

    def artist(self, artist_id: str) -> dict[str, Any]:
        self._record("artist", artist_id)
        return {"id": artist_id, "type": "artist"}

    def episode(self, episode_id: str, market: str | None = None) -> dict[str, Any]:
        self._record("episode", episode_id, market=market)
        return {"id": episode_id, "type": "episode"}

    def show(self, show_id: str, market: str | None = None) -> dict[str, Any]:
        self._record("show", show_id, market=market)
        return {"id": show_id, "type": "show"}

    def get_audiobook(self, audiobook_id: str, market: str | None = None) -> dict[str, Any]:
        self._record("get_audiobook", audiobook_id, market=market)
        return {"id": audiobook_id, "type": "audiobook"}

    def artist_albums(self, artist_id: str, include_groups: str | None = None, limit: int = 20) -> dict[str, Any]:
        self._record("artist_albums", artist_id, include_groups=include_groups, limit=limit)
        return {"items": [{"id": r} for r in self.releases.get(artist_id, [])]}

    def album_tracks(self, album_id: str, limit: int = 50) -> dict[str, Any]:
        self._record("album_tracks", album_id, limit=limit)
        return {"items": self.release_tracks.get(album_id, [])}

    def search(self, q: str, type: str = "track", limit: int = 10, market: str | None = None) -> dict[str, Any]:
        self._record("search", q, type=type, limit=limit, market=market)
        return {"tracks": {"items": [{"id": f"found-{q}"}]}}

    def current_user(self) -> dict[str, Any]:
        self._record("current_user")
        return {"id": self.me_id}

    def current_user_playlists(self, limit: int = 50, offset: int = 0) -> dict[str, Any]:
        self._record("current_user_playlists", limit=limit, offset=offset)
        return {"items": [{"id": "mine"}], "limit": limit, "offset": offset}
