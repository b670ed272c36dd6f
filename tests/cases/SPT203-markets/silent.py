import spotipy


def stocks(exchange):
    # a generic name on an unknown receiver
    return exchange.markets()


sp = spotipy.Spotify()
sp.current_user()
