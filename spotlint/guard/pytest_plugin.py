"""The pytest plugin: ``pytest --spotlint-guard[=warn|block]`` runs each test with the guard
active and lists, per test, the restricted requests it made; block mode stops each one and
fails its test (also when the test's code caught the exception). Off unless asked.

``@pytest.mark.spotlint_allow("SPT103", "SPT2")`` allows codes or prefixes in one test; the
``spotlint_guard`` fixture gives the test's activation (its ``sightings``), also without the
option (then in collect mode).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from spotlint.guard import Guard, activate, deactivate

MARKER = "spotlint_allow"
OPTION = "--spotlint-guard"
MODES = ("warn", "block")
_KEY = pytest.StashKey[Guard]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("spotlint", "spotlint runtime guard")
    group.addoption(OPTION, nargs="?", const="warn", default=None, dest="spotlint_guard", metavar="warn|block",
                    help="report the restricted Spotify Web API requests each test makes (warn, the default) "
                         "or stop them and fail the test (block)")


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config: pytest.Config, args: list[str]) -> None:
    """``pytest --spotlint-guard tests/``: the path after a bare option is a path, not its value."""
    for index, arg in enumerate(args[:-1]):
        if arg == OPTION and args[index + 1] not in MODES and not args[index + 1].startswith("-"):
            args[index] = f"{OPTION}=warn"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", f"{MARKER}(*codes): the spotlint guard allows these codes or prefixes in this test")
    mode = config.getoption("spotlint_guard", None)
    if mode is not None and mode not in MODES:
        raise pytest.UsageError(f"{OPTION}={mode}: expected one of {', '.join(MODES)}")
    if mode:
        config.pluginmanager.register(GuardPlugin(mode), "spotlint-guard")


class GuardPlugin:
    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.by_test: dict[str, list[str]] = {}

    def pytest_report_header(self) -> str:
        return f"spotlint guard: {self.mode}"

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_protocol(self, item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
        allow = [str(code) for mark in item.iter_markers(MARKER) for code in mark.args]
        guard = activate("block" if self.mode == "block" else "collect", allow=allow)
        item.stash[_KEY] = guard
        try:
            yield
        finally:
            deactivate(guard)
            if guard.sightings:
                self.by_test[item.nodeid] = [s.text() for s in guard.sightings]

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
        outcome: Any = yield
        report: pytest.TestReport = outcome.get_result()
        guard = item.stash.get(_KEY, None)
        if self.mode == "block" and guard is not None and guard.sightings and report.passed and call.when == "call":
            report.outcome = "failed"
            lines = "\n".join(s.text() for s in guard.sightings)
            report.longrepr = f"spotlint guard blocked restricted requests (the test caught the exception):\n{lines}"

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        if not self.by_test:
            return
        count = sum(len(v) for v in self.by_test.values())
        terminalreporter.section("spotlint guard")
        for nodeid, lines in self.by_test.items():
            terminalreporter.write_line(nodeid)
            for line in lines:
                terminalreporter.write_line(f"    {line}")
        verb = "blocked" if self.mode == "block" else "made"
        terminalreporter.write_line(f"{count} restricted request(s) {verb} in {len(self.by_test)} test(s)")


@pytest.fixture
def spotlint_guard(request: pytest.FixtureRequest) -> Iterator[Guard]:
    """This test's guard activation (collect mode when the option is off)."""
    guard = request.node.stash.get(_KEY, None)
    if guard is not None:
        yield guard
        return
    allow = [str(code) for mark in request.node.iter_markers(MARKER) for code in mark.args]
    guard = activate("collect", allow=allow)
    try:
        yield guard
    finally:
        deactivate(guard)
