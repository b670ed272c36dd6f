import spotipy
import tekore as tk

spotipy.Spotify().user_follow_artists(["x"])  # expect: SPT222
tk.Spotify("t").users_unfollow(["x"])  # expect: SPT222
