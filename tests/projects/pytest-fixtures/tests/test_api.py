from radio import next_up


def test_recommendations(spotify):
    result = spotify.recommendations(seed_genres=["rock"], limit=5)  # expect: SPT101
    assert len(result["tracks"]) <= 5


def test_artists(spotify, seed_ids):
    found = spotify.artists(seed_ids)  # expect: SPT206
    assert [a["id"] for a in found["artists"]] == seed_ids


def test_profile(user_client):
    assert user_client.user("spotify")["id"] == "spotify"  # expect: SPT214


def test_next_up():
    assert next_up(["a", "b"], {"a"}) == ["b"]
