"""tekore's compat functions against a real ``tekore.Spotify`` whose sender records each request
(``fake_tekore``): every method a rule names has a function under each strategy the rule
offers, the renamed routes reach the new route and give the method's own models, stubs give
empty models, and the asynchronous twins give the same."""

from __future__ import annotations

import asyncio
import importlib
import inspect
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import pytest
import tekore as tk

from fake_tekore import AsyncRecordingSender, RecordingSender
from spotlint.fix.apply import fix_paths
from spotlint.fix.blocks import choose, load
from spotlint.fix.compat import render
from spotlint.fix.templates import tekore_local as local
from spotlint.fix.templates import tekore_stub as stub

# (method, strategy) pairs whose function is the stub, as the fallback of a strategy without a
# tekore alternative yet (the rewrite is noted "no honest local alternative: uses the stub").
FALLBACKS = {
    # spotipy's local versions build these from other endpoints; tekore's are not written yet
    ("recommendations", "local"): "no local recommendations for tekore yet",
    ("artist_related_artists", "local"): "no local related artists for tekore yet",
    # the local audio-features dataset lookup exists for spotipy only
    ("track_audio_features", "local"): "no local audio features dataset for tekore yet",
    ("tracks_audio_features", "local"): "no local audio features dataset for tekore yet",
    ("track_audio_analysis", "local"): "audio analysis has no alternative at all",
}
# Strategies whose functions have no asynchronous twin: awaited calls are left, with the reason.
NO_TWINS = {"reccobeats": "a template shared with spotipy: asynctwin derives twins of tekore templates only"}
# Parameters whose default differs from tekore's on purpose.
DEFAULTS = {("search", "limit"), ("artist_albums", "limit")}  # None: tekore's default or max_limits


def _tekore_method(name: str):
    method = getattr(tk.Spotify, name)
    while hasattr(method, "__wrapped__"):
        method = method.__wrapped__
    return method


def _offered(catalogue):
    for rule in catalogue.rules:
        for method in rule.methods_of("tekore") if rule.fix else ():
            for strategy in rule.fix:
                yield rule, method, strategy


def test_every_tekore_method_a_rule_names_has_a_function_under_each_strategy(catalogue):
    for rule, method, strategy in _offered(catalogue):
        choice = choose("tekore", method, strategy)
        assert choice is not None, f"{rule.code}: no {strategy} function for tekore's {method}()"
        if choice.fallback:
            assert (method, strategy) in FALLBACKS, f"{rule.code}: tekore's {method}() falls back to the stub"
            assert rule.fix_default != strategy, f"{rule.code}: its default strategy is only a fallback"
        if strategy not in NO_TWINS:
            assert choose("tekore", method, strategy, awaited=True) is not None, f"no twin for {method}"


def test_every_tekore_function_keeps_the_method_parameters(catalogue):
    for _, method, strategy in _offered(catalogue):
        block = choose("tekore", method, strategy).block
        function = getattr(importlib.import_module(f"spotlint.fix.templates.{block.template}"), block.name)
        client, *got = inspect.signature(function).parameters.values()
        _, *want = inspect.signature(_tekore_method(method)).parameters.values()
        assert client.name == "client"
        assert [(p.name, p.kind) for p in got] == [(p.name, p.kind) for p in want], block.name
        for mine, theirs in zip(got, want):
            assert mine.default == theirs.default or (method, mine.name) in DEFAULTS, (block.name, mine.name)


def _client(sender=None):
    sender = sender or RecordingSender()
    return tk.Spotify("token", sender=sender), sender


@pytest.mark.parametrize(
    ("call", "check"),
    [
        (lambda c: stub.tekore_track_audio_features(c, "a"), lambda r: r is None),
        (lambda c: stub.tekore_track_audio_analysis(c, "a"), lambda r: r is None),
        (lambda c: stub.tekore_recommendations(c, track_ids=["a"], target_energy=0.5),
         lambda r: isinstance(r, tk.model.Recommendations) and r.seeds == [] and r.tracks == []),
        (lambda c: stub.tekore_new_releases(c, limit=5),
         lambda r: isinstance(r, tk.model.SimpleAlbumPaging) and r.items == [] and r.limit == 5 and r.next is None),
        (lambda c: stub.tekore_featured_playlists(c, offset=3),
         lambda r: r[0] == "" and isinstance(r[1], tk.model.SimplePlaylistPaging) and r[1].offset == 3),
        (lambda c: stub.tekore_category_playlists(c, "pop"), lambda r: r.items == [] and r.total == 0),
        (lambda c: stub.tekore_categories(c), lambda r: isinstance(r, tk.model.CategoryPaging) and r.items == []),
        (lambda c: stub.tekore_category(c, "pop"), lambda r: r.id == "pop" and r.icons == []),
        (lambda c: stub.tekore_user(c, "bob"), lambda r: isinstance(r, tk.model.PublicUser) and r.id == "bob"),
        (lambda c: stub.tekore_playlists(c, "bob"), lambda r: r.items == []),
        (lambda c: stub.tekore_playlist_items(c, "pl"), lambda r: isinstance(r, tk.model.PlaylistTrackPaging)),
        (lambda c: stub.tekore_playlist_items(c, "pl", fields="items"), lambda r: r["items"] == []),
        (lambda c: stub.tekore_playlist_create(c, "me", "Mix"),
         lambda r: isinstance(r, tk.model.FullPlaylist) and r.name == "Mix" and r.id == ""),
        (lambda c: stub.tekore_playlist_is_following(c, "pl", ["a", "b"]), lambda r: r == [False, False]),
        (lambda c: stub.tekore_playlist_add(c, "pl", ["spotify:track:a"]), lambda r: r == ""),
        (lambda c: stub.tekore_saved_tracks_add(c, ["a"]), lambda r: r is None),
        (lambda c: stub.tekore_users_unfollow(c, ["a"]), lambda r: r is None),
    ],
)
def test_stubs_return_the_method_models_empty_and_send_nothing(call, check):
    client, sender = _client()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert check(call(client))
    assert sender.requests == []


def test_stub_writes_are_marked_unsafe():
    blocks = load("tekore_stub")
    for name in ("playlist_add", "playlist_remove", "saved_tracks_add", "artists_follow", "playlist_follow",
                 "playlist_create"):
        assert blocks[f"tekore_{name}"].unsafe, name
    assert not blocks["tekore_playlist_items"].unsafe


def test_playlist_items_use_the_items_route_and_keep_track_readable():
    client, sender = _client()
    page = local.tekore_playlist_items(client, "pl", market="SE")
    assert sender.requests == [("GET", "playlists/pl/items",
                                {"limit": 50, "offset": 0, "market": "SE", "additional_types": "episode,track"}, None)]
    assert isinstance(page, tk.model.PlaylistTrackPaging)
    assert page.items[0].item.name == "song t1" and page.items[0].track == page.items[0].item
    raw = local.tekore_playlist_items(client, "pl", as_tracks=True, limit=10)
    assert sender.requests[-1][2] == {"limit": 10, "offset": 0}
    assert raw["items"][1]["track"]["id"] == "t2"  # a dict, as tekore returns with as_tracks


def test_playlist_writes_use_the_items_route_with_the_new_body():
    client, sender = _client()
    assert local.tekore_playlist_add(client, "pl", ["spotify:track:a"], position=2) == "s1"
    assert local.tekore_playlist_reorder(client, "pl", 0, 3, snapshot_id="s0") == "s1"
    assert local.tekore_playlist_remove(client, "pl", ["spotify:track:a"]) == "s1"
    assert local.tekore_playlist_replace(client, "pl", ["spotify:track:b"]) is None
    assert local.tekore_playlist_clear(client, "pl") is None
    assert sender.requests == [
        ("POST", "playlists/pl/items", {"position": 2}, {"uris": ["spotify:track:a"]}),
        ("PUT", "playlists/pl/items", {}, {"range_start": 0, "range_length": 1, "insert_before": 3, "snapshot_id": "s0"}),
        ("DELETE", "playlists/pl/items", {}, {"items": [{"uri": "spotify:track:a"}]}),
        ("PUT", "playlists/pl/items", {}, {"uris": ["spotify:track:b"]}),
        ("PUT", "playlists/pl/items", {}, {"uris": []}),
    ]


def test_playlist_create_and_playlists_use_the_me_routes():
    client, sender = _client()
    created = local.tekore_playlist_create(client, "me", "Mix", public=False, description="d")
    assert sender.requests[-1] == ("POST", "me/playlists", {}, {"name": "Mix", "public": False, "description": "d"})
    assert isinstance(created, tk.model.FullPlaylist) and created.name == "Mix" and created.tracks == created.items
    mine = local.tekore_playlists(client, "me", limit=5)
    assert isinstance(mine, tk.model.SimplePlaylistPaging) and [p.id for p in mine.items] == ["mine"]
    assert sender.requests[-1] == ("GET", "me/playlists", {"limit": 5, "offset": 0}, None)
    assert local.tekore_playlists(client, "bob").items == []
    assert sender.restricted() == []


@pytest.mark.parametrize(
    ("call", "method", "uris"),
    [
        (lambda c: local.tekore_saved_tracks_add(c, ["a", "b"]), "PUT", "spotify:track:a,spotify:track:b"),
        (lambda c: local.tekore_saved_albums_delete(c, ["x"]), "DELETE", "spotify:album:x"),
        (lambda c: local.tekore_saved_episodes_add(c, ["e"]), "PUT", "spotify:episode:e"),
        (lambda c: local.tekore_saved_shows_delete(c, ["s"], market="SE"), "DELETE", "spotify:show:s"),
        (lambda c: local.tekore_artists_follow(c, ["ar"]), "PUT", "spotify:artist:ar"),
        (lambda c: local.tekore_users_unfollow(c, ["u"]), "DELETE", "spotify:user:u"),
        (lambda c: local.tekore_playlist_follow(c, "pl", public=False), "PUT", "spotify:playlist:pl"),
        (lambda c: local.tekore_playlist_unfollow(c, "pl"), "DELETE", "spotify:playlist:pl"),
    ],
)
def test_library_writes_send_uris_to_me_library(call, method, uris):
    client, sender = _client()
    assert call(client) is None
    assert sender.requests == [(method, "me/library", {"uris": uris}, None)]


def test_library_checks_use_me_library_contains():
    client, sender = _client()
    assert local.tekore_saved_tracks_contains(client, ["a", "b"]) == [True, False]
    assert sender.requests[-1] == ("GET", "me/library/contains", {"uris": "spotify:track:a,spotify:track:b"}, None)
    assert local.tekore_artists_is_following(client, ["ar"]) == [False]
    assert local.tekore_playlist_is_following(client, "pl", ["me", "bob"]) == [True, False]
    assert sender.restricted() == []
    assert load("tekore_local")["tekore_playlist_is_following"].unsafe


def test_an_error_status_raises_the_error_tekore_raises():
    class Limited(RecordingSender):
        def answer(self, method, path, params, body):
            return 429, {"error": {"status": 429, "message": "API rate limit exceeded"}}

    client, _ = _client(Limited())
    with pytest.raises(tk.TooManyRequests, match="429: API rate limit exceeded") as raised:
        local.tekore_saved_tracks_add(client, ["a"])
    assert raised.value.response.status_code == 429 and raised.value.request.url.endswith("me/library")


def _compat_namespace() -> dict:
    blocks = [*load("tekore_local").values(), *load("tekore_stub").values()]
    namespace: dict = {}
    exec(compile(render(blocks), "spotify_compat.py", "exec"), namespace)  # noqa: S102 - our own template
    return namespace


def test_twins_send_the_same_requests_on_the_asynchronous_client():
    compat = _compat_namespace()
    calls = [
        ("tekore_playlist_items", ("pl",)), ("tekore_playlist_add", ("pl", ["spotify:track:a"])),
        ("tekore_playlist_remove", ("pl", ["spotify:track:a"])), ("tekore_playlist_create", ("me", "Mix")),
        ("tekore_playlists", ("me",)), ("tekore_saved_tracks_add", (["a"],)),
        ("tekore_saved_tracks_contains", (["a", "b"],)), ("tekore_playlist_is_following", ("pl", ["me"])),
        ("tekore_users_follow", (["u"],)),
    ]
    sync, sync_sender = _client()
    asynchronous, async_sender = _client(AsyncRecordingSender())
    for name, args in calls:
        expected = compat[name](sync, *args)
        assert asyncio.run(compat[f"{name}_async"](asynchronous, *args)) == expected, name
    assert async_sender.requests == sync_sender.requests
    assert async_sender.restricted() == []


_APP = '''
import asyncio
import warnings

import tekore as tk

from fake_tekore import AsyncRecordingSender, RecordingSender

warnings.simplefilter("error", RuntimeWarning)  # a stub would warn: none may run here


def sync_run(spotify):
    page = spotify.playlist_items("pl")
    spotify.playlist_add("pl", ["spotify:track:x"])
    spotify.playlist_remove("pl", ["spotify:track:x"])
    created = spotify.playlist_create("me", "Mix")
    spotify.saved_tracks_add(["a"])
    saved = spotify.saved_tracks_contains(["a", "b"])
    spotify.artists_unfollow(["ar"])
    spotify.playlist_unfollow("pl")
    return [entry.track.name for entry in page.items], created.name, saved


async def async_run(spotify):
    page = await spotify.playlist_items("pl")
    await spotify.saved_albums_delete(["al"])
    return [entry.item.name for entry in page.items]


sender, async_sender = RecordingSender(), AsyncRecordingSender()
print(sync_run(tk.Spotify("token", sender=sender)))
print(asyncio.run(async_run(tk.Spotify("token", sender=async_sender))))
print(sender.restricted() + async_sender.restricted())
'''


def test_fixed_tekore_code_runs_and_requests_no_removed_route(tmp_path: Path, catalogue, all_codes):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "bot"\n', encoding="utf-8")
    app = tmp_path / "bot.py"
    app.write_text(textwrap.dedent(_APP), encoding="utf-8")
    report = fix_paths([str(tmp_path)], catalogue, all_codes, None, False, None, True)
    # reading the deprecated `track` is reported (SPT248) and has no fix: the compat keeps it readable
    assert [left.finding.code for left in report.left] == ["SPT248"]
    assert report.fixed == 10
    fixed = app.read_text(encoding="utf-8")
    assert "spotify_compat.tekore_playlist_items(spotify, " in fixed
    assert "await spotify_compat.tekore_playlist_items_async(spotify, " in fixed
    tests = Path(__file__).parent
    run = subprocess.run([sys.executable, "bot.py"], cwd=tmp_path, capture_output=True, text=True,
                         env={"PYTHONPATH": str(tests), "PATH": "/usr/bin:/bin"}, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == ["(['song t1', 'song t2'], 'Mix', [True, False])", "['song t1', 'song t2']", "[]"]


def test_the_compat_module_imports_without_tekore(tmp_path: Path):
    """The templates import tekore inside the functions that build its models or requests, so
    the compat module imports (and its list stubs run) where tekore is not installed."""
    blocks = [*load("tekore_local").values(), *load("tekore_stub").values()]
    (tmp_path / "spotify_compat.py").write_text(render(blocks), encoding="utf-8")
    script = ("import sys; sys.modules['tekore'] = None\n"
              "import warnings; warnings.simplefilter('ignore')\n"
              "import spotify_compat\n"
              "print(spotify_compat.tekore_tracks_audio_features(None, ['a']))\n")
    run = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[None]"
