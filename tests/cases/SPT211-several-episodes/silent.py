import spotipy

episode = spotipy.Spotify().episode("a")


def season(show):
    return show.episodes()
