import tekore as tk

spotify = tk.Spotify("t")
party = spotify.category("party")  # expect: SPT209
