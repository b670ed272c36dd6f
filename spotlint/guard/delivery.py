"""Where a sighting goes in each mode: a warning pointing at the user's line, or a JSON line
appended to the record file. The guard's only output; it decides nothing.
"""

from __future__ import annotations

import json
import threading
import warnings

from spotlint.guard.sighting import RestrictedRequestWarning, Sighting

_write_lock = threading.Lock()


def warn(sighting: Sighting) -> None:
    """A ``RestrictedRequestWarning`` at the user's file and line (shown every time)."""
    finding = sighting.finding
    message = f"{finding.code} {finding.message}"
    warnings.warn_explicit(RestrictedRequestWarning(message), RestrictedRequestWarning,
                           finding.path, finding.span.line, registry=None)


def record(path: str, sighting: Sighting) -> None:
    """Append one JSON line (``check``'s finding object plus ``request`` and ``library``)."""
    line = json.dumps(sighting.as_dict(), ensure_ascii=False) + "\n"
    with _write_lock, open(path, "a", encoding="utf-8") as handle:
        handle.write(line)
