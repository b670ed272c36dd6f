"""``python -m spotlint.guard``: the environment switch and options, the program's arguments
and exit status, the summary at exit, record mode's file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

APP = textwrap.dedent('''
    import sys
    import re
    import requests, responses

    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.add(responses.GET, re.compile(r"https://api\\.spotify\\.com/.*"), json={})
        print("args", sys.argv[1:])
        requests.get("https://api.spotify.com/v1/artists/abc/top-tracks")
        requests.get("https://api.spotify.com/v1/me")
        print("done")
    sys.exit(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
''')


def _run(tmp_path, *args, env=None):
    (tmp_path / "app.py").write_text(APP)
    full = {k: v for k, v in os.environ.items() if not k.startswith("SPOTLINT_GUARD")}
    full.update(env or {})
    return subprocess.run([sys.executable, "-m", "spotlint.guard", *args], cwd=tmp_path, env=full,
                          capture_output=True, text=True, timeout=120)


def test_warn_mode_from_the_environment(tmp_path):
    done = _run(tmp_path, "app.py", "7", env={"SPOTLINT_GUARD": "warn"})
    assert done.returncode == 7
    assert done.stdout == "args ['7']\ndone\n"
    assert "app.py:9: RestrictedRequestWarning: SPT202 Get Artist's Top Tracks" in done.stderr
    summary = done.stderr.split("spotlint guard: 1 restricted request(s)\n", 1)[1]
    assert summary.startswith("app.py:9:5: SPT202 ") and "(request: GET /v1/artists/{id}/top-tracks)" in summary


def test_block_mode_stops_the_program(tmp_path):
    done = _run(tmp_path, "--mode", "block", "app.py")
    assert done.returncode == 3
    assert done.stdout == "args []\n"
    assert "RestrictedRequest: spotlint guard blocked GET /v1/artists/{id}/top-tracks" in done.stderr


def test_record_mode_and_allow(tmp_path):
    done = _run(tmp_path, "app.py", env={"SPOTLINT_GUARD": "record", "SPOTLINT_GUARD_FILE": "out.jsonl"})
    assert done.returncode == 0 and "RestrictedRequestWarning" not in done.stderr
    [row] = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert (row["path"], row["line"], row["code"], row["request"]) == ("app.py", 9, "SPT202", "GET /v1/artists/{id}/top-tracks")
    allowed = _run(tmp_path, "--allow", "SPT2", "app.py", env={"SPOTLINT_GUARD": "block"})
    assert allowed.returncode == 0 and "spotlint guard" not in allowed.stderr


def test_off_and_modules(tmp_path):
    done = _run(tmp_path, "app.py", env={"SPOTLINT_GUARD": "off"})
    assert done.returncode == 0 and done.stderr == ""
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "__main__.py").write_text(APP)
    module = _run(tmp_path, "-m", "pkg", "0", env={"SPOTLINT_GUARD": "warn", "PYTHONPATH": str(tmp_path)})
    assert module.returncode == 0 and "SPT202" in module.stderr


@pytest.mark.parametrize("args,env,needle", [((), None, "name a script"), (("app.py",), {"SPOTLINT_GUARD": "loud"}, "SPOTLINT_GUARD='loud'")])
def test_usage_errors(tmp_path, args, env, needle):
    done = _run(tmp_path, *args, env=env)
    assert done.returncode == 2 and needle in done.stderr
