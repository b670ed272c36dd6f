import spotipy

sp = spotipy.Spotify()
mine = sp.playlist("3cEYpjA9oz9GiPac4AsH4n")  # a user's own playlist
sp.start_playback(context_uri="spotify:playlist:37i9dQZF1DXcBWIGoYBM5M")  # playback is not restricted
