import spotipy
import tekore as tk

books = spotipy.Spotify().get_audiobooks(["a", "b"])  # expect: SPT207
tk_books = tk.Spotify("t").audiobooks(["a", "b"])  # expect: SPT207
