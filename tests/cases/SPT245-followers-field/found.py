import spotipy

artist = spotipy.Spotify().artist("x")
fans = artist["followers"]["total"]  # expect: SPT245
