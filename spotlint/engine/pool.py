"""The worker processes of a run: a pool whose workers load the run's catalogue once each.

Owns only process management; what a worker does with a file lives with the caller
(``api`` checks, ``fix.apply`` fixes). Small runs get no pool and stay in this process.
"""

from __future__ import annotations

import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from spotlint.catalogue.load import Catalogue, builtin_rules_dir, load_catalogue

SMALL_RUN = 8  # fewer files per worker than this (a pre-commit batch) stay in this process

_WORKER_CATALOGUE: Catalogue | None = None


def open_pool(jobs: int | None, files: int, catalogue: Catalogue) -> tuple[ProcessPoolExecutor | None, int]:
    """A pool sized for ``files`` (None when one process is enough) and its worker count."""
    workers = min(jobs or os.cpu_count() or 1, max(1, files // SMALL_RUN))
    if workers <= 1:
        return None, 1
    builtin = builtin_rules_dir()
    extra = sorted({str(Path(r.source).parent) for r in catalogue.rules if Path(r.source).parent != builtin})
    return ProcessPoolExecutor(max_workers=workers, initializer=_worker_init, initargs=(tuple(extra),)), workers


def _worker_init(extra_dirs: tuple[str, ...]) -> None:
    global _WORKER_CATALOGUE
    _WORKER_CATALOGUE = load_catalogue(extra_dirs)
    threading.Thread(target=_exit_with, args=(os.getppid(),), daemon=True).start()


def _exit_with(parent: int) -> None:
    """End this worker when the run is killed (SIGKILL runs no clean-up): forked workers hold
    the task pipe open themselves, so without this they would wait on it forever."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def worker_catalogue() -> Catalogue:
    """The catalogue this worker process loaded at its start."""
    assert _WORKER_CATALOGUE is not None
    return _WORKER_CATALOGUE


def chunksize(tasks: int, workers: int, per_worker: int = 8) -> int:
    return max(1, tasks // (workers * per_worker))
