"""The flake8 plugin, run through the real flake8: same findings as `spotlint check`, noqa,
and buffers given on standard input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from spotlint.cli import main

EXAMPLES = Path(__file__).parent.parent / "examples"


def flake8(*args: str, stdin: str | None = None, cwd: Path | None = None) -> list[str]:
    proc = subprocess.run([sys.executable, "-m", "flake8", "--select", "SPT", *args], input=stdin,
                          capture_output=True, text=True, cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return proc.stdout.splitlines()


def test_same_findings_as_spotlint_check():
    ours = CliRunner().invoke(main, ["check", str(EXAMPLES / "moodmix")]).stdout.splitlines()
    theirs = flake8(str(EXAMPLES / "moodmix"))
    key = lambda line: tuple(line.split(": ")[0].split(":")) + (line.split()[1],)  # noqa: E731
    assert sorted(map(key, theirs)) == sorted(map(key, ours)) and len(theirs) == 11


def test_stdin_buffer_is_analysed_without_reading_the_file(tmp_path):
    path = tmp_path / "app.py"
    path.write_text("print('saved version without findings')\n")
    unsaved = "import spotipy\nsp = spotipy.Spotify()\nsp.audio_features(['a'])  # noqa: SPT105\n"
    lines = flake8("--stdin-display-name", str(path), "-", stdin=unsaved)
    assert [line.split(": ")[0] + " " + line.split()[1] for line in lines] == [f"{path}:3:1 SPT103"]


def test_noqa_is_honoured(tmp_path):
    path = tmp_path / "app.py"
    path.write_text("import spotipy\nsp = spotipy.Spotify()\nsp.audio_features(['a'])  # noqa: SPT103\nsp.tracks(['a'])\n")
    assert [line.split()[1] for line in flake8(str(path))] == ["SPT213"]
