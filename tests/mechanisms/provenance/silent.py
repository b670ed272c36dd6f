import sqlite3

import requests

import pandas as pd
import spotipy

sp = spotipy.Spotify()


def summary(track_id):
    track = sp.track(track_id)
    row = {"name": track["name"], "score": 1}
    row["popularity"] = 50  # a write, not a read
    return row["popularity"]  # a dict the code built itself


def rows(items):
    built = [{"name": i["name"], "followers": 0} for i in items]
    return [r["followers"] for r in built]


def table(records):
    frame = pd.DataFrame(records)
    frame = frame[frame["popularity"] > 50]  # a DataFrame column
    return frame.popularity.mean(), frame.label


def stored(path):
    cursor = sqlite3.connect(path).cursor()
    for row in cursor.execute("select * from tracks").fetchall():
        print(row["popularity"], row["label"])  # database rows


def album_tracks(album_id):
    album = sp.album(album_id)
    return [t["name"] for t in album["tracks"]["items"]]  # an album's tracks are no playlist's


def search_tracks(query):
    results = sp.search(q=query, type="track", limit=10)
    return results["tracks"]["items"]  # search results keep their `tracks`


class Song:
    def __init__(self, name, popularity, label):
        self.name, self.popularity, self.label = name, popularity, label

    def score(self):
        return self.popularity  # the code's own object


def merged(track):
    data = {**track, "popularity": 0}  # a copy with keys of its own
    extra = dict(track, label="ours")
    return data["popularity"], extra["label"]


def search_raw(token, query):
    found = requests.get("https://api.spotify.com/v1/search", params={"q": query, "type": "album", "limit": 10}).json()
    return [album["label"] for album in found["albums"]["items"]]  # simplified albums: no `label` rule by route
