import spotipy

sp = spotipy.Spotify()
albums = sp.albums(["4aawyAB9vmqN3uQ7FjRGTy", "1A2GTWGtFfWp7KSQTwWOyo"])["albums"]  # expect: SPT205
