"""Output formats: SARIF (checked with a real SARIF consumer), GitHub annotations, full,
statistics, --output-file; and baselines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from spotlint.cli import main

APP = (
    "import spotipy\n"
    "sp = spotipy.Spotify()\n"
    "sp.audio_features(['a'])\n"
    "print(sp.track('x')['preview_url'])\n"
)


def invoke(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, list(args), env=env)


def test_sarif_structure_and_real_consumer(tmp_path, catalogue):
    (tmp_path / "app.py").write_text(APP)
    out = tmp_path / "out.sarif"
    result = invoke("check", "--format", "sarif", "-o", str(out), str(tmp_path))
    assert result.exit_code == 1 and result.stdout == ""
    document = json.loads(out.read_text())
    assert document["version"] == "2.1.0" and document["$schema"].endswith("sarif-2.1.0.json")
    [run] = document["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} >= {r.code for r in catalogue.rules}
    audio = next(r for r in rules if r["id"] == "SPT103")
    assert audio["help"]["markdown"].startswith("# SPT103 audio-features") and audio["helpUri"].startswith("https://")
    first, second = run["results"]
    assert first["ruleId"] == "SPT103" and rules[first["ruleIndex"]]["id"] == "SPT103"
    assert first["locations"][0]["physicalLocation"]["region"] == {"startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": 25}
    replacement = first["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"]
    assert replacement == "spotify_compat.audio_features(sp, ['a'])"
    assert second["ruleId"] == "SPT108" and "fixes" not in second
    # sarif-tools (PyPI) reads it
    summary = subprocess.run([sys.executable, "-m", "sarif", "summary", str(out)], capture_output=True, text=True)
    assert summary.returncode == 0, summary.stderr
    assert "warning: 2" in summary.stdout
    from sarif import loader

    records = loader.load_sarif_file(str(out)).get_records()
    assert [(r["Code"], r["Line"]) for r in records] == [("SPT103", 3), ("SPT108", 4)]


def test_github_annotations_truncate_and_fill_the_step_summary(tmp_path):
    (tmp_path / "app.py").write_text("import spotipy\nsp = spotipy.Spotify()\n" + "sp.audio_features(['a'])\n" * 12)
    summary = tmp_path / "summary.md"
    result = invoke("check", "--format", "github", str(tmp_path), env={"GITHUB_STEP_SUMMARY": str(summary)})
    lines = result.stdout.splitlines()
    assert len(lines) == 11
    assert lines[0].startswith(f"::warning file={tmp_path}/app.py,line=3,col=1,endLine=3,endColumn=25,title=SPT103 audio-features::")
    assert lines[-1] == "::notice title=spotlint::12 findings; GitHub shows only the first 10 annotations, 2 more are listed in the step summary"
    table = summary.read_text()
    assert table.startswith("## spotlint") and table.count("| SPT103 |") == 12


def test_full_format_shows_the_source(tmp_path):
    (tmp_path / "app.py").write_text(APP)
    result = invoke("check", "--format", "full", str(tmp_path))
    lines = result.stdout.splitlines()
    assert lines[1:3] == ["3 | sp.audio_features(['a'])", "  | ^^^^^^^^^^^^^^^^^^^^^^^^"]


def test_statistics(tmp_path):
    (tmp_path / "app.py").write_text(APP + "sp.audio_features(['b'])\n")
    result = invoke("check", "--statistics", str(tmp_path))
    assert result.stdout.splitlines() == ["    2  SPT103  [fix] audio-features", "    1  SPT108        preview-url"]
    assert result.exit_code == 1


def test_baseline_reports_only_new_findings(tmp_path):
    app = tmp_path / "app.py"
    app.write_text(APP)
    baseline = tmp_path / "baseline.json"
    result = invoke("check", "--write-baseline", str(baseline), str(tmp_path))
    assert result.exit_code == 0 and "Wrote 2 findings" in result.stderr
    assert invoke("check", "--baseline", str(baseline), str(tmp_path)).exit_code == 0
    # unrelated edits move the lines: still known
    app.write_text("# a comment\n\n" + APP.replace("import spotipy\n", "import spotipy\nimport os\n"))
    assert invoke("check", "--baseline", str(baseline), str(tmp_path)).stdout == ""
    # a new use is reported, even a copy of a known one
    app.write_text(app.read_text() + "sp.audio_features(['a'])\nsp.recommendation_genre_seeds()\n")
    result = invoke("check", "--baseline", str(baseline), str(tmp_path))
    assert [line.split()[1] for line in result.stdout.splitlines()] == ["SPT103", "SPT102"] and result.exit_code == 1
    bad = tmp_path / "bad.json"
    bad.write_text("{}")
    result = invoke("check", "--baseline", str(bad), str(tmp_path))
    assert result.exit_code == 2 and "not a spotlint baseline" in result.stderr


def test_migration_report(tmp_path):
    (tmp_path / "app.py").write_text(APP)
    (tmp_path / "requirements.txt").write_text("spotipy==2.20.0\n")
    report = tmp_path / "MIGRATION.md"
    result = invoke("report", "-o", str(report), str(tmp_path))
    assert result.exit_code == 0
    text = report.read_text()
    assert text.startswith("# Spotify Web API migration report\n\n3 uses of restricted endpoints or fields in 2 files (3 rules).")
    assert "| SPT103 `audio-features` | 1 | 1 | 1 with `--strategy local`; 1 with `--strategy stub` |" in text
    assert "| SPT108 `preview-url` | 1 | 1 | needs a human |" in text
    assert f"- [ ] `{tmp_path}/app.py:4:7`" in text
    assert "| SPT230 `stale-client-pin` | 1 | 1 | 1 with `--strategy local` |" in text  # the pin is raised
    assert "### SPT230" not in text
    assert not (tmp_path / "spotify_compat.py").exists()  # the report fixes nothing
