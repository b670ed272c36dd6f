import spotipy

sp = spotipy.Spotify()
albums = sp.artist_albums("0OdUWJ0sBjDrqHygGUXeCF", limit=10)
