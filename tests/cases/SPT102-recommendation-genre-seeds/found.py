from spotipy import Spotify as SpotifyClient

client = SpotifyClient()
genres = client.recommendation_genre_seeds()["genres"]  # expect: SPT102


def genre_picker(sp):
    # a name only Spotify clients use, in a module that imports spotipy
    return sp.recommendation_genre_seeds()  # expect: SPT102
