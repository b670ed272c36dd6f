"""Common base for every class that talks to Spotify."""

import spotipy
from spotipy.oauth2 import SpotifyClientCredentials


class SpotifyBase:
    def __init__(self):
        self.spotipyObject = spotipy.Spotify(auth_manager=SpotifyClientCredentials())

    def close(self):
        self.spotipyObject = None
