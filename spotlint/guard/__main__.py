"""``python -m spotlint.guard [--mode M] [--record FILE] [--allow CODES] (app.py | -m module) [args]``:
run a program with the guard active (``SPOTLINT_GUARD`` sets the mode when ``--mode`` does
not) and print what it saw to stderr at the end. Exit status: the program's, or 3 when block
mode stopped a request the program did not handle.
"""

from __future__ import annotations

import argparse
import os
import runpy
import sys
import traceback

from spotlint.guard import activate, deactivate, environment
from spotlint.guard.settings import MODES
from spotlint.guard.sighting import RestrictedRequest

BLOCKED_EXIT = 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m spotlint.guard", description=__doc__.split("\n\n")[0])
    parser.add_argument("--mode", choices=MODES, help="default: $SPOTLINT_GUARD, else warn")
    parser.add_argument("--record", metavar="FILE", help="record mode's JSON-lines file ($SPOTLINT_GUARD_FILE)")
    parser.add_argument("--allow", metavar="CODES", default="", help="codes or prefixes not to report, comma-separated")
    parser.add_argument("-m", dest="module", help="run a module as python -m does")
    parser.add_argument("target", nargs=argparse.REMAINDER, help="script and its arguments")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if not args.module and not args.target:
        _parser().error("name a script or -m module")
    try:
        switch = environment.read(os.environ)
    except ValueError as exc:
        print(f"spotlint guard: {exc}", file=sys.stderr)
        return 2
    mode = args.mode or switch.mode
    allow = switch.allow + tuple(c.strip() for c in args.allow.split(",") if c.strip())
    if args.module:
        sys.argv = [args.module, *args.target]
    else:
        sys.argv = list(args.target)
    if mode is None:
        return _run(args.module)
    guard = activate(mode, allow=allow, hosts=switch.hosts[1:], record_to=args.record or switch.record_to)
    try:
        status = _run(args.module)
    finally:
        deactivate(guard)
    if guard.sightings:
        print(f"spotlint guard: {len(guard.sightings)} restricted request(s)", file=sys.stderr)
        for sighting in guard.sightings:
            print(sighting.text(), file=sys.stderr)
    return status


def _run(module: str | None) -> int:
    try:
        if module:
            runpy.run_module(module, run_name="__main__", alter_sys=True)
        else:
            sys.path.insert(0, os.path.dirname(os.path.abspath(sys.argv[0])))
            runpy.run_path(sys.argv[0], run_name="__main__")
    except SystemExit as exc:
        code = exc.code
        if code is None:
            return 0
        if isinstance(code, int):
            return code
        print(code, file=sys.stderr)
        return 1
    except BaseException as exc:  # the program's own failure: shown as python shows it
        traceback.print_exc()
        return BLOCKED_EXIT if _blocked(exc) else 1
    return 0


def _blocked(exc: BaseException | None) -> bool:
    """Whether block mode's exception caused this failure (directly or while handling it)."""
    seen = 0
    while exc is not None and seen < 20:
        if isinstance(exc, RestrictedRequest):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


if __name__ == "__main__":
    sys.exit(main())
