"""The HTTP layers the guard hooks, one module each, installed together while it is active.

Each module's ``patches()`` imports its library (when installed) and guards the method every
request of that library passes through, above the layers mocking libraries replace. The
libraries are imported only here, when the first activation starts.
"""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec

from spotlint.guard.hooks.patch import Patch

LAYERS = {  # hook module -> the library it needs
    "requests_session": "requests",
    "urllib3_pool": "urllib3",
    "httpx_client": "httpx",
    "urllib_opener": "urllib.request",
    "aiohttp_session": "aiohttp",
}


def install() -> list[Patch]:
    """Guard every installed layer; a library that fails to import is left alone."""
    patches: list[Patch] = []
    for module, library in LAYERS.items():
        if find_spec(library.partition(".")[0]) is None:
            continue
        try:
            patches += import_module(f"{__name__}.{module}").patches()
        except ImportError:
            continue
    return patches
