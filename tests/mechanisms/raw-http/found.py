import aiohttp
import httpx
import requests
import urllib.request
from urllib.parse import urljoin

import spotipy

BASE = "https://api.spotify.com/v1"
API = "https://api.spotify.com/v1/"
RECOMMENDATIONS = "https://api.spotify.com/v1/recommendations"  # expect: SPT101


def features(token, ids):
    url = f"{BASE}/audio-features?ids={','.join(ids)}"
    return requests.get(url, headers={"Authorization": f"Bearer {token}"}).json()  # expect: SPT103


def several(ids):
    return requests.get(BASE + "/tracks?ids=" + ",".join(ids))  # expect: SPT213


def related(artist_id):
    with httpx.Client() as client:
        return client.get("%s/artists/%s/related-artists" % (BASE, artist_id))  # expect: SPT105


async def top(artist_id):
    async with aiohttp.ClientSession() as session:
        async with session.get("{}/artists/{}/top-tracks/".format(BASE, artist_id)) as response:  # expect: SPT202
            return await response.json()


def save(ids, session: requests.Session):
    session.put(urljoin(API, "me/tracks"), params={"ids": ",".join(ids)})  # expect: SPT221


def add(playlist_id, uris):
    url = "/".join([BASE, "playlists", playlist_id, "tracks"])
    request = urllib.request.Request(url, data=b"{}", method="POST")  # expect: SPT220
    return urllib.request.urlopen(request)


def recommend():
    return requests.get(RECOMMENDATIONS)


def generic(method, url):
    return requests.request("DELETE", "https://api.spotify.com/v1/me/following?type=artist")  # expect: SPT222


class Client(spotipy.Spotify):
    def batch_features(self, ids):
        return self._get("audio-features/?ids=" + ",".join(ids))  # expect: SPT103

    def old_items(self, playlist_id):
        return self._get(f"playlists/{playlist_id}/tracks", limit=100)  # expect: SPT220


FEATURED = "https://api.spotify.com/v1/browse/featured-playlists"  # expect: SPT106
TOP_HITS = requests.get(BASE + "/playlists/37i9dQZF1DXcBWIGoYBM5M")  # expect: SPT109


def slashes(ids):
    return requests.get(API + "/albums/?ids=" + ",".join(ids))  # expect: SPT205


class WebApi:
    """The project's own wrapper: the API's address is in it, so its paths are the API's."""

    def __init__(self, session):
        self.session = session
        self.root = "https://api.spotify.com/v1/"

    def get(self, path, **params):
        return self.session.get(self.root + path, params=params).json()

    def put_json(self, path, body):
        return self.session.put(self.root + path, json=body).json()


web = WebApi(requests.Session())
genres = web.get("recommendations/available-genre-seeds")  # expect: SPT102
web.put_json("me/tracks", {"ids": ["x"]})  # expect: SPT221
rows = web.get("artists/x/albums", limit=50)  # expect: SPT251
