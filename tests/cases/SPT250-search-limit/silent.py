import re

import requests
import spotipy
import tekore as tk

sp = spotipy.Spotify()
spotify = tk.Spotify("token")

sp.search(q="artist:Nina Simone", type="track", limit=10)  # the maximum is fine
sp.search("x")  # spotipy sends 10 when limit is left out
spotify.search("query", limit=10)
spotify.search("query", ("track",), None, None, 5)
with spotify.max_limits(False):
    spotify.search("query", limit=10)
re.search(r"\d+", "limit=50")


def find(query, page_size):
    return sp.search(q=query, limit=page_size)  # unknown: no guess


def options(query, **kwargs):
    return sp.search(q=query, **kwargs)


def raw(token):
    return requests.get("https://api.spotify.com/v1/search", params={"q": "abba", "type": "track", "limit": 10})


class Index:
    def search(self, query, limit=50):
        return [query] * limit


Index().search("x", limit=100)
