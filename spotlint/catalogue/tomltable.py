"""Typed, key-tracking access to one parsed TOML table, for files whose every key is checked
(rule files): a wrong type or an unknown key is a CatalogueError naming the file and key."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from spotlint.errors import CatalogueError


class Reader:
    """Typed access to one TOML table that remembers which keys were read."""

    def __init__(self, data: Mapping[str, Any], source: str, prefix: str = "") -> None:
        self.data = data
        self.source = source
        self.prefix = prefix
        self.seen: set[str] = set()

    def key(self, name: str) -> str:
        return f"{self.prefix}{name}"

    def fail(self, name: str, problem: str) -> CatalogueError:
        return CatalogueError(self.source, self.key(name), problem)

    def raw(self, name: str, required: bool) -> Any:
        self.seen.add(name)
        if name not in self.data:
            if required:
                raise self.fail(name, "missing required key")
            return None
        return self.data[name]

    def string(self, name: str, required: bool = True, default: str = "") -> str:
        value = self.raw(name, required)
        if value is None:
            return default
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(name, "expected a non-empty string")
        return value

    def strings(self, name: str, required: bool = False) -> tuple[str, ...]:
        value = self.raw(name, required)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.fail(name, "expected a list of non-empty strings")
        return tuple(value)

    def integer(self, name: str) -> int:
        value = self.raw(name, True)
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(name, "expected an integer")
        return value

    def table(self, name: str, required: bool = False) -> Reader | None:
        value = self.raw(name, required)
        if value is None:
            return None
        if not isinstance(value, dict):
            raise self.fail(name, "expected a table")
        return Reader(value, self.source, f"{self.key(name)}.")

    def tables(self, name: str) -> list[Reader]:
        value = self.raw(name, False)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(name, "expected an array of tables")
        return [Reader(v, self.source, f"{self.key(name)}[{i}].") for i, v in enumerate(value)]

    def string_map(self, name: str) -> dict[str, str]:
        sub = self.table(name)
        if sub is None:
            return {}
        for k, v in sub.data.items():
            if not isinstance(v, str):
                raise sub.fail(k, "expected a string")
        return dict(sub.data)

    def done(self) -> None:
        unknown = sorted(set(self.data) - self.seen)
        if unknown:
            raise self.fail(unknown[0], "unknown key")


def check(ok: bool, reader: Reader, name: str, problem: str) -> None:
    if not ok:
        raise reader.fail(name, problem)
