import spotipy

sp = spotipy.Spotify()
results = sp.search(q="artist:Robyn", type="track")
for track in results["tracks"]["items"]:
    url = track["preview_url"]  # expect: SPT108
    also = track.get("preview_url")  # expect: SPT108
