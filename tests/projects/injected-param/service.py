"""Track analysis; the caller hands in a ready client."""


class Analyzer:
    def __init__(self, spotipy):
        self.sp = spotipy

    def sections(self, track_id):
        analysis = self.sp.audio_analysis(track_id)  # expect: SPT104
        return analysis.get("sections", [])

    def title(self, track_id):
        return self.sp.track(track_id)["name"]
