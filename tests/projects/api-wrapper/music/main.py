from music.service import connect, forecast
from music.views import lookup, weather


def run(token: str) -> None:
    print(lookup(connect(token), "daft punk"))
    print(weather(forecast(token), "Oslo"))
