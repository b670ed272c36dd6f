"""Dump track data for the ids given on the command line."""

import json
import sys

import common
from common import sp


def main(ids):
    print(json.dumps(sp.tracks(ids, market=common.MARKET)))  # expect: SPT213
    print(json.dumps(common.sp.audio_features(ids)))  # expect: SPT103


if __name__ == "__main__":
    main(sys.argv[1:])
