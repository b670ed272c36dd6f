"""Client of our internal catalogue service, which the team calls "spotify".

It is not Spotify's Web API: same method names, another host.
"""

import requests


class Spotify:
    def __init__(self, base_url="https://catalogue.internal.example/api"):
        self.base_url = base_url
        self.session = requests.Session()

    def audio_features(self, ids) -> requests.Response:
        return self.session.get(f"{self.base_url}/audio-features", params={"ids": ",".join(ids)})

    def recommendations(self, seed) -> requests.Response:
        return self.session.get(f"{self.base_url}/recommendations", params={"seed": seed})

    def tracks(self, ids) -> requests.Response:
        return self.session.get(f"{self.base_url}/tracks", params={"ids": ",".join(ids)})
