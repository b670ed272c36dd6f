"""Fix safety on real code (a CI-sized sample; bench/robustness.py runs whole corpora)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import robustness  # noqa: E402


def test_check_and_fix_over_a_sample_of_real_code(tmp_path, monkeypatch):
    import corpus

    monkeypatch.setattr(corpus, "CORPORA", tmp_path / "corpora")
    monkeypatch.setattr(corpus, "spotify_heavy", lambda count=1000: _small_spotify(corpus, tmp_path))
    target = tmp_path / "work"
    robustness.gather(target, sample=40)
    counts = robustness.verify(target, jobs=1)
    assert counts["files"] > 100 and counts["changed"] > 10 and counts["fixed"] > 50


def _small_spotify(corpus, tmp_path: Path) -> Path:
    import random

    target = tmp_path / "spotify"
    target.mkdir(exist_ok=True)
    rng = random.Random(7)
    for index in range(40 * 3):
        (target / f"gen_{index:04d}.py").write_text(corpus._module(rng, index))
    return target
