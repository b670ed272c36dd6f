"""Old endpoints module; its base URL is set at the end of the file."""

import requests


def several_albums(ids):
    return requests.get(BASE_URL + "/albums", params={"ids": ",".join(ids)})  # expect: SPT205


def genre_seeds(token):
    url = f"{BASE_URL}/recommendations/available-genre-seeds"
    return requests.get(url, headers={"Authorization": f"Bearer {token}"})  # expect: SPT102


def me(token):
    return requests.get(BASE_URL + "/me", headers={"Authorization": f"Bearer {token}"})


BASE_URL = "https://api.spotify.com/v1"
