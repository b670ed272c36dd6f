def lookup(api, query, page_size=25):
    found = api.get("search", params={"q": query, "type": "track", "limit": page_size})  # expect: SPT250
    few = api.get("search", params={"q": query, "type": "track", "limit": 10})
    releases = api.get_json("browse/new-releases")  # expect: SPT204
    track = api.get(f"tracks/{query}")
    score = track["popularity"]  # expect: SPT240
    return found, few, releases, score


def weather(client, city):
    daily = client.get("search", params={"q": city, "limit": 50})
    return daily["popularity"]
