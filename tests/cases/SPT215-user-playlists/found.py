import spotipy
import tekore as tk

lists = spotipy.Spotify().user_playlists("smedjan")  # expect: SPT215
tk_lists = tk.Spotify("t").playlists("smedjan")  # expect: SPT215
