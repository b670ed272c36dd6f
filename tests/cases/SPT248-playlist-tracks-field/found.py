import spotipy

sp = spotipy.Spotify()
playlist = sp.playlist("3cEYpjA9oz9GiPac4AsH4n")
items = playlist["tracks"]["items"]  # expect: SPT248
for entry in sp.playlist_items("3cEYpjA9oz9GiPac4AsH4n", fields="items")["items"]:  # expect: SPT220
    name = entry["track"]["name"]  # expect: SPT248
