import tekore as tk

spotify = tk.Spotify("t")
albums = spotify.new_releases(country="SE")  # expect: SPT204
