from music.spotify_api import SpotifyApi, WeatherApi


def connect(token: str) -> SpotifyApi:
    return SpotifyApi(token)


def forecast(token: str):
    return WeatherApi(token)
