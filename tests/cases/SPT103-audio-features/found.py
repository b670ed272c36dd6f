from typing import Optional

import spotipy
import tekore


class Analyzer:
    def __init__(self, token):
        self.spotify = tekore.Spotify(token)

    def features(self, ids):
        return self.spotify.tracks_audio_features(ids)  # expect: SPT103

    def one(self, track_id):
        return self.spotify.track_audio_features(track_id)  # expect: SPT103


def with_annotation(client: "spotipy.Spotify", ids):
    return client.audio_features(ids)  # expect: SPT103


def with_optional(client: Optional[spotipy.Spotify] = None):
    return client.audio_features(["a", "b"])  # expect: SPT103


def chained(auth):
    return spotipy.Spotify(auth_manager=auth).audio_features(["x"])  # expect: SPT103


def via_getattr(sp: spotipy.Spotify, name="x"):
    fetch = getattr(sp, "audio_features")  # expect: SPT103
    return fetch([name])


def multi_line(sp: spotipy.Spotify, ids):
    return sp.audio_features(  # expect: SPT103
        tracks=ids,
    )
