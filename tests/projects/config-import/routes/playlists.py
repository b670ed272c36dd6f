"""Build a playlist out of a handful of seed tracks."""

from config import PAGE_SIZE, sp_public


def suggest(seed_tracks, energy=None):
    params = {"seed_tracks": seed_tracks[:5], "limit": PAGE_SIZE}
    if energy is not None:
        params["target_energy"] = energy
    return sp_public.recommendations(**params)  # expect: SPT101


def details(ids):
    return sp_public.tracks(ids)  # expect: SPT213


def cover(track_id):
    return sp_public.track(track_id)  # a single track is still available
