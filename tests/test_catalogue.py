"""The rule catalogue: coverage of Spotify's deprecations, and load-time validation."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from spotlint.catalogue.load import builtin_rules_dir, load_catalogue
from spotlint.errors import CatalogueError

DATA = Path(__file__).parent / "data"


def _normal(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "{}", path.rstrip("/"))


def test_catalogue_covers_every_deprecated_operation(catalogue):
    lines = (DATA / "openapi-deprecated-operations.txt").read_text().splitlines()
    operations = {tuple(line.split()) for line in lines if line and not line.startswith("#")}
    assert len(operations) == 48
    covered = {(e.method, _normal(e.path)) for r in catalogue.rules for e in r.endpoints}
    missing = sorted((m, p) for m, p in operations if (m, _normal(p)) not in covered)
    assert missing == []


def _schema_limits() -> list[tuple[str, str, int, int | None, bool]]:
    rows = []
    for line in (DATA / "openapi-parameter-limits.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            method, path, maximum, previous, *rest = line.split()
            rows.append((method, _normal(path), int(maximum), None if previous == "-" else int(previous), bool(rest)))
    return rows


def test_catalogue_covers_every_parameter_limit_of_the_schema(catalogue):
    """Each `limit` the schema caps is either unchanged since before the February 2026 changes
    (nothing broke), on a deprecated operation (its endpoint rule covers every call), on a new
    operation that a route rule renames to (its clients' defaults were set for it: spotipy 2.26
    sends 50 to `/items`), or lowered, and then it has a limit rule with the schema's maximum;
    no limit rule claims a cap the schema does not."""
    rows = _schema_limits()
    assert len(rows) == 22 and sum(1 for *_, deprecated in rows if deprecated) == 7
    rules = {(e.method, _normal(e.path)): r for r in catalogue.rules if r.kind == "limit" for e in r.endpoints}
    covered = {(e.method, _normal(e.path)) for r in catalogue.rules if r.kind in ("endpoint", "route") for e in r.endpoints}
    for method, path, maximum, previous, deprecated in rows:
        if deprecated:
            assert (method, path) in covered, (method, path)
        elif previous is None:
            renamed_to = {r.rename.replacement for r in catalogue.rules if r.rename is not None}
            assert path.rsplit("/", 1)[-1] in renamed_to, (method, path)
        elif maximum < previous:
            rule = rules.get((method, path))
            assert rule is not None and rule.limit is not None, f"no limit rule for {method} {path}"
            assert rule.limit.maximum == maximum, rule.code
    caps = {(m, p): maximum for m, p, maximum, *_ in rows}
    for key, rule in rules.items():
        assert rule.limit is not None and caps.get(key) == rule.limit.maximum, rule.code


def test_limit_rules_know_every_default_that_breaks(catalogue):
    """The defaults spotlint relies on: tekore sends 20 to both capped routes, spotipy 20 to
    artist albums and 10 to search; max_limits sends 50."""
    sent = {(c.library, c.method): (c.default, c.max_limits) for r in catalogue.rules if r.limit for c in r.limit.calls}
    assert sent[("spotipy", "search")] == (10, None)
    assert sent[("spotipy", "artist_albums")] == (20, None)
    assert sent[("tekore", "search")] == (20, 50)
    assert sent[("tekore", "artist_albums")] == (20, 50)


def test_codes_follow_their_wave(catalogue):
    for rule in catalogue.rules:
        assert int(rule.code[3]) == catalogue.wave_of(rule).hundred
    assert {r.wave for r in catalogue.rules} == {"2024-11", "2026-02"}
    assert [r.code for r in catalogue.rules if r.wave == "2024-11"] == [f"SPT10{i}" for i in range(1, 10)]


def test_messages_name_the_audience_and_promise_no_status(catalogue):
    for rule in catalogue.rules:
        text = f"{rule.message} {catalogue.wave_of(rule).audience} {rule.instead}"
        assert not re.search(r"\b(403|404|400)\b", text), rule.code
    assert "2026-02-11" in catalogue.waves["2026-02"].audience
    assert "postponed" in catalogue.waves["2026-02"].audience


def test_every_client_method_exists_once_per_kind(catalogue):
    seen: dict[tuple[str, str], str] = {}
    for rule in catalogue.rules:
        if rule.kind not in ("endpoint", "route"):
            continue
        for group in rule.clients:
            for method in group.methods:
                key = (group.library, method)
                assert key not in seen, f"{key} in {seen.get(key)} and {rule.code}"
                seen[key] = rule.code


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(builtin_rules_dir(), target)
    return target


def _user_rule(directory: Path, name: str, text: str) -> Path:
    directory.mkdir(exist_ok=True)
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


VALID = (
    (Path(builtin_rules_dir()) / "SPT104-audio-analysis.toml").read_text(encoding="utf-8")
    .replace('code = "SPT104"', 'code = "SPT198"')
    .replace('name = "audio-analysis"', 'name = "test-rule"')
)


@pytest.mark.parametrize(
    ("edit", "key", "problem"),
    [
        (lambda t: t.replace('code = "SPT198"', 'code = "SPT1980"'), "code", "not SPT followed by 3 digits"),
        (lambda t: t.replace('name = "test-rule"', 'name = "Test_Rule"'), "name", "kebab-case"),
        (lambda t: "surprise = 1\n" + t, "surprise", "unknown key"),
        (lambda t: t.replace('method = "GET"', 'method = "FETCH"'), "endpoints[0].method", "not an HTTP method"),
        (lambda t: t.replace('fix = ["stub", "local"]', 'fix = ["magic"]'), "fix", "unknown strategy"),
        (lambda t: t.replace('fix-default = "stub"', 'fix-default = "magic"'), "fix-default",
         "'magic' is not one of the rule's fix strategies (stub, local)"),
        (lambda t: t.replace('fix-default = "stub"\n', ''), "fix-default", "missing required key"),
        (lambda t: t.replace('fix = ["stub", "local"]', 'fix = []'), "fix-default", "takes no fix-default"),
        (lambda t: t.replace('wave = "2024-11"', 'wave = "1999-01"'), "wave", "unknown wave"),
        (lambda t: t.replace("[docs]", "[docs]\nnope = 1"), "docs.nope", "unknown key"),
        (lambda t: t.replace('[clients.spotipy]', '[clients.spotify_py]'), "clients.spotify_py", "unknown client library"),
        (lambda t: t.replace('code = "SPT198"', 'code = "SPT197"'), "code", "file should be named"),
    ],
)
def test_broken_rule_file_is_an_error_naming_file_and_key(tmp_path, edit, key, problem):
    extra = tmp_path / "extra"
    path = _user_rule(extra, "SPT198-test-rule.toml", edit(VALID))
    with pytest.raises(CatalogueError) as info:
        load_catalogue([extra])
    message = str(info.value)
    assert message.startswith(f"{path}: {key}: ")
    assert problem in message


def test_duplicate_code_is_an_error(tmp_path):
    extra = tmp_path / "extra"
    text = VALID.replace('code = "SPT198"', 'code = "SPT104"')
    path = _user_rule(extra, "SPT104-test-rule.toml", text)
    with pytest.raises(CatalogueError, match=r"SPT104 is also defined in .*SPT104-audio-analysis.toml") as info:
        load_catalogue([extra])
    assert str(info.value).startswith(f"{path}: code:")


def test_invalid_toml_is_an_error_naming_the_file(tmp_path):
    extra = tmp_path / "extra"
    path = _user_rule(extra, "SPT299-x.toml", "code = \n")
    with pytest.raises(CatalogueError, match="invalid TOML") as info:
        load_catalogue([extra])
    assert str(info.value).startswith(str(path))


def test_user_rule_directory_adds_a_rule(tmp_path):
    extra = tmp_path / "extra"
    text = VALID.replace('code = "SPT198"', 'code = "SPT199"').replace('name = "test-rule"', 'name = "my-rule"')
    text = text.replace('methods = ["audio_analysis"]', 'methods = ["my_restricted_call"]')
    text = text.replace('methods = ["track_audio_analysis"]', 'methods = ["my_restricted_call"]')
    _user_rule(extra, "SPT199-my-rule.toml", text)
    catalogue = load_catalogue([extra])
    assert catalogue.rule("SPT199").name == "my-rule"
    assert [r.code for _, r in catalogue.call_rules("my_restricted_call")] == ["SPT199", "SPT199"]


RENAMED_ROUTES = {"SPT220", "SPT221", "SPT222", "SPT223", "SPT224"}
SEVERAL_ITEM_GETS = {"SPT205", "SPT206", "SPT207", "SPT210", "SPT211", "SPT212", "SPT213"}
MOVED_TO_ME = {"SPT201", "SPT215"}  # the /users/{id}/playlists routes whose /me form still works
REMOVED_ENDPOINTS = {"SPT101", "SPT102", "SPT103", "SPT104", "SPT105", "SPT106", "SPT107", "SPT202", "SPT203",
                     "SPT204", "SPT208", "SPT209", "SPT214"}


def test_every_rule_has_a_default_among_its_strategies(catalogue):
    for rule in catalogue.rules:
        if rule.fix:
            assert rule.fix_default in rule.fix, rule.code
        else:
            assert rule.fix_default is None, rule.code


def test_real_alternatives_by_default_for_renamed_routes_and_several_gets_stubs_for_removed_endpoints(catalogue):
    for rule in catalogue.rules:
        if rule.kind == "route":
            assert rule.code in RENAMED_ROUTES, f"{rule.code}: a new route rule: classify it here"
        if rule.kind == "endpoint":
            assert rule.code in SEVERAL_ITEM_GETS | MOVED_TO_ME | REMOVED_ENDPOINTS, f"{rule.code}: classify it here"
        if rule.code in RENAMED_ROUTES | SEVERAL_ITEM_GETS | MOVED_TO_ME or rule.kind in ("pin", "limit"):
            assert rule.fix_default == "local", rule.code
        elif rule.code in REMOVED_ENDPOINTS:
            assert rule.fix_default == "stub", rule.code
        else:
            assert rule.fix_default is None, rule.code  # fields and Spotify-owned playlists: no fix


def test_explain_names_the_default(catalogue):
    from spotlint.catalogue.docs import render_markdown

    several = render_markdown(catalogue.rule("SPT213"), catalogue)
    assert "- `local` (default): " in several and "- `stub`: " in several
    removed = render_markdown(catalogue.rule("SPT103"), catalogue)
    assert "- `stub` (default): " in removed and "- `local`: " in removed
    assert "(default)" not in render_markdown(catalogue.rule("SPT108"), catalogue)
