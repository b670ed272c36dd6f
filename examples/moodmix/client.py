"""Create the Spotify client the rest of the app uses."""

import os

import spotipy
from spotipy.oauth2 import SpotifyOAuth

SCOPES = "user-library-read playlist-modify-private"


def make_client() -> spotipy.Spotify:
    auth = SpotifyOAuth(
        client_id=os.environ["SPOTIPY_CLIENT_ID"],
        client_secret=os.environ["SPOTIPY_CLIENT_SECRET"],
        redirect_uri="http://127.0.0.1:8888/callback",
        scope=SCOPES,
    )
    return spotipy.Spotify(auth_manager=auth)
