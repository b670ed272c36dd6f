import spotipy


def factory():
    return spotipy.Spotify()


class Discovery:
    client = None

    def __init__(self):
        self.client = factory()

    def related(self, artist_id):
        return self.client.artist_related_artists(artist_id)["artists"]  # expect: SPT105


class MySpotify(spotipy.Spotify):
    def neighbours(self, artist_id):
        return self.artist_related_artists(artist_id)  # expect: SPT105
