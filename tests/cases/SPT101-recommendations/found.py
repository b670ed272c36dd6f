import spotipy
import tekore as tk
from spotipy.oauth2 import SpotifyClientCredentials

sp = spotipy.Spotify(auth_manager=SpotifyClientCredentials())
recs = sp.recommendations(seed_artists=["4NHQUGzhtTLFvgF5SZesLK"], limit=10)  # expect: SPT101


def radio(client, seeds):
    # receiver of unknown type, but Spotify-only keyword arguments
    return client.recommendations(seed_tracks=seeds)  # expect: SPT101


async def tekore_radio(token):
    spotify = tk.Spotify(token, asynchronous=True)
    return await spotify.recommendations(track_ids=["x"], limit=5)  # expect: SPT101
