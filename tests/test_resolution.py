"""The resolution mechanics behind client-call detection, one mechanism per test."""

from __future__ import annotations

import textwrap

from spotlint.project.info import ProjectInfo
from spotlint.engine.check import check_source


def codes(source: str, catalogue, all_codes, project: ProjectInfo = ProjectInfo()) -> list[tuple[int, int, str]]:
    result = check_source(textwrap.dedent(source), "m.py", catalogue, all_codes, project)
    return [(f.span.line, f.span.column, f.code) for f in result.findings]


def test_aliased_module_import(catalogue, all_codes):
    src = """
        import spotipy as s
        c = s.Spotify()
        c.audio_features([])
    """
    assert codes(src, catalogue, all_codes) == [(4, 1, "SPT103")]


def test_submodule_import_and_class_alias(catalogue, all_codes):
    src = """
        import spotipy.client
        from spotipy.client import Spotify as SP
        spotipy.client.Spotify().audio_analysis("x")
        SP().audio_analysis("x")
    """
    assert codes(src, catalogue, all_codes) == [(4, 1, "SPT104"), (5, 1, "SPT104")]


def test_module_global_used_in_function(catalogue, all_codes):
    src = """
        from tekore import Spotify
        spotify = None

        def setup(token):
            global spotify
            spotify = Spotify(token)

        def run():
            return spotify.artist_related_artists("x")
    """
    assert codes(src, catalogue, all_codes) == [(10, 12, "SPT105")]


def test_self_attribute_set_in_another_method_defined_later(catalogue, all_codes):
    src = """
        import spotipy

        class App:
            def run(self):
                return self.client.featured_playlists()

            def connect(self):
                self.client = self._make()

            def _make(self):
                return spotipy.Spotify()
    """
    assert codes(src, catalogue, all_codes) == [(6, 16, "SPT106")]


def test_string_annotations_on_parameters_and_returns(catalogue, all_codes):
    src = """
        from __future__ import annotations
        import typing
        import tekore as tk

        def build() -> "tk.Spotify":
            ...

        def use(client: "typing.Optional[tk.Spotify]"):
            client.tracks(["a"])

        build().tracks(["a"])
    """
    assert codes(src, catalogue, all_codes) == [(10, 5, "SPT213"), (12, 1, "SPT213")]


def test_factory_without_annotation(catalogue, all_codes):
    src = """
        import spotipy

        def connect():
            client = spotipy.Spotify()
            return client

        connect().artist_top_tracks("x")
    """
    assert codes(src, catalogue, all_codes) == [(8, 1, "SPT202")]


def test_subclass_of_subclass(catalogue, all_codes):
    src = """
        import spotipy

        class Base(spotipy.Spotify):
            pass

        class Mine(Base):
            pass

        Mine().tracks(["a"])
    """
    assert codes(src, catalogue, all_codes) == [(10, 1, "SPT213")]


def test_super_call_in_overriding_subclass(catalogue, all_codes):
    src = """
        import spotipy

        class Safe(spotipy.Spotify):
            def audio_features(self, tracks=None):
                return super().audio_features(tracks)

        Safe().audio_features(["a"])
    """
    # the override itself is not the endpoint; the super() call inside it is
    assert codes(src, catalogue, all_codes) == [(6, 16, "SPT103")]


def test_getattr_must_be_the_builtin(catalogue, all_codes):
    src = """
        import spotipy

        def getattr(obj, name):
            return None

        getattr(spotipy.Spotify(), "audio_features")
    """
    assert codes(src, catalogue, all_codes) == []


def test_await_on_async_tekore_client(catalogue, all_codes):
    src = """
        import tekore as tk

        async def main(token):
            spotify = tk.Spotify(token, asynchronous=True)
            features = await spotify.tracks_audio_features(["a"])
            async with spotify:
                return await spotify.recommendation_genre_seeds()
    """
    assert codes(src, catalogue, all_codes) == [(6, 22, "SPT103"), (8, 22, "SPT102")]


def test_name_imported_from_another_project_module(catalogue, all_codes):
    src = """
        from app.clients import spotify
        from app import helpers

        spotify.audio_features(["a"])
        helpers.audio_features(["a"])
        spotify.tracks(["a"])
    """
    project = ProjectInfo(module="app.cli", first_party=frozenset({"app"}),
                          modules=frozenset({"app", "app.clients", "app.helpers", "app.cli"}))
    # a distinctive name on an object from the project counts; a function of a project
    # module and a generic name without Spotify-only arguments do not
    assert codes(src, catalogue, all_codes, project) == [(5, 1, "SPT103")]


def test_relative_import_of_factory(catalogue, all_codes):
    src = """
        from .client import make_client

        make_client().artist_related_artists("x")
    """
    assert codes(src, catalogue, all_codes, ProjectInfo(module="app.cli")) == [(4, 1, "SPT105")]


def test_same_spelling_in_module_without_spotify(catalogue, all_codes):
    src = """
        def go(thing):
            thing.audio_features([])
            thing.artist_related_artists("x")
    """
    assert codes(src, catalogue, all_codes) == []


def test_third_party_library_object_is_not_a_client(catalogue, all_codes):
    src = """
        import spotipy
        from musiclib import Analyzer

        Analyzer().audio_features("song.wav")
    """
    assert codes(src, catalogue, all_codes) == []


def test_shadowed_name_in_function_scope(catalogue, all_codes):
    src = """
        import spotipy
        from mylib import Local
        sp = spotipy.Spotify()

        def f():
            sp = Local()
            return sp.tracks(["a"])
    """
    assert codes(src, catalogue, all_codes) == []


def test_dataclass_field_annotated_with_client(catalogue, all_codes):
    src = """
        from dataclasses import dataclass
        import spotipy

        @dataclass
        class Deps:
            sp: spotipy.Spotify

        def run(deps: Deps):
            return deps.sp.artists(["a"])
    """
    assert codes(src, catalogue, all_codes) == [(10, 12, "SPT206")]


def test_star_import(catalogue, all_codes):
    src = """
        from spotipy import *
        Spotify().recommendations(seed_genres=["jazz"])
    """
    assert codes(src, catalogue, all_codes) == [(3, 1, "SPT101")]


def test_method_passed_uncalled(catalogue, all_codes):
    src = """
        from concurrent.futures import ThreadPoolExecutor
        import spotipy

        sp = spotipy.Spotify()
        with ThreadPoolExecutor() as pool:
            rows = list(pool.map(sp.audio_features, [["a"], ["b"]]))
        sp.audio_features(["c"])
    """
    assert codes(src, catalogue, all_codes) == [(7, 26, "SPT103"), (8, 1, "SPT103")]


def test_parameter_default_and_property(catalogue, all_codes):
    src = """
        import spotipy

        def run(ids, client=spotipy.Spotify()):
            return client.tracks(ids)

        class App:
            def __init__(self):
                self._sp = spotipy.Spotify()

            @property
            def sp(self):
                return self._sp

            def go(self):
                return self.sp.artists(["a"])
    """
    assert codes(src, catalogue, all_codes) == [(5, 12, "SPT213"), (16, 16, "SPT206")]


def test_class_level_attribute_and_type_alias(catalogue, all_codes):
    src = """
        import tekore as tk
        Client = tk.Spotify

        class Bot:
            spotify = tk.Spotify("t")

            def go(self):
                return self.spotify.markets()

        def use(c: Client):
            return c.markets()
    """
    assert codes(src, catalogue, all_codes) == [(9, 16, "SPT203"), (12, 12, "SPT203")]


# -- which bindings reach a read (``scope.reaching``) --------------------------------------
def test_a_binding_in_the_same_block_hides_the_ones_before_it(catalogue, all_codes):
    src = """
        import spotipy
        import sqlite3

        def run(kind):
            source = None
            if kind == "spotify":
                source = spotipy.Spotify()
                source.audio_features([])
            if kind == "db":
                source = sqlite3.connect("x")
                source.audio_features([])
            return source.audio_features([])
    """
    # inside each branch only its own assignment reaches; after both, either may
    assert codes(src, catalogue, all_codes) == [(9, 9, "SPT103"), (13, 12, "SPT103")]


def test_a_later_assignment_in_a_nested_block_still_reaches(catalogue, all_codes):
    src = """
        import spotipy
        import sqlite3

        def run(flag):
            client = sqlite3.connect("x")
            if flag:
                client = spotipy.Spotify()
            client.audio_features([])
            other = spotipy.Spotify()
            other = sqlite3.connect("x")
            other.audio_features([])
    """
    assert codes(src, catalogue, all_codes) == [(9, 5, "SPT103")]


def test_an_assignment_later_in_a_loop_reaches_the_next_iteration(catalogue, all_codes):
    src = """
        import spotipy
        import sqlite3

        def run(items):
            client = sqlite3.connect("x")
            for item in items:
                client.audio_features([item])
                client = spotipy.Spotify()
            done = sqlite3.connect("x")
            while done.audio_features([]):
                done = spotipy.Spotify()
    """
    assert codes(src, catalogue, all_codes) == [(8, 9, "SPT103"), (11, 11, "SPT103")]


def test_try_except_and_closures_see_every_binding(catalogue, all_codes):
    src = """
        import spotipy
        import sqlite3

        client = sqlite3.connect("x")

        def later():
            return client.audio_features([])

        try:
            client = spotipy.Spotify()
        except Exception:
            client = sqlite3.connect("x")
        client.audio_features([])
    """
    assert codes(src, catalogue, all_codes) == [(8, 12, "SPT103"), (14, 1, "SPT103")]


def test_a_global_assigned_in_a_function_reaches_module_code(catalogue, all_codes):
    src = """
        import spotipy
        import sqlite3

        def connect():
            global client
            client = spotipy.Spotify()

        client = None
        connect()
        client.audio_features([])
    """
    assert codes(src, catalogue, all_codes) == [(11, 1, "SPT103")]


def test_comprehension_targets_stay_in_their_comprehension(catalogue, all_codes):
    src = """
        import spotipy
        import sqlite3

        def run(ids):
            clients = [spotipy.Spotify()]
            found = [c.audio_features(ids) for c in clients]
            c = sqlite3.connect("x")
            c.audio_features(ids)
            return found
    """
    assert codes(src, catalogue, all_codes) == [(7, 14, "SPT103")]
