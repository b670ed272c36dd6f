import spotipy

sp = spotipy.Spotify()
saved = sp.current_user_saved_items(["spotify:track:x"])
