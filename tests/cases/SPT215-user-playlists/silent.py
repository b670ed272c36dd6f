import spotipy
import tekore as tk

mine = spotipy.Spotify().current_user_playlists()
followed = tk.Spotify("t").followed_playlists()


def radio(station):
    return station.playlists()
