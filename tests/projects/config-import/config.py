"""Settings and the Spotify clients every route shares."""

import os

import spotipy
import tekore
from spotipy.oauth2 import SpotifyClientCredentials

CLIENT_ID = os.environ.get("SPOTIFY_CLIENT_ID", "")
CLIENT_SECRET = os.environ.get("SPOTIFY_CLIENT_SECRET", "")
PAGE_SIZE = int(os.environ.get("PAGE_SIZE", "20"))

sp_public = spotipy.Spotify(
    auth_manager=SpotifyClientCredentials(client_id=CLIENT_ID, client_secret=CLIENT_SECRET),
    requests_timeout=10,
)

app_token = tekore.request_client_token(CLIENT_ID, CLIENT_SECRET)
tk_public = tekore.Spotify(app_token)
