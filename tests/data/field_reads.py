"""A small app that reads removed fields out of responses of restricted calls: after `spotlint
fix` rewrites the calls into compat functions, the same field reads must still be found."""

import spotipy
import tekore as tk

sp = spotipy.Spotify()
spotify = tk.Spotify("token")


def most_popular(ids):
    several = sp.tracks(ids)
    return max(several["tracks"], key=lambda t: t["popularity"])


def top_markets(artist_id):
    for track in sp.artist_top_tracks(artist_id)["tracks"]:
        print(track["name"], len(track["available_markets"]))


def labels(ids):
    return [album["label"] for album in sp.albums(ids)["albums"]]


def previews(ids):
    return [t.preview_url for t in spotify.tracks(ids)]


def ranked(artist_id):
    artists = spotify.artists([artist_id])
    return sorted(artists, key=lambda a: a.popularity)


def scores(ids):
    found = sp.artists(ids)
    first = found["artists"][0]
    return first["popularity"], found["artists"][1]["popularity"], [a["popularity"] for a in found["artists"]]
