import tekore as tk

spotify = tk.Spotify("t")
chapters = spotify.chapters(["a", "b"])  # expect: SPT210
