import requests
import spotipy
import tekore as tk

sp = spotipy.Spotify()
spotify = tk.Spotify("token")

sp.artist_albums("artist-id", limit=10)
sp.artist_albums("artist-id", "album", None, "SE", 5)
spotify.artist_albums("artist-id", limit=10)
spotify.artist_albums("artist-id", None, None, 5)
requests.get("https://api.spotify.com/v1/artists/abc/albums")  # the API's own default is 5
requests.get("https://api.spotify.com/v1/artists/abc/albums?limit=10&offset=10")
