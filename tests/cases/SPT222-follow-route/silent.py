import spotipy

followed = spotipy.Spotify().current_user_followed_artists()
