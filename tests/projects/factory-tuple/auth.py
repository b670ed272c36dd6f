"""How the nightly jobs get a Spotify client."""

import os

import spotipy
from spotipy.oauth2 import SpotifyClientCredentials, SpotifyOAuth

SCOPES = "user-library-read playlist-read-private"


def make_client():
    return spotipy.Spotify(auth_manager=SpotifyClientCredentials(), retries=5)


def login(cache_path=".spotify-cache"):
    oauth = SpotifyOAuth(scope=SCOPES, cache_path=cache_path, open_browser=False)
    return spotipy.Spotify(auth_manager=oauth), os.environ.get("SPOTIFY_USER", "me")
