from spotipy import Spotify


def lookup(db, ids):
    return db.artists(ids)


Spotify().artist("x")
