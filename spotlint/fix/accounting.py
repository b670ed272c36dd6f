"""What became of each finding of a fix run: the one tally the summary, JSON and exit code read.

A finding ``check`` reports on the tree ``fix`` was given is exactly one of: fixed, left (with
a kind from ``plan`` and a reason a user can act on), or not selected (``fix --select/--ignore``
kept its rule out). Pure data: built by the per-file fixer (in workers), summed in the parent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from spotlint.findings import DIAGNOSTICS, FileResult, Finding, PARSE_ERROR, READ_ERROR
from spotlint.fix.plan import NO_REWRITE, UNPARSABLE

FIXED = "fixed"
LEFT = "left"
NOT_SELECTED = "not-selected"
STATUSES = (FIXED, LEFT, NOT_SELECTED)


@dataclass(frozen=True, slots=True)
class Outcome:
    """One finding (where ``check`` reports it) and what the fix did with it."""

    finding: Finding
    status: str  # FIXED | LEFT | NOT_SELECTED
    kind: str = ""  # for LEFT: NO_REWRITE, MAYBE_CLIENT, UNSAFE or UNPARSABLE (``Left.kind``)
    reason: str = ""  # for LEFT: why; for NOT_SELECTED: which option


def left_as_found(result: FileResult, reason: str = "", kind: str = NO_REWRITE) -> tuple[Outcome, ...]:
    """Every finding of a file the fixer does not rewrite, left: read and parse errors as
    unparsable (their message is the reason), the rest with ``reason`` or their message."""
    return tuple(
        Outcome(f, LEFT, UNPARSABLE, f.message) if f.code in (PARSE_ERROR, READ_ERROR)
        else Outcome(f, LEFT, kind, reason or f.message)
        for f in result.findings
    )


def not_selected(finding: Finding) -> Outcome:
    return Outcome(finding, NOT_SELECTED, reason="its rule is not selected for fixing (--select/--ignore)")


def scoped(outcome: Outcome, fixable: frozenset[str]) -> Outcome:
    """A left finding whose rule ``fix`` was told not to touch is not selected instead."""
    return not_selected(outcome.finding) if outcome.status == LEFT and not selectable(outcome.finding, fixable) else outcome


def selectable(finding: Finding, fixable: frozenset[str]) -> bool:
    """Whether ``fix``'s own selection covers the finding (diagnostics always count)."""
    return finding.code in fixable or finding.code in DIAGNOSTICS


@dataclass(frozen=True, slots=True)
class Tally:
    """Counts over a run's outcomes; every number the summary and the exit code use."""

    outcomes: tuple[Outcome, ...]

    @classmethod
    def of(cls, outcomes: Iterable[Outcome]) -> Tally:
        return cls(tuple(sorted(outcomes, key=lambda o: o.finding.sort_key())))

    @property
    def total(self) -> int:
        return len(self.outcomes)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def fixed(self) -> int:
        return self.count(FIXED)

    @property
    def left(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.status == LEFT)

    @property
    def unparsable(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.left if o.kind == UNPARSABLE)

    def left_by_kind(self) -> Counter[str]:
        return Counter(o.kind for o in self.left)

    def left_by_reason(self) -> Counter[tuple[str, str, str]]:
        """(kind, code, reason) → count."""
        return Counter((o.kind, o.finding.code, o.reason) for o in self.left)
