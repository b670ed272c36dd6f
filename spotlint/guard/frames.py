"""The first frame of the user's own code on the stack of a request: where a finding points.

Skips the guard, the HTTP libraries, the Spotify clients, the mocking libraries and the
standard library, by the module each frame runs in. Reads the live stack; changes nothing.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from itertools import islice
from types import FrameType

LIBRARIES = frozenset({
    "spotlint", "requests", "urllib3", "httpx", "httpcore", "aiohttp", "spotipy", "tekore",
    "responses", "respx", "requests_mock", "anyio", "sniffio", "h11", "h2", "yarl", "multidict",
    "aiohappyeyeballs", "aiosignal", "frozenlist", "propcache", "async_timeout", "certifi",
    "idna", "charset_normalizer", "pytest", "_pytest", "pluggy",
})
_STDLIB = frozenset(getattr(sys, "stdlib_module_names", ()))


@dataclass(frozen=True, slots=True)
class Location:
    """A position in a file: 1-based lines and columns, the end column exclusive."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int


UNKNOWN = Location("<unknown>", 1, 1, 1, 1)


def user_location(skip: frozenset[str] = frozenset(), frame: FrameType | None = None) -> Location:
    """Where the innermost frame of user code stands (``skip`` adds module roots to leave out)."""
    current = frame if frame is not None else sys._getframe(1)
    while current is not None:
        if not _is_library(current, skip):
            return _location(current)
        current = current.f_back
    return UNKNOWN


def _is_library(frame: FrameType, skip: frozenset[str]) -> bool:
    name = frame.f_globals.get("__name__")
    filename = frame.f_code.co_filename
    if filename.startswith("<frozen "):
        return True
    if not isinstance(name, str):
        return False
    root = name.partition(".")[0]
    if root in LIBRARIES or root in skip:
        return True
    return root in _STDLIB and "-packages" not in filename  # a user's module may share a stdlib name


def _location(frame: FrameType) -> Location:
    line, column, end_line, end_column = frame.f_lineno, 1, frame.f_lineno, 1
    positions = getattr(frame.f_code, "co_positions", None)  # 3.11+: the call's columns
    if positions is not None and frame.f_lasti >= 0:
        start, end, col, end_col = next(islice(positions(), frame.f_lasti // 2, None), (None, None, None, None))
        if start is not None and col is not None and end_col is not None:
            line, end_line, column, end_column = start, end or start, col + 1, end_col + 1
    return Location(_shown_path(frame.f_code.co_filename), line, column, end_line, end_column)


def _shown_path(filename: str) -> str:
    """Relative to the working directory when the file is under it, as ``spotlint check`` shows it."""
    if filename.startswith("<"):
        return filename
    try:
        relative = os.path.relpath(filename)
    except ValueError:  # another drive
        return filename
    return filename if relative.startswith("..") else relative
