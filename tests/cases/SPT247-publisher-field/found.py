import spotipy

show = spotipy.Spotify().show("x")
publisher = show["publisher"]  # expect: SPT247
