"""tekore's asynchronous client: awaited calls are rewritten into the compat functions'
asynchronous twins (``fix/asynctwin.py``), which behave like the synchronous ones."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap
from pathlib import Path

from spotlint.fix.apply import fix_paths
from spotlint.fix.blocks import load
from spotlint.fix.compat import render


class _Models:
    def __init__(self, **fields) -> None:
        self.__dict__.update(fields)


class _SyncTekore:
    def __init__(self) -> None:
        self.requests: list[tuple] = []
        self.max_limits_on = False

    def track(self, track_id, market=None):
        self.requests.append(("track", track_id))
        return {"id": track_id, "type": "track"}

    def search(self, query, types=("track",), market=None, include_external=None, limit=20, offset=0):
        self.requests.append(("search", limit, offset))
        total = 25
        items = [f"t{i}" for i in range(offset, min(total, offset + limit))]
        following = f"next{offset + limit}" if offset + limit < total else None
        return (_Models(items=items, next=following, limit=limit),)


class _AsyncTekore(_SyncTekore):
    """The same answers, as coroutines (``tk.Spotify(asynchronous=True)``)."""

    async def track(self, track_id, market=None):  # type: ignore[override]
        return _SyncTekore.track(self, track_id, market)

    async def search(self, *args, **kwargs):  # type: ignore[override]
        return _SyncTekore.search(self, *args, **kwargs)


def _compat_namespace() -> dict:
    blocks = [*load("tekore_local").values(), *load("tekore_stub").values()]
    namespace: dict = {}
    exec(compile(render(blocks), "spotify_compat.py", "exec"), namespace)  # noqa: S102 - our own template
    return namespace


def test_every_tekore_compat_function_has_an_asynchronous_twin():
    for template in ("tekore_local", "tekore_stub"):
        blocks = load(template)
        public = [name for name in blocks if name.startswith("tekore_") and not name.endswith("_async")]
        assert public
        for name in public:
            assert blocks[f"{name}_async"].text.lstrip().startswith("async def "), name


def test_twins_give_what_the_synchronous_functions_give():
    compat = _compat_namespace()
    sync, asynchronous = _SyncTekore(), _AsyncTekore()
    assert asyncio.run(compat["tekore_tracks_async"](asynchronous, ["a", "b"])) == compat["tekore_tracks"](sync, ["a", "b"])
    expected = compat["tekore_search"](sync, "abba", limit=22)
    [paging] = asyncio.run(compat["tekore_search_async"](asynchronous, "abba", limit=22))
    assert paging.items == expected[0].items and len(paging.items) == 22
    assert asynchronous.requests == sync.requests  # the same pages of at most ten
    assert asyncio.run(compat["tekore_tracks_audio_features_async"](asynchronous, ["a", "b"])) == [None, None]
    # a synchronous client passed to a twin still works: only awaitables are awaited
    assert asyncio.run(compat["tekore_tracks_async"](_SyncTekore(), ["c"])) == [{"id": "c", "type": "track"}]


_FAKE_TEKORE = '''
class Spotify:
    def __init__(self, token=None, asynchronous=False):
        self.asynchronous = asynchronous

    async def track(self, track_id, market=None):
        return {"id": track_id, "name": "song " + track_id}

    async def tracks(self, track_ids, market=None):
        raise RuntimeError("GET /tracks is restricted")

    async def tracks_audio_features(self, track_ids):
        raise RuntimeError("GET /audio-features is restricted")
'''


def test_awaited_calls_are_rewritten_and_the_fixed_code_runs(tmp_path: Path, catalogue, all_codes):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "bot"\n', encoding="utf-8")
    app = tmp_path / "bot.py"
    app.write_text(textwrap.dedent('''
        import asyncio
        import tekore as tk


        async def main():
            spotify = tk.Spotify("token", asynchronous=True)
            tracks = await spotify.tracks(["a", "b"])
            features = await spotify.tracks_audio_features(["a"])
            return [t["name"] for t in tracks], features


        print(asyncio.run(main()))
    '''), encoding="utf-8")
    report = fix_paths([str(tmp_path)], catalogue, all_codes, "local", True, None, True)
    fixed = app.read_text(encoding="utf-8")
    assert "await spotify_compat.tekore_tracks_async(spotify, " in fixed
    assert "await spotify_compat.tekore_tracks_audio_features_async(spotify, " in fixed
    assert report.fixed == 2
    fake = tmp_path / "fake"
    (fake / "tekore").mkdir(parents=True)
    (fake / "tekore" / "__init__.py").write_text(_FAKE_TEKORE, encoding="utf-8")
    run = subprocess.run([sys.executable, "bot.py"], cwd=tmp_path, capture_output=True, text=True,
                         env={"PYTHONPATH": str(fake), "PATH": "/usr/bin:/bin"}, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "(['song a', 'song b'], [None])"
