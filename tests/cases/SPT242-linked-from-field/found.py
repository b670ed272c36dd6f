import spotipy

track = spotipy.Spotify().track("x", market="SE")
original = track.get("linked_from")  # expect: SPT242
