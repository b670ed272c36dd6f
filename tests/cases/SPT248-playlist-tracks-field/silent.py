import spotipy

sp = spotipy.Spotify()
album = sp.album("x")
album_tracks = album["tracks"]["items"]  # albums keep `tracks`
results = sp.search(q="x", type="track")["tracks"]
for saved in sp.current_user_saved_tracks()["items"]:
    print(saved["track"]["name"])  # saved-track items keep `track`


def context_tracks(kind: str, context_id: str) -> list:
    """One name holds a playlist in one branch and an album in another: each branch reads
    its own object (only the playlist's `tracks` is renamed, and that branch has none)."""
    current = None
    if kind == "album":
        current = sp.album(context_id)
        return [t for t in current["tracks"]["items"]]
    if kind == "collection":
        current = sp.current_user_saved_tracks(limit=50)
        return [item["track"] for item in current["items"]]
    current = sp.playlist(context_id, fields="name")
    return [current["name"]]
