from music.rest import RestClient


class SpotifyApi(RestClient):
    ROOT = "https://api.spotify.com/v1"

    def __init__(self, token: str) -> None:
        super().__init__(self.ROOT, token)


class WeatherApi(RestClient):
    def __init__(self, token: str) -> None:
        super().__init__("https://weather.example.org/api", token)
