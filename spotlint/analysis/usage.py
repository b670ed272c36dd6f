"""Whether a module uses Spotify at all: imports a client library or names the API host.

Other analysers read ``ModuleContext.uses_spotify`` after the walk; this one only sets it.
"""

from __future__ import annotations

import libcst as cst

from spotlint.analysis.context import ModuleContext
from spotlint.analysis.scope import dotted_name

from spotlint.project.info import API_HOST, COMPAT_MODULE


def _library_module(name: str, ctx: ModuleContext) -> bool:
    top = name.split(".")[0]
    for library in ctx.catalogue.libraries:
        if top in library.modules:
            ctx.libraries.add(library.name)
            return True
    return False


def on_import(node: cst.CSTNode, ctx: ModuleContext) -> None:
    if isinstance(node, cst.Import):
        names = [dotted_name(alias.name) for alias in node.names]
        if any(_library_module(name, ctx) or name.split(".")[-1] == COMPAT_MODULE for name in names):
            ctx.uses_spotify = True
    elif isinstance(node, cst.ImportFrom):
        module = dotted_name(node.module) if node.module is not None else ""
        if module and not node.relative and _library_module(module, ctx):
            ctx.uses_spotify = True
        elif module.split(".")[-1] == COMPAT_MODULE or (
            not isinstance(node.names, cst.ImportStar) and any(dotted_name(a.name) == COMPAT_MODULE for a in node.names)
        ):
            ctx.uses_spotify = True


def on_string(node: cst.CSTNode, ctx: ModuleContext) -> None:
    assert isinstance(node, (cst.SimpleString, cst.FormattedStringText))
    if API_HOST in node.value:
        ctx.uses_spotify = True


HANDLERS = {
    cst.Import: [on_import],
    cst.ImportFrom: [on_import],
    cst.SimpleString: [on_string],
    cst.FormattedStringText: [on_string],
}
