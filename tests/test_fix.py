"""`spotlint fix`: rewritten sources and compat modules per rule and strategy (snapshots),
idempotence, untouched files, encodings, compat ownership, notebooks and the CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from casefiles import CASES, case_files
from spotlint.catalogue.load import load_catalogue
from spotlint.cli import main
from spotlint.engine.check import Analysis, analyse_source
from spotlint.fix.apply import fix_paths
from spotlint.fix.plan import plan

STRATEGIES = ("stub", "local")
OPT_IN = ("reccobeats",)  # strategies only some rules offer: snapshots for those rules only


def run_fix(root: Path, catalogue, all_codes, strategy="local", unsafe=True, write=True, paths=None):
    return fix_paths([str(p) for p in (paths or [root])], catalogue, all_codes, strategy, unsafe, None, write)


FIXABLE = [
    f"{r.code}-{r.name}" for r in load_catalogue().rules if r.fix and (CASES / f"{r.code}-{r.name}" / "found.py").is_file()
]


SNAPSHOTS = [(s, c) for c in FIXABLE for s in STRATEGIES] + [
    (s, f"{r.code}-{r.name}") for r in load_catalogue().rules for s in OPT_IN if s in r.fix
]


@pytest.mark.parametrize(("strategy", "case"), SNAPSHOTS)
def test_fix_per_rule_snapshot(tmp_path, catalogue, all_codes, snapshot, strategy, case):
    folder = CASES / case
    shutil.copy(folder / "found.py", tmp_path / "app.py")
    report = run_fix(tmp_path, catalogue, all_codes, strategy)
    fixed = (tmp_path / "app.py").read_text()
    compat = (tmp_path / "spotify_compat.py").read_text() if (tmp_path / "spotify_compat.py").exists() else ""
    snapshot.snapshot_dir = folder / "snapshots"
    snapshot.assert_match(fixed, f"fix-{strategy}.py.txt")
    snapshot.assert_match(compat, f"compat-{strategy}.py.txt")
    compile(fixed, "app.py", "exec")
    compile(compat, "spotify_compat.py", "exec")
    assert (report.fixed > 0) == (fixed != (folder / "found.py").read_text())


@pytest.mark.parametrize("path", [p for p in case_files() if p.suffix == ".py"], ids=lambda p: p.relative_to(p.parents[1]).as_posix())
def test_fix_is_idempotent_and_leaves_clean_files_alone(tmp_path, catalogue, all_codes, path):
    target = tmp_path / "app.py"
    shutil.copy(path, target)
    before = target.read_bytes()
    stamp = target.stat().st_mtime_ns
    run_fix(tmp_path, catalogue, all_codes, "local")
    after = target.read_bytes()
    if after == before:
        assert target.stat().st_mtime_ns == stamp  # not even rewritten with the same bytes
        assert not (tmp_path / "spotify_compat.py").exists() or path.name != "silent.py"
    compile(after, "app.py", "exec")
    snapshot_all = {p: p.read_bytes() for p in tmp_path.rglob("*.py")}
    second = run_fix(tmp_path, catalogue, all_codes, "local")
    assert second.fixed == 0
    assert {p: p.read_bytes() for p in tmp_path.rglob("*.py")} == snapshot_all
    # what the fix rewrote is no longer fixable
    outcome = analyse_source(after.decode(), "app.py", catalogue, all_codes)
    assert isinstance(outcome, Analysis)
    assert plan(outcome.located, "local", True, frozenset({"spotipy", "tekore"}), frozenset()).rewrites == ()


def test_silent_cases_are_never_touched(tmp_path, catalogue, all_codes):
    for path in [p for p in case_files() if p.name == "silent.py"]:
        work = tmp_path / path.parent.name
        work.mkdir()
        shutil.copy(path, work / "app.py")
        report = run_fix(work, catalogue, all_codes, "stub")
        assert report.fixed == 0 and (work / "app.py").read_bytes() == path.read_bytes()
        assert not (work / "spotify_compat.py").exists()


def test_encoding_bom_and_line_endings_are_kept(tmp_path, catalogue, all_codes):
    src = "# -*- coding: latin-1 -*-\r\nimport spotipy\r\nname = 'caf\xe9'\r\nspotipy.Spotify().audio_features([name])\r\n"
    (tmp_path / "latin.py").write_bytes(src.encode("latin-1"))
    (tmp_path / "bom.py").write_bytes(b"\xef\xbb\xbfimport spotipy\nspotipy.Spotify().tracks(['a'])\n")
    run_fix(tmp_path, catalogue, all_codes, "stub")
    latin = (tmp_path / "latin.py").read_bytes()
    assert latin.count(b"\r\n") == latin.count(b"\n") and b"caf\xe9" in latin
    assert b"spotify_compat.audio_features(spotipy.Spotify(), [name])" in latin
    bom = (tmp_path / "bom.py").read_bytes()
    assert bom.startswith(b"\xef\xbb\xbf") and b"spotify_compat.tracks(spotipy.Spotify(), ['a'])" in bom


def test_shapes_of_rewrites(tmp_path, catalogue, all_codes):
    src = (
        '"""Doc."""\n'
        "from __future__ import annotations\n"
        "import spotipy\n"
        "sp = spotipy.Spotify()\n"
        "a = sp.audio_features(\n    ['x'],\n)\n"
        "b = getattr(sp, 'audio_features')\n"
        "c = list(map(sp.artist_related_artists, ['y']))\n"
        "d = sp.recommendation_genre_seeds()\n"
    )
    (tmp_path / "app.py").write_text(src)
    run_fix(tmp_path, catalogue, all_codes, "stub")
    assert (tmp_path / "app.py").read_text() == (
        '"""Doc."""\n'
        "from __future__ import annotations\n"
        "import spotipy\n"
        "import functools\n"
        "import spotify_compat\n"
        "\n"
        "sp = spotipy.Spotify()\n"
        "a = spotify_compat.audio_features(sp,\n    ['x'],\n)\n"
        "b = functools.partial(spotify_compat.audio_features, sp)\n"
        "c = list(map(functools.partial(spotify_compat.artist_related_artists, sp), ['y']))\n"
        "d = spotify_compat.recommendation_genre_seeds(sp)\n"
    )


def test_unsafe_fixes_need_the_flag(tmp_path, catalogue, all_codes):
    (tmp_path / "app.py").write_text("import spotipy\nsp = spotipy.Spotify()\nsp.playlist_add_items('p', ['t'])\n")
    report = run_fix(tmp_path, catalogue, all_codes, "stub", unsafe=False)
    assert report.fixed == 0
    assert [left.reason.split(" (")[0] for left in report.left] == ["unsafe fix"]
    assert run_fix(tmp_path, catalogue, all_codes, "stub", unsafe=True).fixed == 1


def test_compat_module_keeps_user_edits_and_refuses_broken_files(tmp_path, catalogue, all_codes):
    app = "import spotipy\nsp = spotipy.Spotify()\nsp.audio_features(['a'])\n"
    (tmp_path / "app.py").write_text(app)
    run_fix(tmp_path, catalogue, all_codes, "stub")
    compat = tmp_path / "spotify_compat.py"
    edited = compat.read_text().replace("return [None for _ in _ids(tracks)]", "return [{} for _ in _ids(tracks)]")
    compat.write_text(edited + "\n\ndef mine():\n    return 1\n")
    (tmp_path / "more.py").write_text("import spotipy\nsp = spotipy.Spotify()\nsp.audio_analysis('a')\nsp.audio_features('b')\n")
    run_fix(tmp_path, catalogue, all_codes, "stub")
    merged = compat.read_text()
    assert "return [{} for _ in _ids(tracks)]" in merged and "def mine():" in merged
    assert "def audio_analysis(" in merged and merged.count("def audio_features(") == 1
    compat.write_text("def broken(:\n")
    (tmp_path / "third.py").write_text("import spotipy\nspotipy.Spotify().artist_top_tracks('x')\n")
    report = run_fix(tmp_path, catalogue, all_codes, "stub")
    assert any("cannot update the compat module" in p for p in report.problems)
    assert compat.read_text() == "def broken(:\n"


def test_notebook_fix_changes_cell_sources_only(tmp_path, catalogue, all_codes):
    source = Path(__file__).parent / "mechanisms" / "notebooks" / "analysis.ipynb"
    notebook = tmp_path / "analysis.ipynb"
    original = json.loads(source.read_text())
    original["cells"][2]["outputs"] = [{"output_type": "stream", "name": "stdout", "text": ["sp.audio_features(x)\n"]}]
    notebook.write_text(json.dumps(original, indent=1) + "\n")
    run_fix(tmp_path, catalogue, all_codes, "stub")
    fixed = json.loads(notebook.read_text())
    assert fixed["cells"][2]["outputs"] == original["cells"][2]["outputs"]
    assert fixed["metadata"] == original["metadata"]
    first, features, related = ("".join(fixed["cells"][i]["source"]) for i in (1, 2, 5))
    assert first.startswith("import spotify_compat\n!pip install spotipy pandas\n%matplotlib inline\n")
    assert "spotify_compat.audio_features(sp, ids)" in features and features.startswith("%%time\n")
    assert "spotify_compat.artist_related_artists(sp, " in related and related.startswith("files = !ls data/\n")
    assert (tmp_path / "spotify_compat.py").is_file()
    assert run_fix(tmp_path, catalogue, all_codes, "stub").fixed == 0


def test_cli_diff_check_and_exit_codes(tmp_path):
    app = tmp_path / "app.py"
    app.write_text("import spotipy\nsp = spotipy.Spotify()\nsp.tracks(['a'])\n")
    runner = CliRunner()
    result = runner.invoke(main, ["fix", "--diff", str(tmp_path)])
    assert result.exit_code == 1
    assert f"-sp.tracks(['a'])\n+spotify_compat.tracks(sp, ['a'])" in result.stdout
    assert "Would fix 1 finding in 1 file (strategy: each rule's default)." in result.stderr
    assert '+    return _several(client, "tracks", "track", tracks, market=market)' in result.stdout  # SPT213: local
    assert app.read_text().endswith("sp.tracks(['a'])\n") and not (tmp_path / "spotify_compat.py").exists()
    assert runner.invoke(main, ["fix", "--check", str(tmp_path)]).exit_code == 1
    result = runner.invoke(main, ["fix", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    assert "Fixed 1 finding in 1 file (strategy: each rule's default)." in result.stderr
    assert runner.invoke(main, ["fix", "--check", str(tmp_path)]).exit_code == 0
    app.write_text(app.read_text() + "print(sp.track('a')['preview_url'])\n")
    result = runner.invoke(main, ["fix", str(tmp_path)])
    assert result.exit_code == 1
    assert "SPT108 ×1: no automatic fix" in result.stderr


def test_raw_http_playlist_route_is_renamed_by_the_local_strategy(tmp_path, catalogue, all_codes):
    shutil.copy(Path(__file__).parent / "data" / "raw_routes.py", tmp_path / "app.py")
    assert run_fix(tmp_path, catalogue, all_codes, "stub").fixed == 0
    report = run_fix(tmp_path, catalogue, all_codes, "local", unsafe=False)
    text = (tmp_path / "app.py").read_text()
    assert report.fixed == 2
    assert 'f"{BASE}/playlists/{pid}/items?limit=50"' in text
    assert '"/".join([BASE, "playlists", pid, "items"])' in text
    assert 'BASE + "/playlists/" + pid + "/tracks"' in text  # DELETE renames a body key too: unsafe
    assert not (tmp_path / "spotify_compat.py").exists()  # a path rename needs no compat module
    reasons = sorted(left.reason.split(":")[0] for left in report.left)
    assert reasons == ["no safe rewrite for a raw HTTP request", "unsafe fix (DELETE also renames a request body key); run with --unsafe-fixes to apply it"]
    run_fix(tmp_path, catalogue, all_codes, "local", unsafe=True)
    assert 'BASE + "/playlists/" + pid + "/items"' in (tmp_path / "app.py").read_text()


def test_deeply_nested_code_is_fixed_or_left_alone_never_crashes(tmp_path, catalogue, all_codes):
    deep = "x = " + " + ".join(["'a'"] * 900) + "\n"
    (tmp_path / "deep.py").write_text("import spotipy\nsp = spotipy.Spotify()\n" + deep + "sp.tracks(['a'])\n")
    (tmp_path / "ok.py").write_text("import spotipy\nsp = spotipy.Spotify()\nsp.tracks(['a'])\n")
    report = run_fix(tmp_path, catalogue, all_codes, "stub")
    assert "spotify_compat.tracks(sp, ['a'])" in (tmp_path / "ok.py").read_text()
    deep_text = (tmp_path / "deep.py").read_text()
    compile(deep_text, "deep.py", "exec")
    assert report.fixed >= 1
