import json

config = json.load(open("config.json"))
markets = config["available_markets"]  # no Spotify use in this module
