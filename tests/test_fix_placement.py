"""Where `spotlint fix` puts the compat module, proved by running the fixed code the way its
project runs it: scripts, ``python -m``, imports of a package (also under a longer name),
notebook cells, a folder of several projects, Jupyter checkpoints and hidden folders. Each run
is a subprocess whose ``sys.path`` holds only what Python itself adds and a fake spotipy."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from spotlint.cli import main

FAKE_SPOTIPY = '''
class Spotify:
    """Answers the single-track call the compat module's loop makes, and says so."""

    def __init__(self, *args, **kwargs):
        pass

    def track(self, track_id, market=None):
        print(f"called track {track_id}")
        return {"id": track_id}
'''

USES = "import spotipy\n\n\ndef run():\n    sp = spotipy.Spotify()\n    return sp.tracks(['a', 'b'])\n"
SCRIPT = "import spotipy\n\nsp = spotipy.Spotify()\nprint(sp.tracks(['a', 'b']))\n"
CALLED = "called track a\ncalled track b\n"


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def notebook(*cells: str) -> str:
    return json.dumps({
        "cells": [{"cell_type": "code", "execution_count": None, "id": f"c{i}", "metadata": {}, "outputs": [],
                   "source": cell.splitlines(keepends=True)} for i, cell in enumerate(cells)],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1) + "\n"


@pytest.fixture
def fake_site(tmp_path: Path) -> Path:
    return write(tmp_path / "fake-site", {"spotipy/__init__.py": FAKE_SPOTIPY})


def fix(*args: str):
    return CliRunner().invoke(main, ["fix", "--strategy", "local", *args])


def run(fake_site: Path, cwd: Path, *args: str) -> str:
    """Python run as a user would, from ``cwd``: only the fake spotipy added to its path."""
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(fake_site), "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run([sys.executable, "-s", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def run_cells(fake_site: Path, path: Path, cwd: Path | None = None) -> str:
    """A notebook's code cells, run in a kernel that starts in the notebook's folder."""
    cells = json.loads(path.read_text())["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    return run(fake_site, cwd or path.parent, "-c", code)


def compat_modules(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("spotify_compat.py"))


def unchanged_by_a_second_run(root: Path) -> None:
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    result = fix(str(root))
    assert "Fixed 0 findings in 0 files" in result.stderr, result.stderr
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before


def test_package_modules_import_the_module_in_their_top_package(tmp_path, fake_site):
    root = write(tmp_path / "proj", {
        "pyproject.toml": "[project]\nname = 'app'\n",
        "app/__init__.py": "",
        "app/api/__init__.py": "",
        "app/api/music.py": USES,
        "app/main.py": "from app.api import music\n\nif __name__ == '__main__':\n    print(music.run())\n",
        "app/cli.py": "import spotipy\n\nif __name__ == '__main__':\n    print(spotipy.Spotify().tracks(['a', 'b']))\n",
    })
    assert fix(str(root)).exit_code == 0
    assert compat_modules(root) == ["app/spotify_compat.py"]
    assert "from .. import spotify_compat\n" in (root / "app/api/music.py").read_text()
    assert "from . import spotify_compat\n" in (root / "app/cli.py").read_text()
    assert CALLED in run(fake_site, root, "-m", "app.main")
    assert CALLED in run(fake_site, root, "-m", "app.cli")
    assert CALLED in run(fake_site, root, "-c", "import app.api.music as m; m.run()")
    unchanged_by_a_second_run(root)
    music = root / "app/api/music.py"  # a later call: fixed again, the import not added twice
    music.write_text(music.read_text() + "\n\ndef more():\n    return spotipy.Spotify().tracks(['c'])\n")
    assert fix(str(root)).exit_code == 0
    assert music.read_text().count("import spotify_compat") == 1
    assert "called track c" in run(fake_site, root, "-c", "import app.api.music as m; m.more()")


def test_a_package_reached_under_a_longer_name_still_imports_it(tmp_path, fake_site):
    root = write(tmp_path / "proj", {
        "requirements.txt": "spotipy\n",
        "source/spotify/__init__.py": "",  # source/ is a namespace folder: users import source.spotify
        "source/spotify/client.py": USES,
        "main.py": "from source.spotify import client\n\nprint(client.run())\n",
    })
    assert fix(str(root)).exit_code == 0
    assert compat_modules(root) == ["source/spotify/spotify_compat.py"]
    assert "from spotify import" not in (root / "source/spotify/client.py").read_text()
    assert CALLED in run(fake_site, root, "main.py")
    assert CALLED in run(fake_site, root / "source", "-c", "import spotify.client as c; c.run()")
    unchanged_by_a_second_run(root)


def test_a_standalone_script_gets_the_module_beside_it(tmp_path, fake_site):
    root = write(tmp_path / "proj", {
        "pyproject.toml": "[project]\nname = 'svc'\n",
        "backend/__init__.py": "",
        "backend/service.py": USES + "\n\nif __name__ == '__main__':\n    print(run())\n",
        "scripts/x/tool.py": SCRIPT,
    })
    assert fix(str(root)).exit_code == 0
    assert compat_modules(root) == ["backend/spotify_compat.py", "scripts/x/spotify_compat.py"]
    tool = (root / "scripts/x/tool.py").read_text()
    assert "import spotify_compat\n" in tool and "backend" not in tool
    assert CALLED in run(fake_site, root, "scripts/x/tool.py")
    assert CALLED in run(fake_site, root / "scripts/x", "tool.py")
    assert CALLED in run(fake_site, root, "-m", "backend.service")
    unchanged_by_a_second_run(root)


def test_a_notebook_beside_a_package_imports_it_from_its_folder(tmp_path, fake_site):
    root = write(tmp_path / "proj", {
        "setup.py": "",
        "analysis.ipynb": notebook("import spotipy\nsp = spotipy.Spotify()\n", "print(sp.tracks(['a', 'b']))\n"),
        "lib/__init__.py": "",
        "lib/core.py": USES,
    })
    assert fix(str(root)).exit_code == 0
    assert compat_modules(root) == ["lib/spotify_compat.py", "spotify_compat.py"]
    first = "".join(json.loads((root / "analysis.ipynb").read_text())["cells"][0]["source"])
    assert first.startswith("import spotify_compat\n")
    assert CALLED in run_cells(fake_site, root / "analysis.ipynb")
    assert CALLED in run(fake_site, root, "-c", "import lib.core; lib.core.run()")
    unchanged_by_a_second_run(root)


def test_a_folder_of_projects_gets_one_module_per_project(tmp_path, fake_site):
    root = write(tmp_path / "work", {
        "one/pyproject.toml": "[project]\nname = 'one'\n",
        "one/pkg/__init__.py": "",
        "one/pkg/calls.py": USES,
        "two/setup.cfg": "",
        "two/run.py": SCRIPT,
        "three/.git/HEAD": "ref: refs/heads/main\n",
        "three/notes.ipynb": notebook("import spotipy\nsp = spotipy.Spotify()\nprint(sp.tracks(['a', 'b']))\n"),
    })
    result = fix(str(root))
    assert result.exit_code == 0, result.stderr
    assert compat_modules(root) == ["one/pkg/spotify_compat.py", "three/spotify_compat.py", "two/spotify_compat.py"]
    assert result.stderr.count("Wrote the compat module") == 3
    assert CALLED in run(fake_site, root / "one", "-c", "import pkg.calls; pkg.calls.run()")
    assert CALLED in run(fake_site, root, "two/run.py")
    assert CALLED in run_cells(fake_site, root / "three/notes.ipynb")
    unchanged_by_a_second_run(root)


def test_checkpoints_and_hidden_folders_never_hold_the_module(tmp_path, fake_site):
    cells = notebook("import spotipy\nsp = spotipy.Spotify()\nprint(sp.tracks(['a', 'b']))\n")
    root = write(tmp_path / "proj", {
        "pyproject.toml": "[tool.spotlint]\nexclude = ['build']\n",  # replaces the default excludes
        ".ipynb_checkpoints/report-checkpoint.ipynb": cells,  # walked first, as in the failure seen
        "report.ipynb": cells,
        "pkg/__init__.py": "",
        "pkg/.ipynb_checkpoints/mod-checkpoint.py": USES,
        "pkg/mod.py": USES,
        ".tools/sync.py": SCRIPT,
    })
    result = fix(str(root))
    assert compat_modules(root) == ["pkg/spotify_compat.py", "spotify_compat.py"]
    checkpoint = root / ".ipynb_checkpoints/report-checkpoint.ipynb"
    assert CALLED in run_cells(fake_site, checkpoint, cwd=root)  # restored, it runs beside the module
    assert CALLED in run_cells(fake_site, root / "report.ipynb")
    assert CALLED in run(fake_site, root, "-c", "import pkg.mod; pkg.mod.run()")
    assert "from . import spotify_compat" in (root / "pkg/.ipynb_checkpoints/mod-checkpoint.py").read_text()
    assert (root / ".tools/sync.py").read_text() == SCRIPT  # no folder it can import from: left alone
    assert result.exit_code == 1
    assert f"no importable place for the compat module: {root / '.tools'} is a hidden folder" in result.stderr
    unchanged_by_a_second_run(root)


def test_a_configured_module_is_imported_per_file_or_the_output_says_it_cannot_be(tmp_path, fake_site):
    root = write(tmp_path / "proj", {
        "pyproject.toml": "[tool.spotlint]\ncompat-module = 'app/shared/compat_calls.py'\n",
        "app/__init__.py": "",
        "app/shared/__init__.py": "",
        "app/views/__init__.py": "",
        "app/views/home.py": USES,
        "top.py": SCRIPT,
        "tools/dump.py": SCRIPT,
    })
    result = fix(str(root))
    assert result.exit_code == 0, result.stderr
    assert compat_modules(root) == [] and (root / "app/shared/compat_calls.py").is_file()
    assert "from ..shared import compat_calls\n" in (root / "app/views/home.py").read_text()
    assert "from app.shared import compat_calls\n" in (root / "top.py").read_text()
    assert CALLED in run(fake_site, root, "-c", "import app.views.home as h; h.run()")
    assert CALLED in run(fake_site, root, "top.py")
    assert "dump.py imports app.shared.compat_calls from " in result.stderr
    assert "which is not on its import path when it runs" in result.stderr
    unchanged_by_a_second_run(root)


def test_environment_and_excluded_folders_have_no_place(tmp_path):
    from spotlint.files.discovery import Scope
    from spotlint.fix.placement import Layout, Placement, Unplaceable, place

    root = write(tmp_path / "proj", {
        "pyproject.toml": "",
        "env/pyvenv.cfg": "",
        "env/tool.py": SCRIPT,
        "site-packages/vendored/__init__.py": "",
        "site-packages/vendored/calls.py": USES,
        "vendor/run.py": SCRIPT,
        "ok/run.py": SCRIPT,
    })
    layout = Layout((root,), Scope(excluded=lambda path, is_dir: path.name == "vendor"))
    assert place(root / "env/tool.py", layout) == Unplaceable(
        f"no importable place for the compat module: {root / 'env'} is a virtual environment")
    assert "is an excluded folder" in place(root / "site-packages/vendored/calls.py", layout).reason
    assert "is excluded by the configuration" in place(root / "vendor/run.py", layout).reason
    assert place(root / "ok/run.py", layout) == Placement(root / "ok/spotify_compat.py", "spotify_compat", "spotify_compat")
