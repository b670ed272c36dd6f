"""`spotlint fix` rewrites only receivers resolved to a client, and what it writes keeps its
types: maybe-clients, model fields and the project's own look-alike classes are reported (or
not) but never rewritten; a client from another module still is; and `check` after a fix
still sees removed fields read from the compat functions' results."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

from click.testing import CliRunner

from spotlint.api import check_paths
from spotlint.cli import main
from spotlint.fix.apply import fix_paths
from spotlint.fix.plan import MAYBE_CLIENT, NO_REWRITE

DATA = Path(__file__).parent / "data"
PROJECTS = Path(__file__).parent / "projects"


def run_fix(root: Path, catalogue, all_codes, strategy="stub"):
    return fix_paths([str(root)], catalogue, all_codes, strategy, True, None, True)


def write(root: Path, files: dict[str, str]) -> None:
    (root / "pyproject.toml").write_text("[project]\nname = 'app'\ndependencies = ['spotipy', 'tekore']\n")
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)


def test_a_maybe_client_is_reported_and_left_with_its_kind(tmp_path, catalogue, all_codes):
    app = (
        "import spotipy\n"
        "sp = spotipy.Spotify()\n"
        "def features(thing, ids):\n"
        "    return thing.audio_features(ids)\n"  # unknown receiver, a name only clients use
        "def related(thing):\n"
        "    return list(map(thing.artist_related_artists, ['a']))\n"
        "class Offline:\n"
        "    def audio_analysis(self, track):\n"
        "        return {}\n"
        "mixed = sp if len('x') else Offline()\n"
        "mixed.audio_analysis('t')\n"  # a client or the app's own offline stand-in
        "sp.audio_features(['a'])\n"
    )
    write(tmp_path, {"app.py": app})
    report = run_fix(tmp_path, catalogue, all_codes)
    text = (tmp_path / "app.py").read_text()
    assert "thing.audio_features(ids)" in text and "map(thing.artist_related_artists," in text
    assert "mixed.audio_analysis('t')" in text
    assert "spotify_compat.audio_features(sp, ['a'])" in text and report.fixed == 1
    left = sorted((item.finding.span.line, item.finding.code, item.kind) for item in report.left)
    assert left == [(4, "SPT103", MAYBE_CLIENT), (6, "SPT105", MAYBE_CLIENT), (11, "SPT104", MAYBE_CLIENT)]  # as check reports
    assert all("not known to be a Spotify client" in item.reason for item in report.left)
    after = check_paths([str(tmp_path)], catalogue, all_codes)
    assert {f.code for r in after for f in r.findings} == {"SPT103", "SPT104", "SPT105"}  # still reported


def test_the_fix_summary_says_why_a_maybe_client_is_left(tmp_path):
    write(tmp_path, {"app.py": "import spotipy\ndef features(thing):\n    return thing.audio_features(['a'])\n"})
    result = CliRunner().invoke(main, ["fix", "--diff", str(tmp_path)])
    assert result.exit_code == 1
    assert "SPT103 ×1: the receiver is not known to be a Spotify client" in result.stderr
    assert "reported, not rewritten" in result.stderr and not result.stdout


def test_only_client_calls_are_maybe_client_findings(tmp_path, catalogue, all_codes):
    top = "def top(thing):\n    return thing.artist_top_tracks('a')['tracks'][0]['available_markets']\n"
    write(tmp_path, {"app.py": "import spotipy\n" + top})
    report = run_fix(tmp_path, catalogue, all_codes)
    kinds = {item.finding.code: item.kind for item in report.left}
    assert kinds == {"SPT241": NO_REWRITE, "SPT202": MAYBE_CLIENT}


def test_model_field_reads_are_never_turned_into_calls(tmp_path, catalogue, all_codes):
    app = (
        "import spotipy\n"
        "import tekore as tk\n"
        "spotify = tk.Spotify('token')\n"
        "sp = spotipy.Spotify()\n"
        "def markets(track: tk.model.FullTrack):\n"
        "    if track.available_markets is None:\n"
        "        return 0\n"
        "    return len(track.available_markets)\n"
        "item = sp if len('x') else spotify.track('t')\n"  # spotipy's client (it has the method) or a model
        "print(item.available_markets)\n"
        "fn = sp.available_markets\n"  # an uncalled method of a resolved client: a callback
    )
    write(tmp_path, {"app.py": app})
    before = check_paths([str(tmp_path)], catalogue, all_codes)
    report = run_fix(tmp_path, catalogue, all_codes)
    text = (tmp_path / "app.py").read_text()
    assert "if track.available_markets is None:" in text and "len(track.available_markets)" in text
    assert "print(item.available_markets)" in text
    assert "fn = functools.partial(spotify_compat.available_markets, sp)" in text and report.fixed == 1
    found = sorted((f.span.line, f.code) for r in before for f in r.findings)
    assert found == [(6, "SPT241"), (8, "SPT241"), (10, "SPT241"), (11, "SPT203")]


def test_a_project_class_named_spotify_is_never_rewritten(tmp_path, catalogue, all_codes):
    """The decoys project's in-house ``Spotify`` (requests underneath, ``.json()`` on its
    results), used beside a real spotipy import, annotated, passed and stored."""
    shutil.copytree(PROJECTS / "decoys", tmp_path / "decoys")
    root = tmp_path / "decoys"
    (root / "beside.py").write_text(
        "import spotipy\n"
        "from mylib.spotify import Spotify\n"
        "from mylib import spotify as internal\n"
        "def typed(service: Spotify, ids):\n"
        "    return service.audio_features(ids).json()\n"
        "def passed(service, ids):\n"
        "    return service.recommendations(ids).json()\n"
        "passed(Spotify(), ['a'])\n"
        "class Holder:\n"
        "    def __init__(self):\n"
        "        self.api = internal.Spotify()\n"
        "    def go(self):\n"
        "        return self.api.tracks(['a']).json()\n"
    )
    before = {p: p.read_bytes() for p in root.rglob("*.py")}
    report = run_fix(root, catalogue, all_codes, "local")
    assert report.fixed == 0 and not (root / "spotify_compat.py").exists()
    assert {p: p.read_bytes() for p in root.rglob("*.py")} == before
    assert all(item.kind == MAYBE_CLIENT for item in report.left)  # whatever is still reported


def test_a_client_resolved_across_modules_is_still_rewritten(tmp_path, catalogue, all_codes):
    write(tmp_path, {
        "app/__init__.py": "",
        "app/config.py": "import spotipy\nsp = spotipy.Spotify()\n\ndef client() -> spotipy.Spotify:\n    return sp\n",
        "app/clients.py": "import spotipy\n\nclass Cached(spotipy.Spotify):\n    pass\n",
        "app/routes.py": (
            "from app.clients import Cached\n"
            "from app.config import client, sp\n"
            "def features(ids):\n"
            "    return sp.audio_features(ids)\n"
            "def related(artist):\n"
            "    return client().artist_related_artists(artist)\n"
            "callback = sp.audio_analysis\n"
            "def genres(cached: Cached):\n"  # a client subclass of another module
            "    return cached.recommendation_genre_seeds()\n"
        ),
    })
    report = run_fix(tmp_path, catalogue, all_codes)
    text = (tmp_path / "app" / "routes.py").read_text()
    assert "return spotify_compat.audio_features(sp, ids)" in text
    assert "return spotify_compat.artist_related_artists(client(), artist)" in text
    assert "callback = functools.partial(spotify_compat.audio_analysis, sp)" in text
    assert "return spotify_compat.recommendation_genre_seeds(cached)" in text
    assert report.fixed == 4 and not report.left


def test_check_after_fix_still_reports_fields_read_from_compat_results(tmp_path, catalogue, all_codes):
    shutil.copy(DATA / "field_reads.py", tmp_path / "app.py")
    write(tmp_path, {})
    for strategy in ("stub", "local"):
        before = check_paths([str(tmp_path)], catalogue, all_codes)
        fields = Counter(f.code for r in before for f in r.findings if catalogue.rule(f.code).kind == "field")
        assert fields == {"SPT240": 5, "SPT241": 1, "SPT244": 1, "SPT108": 1}
        report = run_fix(tmp_path, catalogue, all_codes, strategy)
        assert report.fixed == 6
        after = check_paths([str(tmp_path)], catalogue, all_codes)
        codes = Counter(f.code for r in after for f in r.findings)
        assert codes == fields, strategy  # the endpoint findings are fixed, the field reads stay
        shutil.copy(DATA / "field_reads.py", tmp_path / "app.py")
