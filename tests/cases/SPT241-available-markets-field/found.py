import tekore as tk

spotify = tk.Spotify("t")
album = spotify.album("x")
markets = album["available_markets"]  # expect: SPT241
