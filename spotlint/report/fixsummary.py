"""The closing summary of ``spotlint fix``: what was fixed, what changed, and the breakdown of
every finding (fixed, left by kind and reason, not selected). Reads the run's one tally."""

from __future__ import annotations

from spotlint.findings import PARSE_ERROR, READ_ERROR
from spotlint.fix.accounting import NOT_SELECTED
from spotlint.fix.apply import FixReport
from spotlint.fix.plan import MAYBE_CLIENT, NO_REWRITE, UNPARSABLE, UNSAFE
from spotlint.report.text import location

KIND_ORDER = (NO_REWRITE, MAYBE_CLIENT, UNSAFE, UNPARSABLE)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"


def summary(report: FixReport, strategy: str | None, written: bool) -> str:
    """``strategy`` is the one forced on every rule, None when each rule used its own default."""
    tally = report.tally
    lines: list[str] = []
    chosen = strategy or "each rule's default"
    files = len([f for f in report.files if f.changed])
    lines.append(f"{'Fixed' if written else 'Would fix'} {_plural(report.fixed, 'finding')} in {_plural(files, 'file')} "
                 f"(strategy: {chosen}).")
    for compat in report.compats:
        if compat.changed:
            lines.append(f"{'Wrote' if written else 'Would write'} the compat module {compat.display}.")
    notes = sorted({note for f in report.files for note in f.notes})
    lines += [f"  note: {note}" for note in notes]
    for outcome in tally.unparsable:  # the line `check` prints for the file
        finding = outcome.finding
        if finding.code in (PARSE_ERROR, READ_ERROR):
            lines.append(f"{location(finding)}: {finding.code} {finding.message}")
    lines += [f"error: {problem}" for problem in report.problems]
    lines += [f"error: {item.error}" for item in report.files if item.error]
    left = tally.left
    parts = [f"{tally.fixed} {'fixed' if written else 'would be fixed'}", f"{len(left)} left"]
    if tally.count(NOT_SELECTED):
        parts.append(f"{tally.count(NOT_SELECTED)} not selected")
    lines.append(f"{_plural(tally.total, 'finding')}: {', '.join(parts)}.")
    if left:
        lines.append(f"{_plural(len(left), 'finding')} left:")
        by_reason = tally.left_by_reason()
        kinds = tally.left_by_kind()
        for kind in sorted(kinds, key=lambda k: (KIND_ORDER.index(k) if k in KIND_ORDER else len(KIND_ORDER), k)):
            lines.append(f"  {kind} ({kinds[kind]}):")
            for (_, code, reason), count in sorted(item for item in by_reason.items() if item[0][0] == kind):
                lines.append(f"    {code} ×{count}: {reason}")
    return "".join(line + "\n" for line in lines)
