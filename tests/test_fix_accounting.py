"""`spotlint fix` accounts for every finding `check` reports, once: fixed, left (with a kind and
a reason) or not selected; its JSON gives that per finding; its exit codes follow one rule per
mode; a file that does not parse gets check's line; workers give what one process gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from spotlint.api import check_paths
from spotlint.cli import main
from spotlint.fix.accounting import FIXED, LEFT, NOT_SELECTED
from spotlint.fix.apply import fix_paths
from spotlint.fix.plan import NO_REWRITE, UNPARSABLE, UNSAFE

SPOTIFY = "import spotipy\nsp = spotipy.Spotify()\n"
FIXABLE = SPOTIFY + "sp.tracks(['a'])\nsp.audio_features(['b'])\n"
SOME_LEFT = FIXABLE + "print(sp.track('a')['preview_url'])\n"
ONLY_LEFT = SPOTIFY + "print(sp.track('a')['preview_url'])\n"


def tree(root: Path) -> Path:
    """Fixable, unfixable, unsafe, unparsable and (with a narrower --select) not-selected findings."""
    (root / "app.py").write_text(SOME_LEFT + "sp.playlist_add_items('p', ['t'])\n")  # unsafe under stub
    (root / "broken.py").write_text(SPOTIFY + "def broken(:\n    sp.tracks([])\n")
    (root / "requirements.txt").write_text("spotipy==2.23.1\n")
    (root / "quiet.py").write_text("import os\n")
    return root


def where(finding) -> tuple[str, int, int, str]:  # type: ignore[no-untyped-def]
    return (Path(finding.path).name, finding.span.line, finding.span.column, finding.code)


def test_every_finding_is_counted_once(tmp_path, catalogue, all_codes):
    root = tree(tmp_path)
    found = [f for r in check_paths([str(root)], catalogue, all_codes) for f in r.findings]
    fixable = frozenset(all_codes) - {"SPT108"}
    report = fix_paths([str(root)], catalogue, all_codes, "stub", False, None, False, fixable=fixable)
    tally = report.tally
    assert tally.fixed + len(tally.left) + tally.count(NOT_SELECTED) == tally.total == len(found)
    assert sorted(where(o.finding) for o in tally.outcomes) == sorted(where(f) for f in found)
    by_code = {(Path(o.finding.path).name, o.finding.code): (o.status, o.kind) for o in tally.outcomes}
    assert by_code == {
        ("app.py", "SPT213"): (FIXED, ""),
        ("app.py", "SPT103"): (FIXED, ""),
        ("app.py", "SPT108"): (NOT_SELECTED, ""),
        ("app.py", "SPT220"): (LEFT, UNSAFE),
        ("broken.py", "SPT001"): (LEFT, UNPARSABLE),
        ("requirements.txt", "SPT230"): (LEFT, NO_REWRITE),
    }
    assert all(o.reason for o in tally.left)


def test_after_writing_check_finds_what_fix_left(tmp_path, catalogue, all_codes):
    root = tree(tmp_path)
    report = fix_paths([str(root)], catalogue, all_codes, "stub", False, None, True)
    after = [f for r in check_paths([str(root)], catalogue, all_codes) for f in r.findings]
    assert report.fixed == 2
    assert sorted(o.finding.code for o in report.left) == sorted(f.code for f in after)


def test_json_gives_each_finding_its_outcome(tmp_path):
    root = tree(tmp_path)
    result = CliRunner().invoke(main, ["fix", "--check", "--format", "json", "--strategy", "stub", "--ignore", "SPT108",
                                       str(root)])
    items = json.loads(result.stdout)
    outcome = {(Path(i["path"]).name, i["code"]): (i["outcome"], i["kind"]) for i in items}
    assert outcome[("app.py", "SPT213")] == ("fixed", None)
    assert outcome[("app.py", "SPT108")] == ("not-selected", None)
    assert outcome[("app.py", "SPT220")] == ("left", "unsafe")
    assert outcome[("broken.py", "SPT001")] == ("left", "unparsable")
    assert {"path", "line", "column", "code", "outcome", "reason"} <= set(items[0])
    assert all(i["reason"] for i in items if i["outcome"] != "fixed")
    assert "6 findings: 2 would be fixed, 3 left, 1 not selected." in result.stderr


# What the three modes answer (ruff's yardstick: `check --fix` fails while violations remain,
# `format --check` only when it would change something): fix fails while findings are left;
# --diff is a preview, nothing is fixed yet, so it fails while anything would change or be left;
# --check only when something would change (left-but-unfixable findings are check's business).
EXPECTED = {
    "nothing": {"fix": 0, "--diff": 0, "--check": 0},
    "all-fixable": {"fix": 0, "--diff": 1, "--check": 1},
    "some-left": {"fix": 1, "--diff": 1, "--check": 1},
    "only-left": {"fix": 1, "--diff": 1, "--check": 0},
}
SOURCES = {"nothing": "import os\n", "all-fixable": FIXABLE, "some-left": SOME_LEFT, "only-left": ONLY_LEFT}


@pytest.mark.parametrize("mode", ["fix", "--diff", "--check"])
@pytest.mark.parametrize("case", list(EXPECTED))
def test_exit_codes(tmp_path, case, mode):
    (tmp_path / "app.py").write_text(SOURCES[case])
    args = ["fix", str(tmp_path)] if mode == "fix" else ["fix", mode, str(tmp_path)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == EXPECTED[case][mode], result.stderr


def test_after_fixing_every_mode_agrees_nothing_is_left(tmp_path):
    (tmp_path / "app.py").write_text(FIXABLE)
    runner = CliRunner()
    assert runner.invoke(main, ["fix", str(tmp_path)]).exit_code == 0
    for mode in ("--diff", "--check"):
        result = runner.invoke(main, ["fix", mode, str(tmp_path)])
        assert result.exit_code == 0 and result.stdout == "", (mode, result.stderr)


def test_a_file_that_does_not_parse_gets_checks_line(tmp_path):
    (tmp_path / "broken.py").write_text(SPOTIFY + "def broken(:\n")
    runner = CliRunner()
    checked = runner.invoke(main, ["check", str(tmp_path)]).stdout.strip()
    assert "SPT001 cannot parse file" in checked
    for mode in ([], ["--diff"], ["--check"]):
        result = runner.invoke(main, ["fix", *mode, str(tmp_path)])
        assert checked in result.stderr.splitlines() and result.exit_code == 1, mode
        assert "1 finding: 0 " in result.stderr and "unparsable (1):" in result.stderr


def test_a_notebook_with_a_broken_cell_is_counted(tmp_path, catalogue, all_codes):
    cells = [["import spotipy\n", "sp = spotipy.Spotify()\n"], ["def broken(:\n"], ["sp.tracks(['a'])\n"]]
    document = {"cells": [{"cell_type": "code", "source": c, "outputs": [], "metadata": {}, "execution_count": None}
                          for c in cells], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    (tmp_path / "nb.ipynb").write_text(json.dumps(document))
    found = [f for r in check_paths([str(tmp_path)], catalogue, all_codes) for f in r.findings]
    report = fix_paths([str(tmp_path)], catalogue, all_codes, "stub", False, None, False)
    assert sorted((where(o.finding), o.finding.cell) for o in report.tally.outcomes) == \
        sorted((where(f), f.cell) for f in found)
    assert {o.kind for o in report.left} == {UNPARSABLE} and len(found) == 2


def corpus(root: Path, count: int = 24) -> Path:
    for n in range(count):
        folder = root / f"pkg{n % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "__init__.py").write_text("")
        body = [FIXABLE, SOME_LEFT, ONLY_LEFT, "import os\n"][n % 4] + f"sp.artist_top_tracks('{n}')\n" * (n % 2)
        (folder / f"m{n}.py").write_text(body if n % 4 != 3 else "import os\n")
    return root


def test_workers_give_what_one_process_gives(tmp_path, catalogue, all_codes):
    one, two = corpus(tmp_path / "one"), corpus(tmp_path / "two")
    serial = fix_paths([str(one)], catalogue, all_codes, "local", False, None, True, jobs=1)
    parallel = fix_paths([str(two)], catalogue, all_codes, "local", False, None, True, jobs=2)

    def outcomes(report, root):  # type: ignore[no-untyped-def]
        return [(Path(o.finding.path).relative_to(root).as_posix(), o.finding.span, o.finding.code, o.status, o.reason)
                for o in report.tally.outcomes]

    assert outcomes(serial, one) == outcomes(parallel, two) and serial.fixed > 20
    texts = {p.relative_to(one): p.read_text() for p in sorted(one.rglob("*.py"))}
    assert texts == {p.relative_to(two): p.read_text() for p in sorted(two.rglob("*.py"))}


def test_the_compat_module_goes_where_the_first_fixed_file_puts_it(tmp_path, catalogue, all_codes):
    """Each file's placement is decided before the workers start and sent with its task: a
    file that fixes nothing gets no compat module beside it."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "script.py").write_text(ONLY_LEFT)
    package = tmp_path / "b" / "pkg"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "app.py").write_text(FIXABLE)
    report = fix_paths([str(tmp_path)], catalogue, all_codes, "stub", False, None, True)
    assert report.fixed == 2 and (package / "spotify_compat.py").is_file()
    assert not (tmp_path / "a" / "spotify_compat.py").exists()
    assert "from . import spotify_compat" in (package / "app.py").read_text()


def test_workers_fix_each_file_against_the_compat_module_placed_for_it(tmp_path, catalogue, all_codes):
    """Placement is per file and decided in the parent; workers get it with their task, and the
    blocks they report are filed per compat module. A file with no place for one is counted
    as left with placement's reason."""
    (tmp_path / "a" / "pkg").mkdir(parents=True)
    (tmp_path / "a" / "pyproject.toml").write_text("[project]\nname = 'a'\n")
    (tmp_path / "a" / "pkg" / "__init__.py").write_text("")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "setup.cfg").write_text("")
    (tmp_path / ".tools").mkdir()
    (tmp_path / ".tools" / "sync.py").write_text(FIXABLE)
    for n in range(12):
        (tmp_path / "a" / "pkg" / f"m{n}.py").write_text(FIXABLE)
        (tmp_path / "b" / f"s{n}.py").write_text(FIXABLE)
    report = fix_paths([str(tmp_path)], catalogue, all_codes, "stub", False, None, True, jobs=2)
    assert sorted(Path(c.path).relative_to(tmp_path).as_posix() for c in report.compats) == [
        "a/pkg/spotify_compat.py", "b/spotify_compat.py"]
    assert all("from . import spotify_compat" in (tmp_path / "a" / "pkg" / f"m{n}.py").read_text() for n in range(12))
    assert all("\nimport spotify_compat\n" in (tmp_path / "b" / f"s{n}.py").read_text() for n in range(12))
    assert (tmp_path / ".tools" / "sync.py").read_text() == FIXABLE
    hidden = [o for o in report.tally.outcomes if Path(o.finding.path).parent.name == ".tools"]
    assert len(hidden) == 2 and all(o.status == LEFT and o.kind == NO_REWRITE for o in hidden)
    assert all(o.reason.startswith("no importable place for the compat module") for o in hidden)
    assert report.fixed == 48 and len(report.left) == 2
    after = [f for r in check_paths([str(tmp_path)], catalogue, all_codes) for f in r.findings]
    assert sorted(Path(f.path).parent.name for f in after) == [".tools", ".tools"]
