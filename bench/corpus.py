"""Build the benchmark corpora: a copy of this machine's CPython standard library, and 1,000
generated Spotify-heavy modules (every file a worst case: clients, restricted calls, raw
HTTP, field reads, playlist ids). Deterministic: the same seed gives the same files."""

from __future__ import annotations

import random
import shutil
import sysconfig
from pathlib import Path

HERE = Path(__file__).parent
CORPORA = HERE / ".corpus"

METHODS = [
    ("audio_features", "ids"), ("audio_analysis", "ids[0]"), ("artist_related_artists", "artist_id"),
    ("recommendations", "seed_tracks=ids[:5]"), ("featured_playlists", "limit=10"), ("tracks", "ids"),
    ("artists", "ids"), ("albums", "ids"), ("artist_top_tracks", "artist_id"), ("new_releases", "country='SE'"),
    ("playlist_items", "playlist_id"), ("playlist_add_items", "playlist_id, uris"),
    ("current_user_saved_tracks_add", "ids"), ("user_follow_artists", "ids"), ("user_playlist_create", "user, name"),
    ("category_playlists", "'party'"), ("available_markets", ""), ("user", "user"), ("track", "ids[0]"),
    ("current_user_top_tracks", "limit=20"), ("search", "q=name, type='track'"),
]
URLS = [
    'f"{BASE}/audio-features?ids={\',\'.join(ids)}"', 'BASE + "/tracks?ids=" + ",".join(ids)',
    '"%s/artists/%s/related-artists" % (BASE, artist_id)', '"{}/playlists/{}/tracks".format(BASE, playlist_id)',
    'f"{BASE}/tracks/{ids[0]}"', 'f"{BASE}/me/playlists"',
]


def stdlib() -> Path:
    target = CORPORA / "stdlib"
    if not target.exists():
        source = Path(sysconfig.get_paths()["stdlib"])
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("site-packages", "__pycache__", "*.pyc"))
    return target


def _module(rng: random.Random, index: int) -> str:
    lines = [
        f'"""Generated Spotify-heavy module {index}."""',
        "from __future__ import annotations",
        "",
        "import requests",
        "import spotipy",
        "from spotipy.oauth2 import SpotifyOAuth",
        "",
        'BASE = "https://api.spotify.com/v1"',
        f'EDITORIAL = "37i9dQZF1DX{index:011d}"[:22]',
        "",
        "",
        "def make_client() -> spotipy.Spotify:",
        "    return spotipy.Spotify(auth_manager=SpotifyOAuth())",
        "",
        "",
        f"class Service{index}:",
        "    def __init__(self, client: spotipy.Spotify | None = None) -> None:",
        "        self.sp = client or make_client()",
        "        self.cache: dict[str, object] = {}",
        "",
    ]
    method_index = 0
    while len(lines) < 420:
        method_index += 1
        lines.append(f"    def step_{method_index}(self, ids, artist_id='a', playlist_id='p', uris=(), user='u', name='n'):")
        body_kind = rng.randrange(4)
        for _ in range(rng.randrange(4, 9)):
            choice = rng.random()
            if choice < 0.45:
                method, args = rng.choice(METHODS)
                lines.append(f"        result = self.sp.{method}({args})")
            elif choice < 0.6:
                lines.append(f"        response = requests.get({rng.choice(URLS)}, timeout=10)")
            elif choice < 0.75:
                key = rng.choice(["preview_url", "popularity", "name", "id", "followers", "uri"])
                lines.append(f"        value = self.cache.get('{key}') or {{}}.get('{key}')")
            elif choice < 0.85:
                lines.append("        total = sum(len(str(x)) for x in ids if x)")
            else:
                lines.append("        self.cache[str(len(self.cache))] = [i for i in range(10) if i % 2]")
        if body_kind == 0:
            lines.append("        return self.sp.playlist(EDITORIAL)")
        else:
            lines.append("        return None")
        lines.append("")
    return "\n".join(lines) + "\n"


def spotify_heavy(count: int = 1000) -> Path:
    target = CORPORA / "spotify"
    if not (target / f"gen_{count - 1:04d}.py").exists():
        target.mkdir(parents=True, exist_ok=True)
        rng = random.Random(20261124)
        for index in range(count):
            (target / f"gen_{index:04d}.py").write_text(_module(rng, index), encoding="utf-8")
    return target


def line_count(root: Path) -> int:
    return sum(p.read_bytes().count(b"\n") for p in root.rglob("*.py"))


if __name__ == "__main__":
    for corpus in (stdlib(), spotify_heavy()):
        files = sum(1 for _ in corpus.rglob("*.py"))
        print(f"{corpus}: {files} files, {line_count(corpus)} lines")
