import spotipy
import tekore as tk

sp = spotipy.Spotify()
saved = sp.current_user_saved_episodes_contains(["x"])  # expect: SPT224
following = sp.playlist_is_following("pl", ["me"])  # expect: SPT224
tk.Spotify("t").artists_is_following(["x"])  # expect: SPT224
