import requests
import spotipy
import tekore as tk

sp = spotipy.Spotify()
spotify = tk.Spotify("token")
eager = tk.Spotify("token", max_limits_on=True)
LIMIT = 25

sp.search(q="artist:Nina Simone", type="track", limit=50)  # expect: SPT250
sp.search("artist:Nina Simone", 20)  # expect: SPT250
sp.search(q="x", limit=LIMIT)  # expect: SPT250
sp.search_markets("x", limit=40, markets=["SE"])  # expect: SPT250
spotify.search("query")  # expect: SPT250
spotify.search("query", types=("artist",), limit=30)  # expect: SPT250
eager.search("query")  # expect: SPT250
with spotify.max_limits():
    spotify.search("query")  # expect: SPT250


def find(client: spotipy.Spotify, query, limit=50):
    return client.search(q=query, limit=limit)  # expect: SPT250


def raw(token):
    url = "https://api.spotify.com/v1/search?q=abba&type=track&limit=50"
    return requests.get(url, headers={"Authorization": f"Bearer {token}"})  # expect: SPT250


def raw_params(token, query):
    params = {"q": query, "type": "track", "limit": 20}
    return requests.get("https://api.spotify.com/v1/search", params=params)  # expect: SPT250
