import spotipy

sp = spotipy.Spotify()
address = {"country": "SE", "email": "a@b.c"}
print(address["country"], address.get("email"))
me = sp.current_user()
print(me["display_name"])
