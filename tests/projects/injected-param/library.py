"""The user's local music library (files on disk)."""

from pathlib import Path


class Library:
    def __init__(self, root="~/Music"):
        self.root = Path(root).expanduser()

    def tracks(self, ids):
        return [self.root / f"{i}.mp3" for i in ids]
