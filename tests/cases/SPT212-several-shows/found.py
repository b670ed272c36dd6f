import tekore as tk

shows = tk.Spotify("t").shows(["a", "b"])  # expect: SPT212
