"""The Spotify clients of the application, created once at import."""

import spotipy
from spotipy.oauth2 import SpotifyClientCredentials

__all__ = ["public"]

public = spotipy.Spotify(auth_manager=SpotifyClientCredentials())
