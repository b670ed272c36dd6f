"""Senders for a real ``tekore.Spotify`` that record every request (method, path, params, body)
and answer as the Web API does since February 2026: the new routes with JSON of Spotify's
shape, the removed ones with 403 "Forbidden"."""

from __future__ import annotations

import re
from typing import Any

import tekore as tk

PREFIX = "https://api.spotify.com/v1/"
# Routes Spotify removed or renamed (method, path pattern): they answer 403.
RESTRICTED = [
    (None, r"playlists/[^/]+/tracks"), (None, r"users/[^/]+/playlists"), (None, r"playlists/[^/]+/followers(/contains)?"),
    (None, r"me/(tracks|albums|episodes|shows)(/contains)?"), ("PUT", r"me/following"), ("DELETE", r"me/following"),
    (None, r"me/following/contains"),
]


def _track(track_id: str) -> dict[str, Any]:
    artist = {"id": "ar", "href": "", "type": "artist", "uri": "spotify:artist:ar", "external_urls": {}, "name": "A"}
    album = {"id": "al", "href": "", "type": "album", "uri": "spotify:album:al", "album_type": "album",
             "artists": [artist], "external_urls": {}, "images": [], "name": "Al", "total_tracks": 1,
             "release_date": "2020", "release_date_precision": "year"}
    return {"id": track_id, "href": "", "type": "track", "uri": f"spotify:track:{track_id}", "artists": [artist],
            "disc_number": 1, "duration_ms": 1000, "explicit": False, "external_urls": {}, "is_local": False,
            "name": f"song {track_id}", "track_number": 1, "album": album, "external_ids": {}, "popularity": 0,
            "episode": False, "track": True}


def _user(user_id: str) -> dict[str, Any]:
    return {"id": user_id, "href": "", "type": "user", "uri": f"spotify:user:{user_id}", "external_urls": {},
            "display_name": user_id}


def _page(items: list[Any], limit: int = 20, offset: int = 0) -> dict[str, Any]:
    return {"href": "", "items": items, "limit": limit, "next": None, "offset": offset, "previous": None,
            "total": len(items)}


def _playlist_items(params: dict[str, Any]) -> dict[str, Any]:
    """Entries carry their object as `item` only, as the new route answers."""
    entries = [{"added_at": "2026-01-01T00:00:00Z", "added_by": _user("me"), "is_local": False, "item": _track(t),
                "primary_color": None, "video_thumbnail": None} for t in ("t1", "t2")]
    return _page(entries, int(params.get("limit", 20)), int(params.get("offset", 0)))


def _created(body: dict[str, Any]) -> dict[str, Any]:
    return {"id": "new", "href": "", "type": "playlist", "uri": "spotify:playlist:new", "collaborative": False,
            "description": body.get("description"), "external_urls": {}, "images": [], "name": body["name"],
            "owner": _user("me"), "public": body.get("public"), "snapshot_id": "s0", "primary_color": None,
            "followers": {"href": None, "total": 0}, "items": _page([], 100)}


def _my_playlists(params: dict[str, Any]) -> dict[str, Any]:
    mine = {"id": "mine", "href": "", "type": "playlist", "uri": "spotify:playlist:mine", "collaborative": False,
            "description": "", "external_urls": {}, "images": [], "name": "Mine", "owner": _user("me"),
            "public": True, "snapshot_id": "s", "primary_color": None, "tracks": {"href": "", "total": 0},
            "items": {"href": "", "total": 0}}
    return _page([mine], int(params.get("limit", 20)), int(params.get("offset", 0)))


class RecordingSender(tk.Sender):
    """Records ``(method, path, params, body)`` per request; ``saved`` holds the library's URIs."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str, dict[str, Any], Any]] = []
        self.saved: set[str] = {"spotify:track:a", "spotify:playlist:pl"}

    @property
    def is_async(self) -> bool:
        return False

    def close(self) -> None:
        return None

    def send(self, request: tk.Request) -> tk.Response:
        path = request.url.removeprefix(PREFIX).rstrip("/")
        params = dict(request.params or {})
        self.requests.append((request.method, path, params, request.json))
        status, content = self.answer(request.method, path, params, request.json)
        return tk.Response(url=request.url, headers={}, status_code=status, content=content)

    def answer(self, method: str, path: str, params: dict[str, Any], body: Any) -> tuple[int, Any]:
        if any((m is None or m == method) and re.fullmatch(p, path) for m, p in RESTRICTED):
            return 403, {"error": {"status": 403, "message": "Forbidden"}}
        uris = params.get("uris", "").split(",")
        routes = {
            ("GET", "me"): lambda: {**_user("me"), "account_id": "me"},
            ("GET", "me/playlists"): lambda: _my_playlists(params),
            ("POST", "me/playlists"): lambda: _created(body),
            ("GET", "me/library/contains"): lambda: [uri in self.saved for uri in uris],
            ("PUT", "me/library"): lambda: None,
            ("DELETE", "me/library"): lambda: None,
        }
        if (method, path) in routes:
            return 200, routes[(method, path)]()
        if re.fullmatch(r"playlists/[^/]+/items", path):
            return 200, _playlist_items(params) if method == "GET" else {"snapshot_id": "s1"}
        if re.fullmatch(r"tracks/[^/]+", path):
            return 200, _track(path.rsplit("/", 1)[1])
        return 404, {"error": {"status": 404, "message": "Not found"}}

    def restricted(self) -> list[tuple[str, str]]:
        """The requests that went to a removed route."""
        return [(m, p) for m, p, _, _ in self.requests
                if any((rm is None or rm == m) and re.fullmatch(rp, p) for rm, rp in RESTRICTED)]


class AsyncRecordingSender(RecordingSender):
    """The same answers, awaited (``tk.Spotify(token, sender=AsyncRecordingSender())``)."""

    @property
    def is_async(self) -> bool:
        return True

    async def send(self, request: tk.Request) -> tk.Response:  # type: ignore[override]
        return RecordingSender.send(self, request)

    async def close(self) -> None:  # type: ignore[override]
        return None
