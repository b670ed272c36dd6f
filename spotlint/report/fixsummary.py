"""The closing summary of ``spotlint fix``: what was fixed, what changed, what is left and why."""

from __future__ import annotations

from collections import Counter

from spotlint.fix.apply import FixReport


def summary(report: FixReport, strategy: str | None, written: bool) -> str:
    """``strategy`` is the one forced on every rule, None when each rule used its own default."""
    lines: list[str] = []
    chosen = strategy or "each rule's default"
    changed = report.changed
    verb = "Fixed" if written else "Would fix"
    files = len([f for f in report.files if f.after != f.before])
    lines.append(f"{verb} {report.fixed} finding{'s' * (report.fixed != 1)} in {files} file{'s' * (files != 1)} "
                 f"(strategy: {chosen}).")
    for compat in report.compats:
        if compat in changed:
            lines.append(f"{'Wrote' if written else 'Would write'} the compat module {compat.display}.")
    notes = sorted({note for f in report.files for note in f.notes})
    lines += [f"  note: {note}" for note in notes]
    for problem in report.problems:
        lines.append(f"error: {problem}")
    for item in report.files:
        if item.error:
            lines.append(f"error: {item.error}")
    reasons = Counter((left.finding.code, left.reason) for left in report.left)
    if reasons:
        total = sum(reasons.values())
        lines.append(f"{total} finding{'s' * (total != 1)} left:")
        for (code, reason), count in sorted(reasons.items()):
            lines.append(f"  {code} ×{count}: {reason}")
    return "".join(line + "\n" for line in lines)
