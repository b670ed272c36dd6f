import requests

API_URL = "https://stats.example.org"


def features(ids):
    return requests.get(API_URL + "/audio-features", params={"ids": ids})
