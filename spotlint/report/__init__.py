"""Output formats: each renders a list of FileResults to text; this maps names to renderers."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spotlint.findings import FileResult
from spotlint.report import json_format, text

Renderer = Callable[[Sequence[FileResult]], str]

FORMATS: dict[str, Renderer] = {
    "text": text.render,
    "json": json_format.render,
}
