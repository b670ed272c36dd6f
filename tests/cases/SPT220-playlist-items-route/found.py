import spotipy
import tekore as tk

sp = spotipy.Spotify()
page = sp.playlist_items("3cEYpjA9oz9GiPac4AsH4n", limit=50)  # expect: SPT220
sp.playlist_add_items("3cEYpjA9oz9GiPac4AsH4n", ["spotify:track:x"])  # expect: SPT220
sp.user_playlist_remove_specific_occurrences_of_tracks("me", "pl", [])  # expect: SPT220

spotify = tk.Spotify("t")
spotify.playlist_clear("3cEYpjA9oz9GiPac4AsH4n")  # expect: SPT220
