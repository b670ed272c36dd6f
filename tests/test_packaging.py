"""The built wheel ships the rule catalogue and works when installed (non-editable)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
        capture_output=True, text=True,
    )
    assert proc.returncode == 0, proc.stderr
    [built] = out.glob("spotlint-*.whl")
    return built


def test_wheel_contains_every_rule_file(wheel):
    shipped = {Path(n).name for n in zipfile.ZipFile(wheel).namelist() if n.startswith("spotlint/rules/")}
    expected = {p.name for p in (ROOT / "rules").glob("*.toml")}
    assert expected and expected <= shipped


def test_installed_package_finds_every_rule(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target), str(wheel)],
        check=True,
    )
    code = (
        "import spotlint.catalogue.load as c, pathlib, sys;"
        "cat = c.load_catalogue();"
        "print(c.builtin_rules_dir());"
        "print(len(cat.rules))"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    rules_dir, count = proc.stdout.split()
    assert Path(rules_dir).is_relative_to(target)
    assert int(count) == len(list((ROOT / "rules").glob("SPT*.toml")))
