"""Dependency declarations: parsing every format, stale pins, and route findings that depend
on the client version the project declares."""

from __future__ import annotations

from pathlib import Path

import pytest

from spotlint.api import check_paths
from spotlint.files.dependencies import Declaration, parse, poetry_specifier
from spotlint.analysis.pins import stale

APP = "import spotipy\nsp = spotipy.Spotify()\nsp.playlist_add_items('x', [])\nsp.current_user_unfollow_playlist('x')\n"


@pytest.mark.parametrize(
    ("constraint", "pep440"),
    [("^2.23", ">=2.23,<3"), ("^0.2.3", ">=0.2.3,<0.3"), ("~2.23", ">=2.23,<2.24"), ("~2", ">=2,<3"),
     ("2.23.0", "==2.23.0"), ("*", ""), (">=2.20,<2.26", ">=2.20,<2.26")],
)
def test_poetry_constraints(constraint, pep440):
    assert poetry_specifier(constraint) == pep440


@pytest.mark.parametrize(
    ("specifier", "is_stale"),
    [("==2.23.0", True), ("<2.26", True), ("~=2.24.0", True), (">=2.20,<2.25", True), ("==2.25.*", True),
     ("", False), (">=2.20", False), (">=2.26", False), ("==2.26.0", False), ("~=2.26", False), ("<3", False)],
)
def test_stale_pin(specifier, is_stale):
    assert stale(Declaration("spotipy", specifier, 1, 1, "x"), "2.26.0") is is_stale


def test_positions_in_each_format():
    text = '[project]\ndependencies = [\n  "requests",\n  "spotipy==2.25.2",\n]\n\n[tool.poetry.dependencies]\nspotipy = "~2.23"\n'
    assert [(d.line, d.column, d.specifier) for d in parse("pyproject.toml", text) if d.package == "spotipy"] == [
        (4, 4, "==2.25.2"), (8, 1, ">=2.23,<2.24")]
    assert [(d.line, d.column) for d in parse("requirements-dev.txt", "-r base.txt\n  spotipy==2.0  # old\n")] == [(2, 3)]


def _project(tmp_path: Path, requirements: str | None) -> list[tuple[int, str, str]]:
    tmp_path.mkdir()
    (tmp_path / "app.py").write_text(APP)
    if requirements is not None:
        (tmp_path / "requirements.txt").write_text(requirements)
    from spotlint.catalogue.load import load_catalogue
    from spotlint.config import resolve_selection

    catalogue = load_catalogue()
    [result] = [r for r in check_paths([str(tmp_path / "app.py")], catalogue, resolve_selection(catalogue))]
    return [(f.span.line, f.code, f.message) for f in result.findings]


def test_route_findings_follow_the_declared_client_version(tmp_path):
    undeclared = _project(tmp_path / "a", None)
    assert [(line, code) for line, code, _ in undeclared] == [(3, "SPT220"), (4, "SPT223")]
    assert "spotipy < 2.26.0 sends this route;" in undeclared[0][2]

    fixed = _project(tmp_path / "b", "spotipy>=2.26\n")
    # 2.26 moved playlist items to /items, but still unfollows through the old route
    assert [(line, code) for line, code, _ in fixed] == [(4, "SPT223")]

    loose = _project(tmp_path / "c", "spotipy>=2.20\n")
    assert [(line, code) for line, code, _ in loose] == [(3, "SPT220"), (4, "SPT223")]
    assert "the project allows it (spotipy>=2.20)" in loose[0][2]


def test_invalid_dependency_file_is_reported(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text("[project\n")
    from spotlint.catalogue.load import load_catalogue
    from spotlint.config import resolve_selection

    catalogue = load_catalogue()
    [result] = check_paths([str(path)], catalogue, resolve_selection(catalogue))
    assert [f.code for f in result.findings] == ["SPT002"]
    assert result.findings[0].message.startswith("cannot read dependencies: invalid TOML")
