"""The project index and its resolution, piece by piece: summaries are data, resolution is a
pure function of them, the cache spares unchanged files, relevance is decided on demand."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from spotlint.files.discovery import SourceFile, project_infos
from spotlint.project.index import build_index, find_root, module_names, read_imports
from spotlint.project.info import ProjectInfo
from spotlint.project.resolve import resolve
from spotlint.project.summarise import summarise
from spotlint.project.values import ClientV, ExternalV, InstanceV


def _infos(paths):  # type: ignore[no-untyped-def]
    return project_infos([SourceFile(p, str(p)) for p in paths])


def _write(root: Path, files: dict[str, str]) -> None:
    (root / "pyproject.toml").write_text('[project]\nname = "p"\n', encoding="utf-8")
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(textwrap.dedent(text), encoding="utf-8")


def _summaries(catalogue, files: dict[str, str]):  # type: ignore[no-untyped-def]
    out = {}
    for key, text in files.items():
        module = key[:-3].replace("/", ".")
        out[key] = summarise(textwrap.dedent(text), module, key, catalogue, ProjectInfo(module=module))
    names = {s.module: [k] for k, s in out.items()}
    return out, names


def test_resolution_follows_imports_factories_and_tuples(catalogue):
    summaries, names = _summaries(catalogue, {
        "auth.py": """
            import spotipy
            def login():
                return spotipy.Spotify(), "me"
        """,
        "jobs.py": """
            from auth import login
            sp, user = login()
        """,
    })
    project = resolve(summaries, names, names)
    assert {type(v) for v in project.resolve("jobs.sp", "jobs.py")} == {ClientV}
    assert not any(isinstance(v, ClientV) for v in project.resolve("jobs.user", "jobs.py"))


def test_an_import_cycle_terminates_and_resolves(catalogue):
    summaries, names = _summaries(catalogue, {
        "a.py": "import spotipy\nfrom b import other\nclient = spotipy.Spotify()\n",
        "b.py": "from a import client\nother = client\n",
    })
    project = resolve(summaries, names, names)
    assert project.rounds <= 3
    assert {type(v) for v in project.resolve("b.other", "b.py")} == {ClientV}
    assert {type(v) for v in project.resolve("a.other", "a.py")} == {ClientV}


def test_parameters_hold_what_call_sites_pass_and_nothing_else(catalogue):
    summaries, names = _summaries(catalogue, {
        "helpers.py": "def show(sp):\n    return sp\ndef count(rows):\n    return rows\n",
        "main.py": "import spotipy\nfrom helpers import show, count\nshow(spotipy.Spotify())\ncount([1, 2])\n",
    })
    project = resolve(summaries, names, names)
    [client] = project.resolve("@show\u00a7sp", "helpers.py")
    assert isinstance(client, ClientV) and "passed to show()" in client.trace[-1]
    assert not project.resolve("@count\u00a7rows", "helpers.py")


def test_attributes_stored_on_other_libraries_objects(catalogue):
    summaries, names = _summaries(catalogue, {
        "hooks.py": "import spotipy, sqlite3\nfrom flask import g\ng.sp = spotipy.Spotify()\ng.db = sqlite3.connect('x')\n",
        "views.py": "from flask import g\n",
    })
    project = resolve(summaries, names, names)
    assert any(isinstance(v, ClientV) for v in project.resolve("flask.g.sp", "views.py"))
    assert not any(isinstance(v, ClientV) for v in project.resolve("flask.g.db", "views.py"))
    assert ExternalV("flask.g.db") in project.resolve("flask.g.db", "views.py")


def test_a_user_class_named_spotify_is_known_not_to_be_a_client(catalogue):
    summaries, names = _summaries(catalogue, {
        "mylib.py": "class Spotify:\n    def audio_features(self, ids):\n        return ids\n",
        "app.py": "from mylib import Spotify\nservice = Spotify()\n",
    })
    project = resolve(summaries, names, names)
    assert project.resolve("app.service", "app.py") == {InstanceV("mylib.py:Spotify")}


def test_string_constants_across_modules(catalogue):
    summaries, names = _summaries(catalogue, {
        "settings.py": 'API = "https://api.spotify.com/v1"\n',
        "urls.py": "from settings import API\nFEATURES = API + '/audio-features'\n",
    })
    project = resolve(summaries, names, names)
    assert project.strings("urls.FEATURES", "urls.py") == ("https://api.spotify.com/v1/audio-features",)


def test_module_names_cover_namespace_packages_and_src_layouts():
    assert module_names("pkg/sub/mod.py", "mod") == {"mod", "sub.mod", "pkg.sub.mod"}
    assert "app.core" in module_names("src/app/core.py", "app.core")
    assert module_names("app/__init__.py", "app") == {"app"}


def test_imports_are_read_without_a_parser():
    text = b"import os, a.b as c\nfrom .clients import public as sp\nfrom x import (y,\n    z)\n"
    assert read_imports(text, "app") == ("a.b", "app.clients", "app.clients.public", "os", "x", "x.y", "x.z")


def test_the_cache_spares_unchanged_files_and_sees_changed_ones(tmp_path, catalogue):
    _write(tmp_path, {"config.py": "import spotipy\nsp = spotipy.Spotify()\n",
                      "use.py": "from config import sp\nsp.tracks([])\n"})
    first = build_index(tmp_path, catalogue, _infos)
    assert first.parsed == 2 and first.summarised == {"config.py", "use.py"}
    second = build_index(tmp_path, catalogue, _infos)
    assert second.parsed == 0 and second.digest == first.digest
    (tmp_path / "use.py").write_text("from config import sp\nsp.tracks([1])\n", encoding="utf-8")
    third = build_index(tmp_path, catalogue, _infos)
    assert third.parsed == 1 and third.digest != first.digest


def test_files_that_cannot_matter_are_not_summarised(tmp_path, catalogue):
    _write(tmp_path, {"config.py": "import spotipy\nsp = spotipy.Spotify()\n",
                      "use.py": "from config import sp\nsp.tracks([])\n",
                      "maths.py": "import os\ndef add(a, b):\n    return a + b\n",
                      "other.py": "from maths import add\nadd(1, 2)\n"})
    index = build_index(tmp_path, catalogue, _infos, use_cache=False)
    assert index.summarised == {"config.py", "use.py"}
    assert index.files == 4


def test_find_root_stops_at_the_nearest_project_marker(tmp_path):
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    (tmp_path / "pkg").mkdir()
    assert find_root(tmp_path / "pkg") == tmp_path.absolute()


def test_json_and_sarif_carry_the_trace(tmp_path, catalogue):
    from click.testing import CliRunner

    from spotlint.cli import main

    _write(tmp_path, {"config.py": "import spotipy\nsp = spotipy.Spotify()\n",
                      "use.py": "from config import sp\nsp.tracks([])\n"})
    runner = CliRunner()
    out = runner.invoke(main, ["check", "--no-cache", "--format", "json", str(tmp_path / "use.py")])
    [item] = json.loads(out.stdout)
    assert item["code"] == "SPT213"
    assert item["trace"] == ["sp = spotipy.Spotify(...) at config.py:2"]
    sarif = json.loads(runner.invoke(main, ["check", "--no-cache", "--format", "sarif", str(tmp_path / "use.py")]).stdout)
    [related] = sarif["runs"][0]["results"][0]["relatedLocations"]
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "config.py"
    assert related["physicalLocation"]["region"]["startLine"] == 2


def test_one_file_through_a_symlinked_folder_still_gets_the_index(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from spotlint.cli import main

    real = tmp_path / "real"
    real.mkdir()
    _write(real, {"config.py": "import spotipy\nsp = spotipy.Spotify()\n",
                  "use.py": "from config import sp\nsp.tracks([])\n"})
    (tmp_path / "link").symlink_to(real, target_is_directory=True)
    monkeypatch.chdir(tmp_path / "link")
    out = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", "use.py"])
    assert [item["code"] for item in json.loads(out.stdout)] == ["SPT213"]


def test_a_lone_file_outside_any_project_indexes_only_its_folder(tmp_path, catalogue):
    (tmp_path / "deep").mkdir()
    (tmp_path / "deep" / "other.py").write_text("import spotipy\n", encoding="utf-8")
    (tmp_path / "a.py").write_text("import spotipy\nsp = spotipy.Spotify()\n", encoding="utf-8")
    index = build_index(tmp_path, catalogue, _infos, use_cache=False, shallow=True)
    assert index.files == 1 and index.summarised == {"a.py"}


def _query_builder_project() -> dict[str, str]:
    """A query builder passed around (``stmt = refine(stmt)``): each round of resolution used to
    make longer paths of another library's objects, without end."""
    methods = ["filter", "join", "where", "order_by", "group_by", "outerjoin", "having", "limit"]
    lines = ["from sqlalchemy import select", "import spotipy", "",
             "def refine(stmt, n, sp=None):",
             "    if n:",
             "        stmt = stmt.limit(n).offset(n)",
             "    return stmt.order_by(n)", ""]
    for i, first in enumerate(methods):
        second = methods[(i + 3) % len(methods)]
        lines += [f"def query_{i}(n):",
                  f"    stmt = select(n).{first}(n).{second}(n)",
                  f"    stmt = refine(stmt, n)",
                  f"    stmt = refine(stmt.{second}(n), n)",
                  f"    return refine(stmt, n, sp=spotipy.Spotify())", ""]
    uses = ["from db import " + ", ".join(f"query_{i}" for i in range(len(methods))), "",
            "def run(n):", "    rows = []"]
    uses += [f"    rows.append(query_{i}(n).{methods[i]}(n))" for i in range(len(methods))]
    uses += ["    return rows", ""]
    return {"db.py": "\n".join(lines), "uses.py": "\n".join(uses)}


def test_a_query_builder_passed_around_reaches_a_fixed_point(catalogue):
    from spotlint.project.resolve import MAX_VALUES, MAX_ROUNDS, widened
    from spotlint.project.values import WIDE

    summaries, names = _summaries(catalogue, _query_builder_project())
    project = resolve(summaries, names, names)
    assert project.rounds < MAX_ROUNDS  # settled, not cut off
    assert max(len(values) for values in project.table.values()) <= MAX_VALUES + 8
    stmt = project.resolve("@refine\u00a7stmt", "db.py")
    assert stmt and all(isinstance(v, ExternalV) and v.path.startswith("sqlalchemy.select().") for v in stmt)
    assert ExternalV(f"sqlalchemy.select().filter().order_by{WIDE}") in stmt
    # what the widened paths lose is detail of the other library's object, never a client:
    assert {type(v) for v in project.resolve("@refine\u00a7sp", "db.py")} == {ClientV}
    assert widened(f"a.b().c().d{WIDE}.e()") == f"a.b().c().d{WIDE}"
    assert widened("a.b().c().d().e") == f"a.b().c().d{WIDE}"
    assert widened("flask.g.sp") == "flask.g.sp"
