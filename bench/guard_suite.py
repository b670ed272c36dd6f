"""The runtime guard on the suite the issue's bar names: a generated, request-heavy pytest
suite (by default 200 tests of 20 requests each to api.spotify.com, mocked with responses,
respx and requests-mock; most routes allowed, one restricted request in every tenth test),
run in a child pytest per run without and with ``--spotlint-guard=warn``. Run by hand:

    python bench/guard_suite.py [--tests 200] [--requests 20] [--rounds 7] [--keep DIR] [--before DIR]

``--before DIR`` adds the off and warn variants with spotlint imported from another checkout
(``git archive COMMIT | tar -x -C DIR``; first on the child's ``PYTHONPATH``), interleaved
with the others, to compare a commit before a change on the same machine at the same time.

The variants, in a new random order each round after one warm-up run of each: the plugin
not loaded (``-p no:spotlint_guard``), loaded but off (no option: what every suite that
installs spotlint pays), ``--spotlint-guard=warn`` (the plugin runs each test in a collect
activation and lists what it saw at the end, so it prints nothing per request), and
``--collect-only`` (start-up and collection, the floor of every run). Each run's tests and
findings are parsed from pytest's output and shown, so a variant that ran nothing or found
nothing cannot pass for a fast one. Sends nothing over the network.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ALLOWED = [  # (method, path): routes no rule restricts, several of them candidates of one
    ("get", "/tracks/{id}"), ("get", "/me"), ("get", "/me/tracks?limit=50"), ("get", "/albums/{id}"),
    ("get", "/search?q=x&type=track&limit=10"), ("get", "/artists/{id}/albums?limit=5"),
    ("get", "/playlists/{id}/items"), ("put", "/me/library?uris=spotify:track:{id}"),
    ("post", "/me/playlists"), ("get", "/me/player/currently-playing"), ("get", "/artists/{id}"),
    ("delete", "/me/library?uris=spotify:album:{id}"),
]
RESTRICTED = [  # (method, path, code): one of them in every tenth test
    ("get", "/tracks?ids={id},{id}x", "SPT213"), ("get", "/audio-features/{id}", "SPT103"),
    ("get", "/playlists/{id}/tracks", "SPT220"), ("get", "/search?q=x&type=track&limit=50", "SPT250"),
]
MOCKS = {  # file stem -> (module header, a test's opening lines, the call of one request)
    "responses": ('import re\n\nimport requests\nimport responses\n\nSESSION = requests.Session()\n'
                  'ANY = re.compile(r"https://api\\.spotify\\.com/v1/.*")\n',
                  ["@responses.activate", "def {name}():",
                   "    for method in (responses.GET, responses.PUT, responses.POST, responses.DELETE):",
                   "        responses.add(method, ANY, json={{}})"],
                  "SESSION.request({method!r}, API + {path!r})"),
    "respx": ("import httpx\nimport respx\n\nCLIENT = httpx.Client()\n",
              ["def {name}():", "    with respx.mock(assert_all_called=False) as router:",
               '        router.route(host="api.spotify.com").respond(200, json={{}})'],
              "CLIENT.request({method!r}, API + {path!r})"),
    "requests_mock": ("import requests\nimport requests_mock\n\nSESSION = requests.Session()\n",
                      ["def {name}():", "    with requests_mock.Mocker() as mocker:",
                       "        mocker.register_uri(requests_mock.ANY, requests_mock.ANY, json={{}})"],
                      "SESSION.request({method!r}, API + {path!r})"),
}
SHARES = {"responses": 0.4, "respx": 0.4, "requests_mock": 0.2}
PER_FILE = 20


@dataclass(frozen=True)
class Suite:
    root: Path
    tests: int
    requests: int
    restricted: int


def generate(root: Path, tests: int, requests: int) -> Suite:
    """Test files under ``root``; every tenth test sends one restricted request among its own."""
    (root / "pytest.ini").write_text("[pytest]\naddopts = -p no:cacheprovider\n")
    names = [stem for stem, share in SHARES.items() for _ in range(round(tests * share))][:tests]
    names += [list(SHARES)[0]] * (tests - len(names))
    restricted, number = 0, 0
    for stem in SHARES:
        count = names.count(stem)
        for start in range(0, count, PER_FILE):
            header, opening, call = MOCKS[stem]
            lines = [header, 'API = "https://api.spotify.com/v1"', ""]
            for _ in range(min(PER_FILE, count - start)):
                name = f"test_{stem}_{number}"
                lines += ["", *(line.format(name=name) for line in opening)]
                indent = "    " if stem == "responses" else "        "
                for index in range(requests):
                    ident = f"t{number}x{index}"
                    if number % 10 == 0 and index == requests // 2:
                        method, path, _ = RESTRICTED[(number // 10) % len(RESTRICTED)]
                        restricted += 1
                    else:
                        method, path = ALLOWED[(number + index) % len(ALLOWED)]
                    request = call.format(method=method.upper(), path=path.replace("{id}", ident))
                    lines.append(f"{indent}assert {request}.status_code == 200")
                number += 1
            (root / f"test_{stem}_{start // PER_FILE}.py").write_text("\n".join(lines) + "\n")
    return Suite(root, tests, tests * requests, restricted)


@dataclass(frozen=True)
class Variant:
    name: str
    options: tuple[str, ...]
    spotlint: str | None = None  # a checkout to import spotlint from instead of the installed one


OFF, WARN, FLOOR = "plugin loaded, guard off", "--spotlint-guard=warn", "--collect-only (start-up floor)"


def variants(before: str | None) -> list[Variant]:
    found = [
        Variant("plugin not loaded (-p no:spotlint_guard)", ("-p", "no:spotlint_guard")),
        Variant(OFF, ()),
        Variant(WARN, ("--spotlint-guard=warn",)),
        Variant(FLOOR, ("--collect-only",)),
    ]
    if before:
        found += [Variant(f"{OFF} (before)", (), before), Variant(f"{WARN} (before)", ("--spotlint-guard=warn",), before)]
    return found


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float  # the child's user + system time: steadier than wall time on a shared machine
    pytest_seconds: float
    passed: int  # collected, for --collect-only
    failed: int
    findings: int | None  # None: the run printed no guard summary


def run(suite: Suite, variant: Variant) -> Run:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SPOTLINT_GUARD", "PYTEST_"))}
    if variant.spotlint:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [variant.spotlint, env.get("PYTHONPATH")]))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", *variant.options, "."], cwd=suite.root, env=env,
                          capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    out = done.stdout
    if done.returncode not in (0, 1, 5):
        raise SystemExit(f"{variant.name} exited {done.returncode}:\n{out[-3000:]}\n{done.stderr[-3000:]}")
    passed = _count(out, r"(\d+) passed") or _count(out, r"(\d+) tests? collected")
    summary = re.search(r"(\d+) restricted request\(s\) (?:made|blocked)", out)
    seconds = re.search(r" in ([\d.]+)s", out)
    return Run(wall, cpu, float(seconds.group(1)) if seconds else float("nan"), passed, _count(out, r"(\d+) failed"),
               int(summary.group(1)) if summary else None)


def origin(spotlint: str | None) -> str:
    """Where a child imports spotlint from (checked, not assumed)."""
    env = dict(os.environ, PYTHONPATH=spotlint) if spotlint else None
    code = "import spotlint, os; print(os.path.dirname(os.path.dirname(spotlint.__file__)))"
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True,
                          cwd=tempfile.gettempdir()).stdout.strip()


def _count(text: str, pattern: str) -> int:
    found = re.search(pattern, text)
    return int(found.group(1)) if found else 0


def _agreed(values: list[object]) -> str:
    return "/".join(sorted({str(v) for v in values}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tests", type=int, default=200)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--keep", metavar="DIR", help="generate the suite here and leave it")
    parser.add_argument("--before", metavar="DIR", help="also run off and warn with spotlint from this checkout")
    args = parser.parse_args()
    before = str(Path(args.before).resolve()) if args.before else None
    print(f"spotlint from {origin(None)}" + (f"; before: {origin(before)}" if before else ""))
    chosen = variants(before)
    with tempfile.TemporaryDirectory(prefix="spotlint-guard-suite-") as temp:
        root = Path(args.keep or temp)
        root.mkdir(parents=True, exist_ok=True)
        suite = generate(root, args.tests, args.requests)
        runs: dict[str, list[Run]] = {v.name: [] for v in chosen}
        for variant in chosen:  # warm-up: bytecode and assertion-rewrite caches
            run(suite, variant)
        for _ in range(args.rounds):
            for variant in random.sample(chosen, len(chosen)):
                runs[variant.name].append(run(suite, variant))
    report(suite, args.rounds, runs)


def report(suite: Suite, rounds: int, runs: dict[str, list[Run]]) -> None:
    print(f"{suite.tests} tests, {suite.requests} requests ({suite.restricted} restricted) under responses, respx "
          f"and requests-mock; {rounds} interleaved rounds; Python {sys.version.split()[0]}")
    print("| variant | min wall (s) | median wall (s) | median CPU (s) | median pytest (s) | tests passed | failed | findings |")
    print("|---|---|---|---|---|---|---|---|")
    for name, values in runs.items():
        walls = [r.wall for r in values]
        findings = _agreed(["—" if r.findings is None else r.findings for r in values])
        passed = _agreed([r.passed for r in values]) + (" collected" if name == FLOOR else "")
        print(f"| {name} | {min(walls):.2f} | {statistics.median(walls):.2f} | {statistics.median(r.cpu for r in values):.2f} | "
              f"{statistics.median(r.pytest_seconds for r in values):.2f} | {passed} | "
              f"{_agreed([r.failed for r in values])} | {findings} |")
    print()
    for measure in ("wall", "cpu"):
        floor = statistics.median(getattr(r, measure) for r in runs[FLOOR])
        for suffix in ("", " (before)"):
            if OFF + suffix not in runs:
                continue
            off, on = runs[OFF + suffix], runs[WARN + suffix]
            base = statistics.median(getattr(r, measure) for r in off)
            guarded = statistics.median(getattr(r, measure) for r in on)
            paired = statistics.median(getattr(b, measure) - getattr(a, measure) for a, b in zip(off, on))
            print(f"{measure}: guard on vs off{suffix}: {guarded - base:+.3f} s ({(guarded - base) / base:+.1%} of the run, "
                  f"{(guarded - base) / (base - floor):+.1%} of the run above start-up and collection; median of paired "
                  f"differences {paired:+.3f} s); per request {(guarded - base) / suite.requests * 1e6:+.1f} µs")
    problems = [f"{name}: {r.passed} tests" for name, values in runs.items() for r in values if r.passed != suite.tests]
    problems += [f"{name}: {r.failed} failed" for name, values in runs.items() for r in values if r.failed]
    problems += [f"{name} found {r.findings}, expected {suite.restricted}" for name, values in runs.items()
                 if WARN in name for r in values if r.findings != suite.restricted]
    for problem in sorted(set(problems)):
        print(f"WARNING: {problem}")


if __name__ == "__main__":
    main()
