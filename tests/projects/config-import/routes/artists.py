"""Artist pages."""

import config
from config import sp_public as client
from config import tk_public


def several(ids):
    return config.sp_public.artists(ids)  # expect: SPT206


def owner(user_id):
    return client.user(user_id)  # expect: SPT214


def neighbours(artist_id):
    return tk_public.artist_related_artists(artist_id)  # expect: SPT105


def page(artist_id):
    return {
        "artist": client.artist(artist_id),
        "albums": client.artist_albums(artist_id, limit=config.PAGE_SIZE),
    }
