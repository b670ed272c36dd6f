import spotipy

sp = spotipy.Spotify()
profile = sp.user("smedjan")  # expect: SPT214
