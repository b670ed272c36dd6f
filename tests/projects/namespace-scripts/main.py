"""Service entry point."""

from pkg.sub.mod import client


def home():
    return client.featured_playlists(limit=10)  # expect: SPT106


def similar(artist_id):
    return client.artist_related_artists(artist_id)  # expect: SPT105


def several(ids):
    return client.tracks(ids)  # expect: SPT213
