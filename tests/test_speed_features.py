"""Workers and cache: output independent of --jobs, cache hits, corrupt caches ignored."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from spotlint import api
from spotlint.cli import main

APP = "import spotipy\nsp = spotipy.Spotify()\nsp.audio_features(['a'])\nsp.tracks(['{n}'])\n"


def corpus(tmp_path: Path, count: int = 12) -> Path:
    for n in range(count):
        folder = tmp_path / f"pkg{n % 3}"
        folder.mkdir(exist_ok=True)
        (folder / f"m{n}.py").write_text(APP.format(n=n) if n % 2 else "import os\n")
    return tmp_path


def test_output_is_the_same_for_any_number_of_jobs(tmp_path):
    root = corpus(tmp_path)
    runner = CliRunner()
    one = runner.invoke(main, ["check", "--no-cache", "-j", "1", str(root)]).stdout
    two = runner.invoke(main, ["check", "--no-cache", "-j", "2", str(root)]).stdout
    assert one == two and len(one.splitlines()) == 12


def test_cache_is_used_and_invalidated_by_content(tmp_path, monkeypatch, catalogue, all_codes):
    root = corpus(tmp_path)
    (root / "pyproject.toml").write_text("[tool.spotlint]\n")
    from spotlint.config import build_settings

    settings = build_settings([str(root)])
    first = api.check_paths([str(root)], catalogue, all_codes, settings, jobs=1, use_cache=True)
    assert (root / ".spotlint_cache" / ".gitignore").read_text().endswith("*\n")
    calls = []
    original = api._guarded_check
    monkeypatch.setattr(api, "_guarded_check", lambda *a: calls.append(a[0].display) or original(*a))
    second = api.check_paths([str(root)], catalogue, all_codes, settings, jobs=1, use_cache=True)
    assert second == first and calls == []
    changed = root / "pkg1" / "m1.py"
    changed.write_text(changed.read_text() + "sp.audio_analysis('x')\n")
    third = api.check_paths([str(root)], catalogue, all_codes, settings, jobs=1, use_cache=True)
    assert calls == [str(changed)]
    assert sum(len(r.findings) for r in third) == sum(len(r.findings) for r in first) + 1


def test_corrupt_or_foreign_cache_is_ignored(tmp_path, catalogue, all_codes):
    root = corpus(tmp_path, 4)
    (root / "pyproject.toml").write_text("[tool.spotlint]\n")
    from spotlint.config import build_settings

    settings = build_settings([str(root)])
    expected = api.check_paths([str(root)], catalogue, all_codes, settings, jobs=1, use_cache=False)
    api.check_paths([str(root)], catalogue, all_codes, settings, jobs=1, use_cache=True)
    for entry in (root / ".spotlint_cache").rglob("*.json"):
        entry.write_text(json.dumps({"format": 999}) if entry.stat().st_size % 2 else "{not json")
    assert api.check_paths([str(root)], catalogue, all_codes, settings, jobs=1, use_cache=True) == expected


def test_cache_is_written_in_the_project_not_the_current_directory(tmp_path, monkeypatch):
    project = tmp_path / "project"
    (project / ".git").mkdir(parents=True)
    (project / "app.py").write_text(APP.format(n=1))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    CliRunner().invoke(main, ["check", str(project / "app.py")])
    assert (project / ".spotlint_cache").is_dir() and not (elsewhere / ".spotlint_cache").exists()


def test_cache_keys_are_the_same_in_every_process(tmp_path):
    import subprocess
    import sys

    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "m.py").write_text(APP.format(n=1))
    code = (
        "from pathlib import Path; from spotlint.engine.cache import Cache; from spotlint.catalogue.load import load_catalogue;"
        "from spotlint.files.discovery import SourceFile, project_infos;"
        f"p = Path({str(tmp_path / 'pkg' / 'm.py')!r}); info = project_infos([SourceFile(p, 'm.py')])[p];"
        "c = load_catalogue(); print(Cache(p.parent, c, ['SPT103']).key('m.py', p.read_bytes(), info))"
    )
    keys = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env={"PYTHONHASHSEED": str(seed), "PATH": ""}).stdout for seed in (1, 2, 3)}
    assert len(keys) == 1 and len(keys.pop().strip()) == 64
