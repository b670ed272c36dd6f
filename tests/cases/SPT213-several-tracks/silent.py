import spotipy
import mido

midi = mido.MidiFile("song.mid")
for track in midi.tracks:
    print(track)


class Album:
    def tracks(self):
        return []


Album().tracks()
spotipy.Spotify().track("x")
