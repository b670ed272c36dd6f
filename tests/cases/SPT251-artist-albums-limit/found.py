import aiohttp
import spotipy
import tekore as tk

sp = spotipy.Spotify()
spotify = tk.Spotify("token")

albums = sp.artist_albums("artist-id", album_type="album")  # expect: SPT251
sp.artist_albums("artist-id", include_groups="single", limit=50)  # expect: SPT251
sp.artist_albums("artist-id", None, None, None, 20)  # expect: SPT251
spotify.artist_albums("artist-id")  # expect: SPT251
spotify.artist_albums("artist-id", limit=11)  # expect: SPT251


class Catalogue:
    def __init__(self):
        self.client = tk.Spotify("token", max_limits_on=True)

    def discography(self, artist_id):
        return self.client.artist_albums(artist_id)  # expect: SPT251


async def raw(session: aiohttp.ClientSession, artist_id):
    url = f"https://api.spotify.com/v1/artists/{artist_id}/albums?include_groups=album&limit=50"
    async with session.get(url) as response:  # expect: SPT251
        return await response.json()


def unknown_client(client, artist_id):
    # a name only Spotify clients use, in a module that uses Spotify
    return client.artist_albums(artist_id)  # expect: SPT251
