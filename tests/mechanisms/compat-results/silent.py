"""Look-alikes of compat results: the project's own dicts, a module of the same function
names that is not the compat module, a compat helper, a first argument that is no client."""

import spotipy

import ranking
import spotify_compat

sp = spotipy.Spotify()

several = spotify_compat.tracks(sp, ["a", "b"])
print(several["tracks"][0]["name"])  # a field that is still returned

mine = {"tracks": [{"popularity": 3}]}
print(mine["tracks"][0]["popularity"])

ranked = ranking.tracks(sp, ["a"])  # the project's own ranking module
print(ranked["tracks"][0]["popularity"])

cache = {"a": {"popularity": 1}}
kept = spotify_compat.tracks(cache, ["a"])  # not a client: no telling what it returns
print(kept["tracks"][0]["popularity"])

ids = spotify_compat._ids(["a"])  # a helper of the compat module, no client method
print(ids[0]["popularity"])
