"""Crash consistency: `spotlint fix` killed with SIGKILL at random moments leaves every file
either as it was or as the fix writes it, parsing, and no temporary files in the project."""

from __future__ import annotations

import ast
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

FILES = 150
TEMPLATE = (
    "import spotipy\n"
    "sp = spotipy.Spotify()\n\n\n"
    "def work_{n}(ids):\n"
    "    rows = sp.tracks(ids)\n"
    "    features = sp.audio_features(ids)\n"
    "    return rows, features, [{n} for _ in range(3)]\n"
)


def make(root: Path) -> None:
    (root / "pkg").mkdir(parents=True)
    (root / "pkg" / "__init__.py").write_text("")
    for n in range(FILES):
        (root / "pkg" / f"m{n:03d}.py").write_text(TEMPLATE.format(n=n))


def fix(root: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "spotlint", "fix", "--strategy", "stub", str(root)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.mark.parametrize("seed", range(3))
def test_sigkill_leaves_old_or_new_content(tmp_path, seed):
    reference = tmp_path / "reference"
    make(reference)
    started = time.perf_counter()
    assert fix(reference).wait() == 0
    duration = time.perf_counter() - started
    old = {p.name: TEMPLATE.format(n=int(p.stem[1:])) for p in (reference / "pkg").glob("m*.py")}
    new = {p.name: p.read_text() for p in (reference / "pkg").glob("m*.py")}
    assert all(old[name] != new[name] for name in old)

    victim = tmp_path / "victim"
    make(victim)
    process = fix(victim)
    # anywhere in the run, writes included (they come last): the seed picks the moment
    time.sleep(duration * (0.55 + 0.45 * random.Random(seed).random()))
    process.send_signal(signal.SIGKILL)
    process.wait()
    for path in (victim / "pkg").glob("m*.py"):
        text = path.read_text()
        assert text in (old[path.name], new[path.name]), path
        ast.parse(text)
    compat = victim / "pkg" / "spotify_compat.py"
    if compat.exists():
        ast.parse(compat.read_text())
    leftovers = [p for p in victim.rglob("*") if p.name.endswith(".spotlint-tmp")]
    assert leftovers == []
    deadline = time.monotonic() + 10
    while survivors(victim) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert survivors(victim) == []  # its worker processes end with it
    shutil.rmtree(victim)


def survivors(root: Path) -> list[int]:
    """Live processes (not zombies) whose command line names ``root``."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if str(root) in command and state != "Z":
            found.append(int(entry.name))
    return found
