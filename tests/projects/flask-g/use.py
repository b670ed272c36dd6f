"""Command-line tools, run after boot()."""

import state
from state import shared


def front_page():
    return state.shared.client.featured_playlists(country=state.shared.market)  # expect: SPT106


def lookup(ids):
    return shared.client.tracks(ids)  # expect: SPT213
