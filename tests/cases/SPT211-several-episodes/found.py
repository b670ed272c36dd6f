import spotipy

episodes = spotipy.Spotify().episodes(["a", "b"])  # expect: SPT211
