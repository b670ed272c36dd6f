"""Per-song data for the dashboard."""

from base import SpotifyBase


class SongData(SpotifyBase):
    def __init__(self, ids):
        super().__init__()
        self.ids = list(ids)

    def features(self):
        return self.spotipyObject.audio_features(self.ids)  # expect: SPT103

    def details(self):
        return self.spotipyObject.tracks(self.ids)  # expect: SPT213

    def names(self):
        return [self.spotipyObject.track(i)["name"] for i in self.ids]
