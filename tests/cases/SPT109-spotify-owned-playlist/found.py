import spotipy
import tekore as tk

sp = spotipy.Spotify()
hits = sp.playlist_items("37i9dQZF1DXcBWIGoYBM5M")  # expect: SPT109, SPT220
weekly = sp.playlist("spotify:playlist:37i9dQZEVXcJEB08dKtQV4")  # expect: SPT109
charts = sp.playlist(  # expect: SPT109
    playlist_id="https://open.spotify.com/playlist/37i9dQZEVXbMDoHDwVN2tF?si=abc",
)

spotify = tk.Spotify("token")
mix = spotify.playlist("37i9dQZF1E4zSMvGJ8gBQE")  # expect: SPT109

TOP_50_GLOBAL = "37i9dQZEVXbMDoHDwVN2tF"


def top_50():
    playlist_id = TOP_50_GLOBAL
    return sp.playlist_tracks(playlist_id)  # expect: SPT109, SPT220
