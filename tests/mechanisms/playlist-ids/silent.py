import spotipy

sp = spotipy.Spotify()
MINE = "3cEYpjA9oz9GiPac4AsH4n"  # a user's own playlist
mine = sp.playlist(MINE)
DAILY_MIX = "spotify:playlist:37i9dQZF1E4zSMvGJ8gBQE"
sp.start_playback(context_uri=DAILY_MIX)  # starting playback of such a playlist is not restricted
