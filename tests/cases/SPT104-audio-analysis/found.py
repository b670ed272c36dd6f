import spotipy
import tekore as tk


def make() -> spotipy.Spotify:
    return spotipy.Spotify()


def beats(track_id):
    return make().audio_analysis(track_id)["beats"]  # expect: SPT104


spotify = tk.Spotify("token")
analysis = spotify.track_audio_analysis("x")  # expect: SPT104
