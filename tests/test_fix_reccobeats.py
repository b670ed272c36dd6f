"""The opt-in ``reccobeats`` strategy: its compat functions against a local fake ReccoBeats
(order, None placement, batching, throttling, timeouts, target mapping, Spotify's shapes),
and `spotlint fix --strategy reccobeats` end to end: the rewritten file and its compat module
import and run against the fake service and the fake client."""

from __future__ import annotations

import ast
import importlib.util
import sys
import time
import types
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

from fake_reccobeats import FakeReccoBeats
from fakes import FakeSpotify
from spotlint.cli import main
from spotlint.fix.apply import fix_paths
from spotlint.fix.blocks import choose
from spotlint.fix.compat import render
from spotlint.fix.templates import reccobeats
from spotlint.fix.templates.reccobeats import ReccoBeatsError

FEATURES = {"a": {"danceability": 0.5, "energy": 0.7, "tempo": 120.0, "key": 5},
            "c": {"danceability": 0.2, "energy": 0.1, "tempo": 98.5, "key": 0}}


@pytest.fixture
def service(monkeypatch):
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    with FakeReccoBeats(features=dict(FEATURES), recommended=["r1", "r1", "r2", "r3"]) as fake:
        monkeypatch.setattr(reccobeats, "RECCOBEATS_URL", fake.url)
        yield fake


def test_audio_features_keep_the_order_with_none_where_the_service_has_none(service):
    asked = ["spotify:track:a", "b", "https://open.spotify.com/track/c", "a"]
    rows = reccobeats.audio_features(FakeSpotify(), asked)
    assert [row and row["id"] for row in rows] == ["a", None, "c", "a"]
    first = rows[0]
    assert (first["danceability"], first["tempo"], first["key"]) == (0.5, 120.0, 5)
    assert first["uri"] == "spotify:track:a" and first["type"] == "audio_features"
    assert first["track_href"] == "https://api.spotify.com/v1/tracks/a"
    assert first["time_signature"] is None  # Spotify's key, a value the service did not give
    assert "href" not in first and rows[0] is not rows[3]
    assert service.requests == [("/v1/audio-features", {"ids": "a,b,c"})]
    assert [row["id"] for row in reccobeats.audio_features(FakeSpotify(), "c")] == ["c"]  # a str is one id
    assert reccobeats.audio_features(FakeSpotify(), []) == []
    assert len(service.requests) == 2  # nothing asked, nothing sent


def test_audio_features_go_in_batches_of_forty(service):
    ids = [f"t{n}" for n in range(85)]
    service.features = {track: {"energy": n / 100} for n, track in enumerate(ids) if n % 2}
    rows = reccobeats.audio_features(FakeSpotify(), ids)
    assert [len(query["ids"].split(",")) for _, query in service.requests] == [40, 40, 5]
    assert [row and row["id"] for row in rows] == [track if n % 2 else None for n, track in enumerate(ids)]
    assert rows[83]["energy"] == 0.83


def test_throttling_raises_naming_retry_after(service):
    service.retry_after = "7"
    with pytest.raises(ReccoBeatsError, match=r"HTTP 429\); its Retry-After header says to wait 7 ") as caught:
        reccobeats.audio_features(FakeSpotify(), ["a"])
    assert caught.value.status == 429 and caught.value.retry_after == "7"
    assert reccobeats.audio_features(FakeSpotify(), ["a"])[0]["id"] == "a"  # the next call goes through


def test_other_errors_and_slow_answers_raise_too(service, monkeypatch):
    monkeypatch.setattr(reccobeats, "RECCOBEATS_URL", service.url.replace("/v1", "/v0"))
    with pytest.raises(ReccoBeatsError, match="answered HTTP 404") as caught:
        reccobeats.audio_features(FakeSpotify(), ["a"])
    assert caught.value.status == 404
    monkeypatch.setattr(reccobeats, "RECCOBEATS_URL", service.url)
    monkeypatch.setattr(reccobeats, "RECCOBEATS_TIMEOUT", 0.2)
    service.delay = 1.5
    start = time.monotonic()
    with pytest.raises(ReccoBeatsError, match="cannot reach ReccoBeats"):
        reccobeats.audio_features(FakeSpotify(), ["a"])
    assert time.monotonic() - start < 1.2


def test_recommendations_map_targets_and_fetch_tracks_from_spotify(service):
    client = FakeSpotify()
    with pytest.warns(RuntimeWarning) as caught:
        result = reccobeats.recommendations(
            client, seed_artists=["spotify:artist:ar"], seed_genres=["jazz"],
            seed_tracks=["https://open.spotify.com/track/s1"], limit=3, country="SE",
            target_energy=0.8, target_tempo=120, min_tempo=100, max_energy=0.9, target_popularity=50,
        )
    [message] = [str(w.message) for w in caught]
    assert all(part in message for part in ("genre seeds (jazz)", "min_tempo", "max_energy", "target_popularity"))
    assert service.requests == [("/v1/track/recommendation",
                                 {"seeds": "s1,ar", "size": "3", "energy": "0.8", "tempo": "120"})]
    assert set(result) == {"seeds", "tracks"}
    assert result["tracks"] == [client.track("r1", market="SE"), client.track("r2", market="SE")]
    assert client.calls[:2] == [("track", ("r1",), {"market": "SE"}), ("track", ("r2",), {"market": "SE"})]
    assert [(s["type"], s["id"]) for s in result["seeds"]] == [("ARTIST", "ar"), ("TRACK", "s1"), ("GENRE", "jazz")]
    assert result["seeds"][1]["href"] == "https://api.spotify.com/v1/tracks/s1" and result["seeds"][2]["href"] is None


def test_recommendations_from_genre_seeds_alone_send_nothing(service):
    with pytest.warns(RuntimeWarning, match="genre seeds"):
        result = reccobeats.recommendations(FakeSpotify(), seed_genres=["jazz"])
    assert result["tracks"] == [] and service.requests == []
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no ignored parameters, no warning
        assert len(reccobeats.recommendations(FakeSpotify(), seed_tracks=["s1"], target_valence=0.3)["tracks"]) == 3


def test_tekore_functions_answer_with_the_models_attributes(service):
    client = FakeSpotify()
    features = reccobeats.tekore_tracks_audio_features(client, ["a", "b", "c"])
    assert features[0].danceability == 0.5 and features[0].id == "a" and features[1] is None
    assert features[2].tempo == 98.5 and features[2].uri == "spotify:track:c"
    assert reccobeats.tekore_track_audio_features(client, "c").energy == 0.1
    with pytest.raises(ReccoBeatsError, match="no audio features for track b"):
        reccobeats.tekore_track_audio_features(client, "b")
    recs = reccobeats.tekore_recommendations(client, track_ids=["s1"], limit=5, market="SE", target_valence=0.3)
    assert [t["id"] for t in recs.tracks] == ["r1", "r2", "r3"]
    assert (recs.seeds[0].type, recs.seeds[0].id, recs.seeds[0].initialPoolSize) == ("TRACK", "s1", 3)
    assert service.requests[-1] == ("/v1/track/recommendation", {"seeds": "s1", "size": "5", "valence": "0.3"})


APP = '''import spotipy
import tekore


def tempos(sp: spotipy.Spotify, ids):
    return [f["tempo"] if f else None for f in sp.audio_features(ids)]


def radio(sp: spotipy.Spotify, track_id):
    recs = sp.recommendations(seed_tracks=[track_id], limit=2, target_energy=0.9)
    return [t["id"] for t in recs["tracks"]]


def several(sp: spotipy.Spotify, ids):
    return [t["id"] for t in sp.tracks(ids)["tracks"]]


def sections(sp: spotipy.Spotify, track_id):
    return sp.audio_analysis(track_id)["sections"]


def tekore_tempos(spotify: tekore.Spotify, ids):
    return [f.tempo if f else None for f in spotify.tracks_audio_features(ids)]
'''


def _load(name: str, path: Path, monkeypatch) -> types.ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, name, module)
    spec.loader.exec_module(module)
    return module


def test_fix_rewrites_into_reccobeats_and_the_result_runs(tmp_path, catalogue, all_codes, service, monkeypatch):
    (tmp_path / "app.py").write_text(APP)
    report = fix_paths([str(tmp_path)], catalogue, all_codes, "reccobeats", False, None, True)
    fixed = (tmp_path / "app.py").read_text()
    for call in ("spotify_compat.audio_features(sp, ids)", "spotify_compat.tracks(sp, ids)",
                 "spotify_compat.recommendations(sp, seed_tracks=[track_id], limit=2, target_energy=0.9)",
                 "spotify_compat.audio_analysis(sp, track_id)",
                 "spotify_compat.tekore_tracks_audio_features(spotify, ids)"):
        assert call in fixed
    assert report.fixed == 5 and not report.left
    compat = (tmp_path / "spotify_compat.py").read_text()
    docstring = ast.get_docstring(ast.parse(compat)) or ""
    assert "ReccoBeats" in docstring and "third-party service" in docstring and "--strategy reccobeats" in docstring
    assert "def _reccobeats_get(" in compat and "class ReccoBeatsError(" in compat
    assert "def _several(" in compat  # SPT213 as under local: single gets
    assert "def _warn_once(" in compat  # SPT104: local has nothing honest, so the stub
    imported = {(n.module if isinstance(n, ast.ImportFrom) else n.names[0].name) or "" for n in ast.parse(compat).body
                if isinstance(n, (ast.Import, ast.ImportFrom))}
    assert {name.split(".")[0] for name in imported} <= set(sys.stdlib_module_names)
    sends = "sends track and artist ids to ReccoBeats, a third-party service"
    notes = sorted(note for item in report.files for note in item.notes)
    assert notes == [f"SPT101 recommendations: {sends}", f"SPT103 audio_features: {sends}",
                     f"SPT103 tekore_tracks_audio_features: {sends}",
                     "SPT104 audio_analysis: no honest local alternative: uses the stub"]

    for library in ("spotipy", "tekore"):
        monkeypatch.setitem(sys.modules, library, types.SimpleNamespace(Spotify=FakeSpotify))
    module = _load("spotify_compat", tmp_path / "spotify_compat.py", monkeypatch)
    monkeypatch.setattr(module, "RECCOBEATS_URL", service.url)
    app = _load("app", tmp_path / "app.py", monkeypatch)
    sp = FakeSpotify()
    service.recommended = ["r1", "r2", "r3"]
    assert app.tempos(sp, ["a", "spotify:track:b", "c"]) == [120.0, None, 98.5]
    assert app.radio(sp, "a") == ["r1", "r2"]
    assert app.several(sp, ["x", "y"]) == ["x", "y"]
    with pytest.warns(RuntimeWarning, match="audio_analysis"):
        assert app.sections(sp, "a") == []
    assert app.tekore_tempos(sp, ["c", "b"]) == [98.5, None]
    assert [path for path, _ in service.requests] == ["/v1/audio-features", "/v1/track/recommendation",
                                                      "/v1/audio-features"]

    again = fix_paths([str(tmp_path)], catalogue, all_codes, "reccobeats", False, None, True)
    assert again.fixed == 0 and (tmp_path / "spotify_compat.py").read_text() == compat


def test_other_strategies_never_reach_reccobeats(tmp_path, catalogue, all_codes):
    for strategy in ("stub", "local"):
        work = tmp_path / strategy
        work.mkdir()
        (work / "app.py").write_text(APP)
        fix_paths([str(work)], catalogue, all_codes, strategy, False, None, True)
        assert "reccobeats" not in (work / "spotify_compat.py").read_text().lower()


def test_merging_into_an_existing_compat_module_adds_the_notice(tmp_path, catalogue, all_codes):
    (tmp_path / "app.py").write_text("import spotipy\nsp = spotipy.Spotify()\nsp.audio_features(['a'])\n")
    fix_paths([str(tmp_path)], catalogue, all_codes, "stub", False, None, True)
    assert "ReccoBeats" not in (tmp_path / "spotify_compat.py").read_text()
    (tmp_path / "more.py").write_text("import spotipy\nsp = spotipy.Spotify()\nsp.recommendations(seed_tracks=['a'])\n")
    fix_paths([str(tmp_path)], catalogue, all_codes, "reccobeats", False, None, True)
    compat = (tmp_path / "spotify_compat.py").read_text()
    assert "third-party service" in (ast.get_docstring(ast.parse(compat)) or "")
    assert compat.count("You opted in") == 1 and "def _reccobeats_get(" in compat
    # the call fixed before is a compat call now, not a finding: its stub stays until you swap it
    assert compat.count("def audio_features(") == 1 and "return [None for _ in _ids(tracks)]" in compat


def test_a_docstring_the_notice_cannot_join_gets_it_as_comments():
    block = choose("spotipy", "audio_features", "reccobeats")
    assert block is not None
    merged = render([block.block], existing='"""Mine."""\n\nX = 1\n')
    assert merged.startswith("# You opted in to `--strategy reccobeats`") and '"""Mine."""\n' in merged
    assert ast.get_docstring(ast.parse(merged)) == "Mine." and render([block.block], existing=merged) == merged


def test_raw_routes_are_renamed_as_under_local(tmp_path, catalogue, all_codes):
    (tmp_path / "app.py").write_text((Path(__file__).parent / "data" / "raw_routes.py").read_text())
    assert fix_paths([str(tmp_path)], catalogue, all_codes, "reccobeats", False, None, True).fixed == 2


def test_cli_and_config_accept_the_strategy(tmp_path):
    (tmp_path / "app.py").write_text("import spotipy\nsp = spotipy.Spotify()\nsp.audio_features(['a'])\n")
    result = CliRunner().invoke(main, ["fix", "--diff", "--strategy", "reccobeats", str(tmp_path)])
    assert "+spotify_compat.audio_features(sp, ['a'])" in result.stdout
    assert "(strategy: reccobeats)" in result.stderr and "third-party service" in result.stderr
    (tmp_path / "pyproject.toml").write_text('[tool.spotlint]\nfix-strategy = "reccobeats"\n')
    result = CliRunner().invoke(main, ["fix", "--diff", "--config", str(tmp_path / "pyproject.toml"), str(tmp_path)])
    assert "(strategy: reccobeats)" in result.stderr, result.stderr
