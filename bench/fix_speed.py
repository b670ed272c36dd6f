"""Time `spotlint fix --diff` against `spotlint check` on generated Spotify-heavy files (by hand).

    python bench/fix_speed.py [--files N] [--reps N] [--jobs N] [--before-commit REV --before-files N]

Builds N modules with bench/corpus.py's generator (every file a worst case), then runs
`check --no-cache`, `fix --diff` and `fix` (writing into a fresh copy each time, the copy not
timed) interleaved (the order alternates per repetition), and prints, per run, the files, the
findings each counted (fix's own breakdown: fixed, left, not selected), median wall times and
median CPU seconds of the whole process tree (steadier than wall time on a shared machine).
With --before-commit, REV's spotlint (a `git archive`, run through PYTHONPATH; the repository
is not touched) also runs `fix --diff` and `fix` on the first --before-files modules, next to
this tree's on the same modules. Timed on this machine only: compare ratios within one run.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import corpus as corpora  # noqa: E402

PYTHON = sys.executable
SUMMARY = re.compile(r"^(\d+) findings?: (.*)\.$", re.MULTILINE)


def build(target: Path, count: int) -> Path:
    target.mkdir(parents=True)
    rng = random.Random(20261204)
    for index in range(count):
        (target / f"gen_{index:04d}.py").write_text(corpora._module(rng, index), encoding="utf-8")
    return target


def cpu() -> float:
    """CPU seconds of every finished child process (workers included: their parent reaps them)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str, str]:
    start, used = time.perf_counter(), cpu()
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    wall, used = time.perf_counter() - start, cpu() - used
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return wall, used, done.stdout, done.stderr


def findings(label: str, stdout: str, stderr: str) -> str:
    if label.startswith("check"):
        return str(sum(1 for line in stdout.splitlines() if ": SPT" in line))
    match = SUMMARY.search(stderr)
    if match:
        return f"{match.group(1)} ({match.group(2)})"
    fixed = re.search(r"^(?:Would fix|Fixed) (\d+) findings?", stderr, re.MULTILINE)  # before the accounting
    left = re.search(r"^(\d+) findings? left:", stderr, re.MULTILINE)
    return f"{fixed.group(1) if fixed else '?'} would be fixed, {left.group(1) if left else 0} left (its own count)"


def before(commit: str, into: Path) -> dict[str, str]:
    target = into / "spotlint-before"
    target.mkdir()
    archive = subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar", commit, "spotlint", "rules"],
                             capture_output=True, check=True)
    (into / "before.tar").write_bytes(archive.stdout)
    with tarfile.open(into / "before.tar") as tar:
        tar.extractall(target, filter="data") if hasattr(tarfile, "data_filter") else tar.extractall(target)
    env = dict(os.environ, PYTHONPATH=str(target))
    where = subprocess.run([PYTHON, "-c", "import spotlint; print(spotlint.__file__)"], env=env, cwd=into,
                           capture_output=True, text=True, check=True).stdout.strip()
    if not where.startswith(str(target)):
        raise SystemExit(f"PYTHONPATH={target} does not run {commit}: {where}")
    return env


Variant = tuple[list[str], "dict[str, str] | None", "Path | None"]  # command, environment, corpus to copy first


def bench(variants: dict[str, Variant], reps: int, files: int) -> list[str]:
    """Each variant once per repetition, the order alternating; a variant that writes gets a
    fresh copy of the corpus each time (the copy is not timed)."""
    times: dict[str, list[float]] = {label: [] for label in variants}
    cpus: dict[str, list[float]] = {label: [] for label in variants}
    counted: dict[str, set[str]] = {label: set() for label in variants}
    labels = list(variants)
    for rep in range(reps):
        for label in labels if rep % 2 == 0 else labels[::-1]:
            command, env, source = variants[label]
            if source is not None:
                target = Path(command[-1])
                shutil.rmtree(target, ignore_errors=True)
                shutil.copytree(source, target)
            wall, used, out, err = run(command, env)
            times[label].append(wall)
            cpus[label].append(used)
            counted[label].add(findings(label, out, err))
            print(f"  {label}: {wall:.2f} s wall, {used:.2f} s CPU", flush=True)
    base, base_cpu = statistics.median(times[labels[0]]), statistics.median(cpus[labels[0]])
    rows = ["| run | files | findings | median wall (s) | min–max (s) | × check | median CPU (s) | × check |",
            "|---|---|---|---|---|---|---|---|"]
    for label in labels:
        median, used = statistics.median(times[label]), statistics.median(cpus[label])
        rows.append(f"| {label} | {files} | {' / '.join(sorted(counted[label]))} | {median:.2f} | "
                    f"{min(times[label]):.2f}–{max(times[label]):.2f} | {median / base:.2f} | {used:.2f} | "
                    f"{used / base_cpu:.2f} |")
    return rows + [f"\n{reps} run(s) each."]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--before-commit", default="", help="also time this commit's fix ('' to skip): the branch's base")
    parser.add_argument("--before-files", type=int, default=30)
    parser.add_argument("--before-reps", type=int, default=1)
    args = parser.parse_args()
    spotlint = [PYTHON, "-P", "-m", "spotlint"]
    jobs = ["-j", str(args.jobs)]
    print(f"fix speed, {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory(prefix="spotlint-fix-bench-") as scratch:
        work = Path(scratch)
        writable = work / "writable"
        corpus = build(work / "heavy", args.files)
        lines = sum(p.read_text().count("\n") for p in corpus.glob("*.py"))
        if args.files:  # --files 0: only the comparison with --before-commit
            print(f"\n### {args.files} generated Spotify-heavy modules ({lines:,} lines), -j {args.jobs}\n")
            rows = bench({
                "check --no-cache": ([*spotlint, "check", "--no-cache", *jobs, str(corpus)], None, None),
                "fix --diff": ([*spotlint, "fix", "--diff", *jobs, str(corpus)], None, None),
                "fix (writes)": ([*spotlint, "fix", *jobs, str(writable)], None, corpus),
            }, args.reps, args.files)
            print("\n".join(rows))
        if args.before_commit:
            small = build(work / "small", args.before_files)
            env = before(args.before_commit, work)
            print(f"\n### The first {args.before_files} of them, against {args.before_commit}\n")
            rows = bench({
                "check --no-cache": ([*spotlint, "check", "--no-cache", *jobs, str(small)], None, None),
                "fix --diff": ([*spotlint, "fix", "--diff", *jobs, str(small)], None, None),
                f"fix --diff at {args.before_commit}": ([*spotlint, "fix", "--diff", str(small)], env, None),
                "fix (writes)": ([*spotlint, "fix", *jobs, str(writable)], None, small),
                f"fix (writes) at {args.before_commit}": ([*spotlint, "fix", str(writable)], env, small),
            }, args.before_reps, args.before_files)
            print("\n".join(rows))

if __name__ == "__main__":
    main()
