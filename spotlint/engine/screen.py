"""The cheap first look at a file, before any parsing: bytes that are not text are SPT002, and
a file without a trigger word needs no analysis. Imports no parser, so a run over a large
repository that holds little Spotify code never loads libcst.
"""

from __future__ import annotations

from pathlib import Path

from spotlint.catalogue.load import Catalogue
from spotlint.files.kinds import kind
from spotlint.findings import READ_ERROR, FileResult, error_result
from spotlint.engine.prefilter import may_have_findings
from spotlint.files.source import DecodeFailure, decode

def screen(data: bytes, path: Path, shown: str, catalogue: Catalogue) -> FileResult | None:
    """The answer for a file that needs no parsing (not one spotlint reads, undecodable, or no
    trigger word), else None."""
    what = kind(path.name, data[:256])
    if what is None:
        return FileResult(shown, ())
    if what != "python":
        return None
    try:
        decode(data)
    except DecodeFailure as exc:
        return error_result(shown, READ_ERROR, f"cannot decode file: {exc}")
    return None if may_have_findings(data, catalogue) else FileResult(shown, ())
