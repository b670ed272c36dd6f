import spotipy

sp = spotipy.Spotify()
me = sp.current_user()
premium = me["product"] == "premium"  # expect: SPT246
email = sp.me().get("email")  # expect: SPT246
