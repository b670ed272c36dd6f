import tekore as tk


class LocalAnalysis:
    def audio_analysis(self, path):
        return {"beats": []}


def run(path):
    analyser = LocalAnalysis()
    return analyser.audio_analysis(path)


spotify = tk.Spotify("token")
spotify.track("x")
