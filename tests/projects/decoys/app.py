"""Uses the in-house client only."""

from mylib.spotify import Spotify

service = Spotify()


def features(ids):
    return Spotify().audio_features(ids).json()


def recommend(seed):
    return service.recommendations(seed).json()


def lookup(ids):
    return service.tracks(ids).json()
