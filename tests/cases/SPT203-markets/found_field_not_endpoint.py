import tekore as tk

spotify = tk.Spotify("token")


def duration(ms):
    minutes, seconds = divmod(ms // 1000, 60)
    return f"{minutes}m{seconds}s"  # a string that only looks like a path piece


def playable_in(track_id, country):
    track = spotify.track(track_id)
    markets = track.available_markets  # expect: SPT241
    return country in markets


def label(value):
    return "{}markets".format(value)


def show(track):
    # an unknown receiver: an uncalled `available_markets` is the Track field, not the method
    print(track.available_markets)  # expect: SPT241
