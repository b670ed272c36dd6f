"""The runtime guard's cost per request: a request-heavy loop against a local server, with the
guard inactive (imported, nothing patched: the same methods as without it) and active (another
host; the API, an allowed route; the API, a restricted route in collect mode). Runs are interleaved (variants in a new random order each
round) so the machine's drift falls on all of them alike; the figure is the median of every
request's time, so a stray stall of the shared machine does not move it. Run by hand:

    python bench/guard_overhead.py [--requests 400] [--rounds 9]

The server runs in a child process, so its thread does not compete with the loop for the
GIL. Also times the guard's own check (``state.inspect``) without the network. Sends only to
127.0.0.1, a bounded number of requests, and stops by itself.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx  # noqa: E402
import requests  # noqa: E402

from tests.spotify_server import fake_spotify  # noqa: E402


def _variants(api: str, netloc: str) -> dict[str, tuple[Callable[[], object], Callable[[], object]]]:
    """name -> (enter, exit) around a timed loop."""
    import spotlint.guard as guard

    state: dict[str, object] = {}

    def on(**kwargs: object) -> Callable[[], object]:
        def enter() -> object:
            state["g"] = guard.activate("collect", **kwargs)  # type: ignore[arg-type]
            return None
        return enter

    def off() -> object:
        g = state.pop("g", None)
        if g is not None:
            guard.deactivate(g)  # type: ignore[arg-type]
        return None

    return {
        "inactive": (lambda: None, lambda: None),
        "active, other host": (on(), off),
        "active, API allowed route": (on(hosts=[netloc]), off),
        "active, API restricted route": (on(hosts=[netloc]), off),
    }


class _Remote:
    def __init__(self, port: int) -> None:
        self.port = port
        self.netloc = f"127.0.0.1:{port}"
        self.api = f"http://127.0.0.1:{port}/v1/"


def _serve(ports: multiprocessing.Queue, stop: multiprocessing.Event) -> None:  # type: ignore[type-arg]
    with fake_spotify() as server:
        ports.put(server.port)
        stop.wait(600)


def _check_only(rounds: int) -> None:
    """The guard's own work per request, without the network (µs, median of rounds)."""
    import spotlint.guard as guard
    from spotlint.guard import state

    cases = {"other host": "https://example.com/v1/tracks?ids=a", "API allowed route": "https://api.spotify.com/v1/tracks/abc",
             "API restricted route": "https://api.spotify.com/v1/tracks?ids=a,b"}
    print("\nstate.inspect alone (collect mode), median of rounds")
    print("| request | µs per check |")
    print("|---|---|")
    for name, url in cases.items():
        values = []
        for _ in range(rounds):
            g = guard.activate("collect")
            start = time.perf_counter()
            for _ in range(2000):
                state.inspect("GET", url, "bench")
            values.append((time.perf_counter() - start) / 2000)
            guard.deactivate(g)
        print(f"| {name} | {statistics.median(values) * 1e6:.1f} |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    ports: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
    stop = multiprocessing.Event()
    child = multiprocessing.Process(target=_serve, args=(ports, stop), daemon=True)
    child.start()
    server = _Remote(ports.get(timeout=30))
    try:
        variants = _variants(server.api, server.netloc)
        urls = {"inactive": server.api + "tracks/abc", "active, other host": server.api + "tracks/abc",
                "active, API allowed route": server.api + "tracks/abc",
                "active, API restricted route": server.api + "tracks?ids=a,b"}
        for library in ("requests", "httpx"):
            client = requests.Session() if library == "requests" else httpx.Client()
            times: dict[str, list[float]] = {name: [] for name in variants}
            for _ in range(args.rounds):
                order = list(variants)
                random.shuffle(order)
                for name in order:
                    enter, leave = variants[name]
                    url = urls[name]
                    enter()
                    for _ in range(args.requests):
                        start = time.perf_counter()
                        client.get(url)
                        times[name].append(time.perf_counter() - start)
                    leave()
            base = statistics.median(times["inactive"])
            print(f"\n{library}: {args.requests} requests x {args.rounds} interleaved rounds, median request")
            print("| variant | µs per request | overhead µs | × inactive |")
            print("|---|---|---|---|")
            for name, values in times.items():
                median = statistics.median(values)
                print(f"| {name} | {median * 1e6:.0f} | {(median - base) * 1e6:+.0f} | {median / base:.3f} |")
            client.close()
    finally:
        stop.set()
        child.join(10)
    _check_only(args.rounds)


if __name__ == "__main__":
    main()
