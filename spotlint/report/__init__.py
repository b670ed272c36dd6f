"""Output formats: each renders a list of FileResults to text; this maps names to renderers.

Renderers take the results and the catalogue (SARIF embeds rule help); they never analyse.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import import_module

from spotlint.catalogue.load import Catalogue
from spotlint.findings import FileResult

FORMATS = {
    "text": "spotlint.report.text",
    "json": "spotlint.report.json_format",
    "sarif": "spotlint.report.sarif",
    "github": "spotlint.report.github",
    "full": "spotlint.report.full",
}


def render(name: str, results: Sequence[FileResult], catalogue: Catalogue) -> str:
    module = import_module(FORMATS[name])
    return module.render(results, catalogue)  # type: ignore[no-any-return]
