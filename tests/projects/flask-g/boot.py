"""Start-up of the command-line tools."""

import spotipy
from spotipy.oauth2 import SpotifyClientCredentials

import state


def boot():
    state.shared.client = spotipy.Spotify(auth_manager=SpotifyClientCredentials())
    state.shared.market = "SE"
