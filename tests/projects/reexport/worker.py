"""Background worker: fills the artist graph."""

from app import sp


def similar(artist_id):
    return sp.artist_related_artists(artist_id)  # expect: SPT105


def many(ids):
    return sp.artists(ids)  # expect: SPT206


def one(artist_id):
    return sp.artist(artist_id)
