import spotipy
import tekore as tk

sp = spotipy.Spotify()
spotify = tk.Spotify("token")

results = sp.search(q="artist:Robyn", type="track")
for hit in results["tracks"]["items"]:
    print(hit["preview_url"], hit.get("popularity"))  # expect: SPT108, SPT240

track = spotify.track("6rqhFgbbKwnb9MLmUQDhG6")
print(track.preview_url, track.name)  # expect: SPT108
artist = spotify.artist("0OdUWJ0sBjDrqHygGUXeCF")
print(artist.followers.total, artist.popularity)  # expect: SPT245, SPT240

for entry in spotify.playlist_items("3cEYpjA9oz9GiPac4AsH4n").items:  # expect: SPT220
    print(entry.track.name)  # expect: SPT248

page = sp.playlist_items("3cEYpjA9oz9GiPac4AsH4n", fields="items(track(name,id)),next")  # expect: SPT220, SPT248
me = sp.current_user()
if me["product"] != "premium" or me.get("country") == "SE":  # expect: SPT246
    print("free account")
