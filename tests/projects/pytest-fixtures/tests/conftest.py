"""Live-API fixtures: the tests talk to the real Spotify Web API."""

import os

import pytest
import spotipy
from spotipy.oauth2 import SpotifyClientCredentials


@pytest.fixture
def spotify():
    return spotipy.Spotify(auth_manager=SpotifyClientCredentials())


@pytest.fixture(scope="session")
def user_client():
    client = spotipy.Spotify(auth=os.environ["SPOTIFY_TOKEN"], requests_timeout=20)
    yield client
    client.requests_timeout = None


@pytest.fixture
def seed_ids():
    return ["4NHQUGzhtTLFvgF5SZesLK", "0OdUWJ0sBjDrqHygGUXeCF"]
