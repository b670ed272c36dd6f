import spotipy as sp_lib

client = sp_lib.Spotify()


def party():
    return client.category_playlists("party", country="SE")  # expect: SPT107
