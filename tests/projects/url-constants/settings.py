"""Where the Web API lives and how long to wait for it."""

import os

SPOTIFY_API = "https://api.spotify.com/v1"
TOKEN = os.environ.get("SPOTIFY_TOKEN", "")
TIMEOUT = 10
