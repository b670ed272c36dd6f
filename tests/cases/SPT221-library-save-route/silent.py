import spotipy

sp = spotipy.Spotify()
saved = sp.current_user_saved_tracks(limit=50)
