import requests
BASE = "https://api.spotify.com/v1"

def items(pid, token):
    url = f"{BASE}/playlists/{pid}/tracks?limit=50"
    return requests.get(url, headers={"Authorization": token})

def add(pid, uris):
    return requests.post("/".join([BASE, "playlists", pid, "tracks"]), json={"uris": uris})

def remove(pid, uris):
    return requests.delete(BASE + "/playlists/" + pid + "/tracks", json={"tracks": [{"uri": u} for u in uris]})

def features(ids):
    return requests.get(BASE + "/audio-features?ids=" + ",".join(ids))
