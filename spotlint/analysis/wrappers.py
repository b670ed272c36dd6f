"""The project's own Web API wrappers: a class that holds the API's base URL
(``base_url="https://api.spotify.com/v1"`` in its body, its constructor or a base class) sends
what its ``get("search", params=…)`` names to that API, so a relative path given to one of its
request methods is a Web API route, and what that method returns is a Web API response.
"""

from __future__ import annotations

import libcst as cst

from spotlint.analysis.context import ModuleContext
from spotlint.analysis.infer import Instance, Qual, Types, UserClass
from spotlint.analysis.walk import children

API_BASE = "https://api.spotify.com"


def holds_api_base(node: cst.CSTNode) -> bool:
    """Whether a string literal under ``node`` (a class) is the Web API's address."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, cst.SimpleString):
            value = current.evaluated_value
            if isinstance(value, str) and value.startswith(API_BASE):
                return True
        elif isinstance(current, cst.FormattedStringText) and current.value.startswith(API_BASE):
            return True
        else:
            stack.extend(children(current))
    return False


def is_api_wrapper(types: Types, ctx: ModuleContext) -> bool:
    """Whether a receiver is an instance (or the class) of a Web API wrapper of the project."""
    for value in types:
        if isinstance(value, Qual) and value.api:
            return True
        cls = value.cls if isinstance(value, Instance) else value if isinstance(value, UserClass) else None
        if cls is not None and _wraps(cls, ctx):
            return True
    return False


def _wraps(cls: UserClass, ctx: ModuleContext) -> bool:
    memo = ctx.api_wrappers
    known = memo.get(id(cls.node))
    if known is not None:
        return known
    memo[id(cls.node)] = False  # a class among its own bases: not through that
    found = holds_api_base(cls.node) or any(
        is_api_wrapper(ctx.inference.of(arg.value, cls.scope), ctx) for arg in cls.node.bases if arg.keyword is None)
    memo[id(cls.node)] = found
    return found
