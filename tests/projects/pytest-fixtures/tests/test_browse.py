def test_categories(user_client):
    page = user_client.categories(country="SE", limit=10)  # expect: SPT208
    assert page["categories"]["items"]


def test_one_track(spotify):
    assert spotify.track("11dFghVXANMlKmJXsNCbNl")["name"]
