import spotipy
import tekore


def client_for(token) -> "tekore.Spotify":
    return tekore.Spotify(token)


def lookup(token, ids):
    return client_for(token).tracks(ids)  # expect: SPT213


class Library:
    def __init__(self, sp: spotipy.Spotify):
        self.sp = sp

    def details(self, ids):
        return self.sp.tracks(ids, market="SE")["tracks"]  # expect: SPT213
