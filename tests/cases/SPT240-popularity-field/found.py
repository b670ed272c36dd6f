import spotipy

sp = spotipy.Spotify()
track = sp.track("x")
score = track["popularity"]  # expect: SPT240
ranked = sorted(sp.current_user_top_artists()["items"], key=lambda a: a.get("popularity", 0))  # expect: SPT240
