import tekore as tk

show = tk.Spotify("t").show("a")


def listings(tv):
    return tv.shows()
