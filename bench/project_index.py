"""Benchmark the project index (run by hand): what it costs on the standard library, and what
it adds to checking one file of a 1,000-file project.

    python bench/project_index.py [--reps N] [--one-file-reps N] [--before-commit REV] [--only stdlib|one-file]

1. The CPython standard library (this interpreter's, copied without site-packages into a
   temporary folder with no pyproject.toml or .git above it): spotlint cold (``--no-cache``, no
   ``.spotlint_cache``), warm (cache filled), the commit before the index (``git archive`` of
   REV, run through PYTHONPATH, checked to be the old code) and ``ruff check --select E9`` (from
   PATH, or skipped).
2. A generated 1,000-file project (pyproject.toml at its root; 20 modules use spotipy through a
   shared client in a config module and untyped ``sp`` parameters, 980 ordinary modules import
   each other): the cold and warm whole-project check, and one Spotify-using module checked
   in the project (warm cache) against the same file alone in an empty folder.

Runs are interleaved (one run of every variant per round, the order rotated each round);
medians, with the files checked and the findings of each variant next to its time. Prints
Markdown tables; writes nothing under the repository. Timed on this machine only: compare
ratios and differences within one run, not seconds between machines.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tarfile
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PYTHON = sys.executable
CACHE = ".spotlint_cache"

PROBE = (
    "import resource, subprocess, sys, time;"
    "out = open(sys.argv[1], 'wb');"
    "t = time.perf_counter();"
    "subprocess.run(sys.argv[2:], stdout=out, stderr=subprocess.DEVNULL);"
    "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


@dataclass
class Variant:
    name: str
    command: list[str]
    cwd: Path
    env: dict[str, str] | None = None
    cold: Path | None = None  # a project root whose .spotlint_cache must be absent for this run
    kind: str = "spotlint"  # how to count findings: spotlint (JSON list) or ruff (JSON list)
    times: list[float] = field(default_factory=list)
    peaks: list[int] = field(default_factory=list)
    findings: set[int] = field(default_factory=set)
    files: str = ""


def measure(variant: Variant, keep: bool = True) -> None:
    """One run; ``keep=False`` is a warm-up (its time is dropped, its findings kept)."""
    with tempfile.NamedTemporaryFile(suffix=".out", delete=False) as handle:
        out = Path(handle.name)
    try:
        with stashed(variant.cold):
            probe = subprocess.run([PYTHON, "-c", PROBE, str(out), *variant.command], cwd=variant.cwd,
                                   env=variant.env, capture_output=True, text=True, check=True)
        wall, rss = probe.stdout.split()
        if keep:
            variant.times.append(float(wall))
            variant.peaks.append(int(rss))
        variant.findings.add(len(json.loads(out.read_text(encoding="utf-8") or "[]")))
    finally:
        out.unlink(missing_ok=True)


@contextmanager
def stashed(root: Path | None):
    """No .spotlint_cache under ``root`` during the run; the one there before is put back
    afterwards (what the cold run wrote is deleted), so warm variants stay warm."""
    if root is None:
        yield
        return
    cache = root / CACHE
    aside = root.parent / f".{root.name}{CACHE}.stash"
    shutil.rmtree(aside, ignore_errors=True)
    if cache.exists():
        cache.rename(aside)
    try:
        yield
    finally:
        shutil.rmtree(cache, ignore_errors=True)
        if aside.exists():
            aside.rename(cache)


def interleave(variants: list[Variant], reps: int) -> None:
    for round_ in range(reps):
        shift = round_ % len(variants)
        for variant in variants[shift:] + variants[:shift]:
            measure(variant)
        print(f"  round {round_ + 1}/{reps}: " + ", ".join(f"{v.name} {v.times[-1]:.2f}" for v in variants),
              flush=True)


def spotlint_cmd(*args: str) -> list[str]:
    return [PYTHON, "-P", "-m", "spotlint", "check", "--exit-zero", "--format", "json", *args]


def spotlint_files(target: Path, env: dict[str, str] | None = None) -> int:
    """Files spotlint checks under ``target`` (its own discovery, with its configuration)."""
    code = ("import sys; from spotlint.cli import _settings; from spotlint.files.discovery import discover, Missing;"
            "s = _settings((sys.argv[1],), None, (), ());"
            "print(sum(1 for f in discover([sys.argv[1]], s.excluded) if not isinstance(f, Missing)))")
    out = subprocess.run([PYTHON, "-c", code, str(target)], env=env, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"counting the files of {target} failed:\n{out.stderr}")
    return int(out.stdout)


def index_stats(target: Path, cwd: Path) -> dict[str, int]:
    """What the index of the project around ``target`` holds (read from the warm cache)."""
    code = ("import json, sys; from spotlint.cli import _settings; from spotlint.api import _index;"
            "s = _settings((sys.argv[1],), None, (), ());"
            "i = _index([sys.argv[1]], s, s.catalogue, True, None, 1);"
            "print(json.dumps({'indexed': i.files, 'summarised': len(i.summarised), 'rounds': i.rounds, "
            "'parsed': i.parsed}))")
    out = subprocess.run([PYTHON, "-c", code, str(target)], cwd=cwd, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def median(values: list[float]) -> float:
    return statistics.median(values)


def findings_of(variant: Variant) -> str:
    return "/".join(str(n) for n in sorted(variant.findings))  # more than one number: runs disagreed


# -- 1. the standard library ------------------------------------------------------------------------

def copy_stdlib(into: Path) -> Path:
    source = Path(sysconfig.get_paths()["stdlib"])
    target = into / "stdlib-copy"
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("site-packages", "__pycache__", "*.pyc"))
    return target


def checkout_before(commit: str, into: Path) -> tuple[Path, dict[str, str]] | None:
    """REV's spotlint package and rules, extracted with git archive (the repository is not touched), and
    the environment that runs it; None if REV cannot be read."""
    target = into / "spotlint-before"
    target.mkdir()
    archive = subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar", commit, "spotlint", "rules"],
                             capture_output=True)
    if archive.returncode != 0:
        print(f"  cannot read {commit}: {archive.stderr.decode().strip()}; skipped")
        return None
    archive_file = into / "before.tar"
    archive_file.write_bytes(archive.stdout)
    with tarfile.open(archive_file) as tar:
        tar.extractall(target, filter="data") if hasattr(tarfile, "data_filter") else tar.extractall(target)
    env = dict(os.environ, PYTHONPATH=str(target))
    check = subprocess.run([PYTHON, "-c", "import importlib.util, spotlint; print(spotlint.__file__);"
                            "print(importlib.util.find_spec('spotlint.project.index') is not None)"],
                           env=env, capture_output=True, text=True, check=True, cwd=into).stdout.split()
    if not check[0].startswith(str(target)) or check[1] != "False":
        raise SystemExit(f"PYTHONPATH={target} does not run the old code: {check}")
    print(f"  before: {commit} from {check[0]} (no spotlint.project.index)")
    return target, env


def bench_stdlib(work: Path, reps: int, before_commit: str) -> list[str]:
    corpus = copy_stdlib(work)
    for above in corpus.parents:
        if any((above / m).exists() for m in ("pyproject.toml", "setup.cfg", "setup.py", ".git")):
            print(f"  warning: {above} holds a project marker: the index root may not be the copy")
    py_files = sum(1 for _ in corpus.rglob("*.py"))
    lines = sum(p.read_bytes().count(b"\n") for p in corpus.rglob("*.py"))
    print(f"CPython standard library: {corpus} ({py_files} .py files, {lines:,} lines)", flush=True)
    variants = [
        Variant("spotlint (cold index, --no-cache)", spotlint_cmd("--no-cache", str(corpus)), corpus, cold=corpus),
        Variant("spotlint (warm index cache)", spotlint_cmd(str(corpus)), corpus),
    ]
    before = checkout_before(before_commit, work) if before_commit else None
    if before is not None:
        variants.append(Variant(f"spotlint before the index ({before_commit}, --no-cache)",
                                spotlint_cmd("--no-cache", str(corpus)), corpus, env=before[1], cold=corpus))
    ruff = shutil.which("ruff")
    if ruff:
        variants.append(Variant("ruff check --select E9 --no-cache", [ruff, "check", "--select", "E9", "--no-cache",
                                "--isolated", "--exit-zero", "--output-format", "json", str(corpus)], corpus,
                                kind="ruff"))
        shown = subprocess.run([ruff, "check", "--select", "E9", "--isolated", "--show-files", str(corpus)],
                               capture_output=True, text=True)
        variants[-1].files = str(sum(1 for line in shown.stdout.splitlines() if line.strip()))
    else:
        print("  ruff: not installed, skipped")
    for variant in variants:
        if variant.kind == "spotlint":
            variant.files = str(spotlint_files(corpus, variant.env))
    measure(variants[1], keep=False)  # fill the index cache for the warm variant
    interleave(variants, reps)
    stats = index_stats(corpus, corpus)
    ruff_time = median(variants[-1].times) if ruff else None
    rows = ["| tool | median wall (s) | runs | files | findings | peak memory (MiB) | × ruff E9 |",
            "|---|---|---|---|---|---|---|"]
    for v in variants:
        ratio = f"{median(v.times) / ruff_time:.2f}" if ruff_time else ""
        rows.append(f"| {v.name} | {median(v.times):.2f} | {len(v.times)} | {v.files} | {findings_of(v)} | "
                    f"{max(v.peaks) / 1024:.0f} | {ratio} |")
    title = f"### CPython standard library ({py_files:,} .py files, {lines:,} lines)"
    note = (f"Index: {stats['indexed']} files walked, {stats['summarised']} summarised, "
            f"{stats['rounds']} rounds. Range (min–max, s): "
            + "; ".join(f"{v.name.split(' (')[0] if v.kind == 'ruff' else v.name}: {min(v.times):.2f}–{max(v.times):.2f}"
                        for v in variants) + ".")
    return [title, "", *rows, "", note, ""]


# -- 2. one file of a 1,000-file project --------------------------------------------------------------

SPOTIFY_FEATURES = 8
SPOTIFY_HELPERS = 6
SPOTIFY_JOBS = 5
ORDINARY = 980


def _ordinary(rng: random.Random, index: int) -> str:
    others = rng.sample([i for i in range(ORDINARY) if i != index], 4)
    lines = [
        f'"""Ordinary module {index}: records, parsing and arithmetic."""',
        "from __future__ import annotations",
        "",
        "import collections",
        "import dataclasses",
        "import itertools",
        "import json",
        "",
        f"from app.core import mod_{others[0]:04d} as first",
        f"from app.core import mod_{others[1]:04d}",
        f"from app.core.mod_{others[2]:04d} import helper_1, Record{others[2]}",
        f"from .mod_{others[3]:04d} import helper_2",
        "",
        f"LIMIT = {rng.randrange(10, 1000)}",
        f"NAMES = {[f'name_{rng.randrange(100)}' for _ in range(5)]!r}",
        "",
        "",
        "@dataclasses.dataclass",
        f"class Record{index}:",
        "    key: str",
        "    value: int = 0",
        "    tags: list[str] = dataclasses.field(default_factory=list)",
        "",
        "    def total(self) -> int:",
        "        return self.value + sum(len(t) for t in self.tags)",
        "",
    ]
    function = 0
    while len(lines) < 230:
        function += 1
        lines += [
            "",
            f"def helper_{function}(items, limit=LIMIT):",
            f'    """Helper {function} of module {index}."""',
            "    counts = collections.Counter()",
            "    for position, item in enumerate(items):",
            "        if position > limit:",
            "            break",
            "        counts[str(item)] += 1",
        ]
        for _ in range(rng.randrange(3, 9)):
            choice = rng.random()
            if choice < 0.25:
                lines.append("    pairs = list(itertools.islice(itertools.pairwise(sorted(counts)), 10))")
            elif choice < 0.45:
                lines.append("    text = json.dumps({k: v for k, v in counts.items() if v > 1}, sort_keys=True)")
            elif choice < 0.6:
                lines.append(f"    extra = first.helper_1([x for x in range({rng.randrange(2, 20)})])")
            elif choice < 0.75:
                lines.append(f"    record = Record{index}(key=str(limit), value=len(counts))")
            elif choice < 0.9:
                lines.append("    total = sum(v * v for v in counts.values()) % 97")
            else:
                lines += ["    try:", "        value = int(str(limit))", "    except ValueError:", "        value = 0"]
        lines += ["    return counts", ""]
    lines += [
        "",
        "def run():",
        "    data = helper_1(range(50))",
        "    return helper_2(data) if data else None",
        "",
    ]
    return "\n".join(lines)


def generate_project(root: Path) -> Path:
    """The 1,000-file project; returns the Spotify-using module to check alone."""
    rng = random.Random(1000)
    (root / "pyproject.toml").write_text('[project]\nname = "proj1000"\nversion = "0.1.0"\n', encoding="utf-8")
    core = root / "app" / "core"
    spotify = root / "app" / "spotify"
    core.mkdir(parents=True)
    spotify.mkdir()
    (root / "app" / "__init__.py").write_text("", encoding="utf-8")
    (core / "__init__.py").write_text("", encoding="utf-8")
    (spotify / "__init__.py").write_text('"""Spotify access."""\n', encoding="utf-8")
    for i in range(ORDINARY - 3):  # 977 modules + 3 __init__.py = 980 ordinary files
        (core / f"mod_{i:04d}.py").write_text(_ordinary(rng, i), encoding="utf-8")
    (spotify / "config.py").write_text(
        '"""The shared client."""\nimport os\n\nimport spotipy\nfrom spotipy.oauth2 import SpotifyClientCredentials\n\n'
        'TIMEOUT = int(os.environ.get("SPOTIFY_TIMEOUT", "10"))\n'
        "sp = spotipy.Spotify(auth_manager=SpotifyClientCredentials(), requests_timeout=TIMEOUT)\n",
        encoding="utf-8")
    for i in range(SPOTIFY_HELPERS):  # untyped parameters, no trigger word: found through their callers
        (spotify / f"helpers_{i}.py").write_text(
            f'"""Helpers {i}: take the client as a plain parameter."""\n\n\n'
            "def load_tracks(sp, ids):\n    return sp.tracks(ids)\n\n\n"
            "def load_albums(sp, ids):\n    result = sp.albums(ids)\n    return result['albums']\n\n\n"
            "def load_one(sp, track_id):\n    track = sp.track(track_id)\n    return track['preview_url'], track['popularity']\n",
            encoding="utf-8")
    for i in range(SPOTIFY_FEATURES):
        helper = i % SPOTIFY_HELPERS
        (spotify / f"features_{i}.py").write_text(
            f'"""Features {i}: the shared client, restricted endpoints and helpers."""\n'
            "from app.spotify.config import sp\n"
            f"from app.spotify.helpers_{helper} import load_albums, load_tracks\n"
            f"from app.core import mod_{i:04d}\n\n\n"
            "def features(ids):\n    return sp.audio_features(ids)\n\n\n"
            "def tracks(ids):\n    return sp.tracks(ids)\n\n\n"
            "def everything(ids):\n    found = load_tracks(sp, ids)\n    albums = load_albums(sp, ids)\n"
            f"    return mod_{i:04d}.helper_1(found), albums\n",
            encoding="utf-8")
    for i in range(SPOTIFY_JOBS):  # no trigger word at all: the shared client and an untyped helper
        (spotify / f"jobs_{i}.py").write_text(
            f'"""Job {i}."""\nfrom app.spotify import config\nfrom app.spotify.helpers_{i} import load_one, load_tracks\n\n\n'
            "def run(ids):\n    first = load_one(config.sp, ids[0])\n    return first, load_tracks(config.sp, ids)\n",
            encoding="utf-8")
    return spotify / "features_3.py"


def bench_one_file(work: Path, reps: int, one_file_reps: int) -> list[str]:
    project = work / "proj1000"
    project.mkdir()
    target = generate_project(project)
    alone = work / "alone"
    alone.mkdir()
    shutil.copy(target, alone / "x.py")
    py_files = sum(1 for _ in project.rglob("*.py"))
    lines = sum(p.read_bytes().count(b"\n") for p in project.rglob("*.py"))
    relative = target.relative_to(project).as_posix()
    print(f"Generated project: {project} ({py_files} .py files, {lines:,} lines); one file: {relative}", flush=True)
    whole = [
        Variant("whole project, cold index (no .spotlint_cache)", spotlint_cmd(str(project)), project, cold=project),
        Variant("whole project, warm cache", spotlint_cmd(str(project)), project),
    ]
    measure(whole[1], keep=False)  # fill the cache: the index and the per-file results
    interleave(whole, reps)
    single = [
        Variant(f"{relative} in the project (warm cache)", spotlint_cmd(str(target)), project),
        Variant("the same file alone in an empty folder (warm cache)", spotlint_cmd("x.py"), alone),
    ]
    for variant in single:
        measure(variant, keep=False)  # warm both
    interleave(single, one_file_reps)
    for v in whole:
        v.files = str(spotlint_files(project))
    single[0].files = "1"
    single[1].files = "1"
    stats = index_stats(project, project)
    rows = ["| run | median wall (s) | runs | files | findings | peak memory (MiB) |", "|---|---|---|---|---|---|"]
    for v in whole + single:
        rows.append(f"| {v.name} | {median(v.times):.3f} | {len(v.times)} | {v.files} | {findings_of(v)} | "
                    f"{max(v.peaks) / 1024:.0f} |")
    diffs = [a - b for a, b in zip(single[0].times, single[1].times)]
    overhead = median(single[0].times) - median(single[1].times)
    verdict = "met" if overhead <= 0.1 else "not met"
    note = (f"One-file overhead of the project (difference of medians): **{overhead:+.3f} s** (median of paired "
            f"differences {median(diffs):+.3f} s; target ≤ 0.1 s: {verdict}). Index: {stats['indexed']} files "
            f"walked, {stats['summarised']} summarised, {stats['rounds']} rounds. The cold row is the whole `spotlint check` with the index built from "
            "nothing (screening every file, summarising and checking the relevant ones); files include "
            "pyproject.toml, which spotlint checks too.")
    return [f"### Generated 1,000-file project ({py_files:,} .py files, {lines:,} lines; "
            f"{SPOTIFY_FEATURES + SPOTIFY_HELPERS + SPOTIFY_JOBS + 1} use spotipy)", "", *rows, "", note, ""]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--one-file-reps", type=int, default=10)
    parser.add_argument("--before-commit", default="3171395", help="the commit before the index ('' to skip)")
    parser.add_argument("--only", choices=["stdlib", "one-file"])
    args = parser.parse_args()
    sections: list[str] = []
    with tempfile.TemporaryDirectory(prefix="spotlint-bench-") as temporary:
        work = Path(temporary)
        if args.only in (None, "stdlib"):
            sections += bench_stdlib(work, args.reps, args.before_commit)
        if args.only in (None, "one-file"):
            sections += bench_one_file(work, args.reps, args.one_file_reps)
    ruff = shutil.which("ruff")
    ruff_version = subprocess.run([ruff, "--version"], capture_output=True, text=True).stdout.strip() if ruff else "no ruff"
    print()
    print(f"Project index benchmark, `python bench/project_index.py`, {time.strftime('%Y-%m-%d')}, "
          f"{os.cpu_count()} cores, Python {platform.python_version()}, {ruff_version}. Medians of interleaved "
          "runs; findings are per run (a/b if runs disagreed).")
    print()
    print("\n".join(sections))


if __name__ == "__main__":
    main()
