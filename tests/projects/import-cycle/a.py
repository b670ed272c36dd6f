"""Album reports; the client lives here, summaries come from b."""

import spotipy

from b import summarize

client = spotipy.Spotify()


def albums_of(ids):
    return client.albums(ids)  # expect: SPT205


def report(ids):
    return {"albums": albums_of(ids), "summary": summarize(ids)}
