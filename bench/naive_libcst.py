"""The naive libcst scanner the benchmark compares against: per file, parse, wrap in a
MetadataWrapper (deep copy), resolve QualifiedNameProvider (full scope analysis) and look at
every call's qualified names. What a first libcst linter usually does."""

from __future__ import annotations

import sys
from pathlib import Path

import libcst as cst
from libcst.metadata import MetadataWrapper, QualifiedNameProvider

METHODS = {"audio_features", "audio_analysis", "recommendations", "artist_related_artists", "tracks"}


class Calls(cst.CSTVisitor):
    METADATA_DEPENDENCIES = (QualifiedNameProvider,)

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def visit_Call(self, node: cst.Call) -> None:
        names = self.get_metadata(QualifiedNameProvider, node.func, set())
        if any(n.name.rsplit(".", 1)[-1] in METHODS for n in names):
            self.count += 1


def main(root: str) -> None:
    total = 0
    for path in sorted(Path(root).rglob("*.py")):
        try:
            module = cst.parse_module(path.read_text(encoding="utf-8"))
        except (cst.ParserSyntaxError, UnicodeDecodeError, RecursionError):
            continue
        visitor = Calls()
        try:
            MetadataWrapper(module).visit(visitor)
        except RecursionError:
            continue
        total += visitor.count
    print(total)


if __name__ == "__main__":
    main(sys.argv[1])
