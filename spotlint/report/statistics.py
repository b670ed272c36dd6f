"""``--statistics``: the number of findings per rule, most frequent first."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from spotlint.catalogue.load import Catalogue
from spotlint.findings import FileResult


def render(results: Sequence[FileResult], catalogue: Catalogue) -> str:
    counts = Counter(f.code for r in results for f in r.findings)
    lines = []
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        name = catalogue.rule(code).name if catalogue.has(code) else "diagnostic"
        fixable = "[fix] " if catalogue.has(code) and catalogue.rule(code).fix else "      "
        lines.append(f"{count:>5}  {code}  {fixable}{name}")
    return "".join(line + "\n" for line in lines)
