"""Fix safety at scale (run by hand): `check` and `fix --strategy local --unsafe-fixes` over a
copy of a corpus (default: the standard library, the test case files and the generated
Spotify-heavy modules). Asserts no crash, every written file parses, files without findings
are byte-identical, and a second fix changes nothing. Prints the counts.

    python bench/robustness.py [--sample N]
"""

from __future__ import annotations

import argparse
import ast
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from spotlint.api import check_paths  # noqa: E402
from spotlint.catalogue.load import load_catalogue  # noqa: E402
from spotlint.config import resolve_selection  # noqa: E402
from spotlint.findings import INTERNAL_ERROR  # noqa: E402
from spotlint.fix.apply import fix_paths  # noqa: E402


def gather(target: Path, sample: int, spotify_sample: int | None = None) -> None:
    import corpus

    sources = [
        ("stdlib", corpus.stdlib()),
        ("cases", ROOT / "tests" / "cases"),
        ("mechanisms", ROOT / "tests" / "mechanisms"),
        ("spotify", corpus.spotify_heavy()),
    ]
    for name, root in sources:
        files = sorted(p for p in root.rglob("*") if p.suffix in (".py", ".ipynb") and "snapshots" not in p.parts)
        step = (spotify_sample or sample) if name == "spotify" else sample
        for path in files[:: max(1, step)] if name in ("stdlib", "spotify") else files:
            copy = target / name / path.relative_to(root)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, copy)


def verify(target: Path, jobs: int | None = None) -> dict[str, int]:
    catalogue = load_catalogue()
    selected = resolve_selection(catalogue)
    before = {p: p.read_bytes() for p in target.rglob("*") if p.is_file()}
    results = check_paths([str(target)], catalogue, selected, jobs=jobs)
    crashes = [f for r in results for f in r.findings if f.code == INTERNAL_ERROR]
    assert not crashes, crashes[:3]
    with_findings = {Path(r.path) for r in results if r.findings}
    report = fix_paths([str(target)], catalogue, selected, "local", True, None, True)
    unexpected = [f.error for f in report.files if f.error and ": cannot decode" not in f.error and ": cannot read" not in f.error]
    assert not report.problems and not unexpected, (report.problems, unexpected[:3])
    after = {p: p.read_bytes() for p in target.rglob("*") if p.is_file()}
    changed = [p for p in before if after.get(p) != before[p]]
    for path in changed:
        assert path in with_findings, f"{path} changed without findings"
    for path, data in after.items():
        if path.suffix == ".py" and (path not in before or data != before[path]):
            ast.parse(data)
    second = fix_paths([str(target)], catalogue, selected, "local", True, None, True)
    again = {p: p.read_bytes() for p in target.rglob("*") if p.is_file()}
    assert second.fixed == 0 and again == after, "a second fix changed something"
    return {"files": len(before), "with findings": len(with_findings), "changed": len(changed),
            "fixed": report.fixed, "left": len(report.left)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sample", type=int, default=1, help="take every Nth file of the large corpora")
    parser.add_argument("--spotify-sample", type=int, default=None, help="every Nth generated module (default: --sample)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "corpus"
        gather(target, args.sample, args.spotify_sample)
        print(verify(target))


if __name__ == "__main__":
    main()
