"""Catalogue look-ups; the module reads the settings as a module."""

import requests

import settings

FEATURES_URL = settings.SPOTIFY_API + "/audio-features"  # expect: SPT103


def several_tracks(ids):
    return requests.get(settings.SPOTIFY_API + "/tracks", params={"ids": ",".join(ids)})  # expect: SPT213


def features(ids):
    return requests.get(FEATURES_URL, params={"ids": ",".join(ids)})


def categories(session: requests.Session):
    return session.get(f"{settings.SPOTIFY_API}/browse/categories")  # expect: SPT208
