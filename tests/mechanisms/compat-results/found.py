"""After `spotlint fix`: a compat function's result is the response the client method gave,
so removed fields read from it are still found (as on ``sp.tracks(ids)["tracks"]``)."""

import spotipy
import tekore as tk

import spotify_compat
from spotify_compat import artist_top_tracks, tekore_artist_top_tracks

sp = spotipy.Spotify()
spotify = tk.Spotify("token")

several = spotify_compat.tracks(sp, ["a", "b"])
print(several["tracks"][0]["popularity"])  # expect: SPT240
for track in spotify_compat.artist_top_tracks(sp, "artist")["tracks"]:
    print(track.get("available_markets"))  # expect: SPT241
top = artist_top_tracks(sp, "artist", country="SE")
ranked = sorted(top["tracks"], key=lambda t: t["popularity"])  # expect: SPT240

models = spotify_compat.tekore_tracks(spotify, ["a"])
print(models[0].popularity)  # expect: SPT240
best = max(tekore_artist_top_tracks(spotify, "artist", "SE"), key=lambda t: t.popularity)  # expect: SPT240


def names(client: spotipy.Spotify, ids):
    albums = spotify_compat.albums(client, ids)
    return [album["label"] for album in albums["albums"]]  # expect: SPT244
