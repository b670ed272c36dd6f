import requests

API_URL = "https://stats.example.org"


def features(ids):
    return requests.get(API_URL + "/audio-features", params={"ids": ids})


class StatsApi:
    def __init__(self, session):
        self.session, self.root = session, API_URL

    def get(self, path, **params):
        return self.session.get(self.root + path, params=params).json()


stats = StatsApi(requests.Session())
stats.get("recommendations/available-genre-seeds")
stats.get_many("audio-features")
