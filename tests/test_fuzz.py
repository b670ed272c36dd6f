"""Property tests: the URL evaluator, the notebook position mapping and the fixer."""

from __future__ import annotations

import json
import re
import string
import tempfile
from pathlib import Path

import hypothesmith
import libcst as cst
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spotlint.analysis.urls import template_path
from spotlint.engine.check import check_source
from spotlint.fix.apply import fix_paths
from spotlint.files.notebook import _mask, extract

segment = st.text(alphabet=string.ascii_letters + string.digits + "-_", min_size=1, max_size=12)


@given(st.lists(segment.filter(lambda s: s != "v1"), min_size=1, max_size=5),
       st.sampled_from(["", "/", "?ids=a,b", "/?x=1", "#frag"]),
       st.sampled_from(["https://api.spotify.com/v1/", "https://api.spotify.com/v1//", "v1/", "/v1/", "/", ""]))
def test_template_path_normalises_prefixes_queries_and_slashes(parts, tail, prefix):
    parsed = template_path(prefix + "/".join(parts) + tail)
    assert parsed is not None
    anchor, segments = parsed
    assert segments == parts
    assert anchor == ("absolute" if prefix.startswith("https") else "relative")


@given(st.text(max_size=200))
def test_template_path_never_crashes(text):
    template_path(text)


SPOTIFY_URL = st.builds(
    lambda method, ids: f'requests.{method}("https://api.spotify.com/v1/audio-features?ids=" + ",".join({ids!r}))',
    st.sampled_from(["get", "post"]), st.lists(segment, max_size=3),
)


@given(SPOTIFY_URL)
def test_audio_features_url_is_found_only_for_get(call):
    result = check_source("import requests\n" + call + "\n", "m.py", __import__("spotlint.catalogue.load").catalogue.load.load_catalogue(),
                          {"SPT103"})
    assert [f.code for f in result.findings] == (["SPT103"] if ".get(" in call else [])


cell_source = st.lists(
    st.one_of(
        st.sampled_from(["!pip install x", "%matplotlib inline", "x = !ls", "y = %pwd", "obj?", "print(1)", "",
                         "import spotipy", "sp = spotipy.Spotify()", "sp.audio_features([])"]),
        st.text(alphabet=string.ascii_letters + " =()", max_size=20),
    ),
    min_size=1, max_size=8,
)


@given(st.lists(cell_source, min_size=1, max_size=5))
def test_notebook_positions_map_back_to_each_cell(cells):
    document = {"cells": [{"cell_type": "code", "source": "\n".join(lines), "metadata": {}, "outputs": []} for lines in cells],
                "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    code = extract(json.dumps(document).encode())
    joined = code.text.splitlines()
    for cell in code.cells:
        original = "\n".join(cells[cell.number - 1]).splitlines() or [""]
        for offset, line in enumerate(original, start=1):
            number, in_cell = code.locate(cell.first_line + offset - 1)
            assert (number, in_cell) == (cell.number, offset)
            masked = joined[cell.first_line + offset - 2]
            assert len(masked) == len(line) and masked == _mask(line + "\n").rstrip("\n")


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(hypothesmith.from_grammar())
def test_fix_never_breaks_generated_programs(source):
    """Random valid programs with Spotify calls appended: the fix parses, and a second fix is a no-op."""
    try:
        compile(source, "<fuzz>", "exec")
    except (SyntaxError, ValueError):
        return
    program = "import spotipy\nsp = spotipy.Spotify()\n" + source + "\nsp.audio_features(['a'])\nsp.tracks(['b'])\n"
    try:
        cst.parse_module(program)
    except Exception:
        return
    from spotlint.catalogue.load import load_catalogue
    from spotlint.config import resolve_selection

    catalogue = load_catalogue()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "app.py"
        path.write_text(program, encoding="utf-8")
        fix_paths([folder], catalogue, resolve_selection(catalogue), "stub", True, None, True)
        after = path.read_text(encoding="utf-8")
        compile(after, "app.py", "exec")
        assert "spotify_compat.audio_features(sp, ['a'])" in after
        second = fix_paths([folder], catalogue, resolve_selection(catalogue), "stub", True, None, True)
        assert second.fixed == 0 and path.read_text(encoding="utf-8") == after


DEPENDENCY_NAMES = st.sampled_from(["requirements.txt", "pyproject.toml", "setup.cfg", "Pipfile", "Pipfile.lock",
                                    "poetry.lock", "uv.lock", "pdm.lock", "environment.yml"])
DEPENDENCY_LINES = st.lists(st.sampled_from([
    "dependencies:", "  - spotipy=2.23", "  - pip:", "      - spotipy==2.25.1", "- 'x", "\t- a", "[[package]]",
    'name = "spotipy"', 'version = "2.23.0"', "version = 2", '{"default": {"spotipy": {"version": "==2.23.0"}}}', "{",
    "spotipy==2.23.0 \\", "    --hash=sha256:ab", "[project]", 'dependencies = ["spotipy<2.26"]', "package = 1", "",
]) | st.text(max_size=30), max_size=12)


@given(DEPENDENCY_NAMES, DEPENDENCY_LINES)
def test_dependency_readers_return_declarations_or_one_error(name, lines):
    from spotlint.files.dependencies import DependencyFileError, parse

    text = "\n".join(lines)
    try:
        found = parse(name, text)
    except DependencyFileError as error:
        assert str(error) and "\n" not in str(error)
        return
    lines = re.split(r"\r\n?|\n", text)  # as editors count them
    for declaration in found:
        assert 1 <= declaration.line <= len(lines) and 1 <= declaration.column <= len(lines[declaration.line - 1]) + 1
