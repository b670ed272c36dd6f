"""The command line: exit codes, output formats, noqa, unreadable and unparsable files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from spotlint.cli import main

FOUND = "import spotipy\nsp = spotipy.Spotify()\nsp.audio_features(['a'])\n"


def run(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
    runner = CliRunner()
    if cwd is not None:
        with runner.isolated_filesystem(temp_dir=cwd):
            pass
    result = runner.invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_exit_codes(tmp_path):
    clean = write(tmp_path, "clean.py", "import spotipy\nspotipy.Spotify().track('x')\n")
    dirty = write(tmp_path, "dirty.py", FOUND)
    assert run("check", str(clean))[0] == 0
    code, out, _ = run("check", str(dirty))
    assert code == 1
    assert out == f"{dirty}:3:1: SPT103 " + out.split(" SPT103 ", 1)[1]
    assert run("check", "--exit-zero", str(dirty))[0] == 0
    assert run("check", "--select", "SPT9", str(dirty))[0] == 2


def test_text_output_is_sorted_by_path_and_position(tmp_path):
    write(tmp_path, "b.py", FOUND)
    write(tmp_path, "a.py", FOUND + "sp.artist_related_artists('x')\nsp.recommendation_genre_seeds()\n")
    _, out, _ = run("check", str(tmp_path))
    locations = [line.split(": ")[0] for line in out.splitlines()]
    assert locations == [f"{tmp_path}/a.py:3:1", f"{tmp_path}/a.py:4:1", f"{tmp_path}/a.py:5:1", f"{tmp_path}/b.py:3:1"]


def test_json_output(tmp_path):
    path = write(tmp_path, "m.py", FOUND)
    code, out, _ = run("check", "--format", "json", str(path))
    assert code == 1
    [item] = json.loads(out)
    assert item == {
        "path": str(path), "line": 3, "column": 1, "end_line": 3, "end_column": 25,
        "code": "SPT103", "endpoint": "audio-features", "message": item["message"],
        "fix": ["stub", "local", "reccobeats"],
    }
    assert "2024-11-27" in item["message"]


def test_select_and_ignore_prefixes(tmp_path):
    path = write(tmp_path, "m.py", FOUND + "sp.tracks(['a'])\n")
    _, out, _ = run("check", "--select", "SPT2", str(path))
    assert [line.split()[1] for line in out.splitlines()] == ["SPT213"]
    _, out, _ = run("check", "--ignore", "SPT213", str(path))
    assert [line.split()[1] for line in out.splitlines()] == ["SPT103"]
    _, out, _ = run("check", "--select", "SPT103,SPT213", "--ignore", "SPT1", str(path))
    assert [line.split()[1] for line in out.splitlines()] == ["SPT213"]


@pytest.mark.parametrize(
    ("line", "silenced"),
    [
        ("sp.audio_features(['a'])  # noqa", True),
        ("sp.audio_features(['a'])  # noqa: SPT103", True),
        ("sp.audio_features(['a'])  # NOQA:SPT1", True),
        ("sp.audio_features(['a'])  # noqa: SPT105, SPT103", True),
        ("sp.audio_features(['a'])  # noqa: SPT105", False),
        ("sp.audio_features(['a'])  # noqa: E501", False),
        ("x = '# noqa'; sp.audio_features(['a'])", False),
    ],
)
def test_noqa(tmp_path, line, silenced):
    path = write(tmp_path, "m.py", "import spotipy\nsp = spotipy.Spotify()\n" + line + "\n")
    code, out, _ = run("check", str(path))
    assert ("SPT103" in out) is not silenced
    assert code == (0 if silenced else 1)


def test_noqa_on_any_line_of_a_multiline_statement(tmp_path):
    src = "import spotipy\nsp = spotipy.Spotify()\nfeatures = sp.audio_features(\n    ['a'],\n)  # noqa: SPT103\n"
    path = write(tmp_path, "m.py", src)
    assert run("check", str(path))[0] == 0


def test_noqa_on_the_header_of_a_compound_statement(tmp_path):
    src = "import spotipy\nsp = spotipy.Spotify()\nfor f in sp.audio_features(['a']):  # noqa\n    print(f)\n"
    path = write(tmp_path, "m.py", src)
    assert run("check", str(path))[0] == 0
    src = "import spotipy\nsp = spotipy.Spotify()\nfor f in ['a']:  # noqa\n    sp.audio_features([f])\n"
    path = write(tmp_path, "m.py", src)
    assert run("check", str(path))[0] == 1  # a noqa on the header does not cover the body


@pytest.mark.parametrize("comment", ["# noqa: SPT-103", "# noqa:", "# noqa: SPT103,,SPT105", "# noqa SPT103"])
def test_malformed_noqa_is_reported_and_suppresses_nothing(tmp_path, comment):
    path = write(tmp_path, "m.py", "import spotipy\nsp = spotipy.Spotify()\nsp.audio_features(['a'])  " + comment + "\n")
    code, out, _ = run("check", str(path))
    assert code == 1
    assert [line.split()[1] for line in out.splitlines()] == ["SPT103", "SPT003"]


def test_unparsable_and_unreadable_files_do_not_stop_the_run(tmp_path):
    write(tmp_path, "a_broken.py", "import spotipy\ndef f(:\n    pass\n")
    write(tmp_path, "b_binary.py", b"\x00\x01\x02")
    write(tmp_path, "c_latin1.py", "x = 'caf\xe9'\n".encode("latin-1"))
    write(tmp_path, "d_found.py", FOUND)
    code, out, _ = run("check", str(tmp_path))
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith(f"{tmp_path}/a_broken.py:2:7: SPT001 cannot parse file: invalid syntax")
    assert lines[1].startswith(f"{tmp_path}/b_binary.py:1:1: SPT002 ")
    assert lines[2].startswith(f"{tmp_path}/c_latin1.py:1:1: SPT002 cannot decode file")
    assert lines[3].startswith(f"{tmp_path}/d_found.py:3:1: SPT103 ")


def test_named_files_spotlint_does_not_read_are_skipped(tmp_path):
    """What a pre-commit hook may pass: only Python (also a suffix-less script with a Python
    shebang), notebooks and dependency files are read; README.md is no SPT001, a PNG no SPT002."""
    names = [
        write(tmp_path, "README.md", "Call `sp.audio_features(ids)`: it is gone.\n"),
        write(tmp_path, "package.json", '{"scripts": {"audio_features": "node x.js"}}\n'),
        write(tmp_path, "logo.png", b"\x89PNG\r\n\x1a\n\x00\x00audio_features"),
        write(tmp_path, "Makefile", "features:\n\tpython -c 'sp.audio_features(x)'\n"),
        write(tmp_path, "bin/sync", "#!/usr/bin/env python3\n" + FOUND),
        write(tmp_path, "requirements.txt", "spotipy==2.23.0\n"),
        write(tmp_path, "poetry.lock", '[[package]]\nname = "spotipy"\nversion = "2.25.0"\n'),
    ]
    code, out, _ = run("check", *map(str, names))
    assert code == 1
    assert [line.split(": ")[0] for line in out.splitlines()] == [
        f"{tmp_path}/bin/sync:4:1", f"{tmp_path}/poetry.lock:2:9", f"{tmp_path}/requirements.txt:1:1"]
    assert run("check", str(tmp_path / "README.md"), str(tmp_path / "logo.png")) == (0, "", "")


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [("app.py", b"", "python"), ("APP.PY", b"", "python"), ("stubs.pyi", b"", "python"), ("gui.pyw", b"", "python"),
     ("nb.ipynb", b"{", "notebook"), ("uv.lock", b"", "dependencies"), ("environment.yaml", b"", "dependencies"),
     ("sync", b"#!/usr/bin/env python3\n", "python"), ("sync", b"#!/usr/bin/python\n", "python"),
     ("sync", b"\xef\xbb\xbf#!/usr/bin/env -S python3.12 -u\n", "python"), ("run.cgi", b"#!/usr/bin/python\n", "python"),
     ("sync", b"#!/bin/sh\npython x.py\n", None), ("sync", b"#!/usr/bin/env pythonista\n", None),
     ("README.md", b"", None), ("Cargo.lock", b"", None), ("Makefile", b"all:\n", None)],
)
def test_file_kinds(name, head, expected):
    from spotlint.files.kinds import kind

    assert kind(name, head) == expected


def test_directory_walk_reads_lock_files(tmp_path):
    write(tmp_path, "Pipfile.lock", '{"default": {"spotipy": {"version": "==2.23.0"}}}')
    write(tmp_path, "svc/uv.lock", '[[package]]\nname = "spotipy"\nversion = "2.24.0"\n')
    write(tmp_path, "pdm/pdm.lock", '[[package]]\nname = "spotipy"\nversion = "2.24.0"\n')
    write(tmp_path, "conda/environment.yml", "dependencies:\n  - spotipy=2.23\n")
    write(tmp_path, "conda/environment.yaml", "dependencies:\n  - pip:\n    - spotipy==2.25.1\n")
    write(tmp_path, "other/Cargo.lock", '[[package]]\nname = "spotipy"\nversion = "2.24.0"\n')
    _, out, _ = run("check", "--select", "SPT230", str(tmp_path))
    assert [line.split(": ")[0] for line in out.splitlines()] == [
        f"{tmp_path}/Pipfile.lock:1:15", f"{tmp_path}/conda/environment.yaml:3:7", f"{tmp_path}/conda/environment.yml:2:5",
        f"{tmp_path}/pdm/pdm.lock:2:9", f"{tmp_path}/svc/uv.lock:2:9"]


def test_unreadable_environment_file_is_one_line(tmp_path):
    path = write(tmp_path, "environment.yml", "dependencies:\n  - python\n  spotipy=2.23\n")
    code, out, _ = run("check", str(path))
    assert (code, out) == (1, f"{path}:1:1: SPT002 cannot read dependencies: unreadable environment file, line 3: "
                              "expected a list item (`- name`) under `dependencies`\n")


def test_missing_path_is_reported(tmp_path):
    code, out, _ = run("check", str(tmp_path / "nope.py"))
    assert code == 1
    assert out.startswith(f"{tmp_path}/nope.py:1:1: SPT002 cannot read: no such file or directory")


def test_declared_encoding_and_bom_are_decoded(tmp_path):
    write(tmp_path, "latin.py", b"# -*- coding: latin-1 -*-\nimport spotipy\nname = 'caf\xe9'\nspotipy.Spotify().audio_features([name])\n")
    write(tmp_path, "bom.py", b"\xef\xbb\xbf" + FOUND.encode())
    _, out, _ = run("check", str(tmp_path))
    assert [line.split(": ")[0] for line in out.splitlines()] == [f"{tmp_path}/bom.py:3:1", f"{tmp_path}/latin.py:4:1"]


def test_directory_walk_skips_gitignored_venvs_and_caches(tmp_path):
    write(tmp_path, ".gitignore", "generated/\n*_skip.py\n")
    write(tmp_path, "generated/g.py", FOUND)
    write(tmp_path, "x_skip.py", FOUND)
    write(tmp_path, "env/pyvenv.cfg", "home = /usr\n")
    write(tmp_path, "env/lib/m.py", FOUND)
    write(tmp_path, "__pycache__/m.py", FOUND)
    write(tmp_path, ".git/m.py", FOUND)
    write(tmp_path, "pkg/kept.pyi", FOUND)
    write(tmp_path, "pkg/notes.txt", FOUND)
    _, out, _ = run("check", str(tmp_path))
    assert [line.split(":")[0] for line in out.splitlines()] == [f"{tmp_path}/pkg/kept.pyi"]


def test_symlink_loop_is_not_followed_forever(tmp_path):
    write(tmp_path, "pkg/m.py", FOUND)
    (tmp_path / "pkg" / "loop").symlink_to(tmp_path / "pkg", target_is_directory=True)
    code, out, _ = run("check", str(tmp_path))
    assert code == 1
    assert len(out.splitlines()) == 1


def test_rules_and_explain(catalogue):
    code, out, _ = run("rules")
    assert code == 0
    assert len(out.splitlines()) == len(catalogue.rules)
    assert out.splitlines()[2].split()[:3] == ["SPT103", "audio-features", "2024-11"]
    code, out, _ = run("explain", "SPT103")
    assert code == 0
    for heading in ("## What broke", "## Why it matters", "## Example", "## Use instead", "## Fix safety", "## References"):
        assert heading in out
    assert run("explain", "audio-features")[1] == out
    code, _, err = run("explain", "SPT999")
    assert code == 2 and "unknown rule 'SPT999'" in err


def test_python_dash_m_entry_point(tmp_path):
    path = write(tmp_path, "m.py", FOUND)
    proc = subprocess.run([sys.executable, "-m", "spotlint", "check", str(path)], capture_output=True, text=True)
    assert proc.returncode == 1
    assert f"{path}:3:1: SPT103 " in proc.stdout
