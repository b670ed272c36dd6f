"""Benchmark spotlint against its peers on the same corpora, in one run (run by hand).

    python bench/run.py [--reps N] [--only stdlib|spotify]

Needs ruff and semgrep on PATH (pip install ruff semgrep); tools that are missing are
skipped and say so. Prints medians and ratios and rewrites bench/README.md with them, with
peak memory (largest resident set of the process tree). Timed on this machine only: compare
ratios within one run, not figures between machines.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus as corpora  # noqa: E402

PYTHON = sys.executable
SLOW = 60.0  # a tool slower than this on a corpus runs once


def measure(command: list[str], cwd: Path) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of the command and everything it waited for."""
    probe = (
        "import resource, subprocess, sys, time;"
        "t = time.perf_counter();"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL);"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([PYTHON, "-c", probe, *command], cwd=cwd, capture_output=True, text=True, check=True)
    wall, rss = out.stdout.split()
    return float(wall), int(rss)


def tools(corpus: Path, cache_dir: Path, rules_file: Path) -> dict[str, list[str] | None]:
    spotlint = [PYTHON, "-m", "spotlint", "check", "--exit-zero", "-j", str(os.cpu_count() or 1)]
    words = subprocess.run([PYTHON, "-c", "from spotlint.catalogue.load import load_catalogue;"
                            "from spotlint.engine.prefilter import trigger_words;"
                            "print('|'.join(sorted(trigger_words(load_catalogue()))))"],
                           capture_output=True, text=True, check=True).stdout.strip()
    return {
        "spotlint (cold)": [*spotlint, "--no-cache", str(corpus)],
        "spotlint (warm cache)": [*spotlint, str(corpus)],
        "ruff check --select E9": ([shutil.which("ruff"), "check", "--select", "E9", "--no-cache", "--isolated",
                                    "--exit-zero", "-q", str(corpus)] if shutil.which("ruff") else None),
        "semgrep (equivalent rules)": ([shutil.which("semgrep"), "scan", "--config", str(rules_file), "--metrics=off",
                                        "--quiet", "--disable-version-check", "--jobs", str(os.cpu_count() or 1),
                                        str(corpus)] if shutil.which("semgrep") else None),
        "naive libcst (parse + QualifiedNameProvider)": [PYTHON, str(HERE / "naive_libcst.py"), str(corpus)],
        "grep -rlE trigger words (floor)": ["grep", "-rlE", words.replace(".", "\\."), "--include=*.py", str(corpus)],
    }


def run_corpus(name: str, corpus: Path, reps: int, rules_file: Path) -> list[tuple[str, float | None, int]]:
    rows: list[tuple[str, float | None, int]] = []
    with tempfile.TemporaryDirectory() as cache_dir:
        for tool, command in tools(corpus, Path(cache_dir), rules_file).items():
            if command is None:
                print(f"  {tool}: not installed, skipped")
                rows.append((tool, None, 0))
                continue
            cwd = Path(cache_dir)
            if tool == "spotlint (warm cache)":
                measure(command, cwd)  # fill the cache
            times, peaks = [], []
            for _ in range(reps):
                wall, rss = measure(command, cwd)
                times.append(wall)
                peaks.append(rss)
                if wall > SLOW:
                    break
            median = statistics.median(times)
            rows.append((tool, median, max(peaks)))
            print(f"  {tool}: {median:.2f} s (n={len(times)}), peak {max(peaks) / 1024:.0f} MiB", flush=True)
    return rows


def table(rows: list[tuple[str, float | None, int]]) -> list[str]:
    base = dict((t, w) for t, w, _ in rows)
    ruff = base.get("ruff check --select E9")
    semgrep = base.get("semgrep (equivalent rules)")
    lines = ["| tool | median wall (s) | peak memory (MiB) | × ruff E9 | semgrep ÷ tool |", "|---|---|---|---|---|"]
    for tool, wall, rss in rows:
        if wall is None:
            lines.append(f"| {tool} | not installed | | | |")
            continue
        vs_ruff = f"{wall / ruff:.2f}" if ruff else ""
        vs_semgrep = f"{semgrep / wall:.1f}" if semgrep else ""
        lines.append(f"| {tool} | {wall:.2f} | {rss / 1024:.0f} | {vs_ruff} | {vs_semgrep} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--only", choices=["stdlib", "spotify"])
    args = parser.parse_args()
    rules_file = HERE / ".corpus" / "semgrep-rules.json"
    rules_file.parent.mkdir(exist_ok=True)
    subprocess.run([PYTHON, str(HERE / "semgrep_rules.py"), str(rules_file)], check=True)
    sections = []
    for name, build in (("stdlib", corpora.stdlib), ("spotify", corpora.spotify_heavy)):
        if args.only and args.only != name:
            continue
        corpus = build()
        files = sum(1 for _ in corpus.rglob("*.py"))
        lines = corpora.line_count(corpus)
        title = ("CPython standard library" if name == "stdlib" else "Generated Spotify-heavy modules")
        print(f"{title}: {files} files, {lines} lines", flush=True)
        rows = run_corpus(name, corpus, args.reps, rules_file)
        sections += [f"### {title} ({files} files, {lines:,} lines)", "", *table(rows), ""]
    header = [
        "# spotlint benchmark",
        "",
        f"Run by hand with `python bench/run.py` on {platform.node() or 'this machine'} "
        f"({os.cpu_count()} cores, Python {platform.python_version()}), {time.strftime('%Y-%m-%d')}. "
        "Medians of up to three runs (one run for tools slower than a minute); peak memory is the largest "
        "resident set of the tool's process tree. Cold: `--no-cache`; warm: the second run over an unchanged "
        "corpus. The figures are this machine's; the ratios are what to compare.",
        "",
    ]
    notes = (HERE / "NOTES.md").read_text() if (HERE / "NOTES.md").exists() else ""
    (HERE / "README.md").write_text("\n".join(header + sections) + ("\n" + notes if notes else ""))
    print(f"wrote {HERE / 'README.md'}")


if __name__ == "__main__":
    main()
