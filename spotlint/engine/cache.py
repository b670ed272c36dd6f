"""A cache of per-file results in ``.spotlint_cache/``, keyed by everything a result depends on:
the file's bytes and name, the catalogue, the selection, what is known of the project, and the
spotlint version; a result also records what it asked of the project index, and the caller
revalidates it by asking again. A corrupt or foreign entry is a miss, never an error.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Collection
from pathlib import Path
from typing import Any

from spotlint.stamp import code_stamp
from spotlint.project.info import ProjectInfo
from spotlint.catalogue.load import Catalogue
from spotlint.findings import FileResult, Finding, Span

DIRECTORY = ".spotlint_cache"
FORMAT = 2


_DIGESTS: dict[int, tuple[Catalogue, str]] = {}


def catalogue_digest(catalogue: Catalogue) -> str:
    """A digest of every rule file (user rules included): edit a rule and the cache is cold."""
    known = _DIGESTS.get(id(catalogue))
    if known is not None and known[0] is catalogue:
        return known[1]
    digest = hashlib.sha256()
    for rule in catalogue.rules:
        digest.update(Path(rule.source).read_bytes() if Path(rule.source).is_file() else rule.code.encode())
    _DIGESTS[id(catalogue)] = (catalogue, digest.hexdigest())
    return digest.hexdigest()


class Cache:
    def __init__(self, root: Path, catalogue: Catalogue, selected: Collection[str]) -> None:
        self.directory = root / DIRECTORY
        self.prefix = "|".join([code_stamp(), str(FORMAT), catalogue_digest(catalogue), ",".join(sorted(selected))])

    def key(self, display: str, data: bytes, project: ProjectInfo) -> str:
        digest = hashlib.sha256(self.prefix.encode())
        digest.update(f"|{display}|{_canonical(project)}|".encode())
        digest.update(data)
        return digest.hexdigest()

    def get(self, key: str) -> FileResult | None:
        try:
            raw = json.loads((self.directory / key[:2] / f"{key}.json").read_text(encoding="utf-8"))
            if raw.get("format") != FORMAT:
                return None
            return _result(raw)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, result: FileResult) -> None:
        try:
            folder = self.directory / key[:2]
            folder.mkdir(parents=True, exist_ok=True)
            ignore = self.directory / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# created by spotlint\n*\n", encoding="utf-8")
            handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(_raw(result), out)
            os.replace(temporary, folder / f"{key}.json")
        except OSError:
            pass  # a cache that cannot be written is only slower


def _canonical(project: ProjectInfo) -> str:
    """The same text in every process (a set's order changes with string hashing)."""
    return json.dumps([project.module, sorted(project.first_party), sorted(project.modules),
                       sorted(project.declared), project.module_key, project.relevant,
                       project.is_package])


def _raw(result: FileResult) -> dict[str, Any]:
    return {
        "format": FORMAT, "path": result.path, "error": result.error, "asked": [list(a) for a in result.asked],
        "findings": [
            {"span": [f.span.line, f.span.column, f.span.end_line, f.span.end_column], "code": f.code,
             "endpoint": f.endpoint, "message": f.message, "fix": list(f.fix), "cell": f.cell,
             "replacement": f.replacement, "fingerprint": f.fingerprint, "trace": list(f.trace)}
            for f in result.findings
        ],
    }


def _result(raw: dict[str, Any]) -> FileResult:
    findings = tuple(
        Finding(raw["path"], Span(*item["span"]), item["code"], item["endpoint"], item["message"],
                tuple(item["fix"]), item["cell"], replacement=item["replacement"], fingerprint=item["fingerprint"],
                trace=tuple(item.get("trace", ())))
        for item in raw["findings"]
    )
    return FileResult(raw["path"], findings, raw["error"], tuple((q, d) for q, d in raw.get("asked", ())))
