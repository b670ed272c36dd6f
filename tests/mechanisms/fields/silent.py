import spotipy
import tekore as tk

sp = spotipy.Spotify()
spotify = tk.Spotify("token")

row = {"popularity": 3, "label": "x"}
row["popularity"] = 4  # a write
print(row["label"])  # not an album: label has from-methods and this is a plain dict


class Song:
    popularity = 0


song = Song()
song.popularity = 5
print(song.popularity)  # a user object, not a tekore model

saved = sp.current_user_saved_tracks()
for item in saved["items"]:
    print(item["track"]["name"])  # saved-track items keep `track`
album = spotify.album("4aawyAB9vmqN3uQ7FjRGTy")
print(album.tracks.total)  # albums keep `tracks`
sp.playlist("3cEYpjA9oz9GiPac4AsH4n", fields="name,owner")
