import spotipy

track = spotipy.Spotify().track("x", market="SE")
playable = track.get("is_playable")
