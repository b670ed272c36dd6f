import requests

import spotipy

BASE = "https://api.spotify.com/v1"


def track(track_id):
    return requests.get(f"{BASE}/tracks/{track_id}")  # one track is still allowed


def saved():
    return requests.get(BASE + "/me/tracks")  # reading saved tracks is still allowed


def items(playlist_id):
    return requests.get(f"{BASE}/playlists/{playlist_id}/items")  # the new route


def other_api(ids):
    # another service with an /audio-features path
    return requests.get("https://api.example.com/v1/audio-features", params={"ids": ids})


def relative_elsewhere():
    return requests.get("audio-features/?ids=abc")  # a relative path not sent to a Spotify client


class Client(spotipy.Spotify):
    def one(self, track_id):
        return self._get("tracks/" + track_id)

    def mine(self):
        return self._get("me/playlists")


LIBRARY = "https://api.spotify.com/v1/me/tracks"  # a GET route, still allowed
