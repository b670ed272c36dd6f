"""Bad input: one clear line naming the file and the problem, the run goes on, the exit code
says so; and spotlint never runs, imports or writes outside what it was given."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from spotlint.cli import main

SPOTIFY = "import spotipy\nsp = spotipy.Spotify()\n"


def check(*args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, ["check", "--no-cache", *args])
    return result.exit_code, result.stdout.splitlines()


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("py2.py", SPOTIFY + "print 'hello'\n", ":3:1: SPT001 cannot parse file: Missing parentheses in call to 'print'"),
        ("syntax.py", SPOTIFY + "def f(:\n", ":3:7: SPT001 cannot parse file: invalid syntax"),
        ("latin1.py", (SPOTIFY + "x = 'caf\xe9'\n").encode("latin-1"), ":1:1: SPT002 cannot decode file: cannot decode as utf-8 at byte"),
        ("nul.py", b"import spotipy\x00\n", ":1:1: SPT002 cannot decode file: file contains NUL bytes"),
        ("binary.py", bytes(range(256)) * 4, ":1:1: SPT002 cannot decode file"),
        ("tabs.py", SPOTIFY + "if True:\n\tsp.audio_features([])\n        sp.tracks([])\n",
         ":5:1: SPT001 cannot parse file: inconsistent use of tabs and spaces in indentation"),
    ],
)
def test_unreadable_or_unparsable_file(tmp_path, name, content, expected):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    (tmp_path / "good.py").write_text(SPOTIFY + "sp.audio_features([])\n")
    code, lines = check(str(tmp_path))
    assert code == 1
    assert len([line for line in lines if name in line]) == 1
    assert next(line for line in lines if name in line).startswith(f"{path}{expected}")
    assert any(line.startswith(f"{tmp_path}/good.py:3:1: SPT103") for line in lines)  # the run went on


@pytest.mark.parametrize(
    ("content", "line"),
    [
        (b"# -*- coding: latin-1 -*-\nimport spotipy\nx = '\xe9'\nspotipy.Spotify().audio_features([])\n", 4),
        (b"\xef\xbb\xbfimport spotipy\nspotipy.Spotify().audio_features([])\n", 2),
        (b"import spotipy\r\nsp = spotipy.Spotify()\r\nsp.audio_features([])\r\n", 3),
        (b"import spotipy\nsp = spotipy.Spotify()\r\n\rsp.audio_features([])\n", 4),
        (b"import spotipy\nif True:\n\tsp = spotipy.Spotify()\n\tsp.audio_features([])\n", 4),
    ],
    ids=["declared-encoding", "bom", "crlf", "mixed-newlines", "tabs"],
)
def test_encodings_and_line_endings_are_read(tmp_path, content, line):
    (tmp_path / "m.py").write_bytes(content)
    code, lines = check(str(tmp_path))
    assert [entry.split(": ")[0].split(":")[1] + " " + entry.split()[1] for entry in lines] == [f"{line} SPT103"]


def test_empty_and_huge_and_deeply_nested_files(tmp_path):
    (tmp_path / "empty.py").write_text("")
    big = SPOTIFY + "".join(f"value_{i} = {i} * 2  # filler line to make the file large\n" for i in range(110_000))
    (tmp_path / "big.py").write_text(big + "sp.audio_features([])\n")
    assert (tmp_path / "big.py").stat().st_size > 5_000_000
    (tmp_path / "nested.py").write_text(SPOTIFY + "x = " + "(" * 300 + "1" + ")" * 300 + "\nsp.tracks([])\n")
    code, lines = check(str(tmp_path))
    assert code == 1
    assert [entry.split(":")[0].rsplit("/", 1)[1] + " " + entry.split()[1] for entry in lines] == [
        "big.py SPT103", "nested.py SPT213"]


def test_missing_path_symlink_loop_and_broken_link(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "m.py").write_text(SPOTIFY + "sp.tracks([])\n")
    (tmp_path / "pkg" / "loop").symlink_to(tmp_path / "pkg", target_is_directory=True)
    (tmp_path / "dangling.py").symlink_to(tmp_path / "nowhere.py")
    code, lines = check(str(tmp_path), str(tmp_path / "missing.py"))
    assert code == 1
    got = sorted(line.replace(str(tmp_path) + "/", "") for line in lines)
    expected = [
        "dangling.py:1:1: SPT002 cannot read file: No such file or directory",
        "missing.py:1:1: SPT002 cannot read: no such file or directory",
        "pkg/m.py:3:1: SPT213 Get Several Tracks (GET /tracks)",
    ]
    assert len(got) == 3 and all(line.startswith(prefix) for line, prefix in zip(got, expected))


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.py"
    path.write_text(SPOTIFY)
    path.chmod(0)
    code, lines = check(str(tmp_path))
    assert code == 1 and lines[0].startswith(f"{path}:1:1: SPT002 cannot read file: Permission denied")


def test_links_out_of_the_scanned_tree_are_not_followed(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "elsewhere.py").write_text(SPOTIFY + "sp.tracks([])\n")
    project = tmp_path / "project"
    project.mkdir()
    (project / "linked").symlink_to(outside, target_is_directory=True)
    (project / "linked_file.py").symlink_to(outside / "elsewhere.py")
    (project / "inner.py").write_text(SPOTIFY + "sp.tracks([])\n")
    (project / "alias.py").symlink_to(project / "inner.py")
    code, lines = check(str(project))
    assert [line.split(":")[0].replace(str(project) + "/", "") for line in lines] == ["alias.py"] or \
        [line.split(":")[0].replace(str(project) + "/", "") for line in lines] == ["inner.py"]


def test_analysed_code_is_never_run(tmp_path):
    marker = tmp_path / "ran"
    (tmp_path / "evil.py").write_text(
        f"import spotipy\nopen({str(marker)!r}, 'w').write('x')\nspotipy.Spotify().tracks([])\n"
    )
    notebook = tmp_path / "evil.ipynb"
    notebook.write_text('{"cells": [{"cell_type": "code", "source": ["import os\\n", "os.system(\\"touch ' + str(marker) +
                        '\\")\\n", "import spotipy\\n", "spotipy.Spotify().tracks([])\\n"], "outputs": [], "metadata": {}}], '
                        '"metadata": {}, "nbformat": 4, "nbformat_minor": 5}')
    code, lines = check(str(tmp_path))
    assert code == 1 and len(lines) == 2
    CliRunner().invoke(main, ["fix", "--strategy", "local", str(tmp_path)])
    assert not marker.exists()
    assert "evil" not in " ".join(sys.modules)


def test_compat_module_outside_the_project_is_refused(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text("[tool.spotlint]\n")
    app = project / "app.py"
    app.write_text(SPOTIFY + "sp.tracks([])\n")
    for target in ("../x.py", str(tmp_path / "elsewhere" / "x.py")):
        result = CliRunner().invoke(main, ["fix", "--compat-module", target if target.startswith("/") else str(project / target), str(project)])
        assert result.exit_code == 1
        assert "the compat module must be inside the project" in result.stderr
        assert app.read_text().endswith("sp.tracks([])\n")
    assert not (tmp_path / "x.py").exists() and not (tmp_path / "elsewhere").exists()
    (project / "pyproject.toml").write_text('[tool.spotlint]\ncompat-module = "../x.py"\n')
    result = CliRunner().invoke(main, ["fix", str(project)])
    assert result.exit_code == 1 and "must be inside the project" in result.stderr and not (tmp_path / "x.py").exists()
