from spotipy import Spotify


class Service:
    sp: Spotify

    def lookup(self, ids):
        return self.sp.artists(ids)["artists"]  # expect: SPT206
