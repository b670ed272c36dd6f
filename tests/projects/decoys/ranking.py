"""Our own recommender, and a Spotify client used only for allowed calls."""

import spotipy

sp = spotipy.Spotify()


def recommendations(history, limit=10):
    scores = {}
    for position, track_id in enumerate(history):
        scores[track_id] = scores.get(track_id, 0) + 1 / (position + 1)
    return sorted(scores, key=scores.get, reverse=True)[:limit]


class Playlist:
    def __init__(self, ids):
        self.ids = ids

    def tracks(self):
        return [sp.track(i) for i in self.ids]


top = recommendations(["a", "b", "a"])
mix = Playlist(top).tracks()
