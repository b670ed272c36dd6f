"""Annotates parameters with the in-house client, in a module that also uses spotipy."""

import spotipy

from mylib.spotify import Spotify


def features(service: Spotify, ids):
    return service.audio_features(ids).json()


def maybe(service: "Spotify | None", ids):
    return service.audio_features(ids).json() if service else []


def me(token):
    return spotipy.Spotify(auth=token).current_user()
