"""Small helpers that are handed the client by their caller."""


def features(sp, ids):
    return sp.audio_features(ids)  # expect: SPT103


def outer(client, ids):
    return inner(client, ids)


def inner(c, ids):
    return c.tracks(ids)  # expect: SPT213


def owners(user_ids, *, sp):
    return [sp.user(u) for u in user_ids]  # expect: SPT214


def local_tracks(library, ids):
    return library.tracks(ids)  # only ever given the local Library
