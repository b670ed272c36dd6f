import spotipy

sp = spotipy.Spotify()
row = {}
row["popularity"] = 10  # a write, not a read
del row["popularity"]
payload = {"popularity": 3}
