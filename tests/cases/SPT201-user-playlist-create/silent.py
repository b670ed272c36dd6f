import spotipy

sp = spotipy.Spotify()
created = sp.current_user_playlist_create("Mix", public=False)
