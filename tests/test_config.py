"""[tool.spotlint]: discovery by walking up, --config, every key, CLI precedence, errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from spotlint.cli import main

APP = "import spotipy\nsp = spotipy.Spotify()\nsp.audio_features(['a'])\nsp.tracks(['a'])\n"


def project(tmp_path: Path, config: str, files: dict[str, str] | None = None) -> Path:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n\n[tool.spotlint]\n" + config)
    for name, text in (files or {"src/app.py": APP}).items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return tmp_path


def codes(*args: str) -> tuple[int, list[str], str]:
    result = CliRunner().invoke(main, ["check", *args])
    return result.exit_code, [line.split()[1] for line in result.stdout.splitlines()], result.stderr


def test_config_is_found_walking_up_from_the_checked_path(tmp_path):
    project(tmp_path, 'select = ["SPT2"]\n')
    assert codes(str(tmp_path / "src" / "app.py"))[1] == ["SPT213"]
    assert codes(str(tmp_path / "src"))[1] == ["SPT213"]


def test_cli_overrides_config(tmp_path):
    project(tmp_path, 'select = ["SPT2"]\n')
    assert codes("--select", "SPT1", str(tmp_path / "src"))[1] == ["SPT103"]
    assert codes("--ignore", "SPT213", str(tmp_path / "src"))[1] == []


def test_ignore_extend_select_and_waves(tmp_path):
    project(tmp_path, 'ignore = ["SPT1"]\n')
    assert codes(str(tmp_path))[1] == ["SPT213"]
    project(tmp_path, 'select = ["SPT213"]\nextend-select = ["SPT103"]\n')
    assert codes(str(tmp_path))[1] == ["SPT103", "SPT213"]
    project(tmp_path, 'waves = ["2024-11"]\n')
    assert codes(str(tmp_path))[1] == ["SPT103"]


def test_exclude_and_per_file_ignores(tmp_path):
    files = {"src/app.py": APP, "src/generated/gen.py": APP, "tests/test_app.py": APP}
    project(tmp_path, 'exclude = ["generated/"]\n[tool.spotlint.per-file-ignores]\n"tests/*.py" = ["SPT1"]\n', files)
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    lines = [line.split(":")[0].replace(str(tmp_path) + "/", "") + " " + line.split()[1] for line in result.stdout.splitlines()]
    assert lines == ["src/app.py SPT103", "src/app.py SPT213", "tests/test_app.py SPT213"]
    # files named explicitly (as pre-commit passes them) still honour the excludes
    assert codes(str(tmp_path / "src" / "generated" / "gen.py"))[1] == []


def test_explicit_config_file(tmp_path):
    project(tmp_path, 'select = ["SPT2"]\n')
    other = tmp_path / "other.toml"
    other.write_text('[tool.spotlint]\nselect = ["SPT103"]\n')
    assert codes("--config", str(other), str(tmp_path / "src"))[1] == ["SPT103"]


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("colour = true\n", "[tool.spotlint] colour: unknown key"),
        ('select = ["SPT9"]\n', "[tool.spotlint] select: 'SPT9' matches no rule code"),
        ('select = "SPT1"\n', "[tool.spotlint] select: expected a list of strings, got a string"),
        ('extend-ignore = ["SPT1", 2]\n', "extend-ignore: expected a list of strings, got an integer 2 in the list"),
        ('extend-ignore = ["SPT9"]\n', "[tool.spotlint] extend-ignore: 'SPT9' matches no rule code"),
        ('force-exclude = "yes"\n', "[tool.spotlint] force-exclude: expected true or false, not 'yes'"),
        ('compat-module = 3\n', "[tool.spotlint] compat-module: expected a string, got an integer"),
        ('per-file-ignores = ["x"]\n', "per-file-ignores: expected a table of pattern = [codes], got an array"),
        ('[tool.spotlint.extend-per-file-ignores]\n"t/*.py" = "SPT1"\n',
         "extend-per-file-ignores.'t/*.py': expected a list of strings, got a string"),
        ("ignore = 3\n", "[tool.spotlint] ignore: expected a list of strings"),
        ('fix-strategy = "magic"\n', "[tool.spotlint] fix-strategy: 'magic' is not one of default, stub, local"),
        ('waves = ["1999"]\n', "waves: unknown wave '1999'"),
        ('compat-module = "compat"\n', "[tool.spotlint] compat-module: expected a path to a .py file"),
        ('extend-rules = ["missing-dir"]\n', "extend-rules: 'missing-dir' is not a directory"),
        ('respect-gitignore = "no"\n', "[tool.spotlint] respect-gitignore: expected true or false, not 'no'"),
        ("respect-gitignore = 0\n", "[tool.spotlint] respect-gitignore: expected true or false, not 0"),
        ("extend-exclude = true\n", "[tool.spotlint] extend-exclude: expected a list of strings"),
        ('exclude = ["vendor/", "!"]\n', "[tool.spotlint] exclude: '!' is not a gitignore-style pattern"),
        ("select = [\n", "invalid TOML"),
    ],
)
def test_bad_config_is_an_error_naming_key_and_file(tmp_path, config, message):
    project(tmp_path, config)
    code, _, err = codes(str(tmp_path))
    assert code == 2
    assert err.startswith("spotlint: error: ") and str(tmp_path / "pyproject.toml") in err and message in err
    assert len(err.strip().splitlines()) == 1


def test_extend_rules_adds_validated_user_rules(tmp_path):
    rules = tmp_path / "my-rules"
    rules.mkdir()
    template = (Path(__file__).parent.parent / "rules" / "SPT104-audio-analysis.toml").read_text()
    text = template.replace('code = "SPT104"', 'code = "SPT199"').replace('name = "audio-analysis"', 'name = "my-call"')
    text = text.replace('methods = ["audio_analysis"]', 'methods = ["my_restricted_call"]')
    (rules / "SPT199-my-call.toml").write_text(text)
    project(tmp_path, 'extend-rules = ["my-rules"]\n', {"app.py": "import spotipy\nspotipy.Spotify().my_restricted_call()\n"})
    assert codes(str(tmp_path))[1] == ["SPT199"]
    result = CliRunner().invoke(main, ["rules", "--config", str(tmp_path / "pyproject.toml")])
    assert "SPT199  my-call" in result.stdout
    (rules / "SPT199-my-call.toml").write_text(text.replace("[docs]", "[docs]\nextra = 1"))
    code, _, err = codes(str(tmp_path))
    assert code == 2 and "SPT199-my-call.toml: docs.extra: unknown key" in err


def test_fix_strategy_and_compat_module_from_config(tmp_path):
    project(tmp_path, 'fix-strategy = "local"\ncompat-module = "lib/compat_calls.py"\n')
    result = CliRunner().invoke(main, ["fix", str(tmp_path / "src")])
    assert "(strategy: local)" in result.stderr
    assert (tmp_path / "lib" / "compat_calls.py").is_file()
    assert "compat_calls.tracks(sp, ['a'])" in (tmp_path / "src" / "app.py").read_text()
