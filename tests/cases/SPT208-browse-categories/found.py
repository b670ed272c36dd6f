import spotipy

sp = spotipy.Spotify()
categories = sp.categories(country="SE", limit=50)["categories"]["items"]  # expect: SPT208
