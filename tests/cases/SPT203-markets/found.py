import spotipy
import tekore as tk

markets = spotipy.Spotify().available_markets()["markets"]  # expect: SPT203
spotify = tk.Spotify("t")
codes = spotify.markets()  # expect: SPT203
