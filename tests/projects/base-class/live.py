"""Songs currently on air: the same data plus beat-level analysis."""

from songs import SongData


class LiveSongData(SongData):
    def beats(self):
        return [self.spotipyObject.audio_analysis(i) for i in self.ids]  # expect: SPT104
