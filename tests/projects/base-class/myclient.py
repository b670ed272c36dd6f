"""A client that retries harder and waits longer than spotipy's defaults."""

import spotipy


class RetryingSpotify(spotipy.Spotify):
    def __init__(self, **kwargs):
        kwargs.setdefault("retries", 8)
        kwargs.setdefault("status_forcelist", (429, 500, 502, 503, 504))
        super().__init__(**kwargs)
