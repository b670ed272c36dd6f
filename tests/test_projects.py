"""Project-wide analysis: a client made in one module is a client where it is imported,
re-exported, inherited, returned, passed as an argument or stored on a shared object.

Each folder under ``tests/projects/`` is a small project (a ``pyproject.toml`` marks its root)
whose ``.py`` files mark expected findings inline (``# expect: SPT103``, see casefiles.py); a file
without markers must produce no finding. For every project:
- a run over the whole project reports exactly the markers of all its files;
- a run on one file from the project root (as pre-commit runs it) reports what the whole-project
  run reports for that file;
- the flake8 plugin, given that file's lines on standard input, reports the same.
A generated 2,000-module project checks that resolution scales and still finds every planted use.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import pytest
from click.testing import CliRunner

from casefiles import expected
from spotlint.api import check_paths
from spotlint.cli import main
from spotlint.files.discovery import SourceFile, project_infos
from spotlint.project.index import build_index


def _infos(paths):  # type: ignore[no-untyped-def]
    return project_infos([SourceFile(p, str(p)) for p in paths])

PROJECTS = Path(__file__).parent / "projects"

Finding = tuple[str, int, str]  # (path relative to the project root, line, code)


def project_dirs() -> list[Path]:
    return sorted(p for p in PROJECTS.iterdir() if (p / "pyproject.toml").is_file())


def python_files(project: Path) -> list[str]:
    return sorted(p.relative_to(project).as_posix() for p in project.rglob("*.py") if "__pycache__" not in p.parts)


def markers(project: Path) -> set[Finding]:
    return {
        (relative, line, code)
        for relative in python_files(project)
        for line, code in expected((project / relative).read_text(encoding="utf-8"))
    }


def _relative(root: Path, path: str) -> str:
    absolute = Path(path) if Path(path).is_absolute() else root / path
    return absolute.resolve().relative_to(root.resolve()).as_posix()


@contextmanager
def _inside(directory: Path) -> Iterator[None]:
    previous = os.getcwd()
    os.chdir(directory)
    try:
        yield
    finally:
        os.chdir(previous)


def spotlint_check(root: Path, *paths: str) -> set[Finding]:
    """``spotlint check --format json --no-cache PATHS`` run in-process from ``root``."""
    with _inside(root):
        result = CliRunner().invoke(main, ["check", "--format", "json", "--no-cache", *paths], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.stderr
    items = json.loads(result.stdout) if result.stdout.strip() else []
    return {(_relative(root, item["path"]), item["line"], item["code"]) for item in items}


@lru_cache(maxsize=None)
def whole_project(name: str) -> frozenset[Finding]:
    return frozenset(spotlint_check(PROJECTS / name, "."))


def flake8_stdin(project: Path, relative: str) -> set[Finding]:
    """flake8 (the real one) on the file's text given on stdin, run from the project root."""
    text = (project / relative).read_text(encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", "--select", "SPT", "--stdin-display-name", relative, "-"],
        input=text, capture_output=True, text=True, cwd=project,
    )
    assert proc.returncode in (0, 1), proc.stderr
    found = set()
    for line in proc.stdout.splitlines():
        path, number, _column, rest = line.split(":", 3)
        found.add((_relative(project, path), int(number), rest.split()[0]))
    return found


def differences(got: set[Finding] | frozenset[Finding], want: set[Finding]) -> dict[str, list[Finding]]:
    return {"missing": sorted(want - got), "extra": sorted(got - want)}


NO_DIFFERENCE: dict[str, list[Finding]] = {"missing": [], "extra": []}
FILES = [(project, relative) for project in project_dirs() for relative in python_files(project)]
FILE_IDS = [f"{project.name}/{relative}" for project, relative in FILES]


def test_every_project_has_files_and_a_root() -> None:
    assert len(project_dirs()) >= 12
    for project in project_dirs():
        assert "[project]" in (project / "pyproject.toml").read_text(encoding="utf-8")
        assert len(python_files(project)) >= 2, f"{project.name} is not a multi-module project"


@pytest.mark.parametrize("project", project_dirs(), ids=lambda p: p.name)
def test_whole_project_reports_the_markers(project: Path) -> None:
    assert differences(whole_project(project.name), markers(project)) == NO_DIFFERENCE


@pytest.mark.parametrize(("project", "relative"), FILES, ids=FILE_IDS)
def test_one_file_reports_what_the_whole_project_reports(project: Path, relative: str) -> None:
    alone = spotlint_check(project, relative)
    together = {f for f in whole_project(project.name) if f[0] == relative}
    assert differences(alone, together) == NO_DIFFERENCE


@pytest.mark.parametrize(("project", "relative"), FILES, ids=FILE_IDS)
def test_flake8_on_stdin_reports_what_the_whole_project_reports(project: Path, relative: str) -> None:
    together = {f for f in whole_project(project.name) if f[0] == relative}
    assert differences(flake8_stdin(project, relative), together) == NO_DIFFERENCE


# A generated project: big/config.py makes the client; every module re-exports it from the one
# before (one 2,000-module chain), a few modules import forward (cycles), some pass the client
# down through parameters, and some use it. Modules mostly hold no Spotify word at all.

MODULES = 2000


def _module(i: int) -> str:
    return f"m{i:04d}"


def generate(root: Path, modules: int = MODULES) -> set[Finding]:
    """Write the project under ``root``; return the planted findings."""
    (root / "big").mkdir(parents=True)
    (root / "pyproject.toml").write_text('[project]\nname = "big"\n', encoding="utf-8")
    (root / "big" / "__init__.py").write_text('"""A generated project."""\n', encoding="utf-8")
    (root / "big" / "config.py").write_text(
        '"""The one client of the project."""\n\nimport spotipy\n\nclient = spotipy.Spotify()\nSTART = 0\n',
        encoding="utf-8",
    )
    planted: set[Finding] = set()
    for i in range(modules):
        path = f"big/{_module(i)}.py"
        before = "big.config" if i == 0 else f"big.{_module(i - 1)}"
        cycle = i % 200 == 100 and i + 5 < modules
        lines = [f'"""Generated module {i}."""', ""]
        if cycle:
            lines.append(f"import big.{_module(i + 5)}")  # forward: a cycle of six modules
        lines += [f"from {before} import client", f"from {before} import {'START' if i == 0 else 'VALUE'} as _PREVIOUS"]
        if i % 100 == 51:
            lines.append(f"from big.{_module(i - 1)} import deep_{i - 1}")
        if i % 100 == 52:
            lines.append(f"from big.{_module(i - 1)} import mid_{i - 1}")
        lines += ["", "VALUE = _PREVIOUS + 1"]

        def block(body: list[str], code: str | None = None, call: int = 1) -> None:
            """Append ``body`` after two blank lines; ``body[call]`` holds the finding of ``code``."""
            lines.extend(["", ""])
            if code is not None:
                planted.add((path, len(lines) + 1 + call, code))
            lines.extend(body)

        block(["def describe():", f'    return "module {i}: %d" % VALUE'])
        if i % 40 == 7:
            block([f"def browse_{i}():", "    return client.categories(limit=10)"], "SPT208")
        if i % 40 == 27:
            block([f"def owner_{i}(user_id):", "    return client.user(user_id)"], "SPT214")
        if i % 100 == 50:  # a parameter two calls away from the client
            block([f"def deep_{i}(sp, ids):", "    return sp.tracks(ids)"], "SPT213")
        if i % 100 == 51:
            block([f"def mid_{i}(spotify, ids):", f"    return deep_{i - 1}(spotify, ids)"])
        if i % 100 == 52:
            block([f"def run_{i}(ids):", f"    return mid_{i - 1}(client, ids)"])
        if cycle:  # through the module at the far end of the cycle
            block([f"def several_{i}(ids):", f"    return big.{_module(i + 5)}.client.artists(ids)"], "SPT206")
        if i % 250 == 125:  # a look-alike on an object that is not a client
            block(["class Shelf:", "    def tracks(self, ids):", "        return list(ids)"])
            block(["def shelved(ids):", "    return Shelf().tracks(ids)"])
        if i == modules - 1:  # the far end of the chain, with a distinctive name
            block(["def features(ids):", "    return client.audio_features(ids)"], "SPT103")
        (root / path).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return planted


def test_generated_project_lines_are_where_the_calls_are(tmp_path: Path) -> None:
    """The generator's bookkeeping: each planted line holds the call of its code."""
    methods = {"SPT208": ".categories(", "SPT214": ".user(", "SPT213": ".tracks(", "SPT206": ".artists(",
               "SPT103": ".audio_features("}
    planted = generate(tmp_path, 400)
    assert len(planted) > 25
    for path, line, code in planted:
        assert methods[code] in (tmp_path / path).read_text(encoding="utf-8").splitlines()[line - 1]


@pytest.fixture(scope="module")
def big_project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[Finding]]:
    root = tmp_path_factory.mktemp("big")
    return root, generate(root)


def test_two_thousand_modules(big_project: tuple[Path, set[Finding]], catalogue, all_codes) -> None:
    root, planted = big_project
    results = check_paths([str(root)], catalogue, all_codes, settings=None)
    got = {(_relative(root, r.path), f.span.line, f.code) for r in results for f in r.findings}
    assert differences(got, planted) == NO_DIFFERENCE
    index = build_index(root, catalogue, _infos, use_cache=False)
    # Modules are visited imports-first, so the 2,000-long chain resolves in one round; the
    # cycles and the parameters two calls away take a few more. A resolver that advanced one
    # import per round would need about 2,000.
    assert index.resolved.rounds <= 6
    assert index.rounds <= 4  # rounds of the relevance closure
    assert len(index.summarised) < MODULES + 5  # every module of the chain, nothing twice


def test_one_module_at_the_end_of_the_chain(big_project: tuple[Path, set[Finding]]) -> None:
    """As pre-commit runs it: one file, whose client is 2,000 imports away."""
    root, planted = big_project
    for index in (MODULES - 1, 1967, 1850, 1900):  # a distinctive name, a generic one, a parameter, a cycle
        path = f"big/{_module(index)}.py"
        assert differences(spotlint_check(root, path), {f for f in planted if f[0] == path}) == NO_DIFFERENCE
