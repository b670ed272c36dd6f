"""The shop's catalogue pages, served through the retrying client."""

from myclient import RetryingSpotify

client = RetryingSpotify(requests_timeout=5)


def shelf(ids):
    return client.albums(ids)  # expect: SPT205


def seeds():
    return client.recommendation_genre_seeds()  # expect: SPT102


class Browser(RetryingSpotify):
    def front_page(self):
        return self.featured_playlists(limit=10)  # expect: SPT106

    def album(self, album_id):
        return super().album(album_id)
