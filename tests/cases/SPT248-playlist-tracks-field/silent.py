import spotipy

sp = spotipy.Spotify()
album = sp.album("x")
album_tracks = album["tracks"]["items"]  # albums keep `tracks`
results = sp.search(q="x", type="track")["tracks"]
for saved in sp.current_user_saved_tracks()["items"]:
    print(saved["track"]["name"])  # saved-track items keep `track`
