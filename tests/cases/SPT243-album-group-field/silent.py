import spotipy

albums = spotipy.Spotify().artist_albums("x")["items"]
singles = [a for a in albums if a["album_type"] == "single"]
