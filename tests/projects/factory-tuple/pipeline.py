"""One client for the whole pipeline, built on first use."""

import auth


def shared():
    return auth.make_client()


def genres():
    return shared().recommendation_genre_seeds()  # expect: SPT102


def lookup(track_ids):
    client = shared()
    return [client.track(t) for t in track_ids]
