"""Summaries; imports a back, which imports b (a cycle that works at run time)."""

import a
import c


def summarize(ids):
    tracks = a.client.tracks(ids)  # expect: SPT213
    return {"count": len(ids), "artists": c.artists_of(ids), "raw": tracks}


def seeds():
    return a.client.recommendation_genre_seeds()  # expect: SPT102
