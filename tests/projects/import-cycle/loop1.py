"""Two modules that import a name from each other and never define it."""

from loop2 import session


def fetch(ids):
    return session.tracks(ids)
