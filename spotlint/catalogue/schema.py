"""The rule data model and its construction from one parsed TOML document.

Owns the shape of a rule file and every load-time check that concerns a single file
(keys, types, code format, patterns). Cross-file checks (duplicate codes, wave prefixes)
belong to ``catalogue``. Nothing here reads files.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from spotlint.catalogue.tomltable import Reader as _Reader
from spotlint.catalogue.tomltable import check as _check

CODE_RE = re.compile(r"^SPT[0-9]{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
IDENT_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
VERSION_RE = re.compile(r"^[0-9]+(\.[0-9]+)*$")
HTTP_METHODS = frozenset({"GET", "POST", "PUT", "DELETE"})
KINDS = frozenset({"endpoint", "route", "field", "playlist", "pin", "limit"})
STRATEGIES = frozenset({"stub", "local", "reccobeats"})
LIBRARIES = frozenset({"spotipy", "tekore"})

# the kinds whose restriction a request shows (method, path, query): what the runtime guard checks
REQUEST_KINDS = frozenset({"endpoint", "route", "playlist", "limit"})


@dataclass(frozen=True, slots=True)
class Wave:
    """A dated set of restrictions; its rules take codes in ``hundred``."""

    id: str
    date: str
    hundred: int
    title: str
    audience: str


@dataclass(frozen=True, slots=True)
class ClientLibrary:
    """A Python client of the Web API: its import roots and client classes."""

    name: str
    modules: tuple[str, ...]
    classes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Endpoint:
    method: str
    path: str


@dataclass(frozen=True, slots=True)
class ClientMethods:
    """The methods of one library that reach a rule's endpoints."""

    library: str
    methods: tuple[str, ...]
    fixed_in: Mapping[str, str]
    keywords: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """Response fields a rule is about, and optionally the calls whose results carry them."""

    names: tuple[str, ...]
    objects: tuple[str, ...]
    from_methods: tuple[str, ...]
    replacement: Mapping[str, str]
    spotify_only: tuple[str, ...] = ()  # names no other data uses: reported even where the value's origin is unknown
    from_routes: tuple[str, ...] = ()  # with ``from_methods``: the API paths whose raw responses carry them


@dataclass(frozen=True, slots=True)
class Rename:
    """A route renamed by one path segment; raw URLs can be rewritten to the new one."""

    segment: str
    replacement: str
    unsafe_methods: tuple[str, ...]  # methods whose request body changes too


@dataclass(frozen=True, slots=True)
class LimitCall:
    """How one client method takes the limited parameter, and what it sends without it."""

    library: str
    method: str
    position: int  # index among positional arguments after the client
    default: int  # sent when the call leaves the parameter out
    versions: str  # PEP 440 specifier of the releases this entry describes ('' = all)
    max_limits: int | None  # sent instead of the default under tekore's max_limits


@dataclass(frozen=True, slots=True)
class Limit:
    """A parameter the endpoint caps: a larger value fails the whole request."""

    parameter: str
    maximum: int
    calls: tuple[LimitCall, ...]

    def entries(self, library: str, method: str) -> tuple[LimitCall, ...]:
        return tuple(c for c in self.calls if c.library == library and c.method == method)


@dataclass(frozen=True, slots=True)
class RuleDocs:
    what: str
    why: str
    bad: str
    good: str
    references: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    wave: str
    kind: str
    title: str
    summary: str
    message: str
    instead: str
    fix: tuple[str, ...]
    fix_default: str | None  # the strategy ``spotlint fix`` uses when none is forced (None: no fix)
    endpoints: tuple[Endpoint, ...]
    clients: tuple[ClientMethods, ...]
    generic: tuple[str, ...]
    fields: FieldSpec | None
    playlist_id: str | None
    pin_library: str | None
    rename: Rename | None
    limit: Limit | None
    docs: RuleDocs
    source: str = field(compare=False)

    def methods_of(self, library: str) -> tuple[str, ...]:
        for group in self.clients:
            if group.library == library:
                return group.methods
        return ()


def parse_rule(data: Mapping[str, Any], source: str) -> Rule:
    """Build a rule from one TOML document, raising CatalogueError on any problem."""
    top = _Reader(data, source)
    code = top.string("code")
    _check(bool(CODE_RE.match(code)), top, "code", f"{code!r} is not SPT followed by 3 digits")
    name = top.string("name")
    _check(bool(NAME_RE.match(name)), top, "name", f"{name!r} is not kebab-case")
    kind = top.string("kind")
    _check(kind in KINDS, top, "kind", f"{kind!r} is not one of {sorted(KINDS)}")
    fixes = top.strings("fix")
    bad_fix = [f for f in fixes if f not in STRATEGIES]
    _check(not bad_fix, top, "fix", f"unknown strategy {bad_fix[:1]}")
    default = _fix_default(top, fixes)
    rule = Rule(
        code=code,
        name=name,
        wave=top.string("wave"),
        kind=kind,
        title=top.string("title"),
        summary=top.string("summary"),
        message=top.string("message"),
        instead=top.string("instead"),
        fix=fixes,
        fix_default=default,
        endpoints=tuple(_endpoint(r) for r in top.tables("endpoints")),
        clients=_clients(top.table("clients")),
        generic=top.strings("generic"),
        fields=_fields(top.table("fields")),
        playlist_id=_pattern(top, "playlist-id"),
        pin_library=_pin(top.table("pin")),
        rename=_rename(top.table("rename")),
        limit=_limit(top.table("limit")),
        docs=_docs(top.table("docs", required=True)),
        source=source,
    )
    top.done()
    if kind in ("endpoint", "route", "limit"):
        _check(bool(rule.endpoints), top, "endpoints", f"a {kind} rule needs endpoints")
    if kind == "limit":
        _check(rule.limit is not None, top, "limit", "a limit rule needs a [limit] table")
        assert rule.limit is not None
        for call in rule.limit.calls:
            _check(call.method in rule.methods_of(call.library), top, "limit.calls",
                   f"{call.library}'s {call.method} is not one of the rule's methods")
    else:
        _check(rule.limit is None, top, "limit", f"a {kind} rule takes no [limit] table")
    if kind == "field":
        _check(rule.fields is not None, top, "fields", "a field rule needs a [fields] table")
    if kind == "playlist":
        _check(rule.playlist_id is not None, top, "playlist-id", "a playlist rule needs it")
    if kind == "pin":
        _check(rule.pin_library is not None, top, "pin", "a pin rule needs a [pin] table")
    all_methods = {m for g in rule.clients for m in g.methods}
    stray = sorted(set(rule.generic) - all_methods)
    _check(not stray, top, "generic", f"{stray[:1]} is not one of the rule's methods")
    return rule


def _fix_default(reader: _Reader, fixes: tuple[str, ...]) -> str | None:
    """The rule's own strategy: required when it offers two, implied when it offers one."""
    default = reader.string("fix-default", required=len(fixes) > 1, default="")
    if not fixes:
        _check(not default, reader, "fix-default", "a rule with no fix strategy takes no fix-default")
        return None
    _check(not default or default in fixes, reader, "fix-default",
           f"{default!r} is not one of the rule's fix strategies ({', '.join(fixes)})")
    return default or fixes[0]


def _endpoint(reader: _Reader) -> Endpoint:
    method = reader.string("method")
    path = reader.string("path")
    reader.done()
    _check(method in HTTP_METHODS, reader, "method", f"{method!r} is not an HTTP method")
    _check(path.startswith("/") and " " not in path, reader, "path", f"bad path {path!r}")
    return Endpoint(method, path)


def _clients(reader: _Reader | None) -> tuple[ClientMethods, ...]:
    if reader is None:
        return ()
    groups = []
    for library in sorted(reader.data):
        _check(library in LIBRARIES, reader, library, f"unknown client library {library!r}")
        sub = reader.table(library)
        assert sub is not None
        methods = sub.strings("methods", required=True)
        bad = [m for m in methods if not IDENT_RE.match(m)]
        _check(not bad, sub, "methods", f"{bad[:1]} is not a method name")
        fixed_in = sub.string_map("fixed-in")
        for method, version in fixed_in.items():
            _check(method in methods, sub, f"fixed-in.{method}", "not one of the methods")
            _check(bool(VERSION_RE.match(version)), sub, f"fixed-in.{method}", "bad version")
        groups.append(ClientMethods(library, methods, fixed_in, sub.strings("keywords")))
        sub.done()
    reader.done()
    return tuple(groups)


def _fields(reader: _Reader | None) -> FieldSpec | None:
    if reader is None:
        return None
    spec = FieldSpec(
        names=reader.strings("names", required=True),
        objects=reader.strings("objects", required=True),
        from_methods=reader.strings("from-methods"),
        replacement=reader.string_map("replacement"),
        spotify_only=reader.strings("spotify-only"),
        from_routes=reader.strings("from-routes"),
    )
    reader.done()
    bad = [r for r in spec.from_routes if not r.startswith("/") or " " in r]
    _check(not bad, reader, "from-routes", f"bad path {bad[:1]}")
    stray = sorted(set(spec.spotify_only) - set(spec.names))
    _check(not stray, reader, "spotify-only", f"{stray[:1]} is not one of the names")
    return spec


def _rename(reader: _Reader | None) -> Rename | None:
    if reader is None:
        return None
    rename = Rename(reader.string("segment"), reader.string("replacement"), reader.strings("unsafe-methods"))
    reader.done()
    bad = [m for m in rename.unsafe_methods if m not in HTTP_METHODS]
    _check(not bad, reader, "unsafe-methods", f"{bad[:1]} is not an HTTP method")
    return rename


def _limit(reader: _Reader | None) -> Limit | None:
    if reader is None:
        return None
    calls = []
    for sub in reader.tables("calls"):
        library = sub.string("library")
        _check(library in LIBRARIES, sub, "library", f"unknown client library {library!r}")
        method = sub.string("method")
        _check(bool(IDENT_RE.match(method)), sub, "method", f"{method!r} is not a method name")
        versions = sub.string("versions", required=False)
        if versions:
            from packaging.specifiers import InvalidSpecifier, SpecifierSet

            try:
                SpecifierSet(versions)
            except InvalidSpecifier:
                raise sub.fail("versions", f"{versions!r} is not a PEP 440 specifier") from None
        maximised = sub.raw("max-limits", False)
        _check(maximised is None or (isinstance(maximised, int) and not isinstance(maximised, bool)),
               sub, "max-limits", "expected an integer")
        calls.append(LimitCall(library, method, sub.integer("position"), sub.integer("default"), versions, maximised))
        sub.done()
    limit = Limit(reader.string("parameter"), reader.integer("maximum"), tuple(calls))
    reader.done()
    _check(limit.maximum > 0, reader, "maximum", "expected a positive integer")
    return limit


def _pin(reader: _Reader | None) -> str | None:
    if reader is None:
        return None
    library = reader.string("library")
    reader.done()
    _check(library in LIBRARIES, reader, "library", f"unknown client library {library!r}")
    return library


def _pattern(reader: _Reader, name: str) -> str | None:
    value = reader.string(name, required=False, default="")
    if not value:
        return None
    try:
        re.compile(value)
    except re.error as exc:
        raise reader.fail(name, f"bad regular expression: {exc}") from None
    return value


def _docs(reader: _Reader | None) -> RuleDocs:
    assert reader is not None
    docs = RuleDocs(
        what=reader.string("what"),
        why=reader.string("why"),
        bad=reader.string("bad"),
        good=reader.string("good"),
        references=reader.strings("references", required=True),
    )
    reader.done()
    return docs


def parse_waves(data: Mapping[str, Any], source: str) -> tuple[Wave, ...]:
    top = _Reader(data, source)
    waves = []
    for sub in top.tables("wave"):
        waves.append(
            Wave(
                id=sub.string("id"),
                date=sub.string("date"),
                hundred=sub.integer("hundred"),
                title=sub.string("title"),
                audience=sub.string("audience"),
            )
        )
        sub.done()
    top.done()
    return tuple(waves)


def parse_libraries(data: Mapping[str, Any], source: str) -> tuple[ClientLibrary, ...]:
    top = _Reader(data, source)
    libraries = []
    for name in sorted(data):
        _check(name in LIBRARIES, top, name, f"unknown client library {name!r}")
        sub = top.table(name)
        assert sub is not None
        libraries.append(
            ClientLibrary(name, sub.strings("modules", True), sub.strings("classes", True))
        )
        sub.done()
    top.done()
    return tuple(libraries)
