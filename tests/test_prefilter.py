"""The prefilter is sound: no finding of any case file (or the example app) is lost by it."""

from __future__ import annotations

from pathlib import Path

from casefiles import case_files
from spotlint.catalogue.load import load_catalogue
from spotlint.engine.check import check_file
from spotlint.engine.prefilter import may_have_findings, trigger_words

ROOT = Path(__file__).parent.parent


def _all_inputs() -> list[Path]:
    notebooks = sorted((ROOT / "tests" / "mechanisms").rglob("*.ipynb"))
    return [*case_files(), *notebooks, *sorted((ROOT / "examples").rglob("*.py"))]


def test_no_finding_is_lost(catalogue, all_codes):
    for path in _all_inputs():
        with_filter = check_file(path, catalogue, all_codes)
        without = check_file(path, catalogue, all_codes, use_prefilter=False)
        assert with_filter.findings == without.findings, path


def test_files_without_spotify_are_skipped(catalogue):
    assert not may_have_findings(b"import os\nprint(os.getcwd())\ndef tracks(user): return user\n", catalogue)
    assert may_have_findings(b"from .client import sp\nsp.audio_features(x)\n", catalogue)
    assert may_have_findings(b"PLAYLIST = '37i9dQZF1DXcBWIGoYBM5M'\n", catalogue)


def test_trigger_words_come_from_the_catalogue(tmp_path, catalogue):
    words = trigger_words(catalogue)
    assert {"spotipy", "tekore", "api.spotify.com", "audio_features", "recommendations"} <= words
    assert "tracks" not in words and "user" not in words  # generic names prove nothing alone
    rules = tmp_path / "rules"
    rules.mkdir()
    template = (ROOT / "rules" / "SPT104-audio-analysis.toml").read_text()
    text = template.replace('code = "SPT104"', 'code = "SPT199"').replace('name = "audio-analysis"', 'name = "mine"')
    (rules / "SPT199-mine.toml").write_text(text.replace('methods = ["audio_analysis"]', 'methods = ["brand_new_call"]'))
    assert "brand_new_call" in trigger_words(load_catalogue([rules]))
