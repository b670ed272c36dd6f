import spotipy


def shop(api):
    return api.categories(limit=50)


sp = spotipy.Spotify()
