"""What gets scanned: default excludes (ruff's), exclude / extend-exclude, files named
explicitly, .gitignore only inside a git work tree and never for files git tracks,
.git/info/exclude, respect-gitignore, and the project index walking the same files."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from spotlint.cli import main
from spotlint.files import gitfiles
from spotlint.files.discovery import DEFAULT_EXCLUDES, Scope, discover

FOUND = "import spotipy\nsp = spotipy.Spotify()\nsp.audio_features(['a'])\n"
RUFF_DEFAULTS = {  # ruff's `exclude` default, as its settings page lists it
    ".bzr", ".direnv", ".eggs", ".git", ".git-rewrite", ".hg", ".ipynb_checkpoints", ".mypy_cache", ".nox",
    ".pants.d", ".pyenv", ".pytest_cache", ".pytype", ".ruff_cache", ".svn", ".tox", ".venv", ".vscode",
    "__pypackages__", "_build", "buck-out", "build", "dist", "node_modules", "site-packages", "venv",
}
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def write(root: Path, name: str, text: str = FOUND) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def notebook(source: str) -> str:
    cell = {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": source}
    return json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


def found(root: Path, *paths: str, scope: Scope | None = None) -> list[str]:
    names = [str(root / p) for p in paths] or [str(root)]
    return sorted(Path(f.path).relative_to(root).as_posix() for f in discover(names, scope))


def reported(*args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, ["check", "--no-cache", *args], catch_exceptions=False)
    return result.exit_code, [line.split(":")[0] for line in result.stdout.splitlines()]


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def repository(root: Path, files: dict[str, str], tracked: list[str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    git(root, "init", "-q")
    for name, text in files.items():
        write(root, name, text)
    git(root, "add", "-f", *tracked)
    git(root, "-c", "user.email=t@example.invalid", "-c", "user.name=t", "commit", "-qm", "init")
    return root


# -- default excludes ---------------------------------------------------------------------
def test_default_excludes_are_ruffs_and_spotlints_caches():
    assert DEFAULT_EXCLUDES == RUFF_DEFAULTS | {".spotlint_cache", "__pycache__"}


@pytest.mark.parametrize("name", sorted(DEFAULT_EXCLUDES))
def test_each_default_exclude_is_skipped_at_any_depth(tmp_path, name):
    write(tmp_path, "src/app.py")
    write(tmp_path, f"{name}/m.py")
    write(tmp_path, f"src/{name}/deep/m.py")
    assert found(tmp_path) == ["src/app.py"]


def test_no_finding_in_ipynb_checkpoints(tmp_path):
    write(tmp_path, "analysis.ipynb", notebook(FOUND))
    write(tmp_path, ".ipynb_checkpoints/analysis-checkpoint.ipynb", notebook(FOUND))
    write(tmp_path, "venv/lib/m.py")
    write(tmp_path, "build/lib/pkg/m.py")
    write(tmp_path, "web/node_modules/pkg/m.py")
    code, paths = reported(str(tmp_path))
    assert code == 1
    assert paths == [f"{tmp_path}/analysis.ipynb"]
    # pre-commit passes every changed file, the checkpoint too: skipped all the same
    assert reported(str(tmp_path / ".ipynb_checkpoints" / "analysis-checkpoint.ipynb")) == (0, [])
    # folders above the file's own count from the project's root (config folder or work tree) down
    assert reported(str(tmp_path / "build" / "lib" / "pkg" / "m.py"))[1] == [f"{tmp_path}/build/lib/pkg/m.py"]
    write(tmp_path, "pyproject.toml", "[tool.spotlint]\n")
    assert reported(str(tmp_path / "build" / "lib" / "pkg" / "m.py")) == (0, [])


def test_a_virtualenv_is_skipped_whatever_its_name_even_with_exclude_replaced(tmp_path):
    write(tmp_path, "pyproject.toml", '[tool.spotlint]\nexclude = ["generated/"]\n')
    write(tmp_path, "env/pyvenv.cfg", "home = /usr\n")
    write(tmp_path, "env/lib/m.py")
    write(tmp_path, "conda/conda-meta/history", "")
    write(tmp_path, "conda/lib/m.py")
    write(tmp_path, "app.py")
    assert reported(str(tmp_path))[1] == [f"{tmp_path}/app.py"]


def test_an_excluded_name_above_the_project_does_not_hide_a_named_file(tmp_path):
    project = tmp_path / "build" / "myproject"
    write(project, "pyproject.toml", "[tool.spotlint]\n")
    write(project, "app.py")
    assert reported(str(project / "app.py"))[1] == [f"{project}/app.py"]
    assert reported(str(project))[1] == [f"{project}/app.py"]


def test_a_folder_named_explicitly_is_walked_though_its_name_is_a_default_exclude(tmp_path):
    write(tmp_path, "build/lib/m.py")
    write(tmp_path, "build/lib/node_modules/m.py")
    assert found(tmp_path, "build") == ["build/lib/m.py"]


# -- exclude, extend-exclude ----------------------------------------------------------------
def test_extend_exclude_adds_to_the_defaults(tmp_path):
    write(tmp_path, "pyproject.toml", '[tool.spotlint]\nextend-exclude = ["generated/", "*_pb2.py"]\n')
    for name in ("app.py", "generated/g.py", "api_pb2.py", "node_modules/m.py"):
        write(tmp_path, name)
    assert reported(str(tmp_path))[1] == [f"{tmp_path}/app.py"]
    assert reported(str(tmp_path / "generated" / "g.py")) == (0, [])


def test_exclude_replaces_the_defaults(tmp_path):
    write(tmp_path, "pyproject.toml", '[tool.spotlint]\nexclude = ["generated/"]\n')
    for name in ("app.py", "generated/g.py", "node_modules/m.py", "build/b.py"):
        write(tmp_path, name)
    assert reported(str(tmp_path))[1] == [f"{tmp_path}/{n}" for n in ("app.py", "build/b.py", "node_modules/m.py")]
    write(tmp_path, "pyproject.toml", "[tool.spotlint]\nexclude = []\n")  # no excludes at all
    assert f"{tmp_path}/generated/g.py" in reported(str(tmp_path))[1]


def test_extend_exclude_on_the_command_line(tmp_path):
    write(tmp_path, "pyproject.toml", '[tool.spotlint]\nextend-exclude = ["generated/"]\n')
    for name in ("app.py", "generated/g.py", "legacy/l.py", "old/o.py", "dist/d.py"):
        write(tmp_path, name)
    got = reported("--extend-exclude", "legacy/, old/", str(tmp_path))[1]
    assert got == [f"{tmp_path}/app.py"]


# -- git ------------------------------------------------------------------------------------
@needs_git
def test_a_tracked_file_is_checked_though_gitignore_matches_it(tmp_path):
    repo = repository(tmp_path / "repo", {
        ".gitignore": "scripts/\n!scripts/keep.py\n*_local.py\n",
        "app.py": "x = 1\n",
        "scripts/sync.py": FOUND,  # committed before it was listed in .gitignore
        "scripts/scratch.py": FOUND,  # never committed: git ignores it
        "scripts/keep.py": FOUND,  # git cannot re-include a file of an ignored folder
        "tools/run_local.py": FOUND,
        "tools/try_local.py": FOUND,
    }, tracked=[".gitignore", "app.py", "scripts/sync.py", "tools/run_local.py"])
    assert found(repo) == ["app.py", "scripts/sync.py", "tools/run_local.py"]
    assert reported(str(repo))[1] == [f"{repo}/scripts/sync.py", f"{repo}/tools/run_local.py"]


@needs_git
def test_configured_excludes_apply_to_tracked_files(tmp_path):
    repo = repository(tmp_path / "repo", {"pyproject.toml": '[tool.spotlint]\nextend-exclude = ["vendor/"]\n',
                                          "vendor/v.py": FOUND, "build/b.py": FOUND, "app.py": FOUND},
                      tracked=["pyproject.toml", "vendor/v.py", "build/b.py", "app.py"])
    assert reported(str(repo))[1] == [f"{repo}/app.py"]


@needs_git
def test_gitignore_negation_in_a_deeper_file_and_info_exclude(tmp_path):
    repo = repository(tmp_path / "repo", {".gitignore": "gen_*.py\n", "pkg/.gitignore": "!gen_keep.py\n",
                                          "app.py": "x = 1\n"}, tracked=[".gitignore", "pkg/.gitignore", "app.py"])
    for name in ("gen_a.py", "pkg/gen_b.py", "pkg/gen_keep.py", "secret_x.py"):
        write(repo, name)
    (repo / ".git" / "info").mkdir(exist_ok=True)
    (repo / ".git" / "info" / "exclude").write_text("secret_*.py\n")
    assert found(repo) == ["app.py", "pkg/gen_keep.py"]
    assert found(repo, scope=Scope(gitignore=False)) == ["app.py", "gen_a.py", "pkg/gen_b.py", "pkg/gen_keep.py",
                                                         "secret_x.py"]


@needs_git
def test_a_linked_worktree_reads_info_exclude_from_the_common_git_folder(tmp_path):
    main_repo = repository(tmp_path / "main", {"app.py": "x = 1\n"}, tracked=["app.py"])
    (main_repo / ".git" / "info").mkdir(exist_ok=True)
    (main_repo / ".git" / "info" / "exclude").write_text("secret_*.py\n")
    linked = tmp_path / "linked"
    git(main_repo, "worktree", "add", "-q", str(linked))
    assert (linked / ".git").is_file()
    write(linked, "secret_x.py")
    write(linked, "new.py")
    assert found(linked) == ["app.py", "new.py"]


@needs_git
def test_a_nested_repository_keeps_none_of_the_outer_patterns(tmp_path):
    outer = repository(tmp_path / "outer", {".gitignore": "gen_*.py\n", "app.py": "x = 1\n"},
                       tracked=[".gitignore", "app.py"])
    inner = repository(outer / "inner", {"gen_tool.py": "x = 1\n"}, tracked=["gen_tool.py"])
    write(inner, "gen_untracked.py")
    assert found(outer) == ["app.py", "inner/gen_tool.py", "inner/gen_untracked.py"]


def test_gitignore_outside_a_work_tree_counts_for_nothing(tmp_path):
    write(tmp_path, ".gitignore", "*.py\nscripts/\n")
    write(tmp_path, "app.py")
    write(tmp_path, "scripts/s.py")
    assert found(tmp_path) == ["app.py", "scripts/s.py"]
    assert reported(str(tmp_path))[1] == [f"{tmp_path}/app.py", f"{tmp_path}/scripts/s.py"]
    (tmp_path / ".git").mkdir()  # now it is one (git would fail on it: nothing counts as tracked)
    assert found(tmp_path) == []


@needs_git
def test_respect_gitignore_off_in_config_and_on_the_command_line(tmp_path):
    repo = repository(tmp_path / "repo", {".gitignore": "ignored.py\n", "app.py": "x = 1\n"},
                      tracked=[".gitignore", "app.py"])
    write(repo, "ignored.py")
    assert reported(str(repo))[1] == []
    assert reported("--no-respect-gitignore", str(repo))[1] == [f"{repo}/ignored.py"]
    write(repo, "pyproject.toml", "[tool.spotlint]\nrespect-gitignore = false\n")
    assert reported(str(repo))[1] == [f"{repo}/ignored.py"]
    assert reported("--respect-gitignore", str(repo))[1] == []


def test_a_named_file_is_checked_though_gitignore_matches_it(tmp_path):
    (tmp_path / ".git").mkdir()
    write(tmp_path, ".gitignore", "ignored.py\n")
    write(tmp_path, "ignored.py")
    assert found(tmp_path, "ignored.py") == ["ignored.py"]


# -- asking git -----------------------------------------------------------------------------
@needs_git
def test_tracked_files_ignores_a_hooks_git_environment(tmp_path, monkeypatch):
    repo = repository(tmp_path / "repo", {"a.py": "", "sub/b.py": ""}, tracked=["a.py", "sub/b.py"])
    other = repository(tmp_path / "other", {"c.py": ""}, tracked=["c.py"])
    monkeypatch.setenv("GIT_DIR", str(other / ".git"))
    monkeypatch.setenv("GIT_INDEX_FILE", str(other / ".git" / "index"))
    assert gitfiles.tracked_files(repo) == {"a.py", "sub/b.py"}


def test_without_git_nothing_is_tracked_and_gitignore_still_applies(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    write(tmp_path, ".gitignore", "ignored.py\n")
    write(tmp_path, "ignored.py")
    write(tmp_path, "app.py")
    monkeypatch.setenv("PATH", str(tmp_path / "no-such-bin"))
    assert gitfiles.tracked_files(tmp_path) == frozenset()
    assert found(tmp_path) == ["app.py"]


def test_a_git_that_hangs_or_fails_tracks_nothing(tmp_path, monkeypatch):
    def hang(*args, **kwargs):
        raise subprocess.TimeoutExpired(args[0], kwargs.get("timeout", 0))

    monkeypatch.setattr(gitfiles.subprocess, "run", hang)
    assert gitfiles.tracked_files(tmp_path) == frozenset()
    monkeypatch.undo()
    if shutil.which("git"):
        (tmp_path / ".git").mkdir()  # not a repository git can read
        assert gitfiles.tracked_files(tmp_path) == frozenset()


@needs_git
def test_git_is_asked_only_when_a_pattern_matches(tmp_path, monkeypatch):
    repo = repository(tmp_path / "repo", {".gitignore": "*.log\n", "app.py": "", "pkg/m.py": ""},
                      tracked=[".gitignore", "app.py", "pkg/m.py"])
    calls = []
    real = gitfiles.tracked_files
    monkeypatch.setattr(gitfiles, "tracked_files", lambda root, *a: calls.append(root) or real(root, *a))
    assert found(repo) == ["app.py", "pkg/m.py"]
    assert calls == []
    write(repo, ".gitignore", "*.log\npkg/\n")
    write(repo, "pkg/n.py", "")
    assert found(repo) == ["app.py", "pkg/m.py"]
    assert calls == [repo.resolve()]  # once for the whole walk


# -- the project index walks the same files -------------------------------------------------
CLIENTS = "import spotipy\nsp = spotipy.Spotify()\n"
USES = "from lib.clients import sp\nsp.tracks(['a'])\n"  # `tracks` needs a known client


@needs_git
def test_the_index_sees_a_tracked_module_gitignore_matches(tmp_path):
    repo = repository(tmp_path / "repo", {".gitignore": "lib/\n", "lib/__init__.py": "", "lib/clients.py": CLIENTS,
                                          "app.py": USES},
                      tracked=[".gitignore", "lib/__init__.py", "lib/clients.py", "app.py"])
    assert reported(str(repo / "app.py"))[1] == [f"{repo}/app.py"]
    assert reported(str(repo))[1] == [f"{repo}/app.py"]


@needs_git
def test_the_index_leaves_out_what_check_leaves_out(tmp_path):
    repo = repository(tmp_path / "repo", {".gitignore": "lib/\n", "app.py": USES}, tracked=[".gitignore", "app.py"])
    write(repo, "lib/__init__.py", "")
    write(repo, "lib/clients.py", CLIENTS)  # untracked and ignored: not the project's
    assert reported(str(repo / "app.py"))[1] == []
    assert reported("--no-respect-gitignore", str(repo / "app.py"))[1] == [f"{repo}/app.py"]


@pytest.mark.parametrize(("package", "config"), [("lib", "extend-exclude = ['lib/']\n"), ("build", "")])
def test_the_index_leaves_out_excluded_folders(tmp_path, package, config):
    write(tmp_path, "pyproject.toml", "[project]\nname = 'x'\n")
    write(tmp_path, "app.py", USES.replace("lib.", f"{package}."))
    write(tmp_path, f"{package}/__init__.py", "")
    write(tmp_path, f"{package}/clients.py", CLIENTS)
    if not config:  # a default exclude: the same project resolves once the defaults are replaced
        write(tmp_path, "pyproject.toml", "[project]\nname = 'x'\n[tool.spotlint]\nexclude = []\n")
        assert reported(str(tmp_path / "app.py"))[1] == [f"{tmp_path}/app.py"]
        write(tmp_path, "pyproject.toml", "[project]\nname = 'x'\n")
    else:
        assert reported(str(tmp_path / "app.py"))[1] == [f"{tmp_path}/app.py"]
        write(tmp_path, "pyproject.toml", "[project]\nname = 'x'\n[tool.spotlint]\n" + config)
    assert reported(str(tmp_path / "app.py"))[1] == []
    assert reported(str(tmp_path))[1] == []
