import spotipy

sp = spotipy.Spotify()
playlist = sp.playlist("3cEYpjA9oz9GiPac4AsH4n", fields="name")
sp.playlist_change_details("3cEYpjA9oz9GiPac4AsH4n", name="New name")
