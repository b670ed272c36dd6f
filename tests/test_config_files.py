"""Config files as ruff reads them: spotlint.toml/.spotlint.toml precedence, --config without a
table, every problem at once, extend-ignore, extend-per-file-ignores and force-exclude."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from spotlint.cli import main

APP = "import spotipy\nsp = spotipy.Spotify()\nsp.audio_features(['a'])\nsp.tracks(['a'])\n"  # SPT103, SPT213


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def run(*args: str) -> tuple[int, list[str], str]:
    result = CliRunner().invoke(main, ["check", *args])
    return result.exit_code, sorted({line.split()[1] for line in result.stdout.splitlines()}), result.stderr


def test_spotlint_toml_has_top_level_keys_and_wins_over_pyproject_in_its_folder(tmp_path):
    write(tmp_path, {"pyproject.toml": '[tool.spotlint]\nselect = ["SPT2"]\n', "spotlint.toml": 'select = ["SPT1"]\n',
                     "app.py": APP})
    assert run(str(tmp_path))[1] == ["SPT103"]
    (tmp_path / ".spotlint.toml").write_text('select = ["SPT213"]\n')
    assert run(str(tmp_path))[1] == ["SPT213"]  # .spotlint.toml > spotlint.toml > pyproject.toml


def test_nearest_folder_wins_and_a_pyproject_without_the_table_is_passed_over(tmp_path):
    write(tmp_path, {"spotlint.toml": 'select = ["SPT1"]\n', "sub/pyproject.toml": "[project]\nname = 'x'\n",
                     "sub/app.py": APP})
    assert run(str(tmp_path / "sub" / "app.py"))[1] == ["SPT103"]  # sub's pyproject has no table
    (tmp_path / "sub" / "pyproject.toml").write_text('[tool.spotlint]\nselect = ["SPT2"]\n')
    assert run(str(tmp_path / "sub" / "app.py"))[1] == ["SPT213"]  # the nearer folder wins
    # an empty spotlint.toml is a config too (all defaults), as an empty ruff.toml is
    write(tmp_path, {"sub/.spotlint.toml": ""})
    assert run(str(tmp_path / "sub" / "app.py"))[1] == ["SPT103", "SPT213"]


def test_spotlint_toml_relative_paths_and_errors_name_it(tmp_path):
    write(tmp_path, {"spotlint.toml": 'extend-exclude = ["gen/"]\nselect = "SPT1"\n', "gen/app.py": APP})
    code, _, err = run(str(tmp_path))
    assert code == 2 and err == f"spotlint: error: {tmp_path / 'spotlint.toml'}: select: expected a list of strings, got a string\n"
    (tmp_path / "spotlint.toml").write_text('[tool.spotlint]\nselect = ["SPT1"]\n')
    code, _, err = run(str(tmp_path))
    assert code == 2 and "spotlint.toml: tool: unknown key ([tool.spotlint] belongs in pyproject.toml" in err
    (tmp_path / "spotlint.toml").write_text('extend-exclude = ["gen/"]\n')
    assert run(str(tmp_path))[:2] == (0, [])


def test_config_option_without_the_table_is_an_error(tmp_path):
    write(tmp_path, {"app.py": APP, "pyproject.toml": "[project]\nname = 'x'\n", "other.toml": "[tool.black]\nx = 1\n",
                     "conf/spotlint.toml": 'select = ["SPT2"]\n', "flat.toml": 'select = ["SPT1"]\n'})
    code, _, err = run("--config", str(tmp_path / "pyproject.toml"), str(tmp_path))
    assert code == 2 and f"{tmp_path / 'pyproject.toml'}: no [tool.spotlint] table" in err
    code, _, err = run("--config", str(tmp_path / "other.toml"), str(tmp_path))
    assert code == 2 and f"{tmp_path / 'other.toml'}: no [tool.spotlint] table" in err
    assert run("--config", str(tmp_path / "conf" / "spotlint.toml"), str(tmp_path))[1] == ["SPT213"]
    assert run("--config", str(tmp_path / "flat.toml"), str(tmp_path))[1] == ["SPT103"]  # top-level keys elsewhere too


def test_every_problem_is_reported_one_line_each(tmp_path):
    write(tmp_path, {"app.py": APP, "pyproject.toml": (
        '[tool.spotlint]\nselect = "SPT1"\ncolour = 1\nrespect-gitignore = "no"\nwaves = ["1999"]\n'
        'extend-rules = ["nowhere"]\nignore = ["SPT9"]\n[tool.spotlint.per-file-ignores]\n"t/*.py" = ["SPT8"]\n')})
    code, out, err = run(str(tmp_path))
    where = f"spotlint: error: {tmp_path / 'pyproject.toml'}: [tool.spotlint] "
    lines = err.splitlines()
    assert code == 2 and out == []
    assert all(line.startswith(where) for line in lines), lines
    keys = sorted(line[len(where):].split(":")[0] for line in lines)
    # the file's own problems first; what needs the catalogue is judged once they are fixed
    assert keys == ["colour", "respect-gitignore", "select"]
    (tmp_path / "pyproject.toml").write_text(
        '[tool.spotlint]\nwaves = ["1999"]\nextend-rules = ["nowhere"]\nignore = ["SPT9"]\n'
        '[tool.spotlint.per-file-ignores]\n"t/*.py" = ["SPT8"]\n')
    code, _, err = run(str(tmp_path))
    keys = sorted(line[len(where):].split(":")[0] for line in err.splitlines())
    assert code == 2 and keys == ["extend-rules", "ignore", "per-file-ignores.'t/*.py'", "waves"]


def test_extend_ignore_adds_to_ignore(tmp_path):
    write(tmp_path, {"app.py": APP, "other.py": APP.replace("audio_features", "audio_analysis"),
                     "pyproject.toml": '[tool.spotlint]\nignore = ["SPT104"]\nextend-ignore = ["SPT103"]\n'})
    assert run(str(tmp_path))[1] == ["SPT213"]
    assert run("--ignore", "SPT213", str(tmp_path))[1] == []  # the command line adds to both


def test_extend_per_file_ignores_adds_to_per_file_ignores(tmp_path):
    write(tmp_path, {"src/app.py": APP, "tests/test_app.py": APP, "pyproject.toml": (
        '[tool.spotlint.per-file-ignores]\n"tests/*.py" = ["SPT1"]\n'
        '[tool.spotlint.extend-per-file-ignores]\n"tests/*.py" = ["SPT213"]\n"src/*.py" = ["SPT103"]\n')})
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert [line.split()[1] for line in result.stdout.splitlines()] == ["SPT213"]
    assert "src/app.py" in result.stdout


def test_force_exclude_decides_for_files_named_on_the_command_line(tmp_path):
    files = {"src/app.py": APP, "src/gen/gen.py": APP, "build/out.py": APP}
    write(tmp_path, {**files, "pyproject.toml": '[tool.spotlint]\nextend-exclude = ["gen/"]\n'})
    named = [str(tmp_path / name) for name in files]
    result = CliRunner().invoke(main, ["check", *named])  # as pre-commit passes them: excludes apply
    assert {line.split(":")[0] for line in result.stdout.splitlines()} == {str(tmp_path / "src" / "app.py")}
    result = CliRunner().invoke(main, ["check", "--no-force-exclude", *named])  # ruff's default: all checked
    assert {line.split(":")[0] for line in result.stdout.splitlines()} == set(named)
    (tmp_path / "pyproject.toml").write_text('[tool.spotlint]\nextend-exclude = ["gen/"]\nforce-exclude = false\n')
    result = CliRunner().invoke(main, ["check", *named])
    assert {line.split(":")[0] for line in result.stdout.splitlines()} == set(named)
    result = CliRunner().invoke(main, ["check", "--force-exclude", *named])  # the command line wins
    assert {line.split(":")[0] for line in result.stdout.splitlines()} == {str(tmp_path / "src" / "app.py")}
    # a walked folder keeps its excludes whatever force-exclude says
    result = CliRunner().invoke(main, ["check", "--no-force-exclude", str(tmp_path)])
    assert {line.split(":")[0] for line in result.stdout.splitlines()} == {str(tmp_path / "src" / "app.py")}
