"""A test case with a fresh client per test."""

import os
import unittest

import spotipy


class SpotifyCase(unittest.TestCase):
    def setUp(self):
        self.client = spotipy.Spotify(auth=os.environ.get("SPOTIFY_TOKEN"))

    def tearDown(self):
        self.client = None
