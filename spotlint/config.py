"""Settings for a run: which codes are enabled.

Selection works on code prefixes, like ruff and flake8: ``SPT1`` is every wave-1 rule,
``SPT103`` one rule, ``ALL`` everything. An unknown selector is an error naming it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spotlint.catalogue import Catalogue
from spotlint.errors import ConfigError
from spotlint.findings import DIAGNOSTICS


@dataclass(frozen=True, slots=True)
class Settings:
    selected: frozenset[str]


def _expand(selectors: Iterable[str], known: list[str], source: str) -> set[str]:
    codes: set[str] = set()
    for raw in selectors:
        selector = raw.strip().upper()
        if not selector:
            continue
        if selector == "ALL":
            codes.update(known)
            continue
        matched = [c for c in known if c.startswith(selector)]
        if not matched:
            raise ConfigError(f"{source}: {raw!r} matches no rule code (see `spotlint rules`)")
        codes.update(matched)
    return codes


def resolve_selection(
    catalogue: Catalogue,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    extend_select: Iterable[str] = (),
    source: str = "command line",
) -> frozenset[str]:
    known = [*DIAGNOSTICS, *catalogue.codes()]
    chosen = _expand(select, known, source) if select is not None else set(known)
    chosen |= _expand(extend_select, known, source)
    chosen -= _expand(ignore, known, source)
    return frozenset(chosen)


def split_codes(values: Iterable[str]) -> list[str]:
    """``--select SPT1,SPT2 --select SPT003`` → ['SPT1', 'SPT2', 'SPT003']."""
    return [part for value in values for part in value.split(",") if part.strip()]
