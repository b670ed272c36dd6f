"""Asynchronous twins of tekore's compat functions, derived from the synchronous templates.

tekore's asynchronous client (``Spotify(asynchronous=True)``) returns coroutines, so an awaited
call ``await client.tracks(ids)`` becomes ``await spotify_compat.tekore_tracks_async(client,
ids)``. The twin of a template function is the same code as an ``async def`` named ``…_async``:
every call of a parameter or of a parameter's attribute (``client.track(…)``, ``fetch(…)``) is
awaited through ``_resolved`` (which awaits only what is awaitable, so a synchronous client
still works), and a call of another template function goes to that function's twin. One
template, two behaviours: nothing is written twice by hand.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

import libcst as cst

if TYPE_CHECKING:
    from spotlint.fix.blocks import Block

SUFFIX = "_async"
RESOLVED = "_resolved"
_RESOLVED_TEXT = '''async def _resolved(value: Any) -> Any:
    """What a client call gives: awaited when the client is asynchronous."""
    return await value if inspect.isawaitable(value) else value
'''


def twin_name(name: str) -> str:
    return name + SUFFIX


def twins(blocks: Mapping[str, Block], template: str) -> dict[str, Block]:
    """The ``…_async`` twin of every compat function of ``template`` and of the helpers they
    call that call a parameter (directly or through another such helper), and ``_resolved``."""
    from spotlint.fix.blocks import Block

    functions = {name for name, block in blocks.items() if _is_function(block)}
    wanted = {name for name in functions if not name.startswith("_")}
    while True:  # helpers that must be awaited: they await something themselves
        more = {name for name in functions - wanted if "await " in _transform(blocks[name].text, name, wanted)}
        if not more:
            break
        wanted |= more
    out: dict[str, Block] = {}
    for name in sorted(wanted):
        block = blocks[name]
        text = _transform(block.text, name, wanted)
        needs = {twin_name(n) if n in wanted else n for n in block.needs} | ({RESOLVED} if f"{RESOLVED}(" in text else set())
        out[twin_name(name)] = replace(block, name=twin_name(name), text=text, needs=frozenset(needs),
                                       summary=block.summary and f"{block.summary} (asynchronous client)")
    if out:
        out[RESOLVED] = Block(name=RESOLVED, text=_RESOLVED_TEXT, template=template, needs=frozenset(),
                              imports=("import inspect", "from typing import Any"), unsafe="", summary="")
    return out


def _is_function(block: Block) -> bool:
    try:
        module = cst.parse_module(block.text)
    except cst.ParserSyntaxError:
        return False
    return any(isinstance(statement, cst.FunctionDef) for statement in module.body)


def _transform(text: str, name: str, functions: set[str]) -> str:
    module = cst.parse_module(text)
    return module.visit(_Twin(name, functions)).code


class _Twin(cst.CSTTransformer):
    def __init__(self, name: str, functions: set[str]) -> None:
        self.name = name
        self.functions = functions
        self.params: set[str] = set()
        self.depth = 0  # nested functions and lambdas keep their own (synchronous) bodies

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        self.depth += 1
        if self.depth == 1:
            params = node.params
            self.params = {p.name.value for p in (*params.posonly_params, *params.params, *params.kwonly_params)}
            self.params |= {p.name.value for p in (params.star_arg, params.star_kwarg) if isinstance(p, cst.Param)}
        return True

    def leave_FunctionDef(self, original: cst.FunctionDef, updated: cst.FunctionDef) -> cst.FunctionDef:
        self.depth -= 1
        if self.depth:
            return updated
        return updated.with_changes(name=cst.Name(twin_name(self.name)), asynchronous=cst.Asynchronous())

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        self.depth += 1
        return True

    def leave_Lambda(self, original: cst.Lambda, updated: cst.Lambda) -> cst.Lambda:
        self.depth -= 1
        return updated

    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        if self.depth != 1:
            return updated
        func = updated.func
        if isinstance(func, cst.Name) and func.value in self.functions:
            return cst.Await(updated.with_changes(func=cst.Name(twin_name(func.value))))
        root = func
        while isinstance(root, cst.Attribute):
            root = root.value
        if isinstance(root, cst.Name) and root.value in self.params:
            return cst.Await(cst.Call(cst.Name(RESOLVED), [cst.Arg(updated)]))
        return updated
