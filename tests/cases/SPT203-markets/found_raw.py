import requests

BASE = "https://api.spotify.com/v1"


def markets(token):
    response = requests.get(f"{BASE}/markets", headers={"Authorization": f"Bearer {token}"})  # expect: SPT203
    return response.json()["markets"]


def markets_relative(session, base):
    return session.get(base + "/markets")  # expect: SPT203
