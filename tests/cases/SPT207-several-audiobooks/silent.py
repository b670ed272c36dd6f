import spotipy

book = spotipy.Spotify().get_audiobook("a")


def library(shelf):
    return shelf.audiobooks()
