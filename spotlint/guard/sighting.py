"""What the guard reports: a restricted request seen at run time, as a ``check`` finding plus
the request, and the warning and exception that carry it to the program.

Values and their text only; deciding and delivering belong to ``state`` and ``delivery``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spotlint.findings import Finding


@dataclass(frozen=True, slots=True)
class Sighting:
    """One rule broken by one request: ``finding`` points at the user's frame."""

    finding: Finding
    request: str  # ``GET /v1/tracks?ids=…``: method and path, ids and query values masked
    library: str  # the hooked layer that saw it

    @property
    def code(self) -> str:
        return self.finding.code

    def text(self) -> str:
        """flake8's line, as ``spotlint check`` prints it."""
        from spotlint.report.text import location

        return f"{location(self.finding)}: {self.finding.code} {self.finding.message}"

    def as_dict(self) -> dict[str, Any]:
        """``check``'s JSON object for the finding, with the request."""
        from spotlint.report.json_format import as_dict

        data = as_dict(self.finding)
        data["request"] = self.request
        data["library"] = self.library
        return data


class RestrictedRequestWarning(UserWarning):
    """Warn mode: a restricted request was sent."""


class RestrictedRequest(Exception):
    """Block mode: a restricted request was stopped before it left the process."""

    def __init__(self, sighting: Sighting) -> None:
        self.sighting = sighting
        super().__init__(f"spotlint guard blocked {sighting.request}: {sighting.text()}")
