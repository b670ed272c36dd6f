import tekore as tk

spotify = tk.Spotify("t")
albums = spotify.search("tag:new", types=("album",), limit=10)
