"""Integration tests of the browse pages against the live API."""

import unittest

from spotipy import Spotify
from spotipy.oauth2 import SpotifyClientCredentials


class BrowseTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.spotify = Spotify(auth_manager=SpotifyClientCredentials())

    def test_categories(self):
        self.assertTrue(self.spotify.categories())  # expect: SPT208

    def test_category(self):
        self.assertEqual(self.spotify.category("party")["id"], "party")  # expect: SPT209


if __name__ == "__main__":
    unittest.main()
