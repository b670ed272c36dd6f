import spotipy
import tekore as tk

sp = spotipy.Spotify()
sp.current_user_saved_tracks_add(["x"])  # expect: SPT221
sp.current_user_saved_albums_delete(["x"])  # expect: SPT221
tk.Spotify("t").saved_shows_add(["x"])  # expect: SPT221
