import spotipy
import tekore as tk

sp = spotipy.Spotify()
top = sp.artist_top_tracks("0OdUWJ0sBjDrqHygGUXeCF")["tracks"]  # expect: SPT202
top_tk = tk.Spotify("t").artist_top_tracks("0OdUWJ0sBjDrqHygGUXeCF", market="SE")  # expect: SPT202
