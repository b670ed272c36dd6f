"""``# noqa`` comments: which findings they silence, and which comments are malformed.

``# noqa`` alone silences every finding of the statement; ``# noqa: SPT103,SPT105`` only those
codes (a code prefix such as ``SPT1`` matches like flake8). A comment whose code list does not
parse silences nothing and is reported, never taken as a blanket ``# noqa``.
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass

NOQA_RE = re.compile(r"#\s*noqa\b(?P<colon>\s*:)?(?P<codes>[^#]*)", re.IGNORECASE)
CODE_RE = re.compile(r"^[A-Z]{1,3}[0-9]{0,3}$")
SEPARATOR_RE = re.compile(r"[,\s]+")


@dataclass(frozen=True, slots=True)
class Noqa:
    """One noqa comment: ``codes`` is None for a blanket noqa."""

    line: int
    column: int
    codes: frozenset[str] | None
    malformed: str = ""

    def silences(self, code: str) -> bool:
        if self.malformed:
            return False
        return self.codes is None or any(code.startswith(c) for c in self.codes)


def parse_comment(text: str, line: int, column: int) -> Noqa | None:
    match = NOQA_RE.search(text)
    if match is None:
        return None
    column += match.start()
    if match.group("colon") is None:
        rest = match.group("codes").strip()
        if rest and CODE_RE.match(rest.split()[0].rstrip(",")):
            return Noqa(line, column, None, f"missing ':' before {rest.split()[0]!r}")
        return Noqa(line, column, None)
    raw = match.group("codes").strip()
    parts = [p for p in SEPARATOR_RE.split(raw) if p]
    if not parts:
        return Noqa(line, column, None, "no codes after 'noqa:'")
    bad = [p for p in parts if not CODE_RE.match(p)]
    if bad or raw.startswith(",") or ",," in raw.replace(" ", ""):
        return Noqa(line, column, None, f"malformed code {(bad or [raw])[0]!r}")
    return Noqa(line, column, frozenset(parts))


def noqa_comments(text: str) -> dict[int, Noqa]:
    """noqa comments by 1-based line. Tokenizes, so '# noqa' inside a string does not count."""
    found: dict[int, Noqa] = {}
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.COMMENT:
                noqa = parse_comment(token.string, token.start[0], token.start[1] + 1)
                if noqa is not None:
                    found[token.start[0]] = noqa
    except (tokenize.TokenError, SyntaxError, IndentationError):
        pass
    return found
