"""Shared set-up of the maintenance scripts (run as `python scripts/<name>.py`)."""

import spotipy
from spotipy.oauth2 import SpotifyClientCredentials

sp = spotipy.Spotify(auth_manager=SpotifyClientCredentials())
MARKET = "SE"
