import spotipy
import tekore as tk

sp = spotipy.Spotify()
user_id = sp.me()["id"]
created = sp.user_playlist_create(user_id, "Mix", public=False)  # expect: SPT201

spotify = tk.Spotify("token")
playlist = spotify.playlist_create(user_id, "Mix")  # expect: SPT201
