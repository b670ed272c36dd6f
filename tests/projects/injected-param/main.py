"""Entry point: build the client once and hand it to the helpers."""

import sys

import spotipy
from spotipy.oauth2 import SpotifyClientCredentials

from helpers import features, local_tracks, outer, owners
from library import Library
from service import Analyzer


def main(ids):
    client = spotipy.Spotify(auth_manager=SpotifyClientCredentials())
    analyzer = Analyzer(client)
    print(analyzer.sections(ids[0]))
    print(features(client, ids))
    print(outer(client, ids))
    print(owners(["spotify"], sp=client))
    print(local_tracks(Library(), ids))


if __name__ == "__main__":
    main(sys.argv[1:])
