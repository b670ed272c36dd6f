"""The analysers and the one place that lists them.

``analyse`` walks a parsed module once, dispatching nodes to every analyser's handlers, then
runs the checks that needed the whole module. It returns candidates; positions, messages and
suppression belong to the engine.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import libcst as cst

from spotlint.analysis import clients, fields, limits, playlists, urls, usage
from spotlint.analysis.context import Candidate, ModuleContext
from spotlint.project.info import ProjectInfo
from spotlint.analysis.infer import Inference
from spotlint.analysis.scope import Scope
from spotlint.analysis.walk import Handler, Walker
from spotlint.catalogue.load import Catalogue

ANALYSERS = (usage, clients, limits, fields, playlists, urls)


@lru_cache(maxsize=1)
def handler_table() -> dict[type, Sequence[Handler]]:
    """Handlers by node type, built once per process."""
    table: dict[type, list[Handler]] = {}
    for analyser in ANALYSERS:
        for node_type, handlers in analyser.HANDLERS.items():
            table.setdefault(node_type, []).extend(handlers)
    return {k: tuple(v) for k, v in table.items()}


def analyse(module: cst.Module, catalogue: Catalogue, project: ProjectInfo = ProjectInfo(), env: object = None) -> list[Candidate]:
    """``env`` is the resolved project (``spotlint.project.env.ModuleEnv``), when there is one."""
    ctx = ModuleContext(catalogue=catalogue, project=project, scope=Scope("module", module, None), env=env)
    Walker(ctx, handler_table()).walk(module)
    ctx.inference = Inference(ctx)
    for check in (*ctx.deferred, *ctx.late):
        check(ctx)
    return ctx.candidates
