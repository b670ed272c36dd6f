import requests
import spotipy

sp = spotipy.Spotify()
DISCOVER_WEEKLY = "37i9dQZEVXcJEB08dKtQV4"
weekly = sp.playlist(DISCOVER_WEEKLY)  # expect: SPT109

EDITORIAL = {
    "top-hits": "https://open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M?si=abc",  # expect: SPT109
    "rapcaviar": "spotify:playlist:37i9dQZF1DX0XUsuxWHRQd",  # expect: SPT109
    "legacy": "spotify:user:spotifycharts:playlist:37i9dQZEVXbMDoHDwVN2tF",  # expect: SPT109
}
items = requests.get("https://api.spotify.com/v1/playlists/37i9dQZF1DX4JAvHpjipBk/tracks")  # expect: SPT109, SPT220
