import spotipy

albums = spotipy.Spotify().artist_albums("x", limit=10)["items"]
singles = [a for a in albums if a["album_group"] == "single"]  # expect: SPT243
