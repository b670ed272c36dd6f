import spotipy

sp = spotipy.Spotify()
album = sp.album("x")
label = album["label"]  # expect: SPT244
