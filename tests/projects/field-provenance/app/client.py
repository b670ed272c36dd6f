import spotipy
from spotipy.oauth2 import SpotifyClientCredentials

sp = spotipy.Spotify(auth_manager=SpotifyClientCredentials())


def playlist_entries(playlist_id):
    return sp.playlist_items(playlist_id, limit=50)["items"]  # expect: SPT220
