import httpx


class RestClient:
    """A generic JSON client: knows nothing of Spotify by itself."""

    def __init__(self, base_url: str, token: str) -> None:
        self.base_url = base_url.rstrip("/")
        self.http = httpx.Client(headers={"Authorization": f"Bearer {token}"})

    def get(self, path: str, params: dict | None = None) -> dict:
        return self.http.get(f"{self.base_url}/{path}", params=params).json()

    def get_json(self, path: str) -> dict:
        return self.get(path)
