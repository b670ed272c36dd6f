"""Exceptions for problems the user must fix before a run can start.

Problems with one analysed file are never exceptions: they become SPT001/SPT002 findings.
Only the CLI catches these and turns them into a one-line message and exit code 2.
"""

from __future__ import annotations


class SpotlintError(Exception):
    """A usage, configuration or catalogue problem; the message names its source."""


class CatalogueError(SpotlintError):
    """A rule file is malformed; the message names the file and the key."""

    def __init__(self, source: str, key: str, problem: str) -> None:
        self.source = source
        self.key = key
        self.problem = problem
        where = f"{source}: {key}" if key else source
        super().__init__(f"{where}: {problem}")


class ConfigError(SpotlintError):
    """A configuration value is invalid; the message names the file and the key."""
