"""`spotlint fix` without a strategy: each finding takes its rule's default (real alternatives
for renamed routes and several-item gets, stubs for removed endpoints); `--strategy` or the
config's `fix-strategy` forces one. The fixed code is run against the fake client."""

from __future__ import annotations

import importlib
import shutil
import sys
import types
from pathlib import Path

import pytest
from click.testing import CliRunner

from casefiles import CASES
from fakes import FakeSpotify
from spotlint.catalogue.load import load_catalogue
from spotlint.cli import main
from spotlint.fix.apply import fix_paths
from spotlint.fix.blocks import choose

APP = (
    "import spotipy\n"
    "sp = spotipy.Spotify()\n"
    "\n"
    "def load(ids, pid):\n"
    "    tracks = sp.tracks(ids)['tracks']\n"  # SPT213: several-item get
    "    features = sp.audio_features(ids)\n"  # SPT103: removed endpoint
    "    items = sp.playlist_items(pid)['items']\n"  # SPT220: renamed route
    "    mine = sp.user_playlists('me')\n"  # SPT215: /me/playlists
    "    return tracks, features, items, mine\n"
)


def run(root: Path, catalogue, all_codes, strategy):
    return fix_paths([str(root)], catalogue, all_codes, strategy, False, None, True)


def compat_of(root: Path) -> str:
    return (root / "spotify_compat.py").read_text()


def test_without_a_strategy_each_rule_uses_its_default(tmp_path, catalogue, all_codes):
    (tmp_path / "app.py").write_text(APP)
    report = run(tmp_path, catalogue, all_codes, None)
    assert report.fixed == 4 and not report.left
    compat = compat_of(tmp_path)
    assert 'return _several(client, "tracks", "track", tracks, market=market)' in compat  # loop of single gets
    assert 'client._get(f"playlists/{plid}/items"' in compat and "entry[\"track\"] = entry[\"item\"]" in compat
    assert "client.current_user_playlists(limit=limit, offset=offset)" in compat
    assert "return [None for _ in _ids(tracks)]" in compat  # audio features: the stub
    assert "_feature_rows" not in compat  # ... not the local dataset lookup


def test_strategy_stub_forces_stubs_everywhere(tmp_path, catalogue, all_codes):
    (tmp_path / "app.py").write_text(APP)
    result = CliRunner().invoke(main, ["fix", "--strategy", "stub", str(tmp_path)])
    assert "Fixed 4 findings in 1 file (strategy: stub)." in result.stderr
    compat = compat_of(tmp_path)
    assert "_several" not in compat and "/items" not in compat and "current_user_playlists" not in compat
    assert compat.count("_warn_once(\"") >= 4  # every function is a stub that warns


def test_config_forces_a_strategy_and_the_command_line_can_ask_for_the_defaults(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.spotlint]\nfix-strategy = "stub"\n')
    (tmp_path / "app.py").write_text("import spotipy\nsp = spotipy.Spotify()\nsp.tracks(['a'])\n")
    runner = CliRunner()
    forced = runner.invoke(main, ["fix", "--diff", str(tmp_path)])
    assert "(strategy: stub)" in forced.stderr and "_several" not in forced.stdout
    defaults = runner.invoke(main, ["fix", "--diff", "--strategy", "default", str(tmp_path)])
    assert "(strategy: each rule's default)" in defaults.stderr and "_several" in defaults.stdout


def test_strategy_local_forces_local_where_there_is_one(tmp_path, catalogue, all_codes):
    (tmp_path / "app.py").write_text(APP + "seeds = sp.recommendation_genre_seeds()\n")
    report = run(tmp_path, catalogue, all_codes, "local")
    compat = compat_of(tmp_path)
    assert "_feature_rows" in compat  # SPT103's local alternative, though its default is the stub
    notes = [note for fix in report.files for note in fix.notes]
    assert notes == ["SPT102 recommendation_genre_seeds: no honest local alternative: uses the stub"]


def test_raw_urls_of_renamed_routes_are_renamed_by_default(tmp_path, catalogue, all_codes):
    shutil.copy(Path(__file__).parent / "data" / "raw_routes.py", tmp_path / "app.py")
    report = run(tmp_path, catalogue, all_codes, None)
    text = (tmp_path / "app.py").read_text()
    assert report.fixed == 2
    assert 'f"{BASE}/playlists/{pid}/items?limit=50"' in text
    assert '"/".join([BASE, "playlists", pid, "items"])' in text
    assert 'BASE + "/playlists/" + pid + "/tracks"' in text  # DELETE: unsafe, needs the flag
    assert 'BASE + "/audio-features?ids="' in text  # a removed endpoint: no raw rewrite


def test_raw_urls_are_left_when_stubs_are_forced(tmp_path, catalogue, all_codes):
    shutil.copy(Path(__file__).parent / "data" / "raw_routes.py", tmp_path / "app.py")
    report = run(tmp_path, catalogue, all_codes, "stub")
    assert report.fixed == 0
    assert "raw HTTP requests are rewritten by the local strategy (to the new route), not by stub" in {
        left.reason for left in report.left}


def test_a_local_default_is_a_real_alternative_for_every_spotipy_method(catalogue):
    """A rule that defaults to local has a local template per spotipy method, not the stub fallback."""
    missing = [(rule.code, method) for rule in catalogue.rules if rule.fix_default == "local" and rule.kind != "pin"
               for method in rule.methods_of("spotipy")
               if (choice := choose("spotipy", method, "local")) is None or choice.fallback]
    assert missing == [("SPT250", "search_markets")]  # left with a reason: no page-by-page version yet


FIXABLE = [r for r in load_catalogue().rules if r.fix and (CASES / f"{r.code}-{r.name}" / "found.py").is_file()]


@pytest.mark.parametrize("rule", FIXABLE, ids=lambda r: r.code)
def test_each_case_fixed_by_default_is_its_default_strategys_snapshot(tmp_path, catalogue, all_codes, rule):
    """The per-rule snapshots hold each strategy's result; the default run gives the default's."""
    folder = CASES / f"{rule.code}-{rule.name}"
    shutil.copy(folder / "found.py", tmp_path / "app.py")
    fix_paths([str(tmp_path)], catalogue, all_codes, None, True, None, True)
    expected = (folder / "snapshots" / f"fix-{rule.fix_default}.py.txt").read_text()
    assert (tmp_path / "app.py").read_text() == expected


@pytest.fixture
def fake_spotipy(monkeypatch):
    """`import spotipy` in the fixed code gives a module whose Spotify is the fake client."""
    module = types.ModuleType("spotipy")
    module.Spotify = FakeSpotify  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "spotipy", module)
    for name in ("app", "spotify_compat"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    return module


RUNNABLE = (
    "import spotipy\n"
    "\n"
    "def track_names(sp: spotipy.Spotify, ids):\n"
    "    found = sp.tracks(ids)\n"
    "    return [track['id'] for track in found['tracks']]\n"
    "\n"
    "def playlist_track_ids(sp: spotipy.Spotify, pid):\n"
    "    return [entry['track']['id'] for entry in sp.playlist_items(pid)['items']]\n"
)


def _import_fixed(root: Path, monkeypatch) -> types.ModuleType:
    monkeypatch.syspath_prepend(str(root))
    importlib.invalidate_caches()
    return importlib.import_module("app")


def test_fixed_several_item_get_returns_the_shape_the_code_expects(tmp_path, catalogue, all_codes, fake_spotipy,
                                                                      monkeypatch):
    (tmp_path / "app.py").write_text(RUNNABLE)
    assert run(tmp_path, catalogue, all_codes, None).fixed == 2
    app = _import_fixed(tmp_path, monkeypatch)
    client = FakeSpotify()
    assert app.track_names(client, ["a", "b", "c"]) == ["a", "b", "c"]  # objects, not Nones
    assert [name for name, _, _ in client.calls] == ["track", "track", "track"]
    assert app.playlist_track_ids(client, "p1") == ["t1"]  # the new route, the old `track` key kept
    assert client.calls[-1][:2] == ("_get", ("playlists/p1/items",))


def test_the_forced_stub_gives_nones_that_the_same_code_trips_on(tmp_path, catalogue, all_codes, fake_spotipy,
                                                                   monkeypatch):
    """Why several-item gets default to the loop: the stub's list of None breaks the next line."""
    (tmp_path / "app.py").write_text(RUNNABLE)
    run(tmp_path, catalogue, all_codes, "stub")
    app = _import_fixed(tmp_path, monkeypatch)
    with pytest.warns(RuntimeWarning), pytest.raises(TypeError):
        app.track_names(FakeSpotify(), ["a"])
