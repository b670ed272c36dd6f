"""How one activation of the guard behaves: its mode, the codes it allows, the hosts that
count as the Web API, where record mode writes. A frozen value, checked when it is made.
"""

from __future__ import annotations

from dataclasses import dataclass, field

API_HOST = "api.spotify.com"  # as ``catalogue.paths.API_HOST``, without importing the catalogue
MODES = ("warn", "block", "record", "collect")
DEFAULT_RECORD = "spotlint-guard.jsonl"


@dataclass(frozen=True, slots=True)
class Settings:
    """``mode``: warn (a warning, the request goes), block (``RestrictedRequest`` before it
    leaves), record (a JSON line in ``record_to``, the request goes), collect (only the
    activation's ``sightings``). ``allow``: codes or prefixes (``SPT2``) not reported.
    ``hosts``: ``host`` or ``host:port`` of the API (a gateway, a test server).
    ``skip``: module roots that are not the user's code either."""

    mode: str = "warn"
    allow: tuple[str, ...] = ()
    hosts: tuple[str, ...] = (API_HOST,)
    record_to: str = DEFAULT_RECORD
    skip: frozenset[str] = frozenset()
    rule_dirs: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"spotlint guard mode {self.mode!r} is not one of {', '.join(MODES)}")
        object.__setattr__(self, "hosts", tuple(h.lower() for h in self.hosts))

    def allows(self, code: str) -> bool:
        return any(code.startswith(prefix) for prefix in self.allow)

    def watches(self, netloc: str) -> bool:
        """Whether requests to ``netloc`` (``host`` or ``host:port``) go to the API."""
        return netloc in self.hosts or netloc.partition(":")[0] in self.hosts
