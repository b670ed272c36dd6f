"""The environment switch: ``SPOTLINT_GUARD`` (warn, block, record, off), with
``SPOTLINT_GUARD_FILE`` (record mode's file), ``SPOTLINT_GUARD_ALLOW`` (codes or prefixes,
comma-separated) and ``SPOTLINT_GUARD_HOSTS``. Pure: reads the mapping it is given.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from spotlint.guard.settings import API_HOST, DEFAULT_RECORD, MODES

OFF = ("", "0", "off", "false", "no")


@dataclass(frozen=True, slots=True)
class Switch:
    mode: str | None  # None: off
    allow: tuple[str, ...]
    hosts: tuple[str, ...]
    record_to: str


def read(environ: Mapping[str, str], default_mode: str = "warn") -> Switch:
    """The guard the environment asks for; an unknown mode is a ValueError naming it."""
    raw = environ.get("SPOTLINT_GUARD")
    mode: str | None = default_mode if raw is None else raw.strip().lower()
    if mode in OFF:
        mode = None
    elif mode in ("1", "on", "true", "yes"):
        mode = "warn"
    elif mode not in MODES:
        raise ValueError(f"SPOTLINT_GUARD={raw!r}: expected one of {', '.join(MODES)} or off")
    return Switch(mode, _items(environ.get("SPOTLINT_GUARD_ALLOW", "")),
                  (API_HOST, *_items(environ.get("SPOTLINT_GUARD_HOSTS", ""))),
                  environ.get("SPOTLINT_GUARD_FILE") or DEFAULT_RECORD)


def _items(text: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in text.split(",") if item.strip())
