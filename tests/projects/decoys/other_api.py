"""Another web service with the same path names."""

from urllib.parse import urljoin

import requests

base_url = "https://example.com/api"


def recommendations(user):
    return requests.get(urljoin(base_url + "/", "recommendations"), params={"user": user})


def features(ids):
    return requests.get(base_url + "/audio-features", params={"ids": ",".join(ids)})
