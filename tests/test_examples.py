"""`spotlint check examples/` reports each restricted use of the example app and nothing else."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner

from spotlint.cli import main

ROOT = Path(__file__).resolve().parent.parent

EXPECTED = [
    ("examples/moodmix/cli.py", 11, "SPT108"),  # t["preview_url"] on tracks from the service
    ("examples/moodmix/cli.py", 27, "SPT204"),  # new_releases on the factory's client
    ("examples/moodmix/service.py", 21, "SPT103"),  # audio_features on self.sp (Optional["spotipy.Spotify"])
    ("examples/moodmix/service.py", 28, "SPT105"),  # artist_related_artists
    ("examples/moodmix/service.py", 32, "SPT101"),  # recommendations(seed_tracks=…)
    ("examples/moodmix/service.py", 36, "SPT213"),  # tracks(ids)
    ("examples/moodmix/service.py", 37, "SPT240"),  # t["popularity"]
    ("examples/moodmix/service.py", 40, "SPT109"),  # Today's Top Hits, a Spotify-owned playlist
    ("examples/moodmix/service.py", 40, "SPT220"),  # …read through the renamed items route
    ("examples/moodmix/service.py", 44, "SPT201"),  # user_playlist_create
    ("examples/moodmix/service.py", 45, "SPT220"),  # playlist_add_items through the old route
    ("examples/requirements.txt", 1, "SPT230"),  # spotipy pinned below 2.26
]


def test_examples_report_exactly_the_restricted_uses(snapshot):
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(main, ["check", "examples/"])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 1
    got = [(line.split(":")[0], int(line.split(":")[1]), line.split()[1]) for line in result.stdout.splitlines()]
    assert got == EXPECTED
    snapshot.snapshot_dir = Path(__file__).parent / "snapshots"
    snapshot.assert_match(result.stdout, "examples.txt")
