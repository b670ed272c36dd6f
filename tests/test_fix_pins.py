"""`spotlint fix` raises stale spotipy pins (SPT230) in manifests, byte for byte elsewhere, and
leaves lock files and hash-pinned lines with the command that re-locks them."""

from __future__ import annotations

import pytest

from spotlint.analysis.pins import check_dependency_text
from spotlint.api import check_paths
from spotlint.fix.apply import fix_paths
from spotlint.fix.pins import fix_pins


def bump(name: str, text: str, catalogue, all_codes, strategy=None):
    findings = check_dependency_text(text, name, name, catalogue, all_codes).findings
    return fix_pins(name, text, findings, catalogue, strategy), findings


@pytest.mark.parametrize(
    ("name", "before", "after"),
    [
        ("requirements.txt",
         "requests==2.0.0\nspotipy==2.23.0  # pinned for the demo\nspotipy-extra==0.4.1\n# spotipy==2.1.0\n",
         "requests==2.0.0\nspotipy>=2.26.0  # pinned for the demo\nspotipy-extra==0.4.1\n# spotipy==2.1.0\n"),
        ("requirements-dev.txt",
         "-r requirements.txt\r\nSpotipy[redis] <2.25 ; python_version >= \"3.8\"\r\ntekore==5.0.1\r\n",
         "-r requirements.txt\r\nSpotipy[redis] >=2.26.0 ; python_version >= \"3.8\"\r\ntekore==5.0.1\r\n"),
        ("requirements.in", "spotipy>=2.20,<2.25\nredis\n", "spotipy>=2.26.0\nredis\n"),
        ("requirements.txt", "spotipy (==2.19.0)\n", "spotipy (>=2.26.0)\n"),
        ("pyproject.toml",
         '[project]\nname = "app"\ndependencies = [\n    "requests==2.0.0",\n    \'spotipy~=2.24.0\',  # keep\n]\n'
         '[project.optional-dependencies]\ncache = ["spotipy[redis]==2.25.1"]\n',
         '[project]\nname = "app"\ndependencies = [\n    "requests==2.0.0",\n    \'spotipy>=2.26.0\',  # keep\n]\n'
         '[project.optional-dependencies]\ncache = ["spotipy[redis]>=2.26.0"]\n'),
        ("pyproject.toml",
         '[tool.poetry.dependencies]\npython = "^3.10"\nspotipy-extra = "==0.4.1"\ntekore = "^5.0"\n'
         'spotipy = { version = "2.23.0", extras = ["redis"] }  # music\n',
         '[tool.poetry.dependencies]\npython = "^3.10"\nspotipy-extra = "==0.4.1"\ntekore = "^5.0"\n'
         'spotipy = { version = ">=2.26.0", extras = ["redis"] }  # music\n'),
        ("pyproject.toml", '[tool.poetry.dependencies]\nspotipy = "~2.23.1"\n', '[tool.poetry.dependencies]\nspotipy = "~2.26.0"\n'),
        ("setup.cfg",
         "[metadata]\nname = app\n\n[options]\ninstall_requires =\n    requests==2.0.0\n    spotipy==2.19.0  # old\n",
         "[metadata]\nname = app\n\n[options]\ninstall_requires =\n    requests==2.0.0\n    spotipy>=2.26.0  # old\n"),
        ("Pipfile",
         '[packages]\nrequests = "==2.0.0"\nspotipy = "==2.22.1"  # demo\n\n[dev-packages]\n'
         "spotipy-extra = '==0.4.1'\n",
         '[packages]\nrequests = "==2.0.0"\nspotipy = ">=2.26.0"  # demo\n\n[dev-packages]\n'
         "spotipy-extra = '==0.4.1'\n"),
        ("environment.yml",
         "name: app\ndependencies:\n  - python=3.11\n  - spotipy=2.23  # conda\n  - \"conda-forge::spotipy 2.24.0\"\n"
         "  - spotipy-extra=0.4.1\n  - pip:\n      - tekore==5.0.1\n      - spotipy[redis]==2.25.1  # pip\n",
         "name: app\ndependencies:\n  - python=3.11\n  - spotipy>=2.26.0  # conda\n  - \"conda-forge::spotipy >=2.26.0\"\n"
         "  - spotipy-extra=0.4.1\n  - pip:\n      - tekore==5.0.1\n      - spotipy[redis]>=2.26.0  # pip\n"),
        ("environment.yaml", "dependencies: [python=3.11, spotipy==2.20.0]\n",
         "dependencies: [python=3.11, spotipy>=2.26.0]\n"),
        ("Pipfile", "[packages]\nspotipy = {version = '<2.25', extras = ['redis']}\n",
         "[packages]\nspotipy = {version = '>=2.26.0', extras = ['redis']}\n"),
    ],
    ids=lambda value: value.split("\n")[0][:30] if isinstance(value, str) else None,
)  # `^2.23` allows 2.26 (not stale): a decoy like requests, tekore and spotipy-extra
def test_stale_pins_are_raised_and_nothing_else_changes(name, before, after, catalogue, all_codes):
    outcome, findings = bump(name, before, catalogue, all_codes)
    assert findings and outcome.text == after
    assert outcome.fixed == len(findings) and not outcome.left
    assert not check_dependency_text(after, name, name, catalogue, all_codes).findings  # no longer stale
    assert fix_pins(name, after, (), catalogue, None).text == after  # a second run changes nothing


def test_a_declaration_spotlint_cannot_place_is_left_untouched(catalogue, all_codes):
    """Two Poetry groups declare spotipy: the finding sits on the first key, whose constraint
    (a caret that allows 2.26) is not the stale one, so nothing is rewritten."""
    text = ('[tool.poetry.dependencies]\nspotipy = "^2.23"\n'
            '[tool.poetry.group.dev.dependencies]\nspotipy = "2.23.0"\n')
    outcome, findings = bump("pyproject.toml", text, catalogue, all_codes)
    assert len(findings) == 1 and outcome.text == text
    assert [left.reason for left in outcome.left] == ["the version is not a string on this line"]


@pytest.mark.parametrize(
    ("name", "text", "command"),
    [
        ("poetry.lock", '[[package]]\nname = "spotipy"\nversion = "2.23.0"\n', "`poetry lock`"),
        ("uv.lock", 'version = 1\n[[package]]\nname = "spotipy"\nversion = "2.24.0"\n', "`uv lock`"),
        ("Pipfile.lock", '{"default": {"spotipy": {"version": "==2.22.1"}}, "develop": {}}\n', "`pipenv lock`"),
        ("requirements.txt",
         "spotipy==2.23.0 \\\n    --hash=sha256:b67ccc506ed734a2b1ba78138180091b7f5feeb126be2f93ebe93611bc328136\n",
         "`pip-compile --generate-hashes`"),
    ],
)
def test_locks_and_hashed_lines_are_left_to_be_regenerated(name, text, command, catalogue, all_codes):
    outcome, findings = bump(name, text, catalogue, all_codes)
    assert len(findings) == 1 and outcome.text == text and outcome.fixed == 0
    [left] = outcome.left
    assert "regenerate the lock file" in left.reason and command in left.reason


def test_a_conda_build_string_is_left(catalogue, all_codes):
    text = "dependencies:\n  - spotipy 2.23.0 pyhd8ed1ab_0\n"
    outcome, findings = bump("environment.yml", text, catalogue, all_codes)
    assert len(findings) == 1 and outcome.text == text
    assert [left.reason for left in outcome.left] == ["this conda match spec is not one spotlint can raise"]


def test_forced_stubs_leave_pins_alone(catalogue, all_codes):
    outcome, _ = bump("requirements.txt", "spotipy==2.23.0\n", catalogue, all_codes, strategy="stub")
    assert outcome.text == "spotipy==2.23.0\n"
    assert [left.reason for left in outcome.left] == ["no stub fix for this rule (available: local)"]
    forced, _ = bump("requirements.txt", "spotipy==2.23.0\n", catalogue, all_codes, strategy="local")
    assert forced.text == "spotipy>=2.26.0\n"


def test_fix_raises_manifests_beside_a_lock_and_reports_the_lock(tmp_path, catalogue, all_codes):
    (tmp_path / "requirements.txt").write_bytes(b"requests==2.0.0\r\nspotipy==2.23.0  # demo\r\n")
    lock = '[[package]]\nname = "spotipy"\nversion = "2.23.0"\n'
    (tmp_path / "poetry.lock").write_text(lock)
    (tmp_path / "app.py").write_text("import spotipy\nsp = spotipy.Spotify()\nsp.tracks(['a'])\n")
    report = fix_paths([str(tmp_path)], catalogue, all_codes, None, False, None, True)
    assert (tmp_path / "requirements.txt").read_bytes() == b"requests==2.0.0\r\nspotipy>=2.26.0  # demo\r\n"
    assert (tmp_path / "poetry.lock").read_text() == lock
    assert report.fixed == 2  # the pin and the several-tracks call
    assert [(left.finding.path.rsplit("/", 1)[-1], left.reason.split(":")[0]) for left in report.left] == [
        ("poetry.lock", "a lock file installs exactly this version")]
    after = check_paths([str(tmp_path)], catalogue, all_codes)
    remaining = [f.path.rsplit("/", 1)[-1] for r in after for f in r.findings]
    assert remaining == ["poetry.lock"]
    again = fix_paths([str(tmp_path)], catalogue, all_codes, None, False, None, True)
    assert again.fixed == 0 and [f.after == f.before for f in again.files] == [True] * len(again.files)
