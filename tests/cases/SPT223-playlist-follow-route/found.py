import spotipy
import tekore as tk

sp = spotipy.Spotify()
sp.current_user_follow_playlist("pl")  # expect: SPT223
sp.current_user_unfollow_playlist("pl")  # expect: SPT223
tk.Spotify("t").playlist_unfollow("pl")  # expect: SPT223
