"""The HTTP layers the guard hooks, one module each, installed together while it is active.

Each module's ``targets()`` imports its library (when installed) and names the method every
request of that library passes through, above the layers mocking libraries replace. The
libraries are imported only here, when the first activation starts.
"""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec

from spotlint.guard.hooks.patch import Patch, guard_method

LAYERS = {  # hook module -> the library it needs
    "requests_session": "requests",
    "urllib3_pool": "urllib3",
    "httpx_client": "httpx",
    "urllib_opener": "urllib.request",
    "aiohttp_session": "aiohttp",
}


def install() -> list[Patch]:
    """Guard every installed layer; a library that fails to import, or a release without the
    method, is left alone."""
    patches: list[Patch] = []
    for module, library in LAYERS.items():
        if find_spec(library.partition(".")[0]) is None:
            continue
        try:
            layer = import_module(f"{__name__}.{module}")
            targets = layer.targets()
        except (ImportError, AttributeError):
            continue
        for target in targets:
            if callable(getattr(target.owner, target.name, None)):
                patches.append(guard_method(target, layer.LIBRARY))
    return patches
