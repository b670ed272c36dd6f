import requests
import spotipy

sp = spotipy.Spotify()
API = "https://api.spotify.com/v1"


def top(artist_id):
    artist = sp.artist(artist_id)
    return artist["followers"]["total"], artist.get("popularity")  # expect: SPT240, SPT245


def ranked(track_ids):
    tracks = [sp.track(t) for t in track_ids]
    best = max(tracks, key=lambda t: t["popularity"])  # expect: SPT240
    return [(i, t["popularity"]) for i, t in enumerate(tracks)], best  # expect: SPT240


def rows(playlist_id):
    out = []
    for item in sp.playlist_items(playlist_id)["items"]:  # expect: SPT220
        out.append({"name": item["track"]["name"], "popularity": item["track"]["popularity"]})  # expect: SPT248, SPT240
    return out


def raw_artist(token, artist_id):
    response = requests.get(f"{API}/artists/{artist_id}", headers={"Authorization": f"Bearer {token}"})
    data = response.json()
    return data["popularity"]  # expect: SPT240


def fetch(path, token):
    return requests.get(API + path, headers={"Authorization": f"Bearer {token}"}).json()


def popularity_of(artist_id, token):
    return fetch(f"/artists/{artist_id}", token)["popularity"]  # expect: SPT240


def label_of(album_id, token):
    album = requests.get(f"{API}/albums/{album_id}", headers={"Authorization": f"Bearer {token}"}).json()
    return album["label"]  # expect: SPT244


def copied(track_id):
    track = dict(sp.track(track_id))
    return sorted([track], key=lambda t: t.get("popularity"))  # expect: SPT240


def me():
    profile = sp.current_user()
    return profile["product"] == "premium", profile.get("country")  # expect: SPT246, SPT246


FIELDS = "tracks.items(track(name,id))"


def names(playlist_id):
    filter_ = FIELDS
    return sp.playlist(playlist_id, fields=filter_)  # expect: SPT248
