"""The identity of the running spotlint's code, for cache keys: its version plus the size and
modification time of its own source files, so a result cached by one build is never served by
another (an edited checkout, an editable install). Stats only; computed once per process."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from spotlint import __version__


@lru_cache(maxsize=1)
def code_stamp() -> str:
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        try:
            status = path.stat()
        except OSError:
            continue
        digest.update(f"|{path.relative_to(package)}|{status.st_size}|{status.st_mtime_ns}".encode())
    return f"{__version__}+{digest.hexdigest()[:16]}"
