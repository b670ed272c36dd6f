import twitter

profile = twitter.get_profile("x")
fans = profile["followers"]
