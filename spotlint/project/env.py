"""The view of the resolved project that the per-file analysis reads: one module's window on
``Resolved``. ``lookup`` answers what a path is, in the analysis' own types; ``strings`` what
a constant of another module holds. Knows nothing of libcst trees; does no I/O.
"""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass, field

from spotlint.analysis.infer import OPAQUE, Client, ClientClass, Qual, Result, TupleT, Type, Types
from spotlint.project.info import ProjectInfo
from spotlint.project.resolve import Resolved
from spotlint.project.values import (
    ClassV, ClientClassV, ClientV, ExternalV, InstanceV, ModuleV, OpaqueV, ResultV, TupleV, Values,
)


@dataclass
class ModuleEnv:
    project: Resolved
    key: str  # this module's key in the project (its path from the project root)
    # every question the analysis asked, with a digest of the answer: a cached result stays
    # valid while the same questions get the same answers (whatever else changed)
    asked: dict[str, str] = field(default_factory=dict)

    def lookup(self, path: str) -> Types | None:
        """None when the project knows nothing of ``path`` (the analysis stays cautious)."""
        values = self.project.resolve(path, self.key)
        self.asked["L" + path] = self._digest(values)
        if not values:
            return None
        return _types(values, path, self.project)

    def strings(self, path: str) -> tuple[str, ...] | None:
        found = self.project.strings(path, self.key)
        self.asked["S" + path] = _digest(found)
        return found

    def answers(self, asked: tuple[tuple[str, str], ...]) -> bool:
        """Whether the resolution answers each of ``asked`` as it did."""
        for question, digest in asked:
            path = question[1:]
            answer = self.project.resolve(path, self.key) if question[0] == "L" else self.project.strings(path, self.key)
            if (self._digest(answer) if question[0] == "L" else _digest(answer)) != digest:
                return False
        return True


    def _digest(self, values: Values) -> str:
        """A lookup's answer: its values, and which of its classes wrap the Web API."""
        wrappers = sorted(v.key for v in values if isinstance(v, (ClassV, InstanceV)) and self.project.api_wrapper(v.key))
        return _digest(values) + ("|" + ",".join(wrappers) if wrappers else "")


def _digest(answer: object) -> str:
    text = repr(sorted(map(repr, answer))) if isinstance(answer, frozenset) else repr(answer)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _types(values: Values, path: str, project: Resolved, depth: int = 0) -> frozenset[Type]:
    out: set[Type] = set()
    for value in values:
        if isinstance(value, ClientV):
            out.add(Client(value.library, None, value.overrides, value.trace, value.max_limits))
        elif isinstance(value, ClientClassV):
            out.add(ClientClass(value.library, value.overrides, value.trace))
        elif isinstance(value, ResultV):
            out.add(Result(value.library, value.method))
        elif isinstance(value, TupleV) and depth < 3:
            out.add(TupleT(tuple(_types(item, f"{path}[{i}]", project, depth + 1) for i, item in enumerate(value.items))))
        elif isinstance(value, OpaqueV):
            out.add(OPAQUE)
        elif isinstance(value, ExternalV):
            out.add(Qual(path, False, resolved=True, external=value.path))
        elif isinstance(value, (ClassV, InstanceV)) and project.api_wrapper(value.key):
            out.add(Qual(path, resolved=True, api=True))
        else:  # a project class, instance, function, module, or another library's object
            out.add(Qual(path, isinstance(value, ModuleV), resolved=True))
    return frozenset(out)


_LOADED: dict[str, Resolved] = {}


def register(index_file: str, project: Resolved) -> None:
    """Make a resolution known to this process (no file read for in-process checks)."""
    _LOADED.clear()
    _LOADED[index_file] = project


def environment(info: ProjectInfo) -> ModuleEnv | None:
    """The resolved project for a file, loaded once per process from the run's index file
    (worker processes read it at their first file). None without an index."""
    if not info.index_file:
        return None
    project = _LOADED.get(info.index_file)
    if project is None:
        try:
            with open(info.index_file, "rb") as handle:
                project = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError):
            return None
        register(info.index_file, project)
    return ModuleEnv(project, info.module_key)
