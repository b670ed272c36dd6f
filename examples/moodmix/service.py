"""The library service: everything that talks to Spotify goes through here."""

from __future__ import annotations

from typing import Optional

import spotipy

from moodmix.analysis import mood_of


class LibraryService:
    def __init__(self, client: Optional["spotipy.Spotify"] = None) -> None:
        self.sp = client

    def saved_track_ids(self, limit: int = 50) -> list[str]:
        page = self.sp.current_user_saved_tracks(limit=limit)
        return [item["track"]["id"] for item in page["items"]]

    def features(self, track_ids: list[str]) -> list[dict]:
        return [f for f in self.sp.audio_features(track_ids) if f]

    def mood(self, track_ids: list[str]) -> str:
        features = self.features(track_ids)
        return mood_of({"valence": sum(f["valence"] for f in features) / len(features)})

    def similar_artists(self, artist_id: str) -> list[str]:
        related = self.sp.artist_related_artists(artist_id)
        return [a["name"] for a in related["artists"]]

    def suggestions(self, seed_ids: list[str]) -> list[dict]:
        recs = self.sp.recommendations(seed_tracks=seed_ids[:5], limit=20)
        return recs["tracks"]

    def popular_first(self, track_ids: list[str]) -> list[dict]:
        tracks = self.sp.tracks(track_ids)["tracks"]
        return sorted(tracks, key=lambda t: t["popularity"], reverse=True)

    def top_hits(self) -> list[dict]:
        return self.sp.playlist_items("37i9dQZF1DXcBWIGoYBM5M")["items"]

    def save_mix(self, name: str, uris: list[str]) -> str:
        me = self.sp.me()["id"]
        playlist = self.sp.user_playlist_create(me, name, public=False)
        self.sp.playlist_add_items(playlist["id"], uris)
        return playlist["id"]
