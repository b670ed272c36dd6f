"""The pre-commit hooks, run by the real pre-commit (`try-repo`) on a temporary repository:
the check hook fails on a finding, the fix hook rewrites it, then the check hook passes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def try_repo(cwd: Path, hook: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook, "--all-files"],
                          cwd=cwd, capture_output=True, text=True, env=env)


def test_check_fails_fix_rewrites_then_check_passes(tmp_path_factory):
    repo = tmp_path_factory.mktemp("repo")
    home = tmp_path_factory.mktemp("pre-commit-home")
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "test@example.invalid")
    git(repo, "config", "user.name", "test")
    (repo / "pyproject.toml").write_text('[tool.spotlint]\nfix-strategy = "local"\nexclude = ["vendor/"]\n')
    (repo / "app.py").write_text("import spotipy\nsp = spotipy.Spotify()\nrows = sp.tracks(['a'])\n")
    (repo / "vendor").mkdir()
    (repo / "vendor" / "old.py").write_text("import spotipy\nspotipy.Spotify().audio_features(['a'])\n")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "init")

    first = try_repo(repo, "spotlint", home)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "app.py:3:8: SPT213 " in first.stdout
    assert "vendor/old.py" not in first.stdout  # passed explicitly by pre-commit, still excluded

    fixed = try_repo(repo, "spotlint-fix", home)
    assert "Fixed 1 finding in 1 file (strategy: local)." in fixed.stdout + fixed.stderr
    assert "rows = spotify_compat.tracks(sp, ['a'])" in (repo / "app.py").read_text()
    assert (repo / "spotify_compat.py").is_file()
    git(repo, "add", ".")

    again = try_repo(repo, "spotlint", home)
    assert again.returncode == 0, again.stdout + again.stderr
