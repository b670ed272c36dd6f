"""Render the compat module, or merge new functions into the one the project already has.

Every block spotlint writes is preceded by ``# spotlint: generated NAME sha1:HASH``. On a later
run a block whose text still has that hash is spotlint's and is refreshed; a block the user
edited (hash differs) or wrote (no marker) is the user's and is kept as it is. Pure text in,
text out; a compat module that does not parse is refused with CompatError.
"""

from __future__ import annotations

import ast
import hashlib
import re
from collections.abc import Iterable

from spotlint.fix.blocks import Block, closure

MARKER_RE = re.compile(r"^# spotlint: generated (?P<name>\w+) sha1:(?P<hash>[0-9a-f]{12})$")

HEADER = '''"""Replacements for Spotify Web API calls that Spotify restricted (written by spotlint).

Spotify cut access to these endpoints for new and development-mode apps on 2024-11-27 and,
for development-mode apps created from 2026-02-11, in February 2026. `spotlint fix` rewrote
the calls in this project into calls of the functions below; each keeps the client method's
parameters, with the client first, and the shape of its response. Stubs return empty data and
warn once; the other functions' docstrings say where their data comes from.

This file is yours. A block under a "spotlint: generated" line is refreshed by a later
`spotlint fix` as long as you have not changed it; edit it (or delete the line) to keep your
version. It imports only the standard library.
"""

from __future__ import annotations
'''


# What the module docstring must also say while the module holds blocks of a template.
NOTICES = {
    "reccobeats": (
        "You opted in to `--strategy reccobeats`: the functions whose docstrings say so send\n"
        "Spotify track (and artist) ids over the network to ReccoBeats (RECCOBEATS_URL), a\n"
        "third-party service, and return its data, not Spotify's.\n"
    ),
}


class CompatError(Exception):
    """The existing compat module cannot be merged into; the message says why."""


def digest(text: str) -> str:
    return hashlib.sha1(text.strip().encode("utf-8")).hexdigest()[:12]


def _marked(block: Block) -> str:
    return f"# spotlint: generated {block.name} sha1:{digest(block.text)}\n{block.text.rstrip()}\n"


def render(blocks: Iterable[Block], existing: str | None = None) -> str:
    """The compat module holding ``blocks`` (and their helpers), merged into ``existing``."""
    needed = closure(list(blocks))
    imports = sorted({line for block in needed for line in block.imports}, key=lambda i: (i.startswith("from"), i))
    notices = [NOTICES[t] for t in sorted({b.template for b in needed}) if t in NOTICES]
    if existing is None:
        body = "\n\n".join(_marked(b) for b in needed)
        text = HEADER + ("\n" + "\n".join(imports) + "\n" if imports else "") + "\n\n" + body
        return _add_notices(text, notices)
    return _add_notices(_merge(existing, needed, imports), notices)


def _merge(existing: str, needed: list[Block], imports: list[str]) -> str:
    try:
        tree = ast.parse(existing)
    except SyntaxError as exc:
        raise CompatError(f"it does not parse (line {exc.lineno}: {exc.msg}); fix it or move it away") from None
    lines = existing.splitlines(keepends=True)
    defined = {_name(node): node for node in tree.body if _name(node)}
    replacements: dict[int, tuple[int, str]] = {}  # first line index -> (end index, new text)
    for block in needed:
        node = defined.get(block.name)
        if node is None:
            continue
        start = node.lineno - 1 - len(getattr(node, "decorator_list", []) or [])
        marker_at = _marker_line(lines, start)
        if marker_at is None:
            continue  # the user's own definition
        match = MARKER_RE.match(lines[marker_at].strip())
        assert match is not None
        current = "".join(lines[marker_at + 1:node.end_lineno])
        if digest(current) != match.group("hash"):
            continue  # edited by the user: theirs now
        replacements[marker_at] = (node.end_lineno or start + 1, _marked(block))
    out: list[str] = []
    index = 0
    while index < len(lines):
        if index in replacements:
            end, text = replacements[index]
            out.append(text)
            index = end
        else:
            out.append(lines[index])
            index += 1
    merged = "".join(out)
    missing = [b for b in needed if b.name not in defined]
    if missing:
        merged = merged.rstrip("\n") + "\n\n\n" + "\n\n".join(_marked(b) for b in missing)
    return _add_imports(merged, [i for i in imports if i not in existing])


def _name(node: ast.stmt) -> str:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return node.name
    if isinstance(node, (ast.Assign, ast.AnnAssign)):
        target = node.targets[0] if isinstance(node, ast.Assign) else node.target
        return target.id if isinstance(target, ast.Name) else ""
    return ""


def _marker_line(lines: list[str], start: int) -> int | None:
    """The marker line above a definition (comment lines may sit between)."""
    index = start - 1
    while index >= 0 and lines[index].lstrip().startswith("#"):
        if MARKER_RE.match(lines[index].strip()):
            return index
        index -= 1
    return None


def _add_notices(text: str, notices: list[str]) -> str:
    """Each notice the text lacks, as a last paragraph of the module docstring (or, when the
    docstring does not end in a line of its own, as comments at the top)."""
    missing = [n for n in notices if n.splitlines()[0] not in text]
    if not missing:
        return text
    lines = text.splitlines(keepends=True)
    tree = ast.parse(text)
    first = tree.body[0] if tree.body else None
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
        end = first.end_lineno or 1
        if lines[end - 1].strip() in ('"""', "'''"):
            added = "".join("\n" + notice for notice in missing)
            return "".join(lines[:end - 1]) + added + "".join(lines[end - 1:])
    comments = "".join("".join(f"# {line}\n" for line in notice.splitlines()) for notice in missing)
    return comments + text


def _add_imports(text: str, imports: list[str]) -> str:
    if not imports:
        return text
    tree = ast.parse(text)
    last = 0
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            last = node.end_lineno or last
        elif isinstance(node, ast.Expr) and isinstance(getattr(node, "value", None), ast.Constant) and last == 0:
            last = node.end_lineno or last
    lines = text.splitlines(keepends=True)
    return "".join(lines[:last]) + "".join(f"{line}\n" for line in imports) + "".join(lines[last:])
