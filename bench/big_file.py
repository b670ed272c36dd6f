"""Big files (issue 14, part 4), run by hand: is checking one file linear in its size?

    python bench/big_file.py [--reps N] [--before-commit REV] [--only small|big] [--profile]

Generates two modules with the same density of Spotify code, 110,000 lines (≈6.6 MB,
2,200 restricted client calls) and a tenth of that (11,000 lines, ≈0.66 MB, 220 calls):
functions and classes of ordinary code, one restricted call in every fifty lines. Each is
checked alone in an empty folder with ``python -P -m spotlint check --no-cache``, runs
interleaved (the order of the variants rotated each round); medians of wall time and of the
peak resident set, with the findings next to them. "Parsed size" is what libcst's tree of the
file holds (tracemalloc, in this process). ``--before-commit REV`` also times that commit
(``git archive``, run through PYTHONPATH). ``--profile`` prints where the big file's time goes.
Writes nothing under the repository.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import random
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PYTHON = sys.executable
PROBE = (
    "import resource, subprocess, sys, time;"
    "out = open(sys.argv[1], 'wb');"
    "t = time.perf_counter();"
    "subprocess.run(sys.argv[2:], stdout=out, stderr=subprocess.DEVNULL);"
    "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)
CALLS = ["audio_features(ids)", "recommendations(seed_tracks=ids[:5])", "artist_related_artists(artist_id)",
         "audio_analysis(ids[0])", "featured_playlists(limit=10)", "category_playlists('party')"]
FILLER = [
    "    total = sum(len(str(item)) for item in values if item)",
    "    names = [entry.get('name', '') for entry in records if entry]",
    "    mapping = {key: value for key, value in zip(keys, values)}",
    "    if total > limit and not names: raise ValueError(f'too many: {total} > {limit}')",
    "    first, *rest = (records or [{}])[0].get('items', ['none'])",
    "    result = helper(values, limit=limit, reverse=True)[0:10]",
    "    records = sorted(records, key=lambda entry: entry['when'])",
    "    text = ', '.join(sorted(set(str(name) for name in names)))",
]


def module(lines: int, seed: int = 14) -> str:
    """Blocks of 50 lines: a function (every fifth one a method of a small class) holding
    one restricted call among ordinary statements."""
    rng = random.Random(seed)
    out = ['"""Generated big module."""', "import spotipy", "", "sp = spotipy.Spotify()", "", ""]
    block = 0
    while len(out) + 50 <= lines:
        block += 1
        method = block % 5 == 0
        pad = "    " if method else ""
        head = [f"class Holder{block}:", f"    def step(self, values, records, keys, limit=10, ids=(), artist_id='a'):"] \
            if method else [f"def step_{block}(values, records, keys, limit=10, ids=(), artist_id='a'):"]
        body = [pad + rng.choice(FILLER) for _ in range(50 - len(head) - 4)]
        body.insert(rng.randrange(len(body)), f"{pad}    response = sp.{rng.choice(CALLS)}")
        body.append(f"{pad}    return result")
        out += head + body + ["", ""]
    while len(out) < lines:
        out.append("")
    return "\n".join(out) + "\n"


def parsed_size(text: str) -> int:
    """Bytes libcst's tree of ``text`` holds."""
    import libcst as cst

    tracemalloc.start()
    tree = cst.parse_module(text)
    size, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del tree
    return size


def before(rev: str, target: Path) -> Path:
    archive = subprocess.run(["git", "-C", str(REPO), "archive", rev], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return target


def run(path: Path, env_path: Path) -> tuple[float, int, int]:
    """Wall time (s), peak RSS (KiB) and findings of one check of ``path``."""
    with tempfile.NamedTemporaryFile() as out:
        command = [PYTHON, "-c", PROBE, out.name, PYTHON, "-P", "-m", "spotlint", "check", "--no-cache",
                   "--format", "json", "--exit-zero", path.name]
        probe = subprocess.run(command, cwd=path.parent, capture_output=True, text=True, check=True,
                               env={"PYTHONPATH": str(env_path), "PATH": "/usr/bin:/bin"})
        wall, rss = probe.stdout.split()
        findings = Path(out.name).read_text().count('"code"')
    return float(wall), int(rss), findings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--before-commit")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--only", choices=("small", "big"), help="time one of the two files")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        files = {}
        for name, lines in (("small", 11_000), ("big", 110_000)):
            if args.only not in (None, name):
                continue
            folder = root / name
            folder.mkdir()
            files[name] = folder / f"{name}.py"
            files[name].write_text(module(lines))
        variants = {"now": REPO}
        if args.before_commit:
            variants[args.before_commit] = before(args.before_commit, root / "before")
        if args.profile:
            profile(files["big"])
            return
        runs: dict[tuple[str, str], list[tuple[float, int, int]]] = {}
        keys = [(v, f) for v in variants for f in files]
        for round_ in range(args.reps):
            for key in keys[round_ % len(keys):] + keys[:round_ % len(keys)]:
                runs.setdefault(key, []).append(run(files[key[1]], variants[key[0]]))
                print(key, runs[key][-1], file=sys.stderr)
        sizes = {f: parsed_size(p.read_text()) for f, p in files.items()}
        print("| code | file | lines | MB | findings | median wall (s) | peak RSS (MiB) | parsed tree (MiB) | RSS ÷ tree |")
        print("|---|---|---|---|---|---|---|---|---|")
        for (variant, name), measured in runs.items():
            text = files[name].read_text()
            wall = statistics.median(m[0] for m in measured)
            rss = statistics.median(m[1] for m in measured) / 1024
            found = "/".join(sorted({str(m[2]) for m in measured}))
            print(f"| {variant} | {name} | {text.count(chr(10)):,} | {len(text.encode()) / 1e6:.2f} | {found} | "
                  f"{wall:.2f} | {rss:.0f} | {sizes[name] / 2**20:.0f} | {rss * 2**20 / sizes[name]:.1f} |")
        for variant in variants if len(files) == 2 else ():
            small = statistics.median(m[0] for m in runs[(variant, "small")])
            big = statistics.median(m[0] for m in runs[(variant, "big")])
            print(f"\n{variant}: big ÷ small wall = {big / small:.1f}")


def profile(path: Path) -> None:
    """Where the big file's time goes, in this process (the importable spotlint)."""
    sys.path.insert(0, str(REPO))
    from spotlint.api import check_paths
    from spotlint.catalogue.load import load_catalogue

    catalogue = load_catalogue()
    codes = frozenset(r.code for r in catalogue.rules)
    start = time.perf_counter()
    profiler = cProfile.Profile()
    profiler.enable()
    [result] = check_paths([str(path)], catalogue, codes)
    profiler.disable()
    print(f"{len(result.findings)} findings in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


if __name__ == "__main__":
    main()
