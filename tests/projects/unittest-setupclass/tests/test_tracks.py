"""Track look-ups."""

from .base import SpotifyCase

IDS = ["11dFghVXANMlKmJXsNCbNl", "7ouMYWpwJ422jRcDASZB7P"]


class TrackTest(SpotifyCase):
    def test_several(self):
        self.assertEqual(len(self.client.tracks(IDS)["tracks"]), 2)  # expect: SPT213

    def test_one(self):
        self.assertEqual(self.client.track(IDS[0])["id"], IDS[0])
