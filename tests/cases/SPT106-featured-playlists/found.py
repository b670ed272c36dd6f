import tekore as tk

spotify = tk.Spotify(tk.request_client_token("id", "secret"))
message, playlists = spotify.featured_playlists(country="SE")  # expect: SPT106


def home_screen(sp):
    return sp.featured_playlists(limit=10)["playlists"]  # expect: SPT106
