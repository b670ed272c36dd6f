"""Category pages (written against the star import of the clients module)."""

from app.clients import *  # noqa: F403


def playlists_for(category_id, country="SE"):
    return public.category_playlists(category_id, country=country)  # expect: SPT107


def albums(ids):
    return public.albums(ids)  # expect: SPT205
