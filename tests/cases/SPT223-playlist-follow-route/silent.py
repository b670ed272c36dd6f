import spotipy

sp = spotipy.Spotify()
mine = sp.current_user_playlists()
