def duration(ms):
    minutes, seconds = divmod(ms // 1000, 60)
    return f"{minutes}m{seconds}s"  # only looks like a path piece once its parts are unknown


def label(value):
    return "{}markets".format(value)


import spotipy  # noqa: E402  (a module that uses Spotify: unanchored templates count here)

sp = spotipy.Spotify()
