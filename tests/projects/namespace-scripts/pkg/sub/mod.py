"""Namespace package (no __init__.py): the tekore client of the service."""

import os

import tekore

token = tekore.request_client_token(os.environ["SPOTIFY_ID"], os.environ["SPOTIFY_SECRET"])
client = tekore.Spotify(token)
