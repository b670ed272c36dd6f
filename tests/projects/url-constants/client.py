"""A tiny Web API client on plain requests (no spotipy)."""

import os
import posixpath
from urllib.parse import urljoin

import requests

from settings import SPOTIFY_API, TIMEOUT, TOKEN

HEADERS = {"Authorization": f"Bearer {TOKEN}"}


def audio_features(ids):
    url = os.path.join(SPOTIFY_API, "audio-features")
    return requests.get(url, headers=HEADERS, params={"ids": ",".join(ids)}, timeout=TIMEOUT)  # expect: SPT103


def audio_analysis(track_id):
    url = posixpath.join(SPOTIFY_API, "audio-analysis", track_id)
    return requests.get(url, headers=HEADERS, timeout=TIMEOUT)  # expect: SPT104


def recommendations(**seeds):
    url = urljoin(SPOTIFY_API + "/", "recommendations")
    return requests.get(url, headers=HEADERS, params=seeds, timeout=TIMEOUT)  # expect: SPT101


def related(aid):
    return requests.get(SPOTIFY_API + "/artists/" + aid + "/related-artists", headers=HEADERS)  # expect: SPT105


def featured(country="SE"):
    params = {"country": country, "limit": 20}
    response = requests.get(f"{SPOTIFY_API}/browse/featured-playlists", headers=HEADERS, params=params)  # expect: SPT106
    response.raise_for_status()
    return response.json()


def track(track_id):
    return requests.get(f"{SPOTIFY_API}/tracks/{track_id}", headers=HEADERS, timeout=TIMEOUT)
